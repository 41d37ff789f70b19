import { understand } from './src/understanding/understand.ts';
import { illNow } from './bots/wechat/conversation.ts';
const t = process.argv[2]!;
const u = understand(t, { now: new Date('2026-12-05T02:00:00Z') });
console.log(u.harm.value, u.urgency.value, illNow(t, u));
