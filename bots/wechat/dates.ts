// The bot reads dates through the understanding engine (src/understanding/dates.ts).
export { chineseNumber, parseIncidentDate, saysUnknownDate } from '../../src/understanding/dates.ts';
