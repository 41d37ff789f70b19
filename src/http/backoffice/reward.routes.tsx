// Back office, area "rewards" (issue 15): only the reward officer sees reward cases; statistics for the
// reward officer, supervisors and admins (counts and sums, no case or person). Each POST calls one verb
// of src/rewards/reward.service.ts (which writes its audit row) and shows the page again.
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import {
  type OfficerActor,
  type SealedClaim,
  assessReward,
  decideReward,
  listRewardCases,
  recordCheck,
  recordFinanceApproval,
  recordPayment,
  recordRecovery,
  revealClaim,
  rewardForOfficer,
  rewardStatistics,
} from '../../rewards/reward.service.ts';
import { REWARD_STATUSES, type RewardStatus } from '../../rewards/reward.table.ts';
import { cstDate } from '../../lib/clock.ts';
import type { BoEnv, C, RouteRule } from './guard.ts';
import { kitFor, messagesOf, render, str } from './kit.tsx';
import { RewardCasePage, RewardListPage, RewardStatisticsPage } from './reward.page.tsx';

const OFFICER = ['reward_officer'] as const;
export const REWARD_ROUTES = [
  { method: 'GET', path: '/rewards', access: OFFICER },
  { method: 'GET', path: '/rewards/statistics', access: ['reward_officer', 'supervisor', 'admin'] },
  { method: 'GET', path: '/rewards/:rwid', access: OFFICER },
  { method: 'POST', path: '/rewards/:rwid/check', access: OFFICER },
  { method: 'POST', path: '/rewards/:rwid/assess', access: OFFICER },
  { method: 'POST', path: '/rewards/:rwid/finance', access: OFFICER },
  { method: 'POST', path: '/rewards/:rwid/decide', access: OFFICER },
  { method: 'POST', path: '/rewards/:rwid/pay', access: OFFICER },
  { method: 'POST', path: '/rewards/:rwid/recover', access: OFFICER },
  { method: 'POST', path: '/rewards/:rwid/claimant', access: OFFICER },
] as const satisfies readonly RouteRule[];

type Verb = (deps: Deps, actor: OfficerActor, id: string, body: Record<string, unknown>) => Promise<unknown>;
const VERBS: Record<'check' | 'assess' | 'finance' | 'decide' | 'pay' | 'recover', { verb: Verb; done: string }> = {
  check: {
    verb: (d, a, id, b) => recordCheck(d, a, id, { check: str(b.check), decision: str(b.decision), evidence: str(b.evidence) }),
    done: '认定已记录',
  },
  assess: {
    verb: (d, a, id, b) => assessReward(d, a, id, { level: str(b.level), insider: str(b.insider), raisedYuan: str(b.raisedYuan) }),
    done: '等级和金额已记录',
  },
  finance: { verb: (d, a, id, b) => recordFinanceApproval(d, a, id, { ref: str(b.ref), date: str(b.date) }), done: '财政部门同意已记录' },
  decide: {
    verb: (d, a, id, b) => decideReward(d, a, id, { decision: str(b.decision), reason: str(b.reason) }),
    done: '决定已记录，已告知举报人',
  },
  pay: {
    verb: (d, a, id, b) =>
      recordPayment(d, a, id, { paidOn: str(b.paidOn), amountYuan: str(b.amountYuan), voucherNo: str(b.voucherNo), method: str(b.method) }),
    done: '发放已记录',
  },
  recover: {
    verb: (d, a, id, b) => recordRecovery(d, a, id, { reason: str(b.reason), amountYuan: str(b.amountYuan) }),
    done: '追回已记录',
  },
};

export function rewardRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();
  const { rule, token, body } = kitFor(deps, REWARD_ROUTES);
  const actorOf = (c: C): OfficerActor => {
    const u = c.get('session').user;
    return { id: u.id, role: u.role };
  };
  const show = async (
    c: C,
    opts: { errors?: string[]; flash?: string | null; claim?: SealedClaim | null; status?: ContentfulStatusCode } = {},
  ) => {
    const v = await rewardForOfficer(deps.db, c.req.param('rwid') ?? '');
    return render(
      c,
      <RewardCasePage
        user={c.get('session').user}
        token={token(c)}
        v={v}
        claim={opts.claim ?? null}
        errors={opts.errors ?? []}
        flash={opts.flash ?? null}
      />,
      opts.status ?? 200,
    );
  };

  app.get('/rewards', rule('GET', '/rewards'), async (c) => {
    const q = c.req.query('status') ?? '';
    const status = (REWARD_STATUSES as readonly string[]).includes(q) ? (q as RewardStatus) : undefined;
    return render(
      c,
      <RewardListPage user={c.get('session').user} rows={await listRewardCases(deps.db, status, deps.clock.now())} status={status ?? ''} />,
    );
  });

  app.get('/rewards/statistics', rule('GET', '/rewards/statistics'), async (c) => {
    const today = cstDate(deps.clock.now());
    const okDate = (v: string | undefined, d: string) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : d);
    const from = okDate(c.req.query('from'), `${today.slice(0, 4)}-01-01`);
    const to = okDate(c.req.query('to'), `${Number(today.slice(0, 4)) + 1}-01-01`);
    return render(
      c,
      <RewardStatisticsPage user={c.get('session').user} from={from} to={to} s={await rewardStatistics(deps.db, from, to)} />,
    );
  });

  app.get('/rewards/:rwid', rule('GET', '/rewards/:rwid'), (c) => show(c));

  for (const step of Object.keys(VERBS) as (keyof typeof VERBS)[]) {
    const path = `/rewards/:rwid/${step}` as const;
    app.post(path, rule('POST', path), async (c) => {
      try {
        await VERBS[step].verb(deps, actorOf(c), c.req.param('rwid') ?? '', await body(c));
      } catch (e) {
        if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'CONFLICT'))
          return show(c, { errors: messagesOf(e), status: e.status as ContentfulStatusCode });
        throw e;
      }
      return show(c, { flash: VERBS[step].done });
    });
  }

  app.post('/rewards/:rwid/claimant', rule('POST', '/rewards/:rwid/claimant'), async (c) => {
    const b = await body(c);
    try {
      const claim = await revealClaim(deps, actorOf(c), c.req.param('rwid') ?? '', str(b.reason));
      return show(c, { claim });
    } catch (e) {
      if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'CONFLICT'))
        return show(c, { errors: messagesOf(e), status: e.status as ContentfulStatusCode });
      throw e;
    }
  });
  return app;
}
