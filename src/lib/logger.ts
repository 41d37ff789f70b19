// Structured JSON logs (pino). Rule: never log personal data or the text of a submission — callers log
// ids, codes and counts only. Known sensitive keys are redacted as a second line of defence.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'shiantong' },
      redact: {
        // (No bare `*.name`: it hid error names, `{ err: { name } }`; identities travel as person/identity.)
        paths: [
          'person',
          'identity',
          '*.person',
          '*.identity',
          '*.phone',
          '*.address',
          '*.idNumber',
          '*.description',
          '*.code',
          '*.queryCode',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
