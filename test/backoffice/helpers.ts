// Back-office test kit: a real app over a real database (testDeps), users created through the service,
// sign-in through the real HTTP form (CSRF included), a tiny cookie jar, and cases moved to a given state
// through applyTransition (the only write path), as the workflow would.
import { afterAll, beforeAll } from 'vitest';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { SUBMISSION_EXAMPLES, SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { createUser } from '../../src/backoffice/staff.service.ts';
import { createApp } from '../../src/http/app.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import type { Clock } from '../../src/lib/clock.ts';

export const PASSWORD = 'Correct-Horse-9-Battery';
export const UNIT_A = 'station-xjl';
export const UNIT_B = 'station-lhu';

export class Jar {
  private cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export interface Bo {
  t: TestDeps;
  app: ReturnType<typeof createApp>;
}

/** Registers beforeAll/afterAll for one environment per test file. */
export function useBackoffice(opts: { clock?: Clock; overrides?: Record<string, string> } = {}): Bo {
  const bo = {} as Bo;
  beforeAll(async () => {
    bo.t = await testDeps({ ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.overrides ? { overrides: opts.overrides } : {}) });
    bo.app = createApp(bo.t.deps);
  });
  afterAll(async () => {
    await bo.t.close();
  });
  return bo;
}

export async function makeUser(
  bo: Bo,
  username: string,
  role: 'intake_clerk' | 'handler' | 'supervisor' | 'admin' | 'police' | 'reward_officer' | 'director',
  unitId: string | null,
) {
  const u = await createUser(bo.t.db, { username, displayName: username, role, unitId }, bo.t.deps.clock.now(), { password: PASSWORD });
  return u.id;
}

/** A browser-like client: keeps cookies, reads the CSRF token from the last page it got. */
export class Client {
  readonly jar = new Jar();
  lastHtml = '';
  /** `headers`: sent with every request (e.g. X-Forwarded-For behind a trusted proxy). */
  constructor(
    readonly bo: Bo,
    readonly headers: Record<string, string> = {},
  ) {}

  async get(path: string): Promise<Response> {
    const res = await this.bo.app.request(path, { headers: { ...this.headers, cookie: this.jar.header() }, redirect: 'manual' });
    this.jar.take(res);
    if ((res.headers.get('content-type') ?? '').includes('text/html')) this.lastHtml = await res.clone().text();
    return res;
  }

  token(): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!m) throw new Error('no CSRF token on the last page');
    return m[1]!;
  }

  async post(path: string, form: Record<string, string>, opts: { csrf?: boolean } = {}): Promise<Response> {
    const body = new URLSearchParams(form);
    if (opts.csrf !== false && !form._csrf) body.set('_csrf', this.token());
    const res = await this.bo.app.request(path, {
      method: 'POST',
      body,
      headers: { ...this.headers, cookie: this.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    this.jar.take(res);
    if ((res.headers.get('content-type') ?? '').includes('text/html')) this.lastHtml = await res.clone().text();
    return res;
  }

  async signIn(username: string, password = PASSWORD): Promise<Response> {
    await this.get('/staff/login');
    return this.post('/staff/login', { username, password });
  }
}

export async function signedIn(bo: Bo, username: string): Promise<Client> {
  const c = new Client(bo);
  const res = await c.signIn(username);
  if (res.status !== 303) throw new Error(`sign-in of ${username} failed: ${res.status}`);
  await c.get('/staff/account/password'); // a page with a fresh CSRF token
  return c;
}

const SYSTEM = { role: 'system', id: null } as const;

/** A case submitted through intake, triaged and (when unitId given) assigned, like the workflow does. */
export async function makeCase(
  bo: Bo,
  kind: 'complaint' | 'anonymousReport' | 'consultation',
  where: { unitId?: string; assigneeId?: string | null } = {},
) {
  const r = await bo.t.deps.intake.submit({
    submission: SubmissionSchema.parse(SUBMISSION_EXAMPLES[kind].value),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const number = r.cases[0]!.number;
  const row = await bo.t.db.selectFrom('intake_case').select(['id']).where('number', '=', number).executeTakeFirstOrThrow();
  const now = bo.t.deps.clock.now();
  await applyTransition(bo.t.db, row.id, { type: 'triage' }, SYSTEM, now, {
    patch: { category: 'food_retail', urgency: 'normal', urgency_rank: 2, unit_id: where.unitId ?? null },
  });
  if (where.unitId && where.assigneeId) {
    await applyTransition(bo.t.db, row.id, { type: 'assign', data: { assigneeId: where.assigneeId } }, SYSTEM, now, {
      patch: { unit_id: where.unitId, assignee_id: where.assigneeId },
    });
  }
  return { id: row.id, number };
}
