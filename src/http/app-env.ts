// The variables every HTTP request carries (Hono's Env), in a module of its own so route modules can
// name them without importing app.ts, which imports every route module.
import type { Actor } from '../cases/case.machine.ts';
import type { Channel } from '../cases/case.table.ts';

export type AppEnv = { Variables: { requestId: string; actor: Actor; channel: Channel } };
