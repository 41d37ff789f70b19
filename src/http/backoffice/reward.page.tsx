// The reward officer's pages (issue 15): the list of reward cases, one reward case with the eligibility
// checks (the system's proposal next to the officer's decision and evidence), the level with the Art. 11
// criteria, the amount, finance co-approval, decision, payment and recovery; and the statistics.
import type { SessionUser } from '../../backoffice/session.service.ts';
import { CHECK_LABELS, ELIGIBILITY_CHECKS } from '../../rewards/eligibility.ts';
import { LEVEL_CRITERIA, LEVEL_LABELS, REWARD_LEVELS } from '../../rewards/reward.rules.ts';
import {
  PAYMENT_METHODS,
  type RewardForOfficer,
  type RewardListRow,
  type RewardStatistics,
  type SealedClaim,
} from '../../rewards/reward.service.ts';
import { REWARD_STATUSES, REWARD_STATUS_LABELS } from '../../rewards/reward.table.ts';
import { when } from './format.ts';
import { BoLayout, CsrfInput } from './layout.tsx';

type User = SessionUser['user'];

function Flash(props: { errors: string[]; flash: string | null }) {
  return (
    <>
      {props.flash ? (
        <div class="notice" role="status">
          <p>{props.flash}</p>
        </div>
      ) : null}
      {props.errors.length ? (
        <div class="error-summary" role="alert">
          <ul>
            {props.errors.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

export function RewardListPage(props: { user: User; rows: RewardListRow[]; status: string }) {
  return (
    <BoLayout title="举报奖励" nav="rewards" user={props.user}>
      <h1>举报奖励</h1>
      <p>
        <a href="/staff/rewards/statistics">奖励统计</a>
      </p>
      <form method="get" action="/staff/rewards">
        <label for="f-status">状态</label>{' '}
        <select id="f-status" name="status">
          <option value="">全部</option>
          {REWARD_STATUSES.map((s) => (
            <option value={s} selected={props.status === s}>
              {REWARD_STATUS_LABELS[s]}
            </option>
          ))}
        </select>{' '}
        <button type="submit">筛选</button>
      </form>
      <table>
        <thead>
          <tr>
            <th>案件编号</th>
            <th>状态</th>
            <th>立奖时间</th>
            <th>申领期限</th>
            <th>金额（元）</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>
                <a href={`/staff/rewards/${r.id}`}>{r.number}</a>
              </td>
              <td>{r.statusLabel}</td>
              <td>{r.openedAt}</td>
              <td>
                {r.claimDue ?? '—'}
                {r.claimOverdue ? <strong>（已逾期未申领）</strong> : null}
              </td>
              <td>{r.amountYuan ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length === 0 ? <p>没有奖励案件。</p> : null}
    </BoLayout>
  );
}

const PROPOSAL_LABEL = { pass: '符合', fail: '不符合', unknown: '需人工核实' } as const;

export function RewardCasePage(props: {
  user: User;
  token: string;
  v: RewardForOfficer;
  claim: SealedClaim | null;
  errors: string[];
  flash: string | null;
}) {
  const { v, token } = props;
  const r = v.row;
  const base = `/staff/rewards/${r.id}`;
  const latest = new Map(v.checks.map((c) => [c.check, c]));
  return (
    <BoLayout title={`举报奖励 ${v.number}`} nav="rewards" user={props.user}>
      <h1>举报奖励：{v.number}</h1>
      <Flash errors={props.errors} flash={props.flash} />
      <dl class="facts">
        <dt>状态</dt>
        <dd>{v.statusLabel}</dd>
        <dt>立奖依据</dt>
        <dd>{r.basis}</dd>
        <dt>罚没款</dt>
        <dd>{r.base_yuan} 元</dd>
        <dt>处理决定</dt>
        <dd>{v.decisionText ?? '—'}</dd>
        <dt>举报方式</dt>
        <dd>{v.anonymous ? '匿名' : '实名'}</dd>
        <dt>申领期限（D15）</dt>
        <dd>
          {r.claim_due_at ? when(r.claim_due_at).slice(0, 10) : '—'}
          {r.claim_due_problem ? '（暂定：节假日未公布）' : ''}
        </dd>
        <dt>申领</dt>
        <dd>{r.claimed_at ? `已于 ${when(r.claimed_at)} 申领（${r.claim_channel === 'web' ? '网站' : r.claim_channel}）` : '尚未申领'}</dd>
        <dt>等级与金额</dt>
        <dd>
          {r.level ? `${LEVEL_LABELS[r.level as 1 | 2 | 3]}，${r.amount_yuan} 元${r.insider ? '（内部知情人）' : ''}` : '尚未确定'}
          {r.needs_finance
            ? `；须财政部门同意${r.finance_ref ? `：已同意（${r.finance_ref}，${r.finance_approved_at}）` : '：尚未同意'}`
            : ''}
        </dd>
        {r.decision ? (
          <>
            <dt>决定</dt>
            <dd>
              {r.decision === 'approved' ? '批准' : `不予奖励：${r.decision_reason}`}（{when(r.decided_at)}）
            </dd>
          </>
        ) : null}
        {r.paid_on ? (
          <>
            <dt>发放</dt>
            <dd>
              {r.paid_on}，{r.paid_yuan} 元，凭证号 {r.voucher_no}（{r.payment_method === 'bank_transfer' ? '银行转账' : '其他非现金方式'}）
            </dd>
          </>
        ) : null}
        {r.recovered_at ? (
          <>
            <dt>追回</dt>
            <dd>
              {when(r.recovered_at)}，{r.recovery_yuan} 元：{r.recovery_reason}
            </dd>
          </>
        ) : null}
      </dl>

      <h2>资格核查（系统提出建议，由您认定）</h2>
      <table>
        <thead>
          <tr>
            <th>核查项</th>
            <th>系统建议</th>
            <th>认定</th>
          </tr>
        </thead>
        <tbody>
          {v.proposals.map((p) => {
            const d = latest.get(p.check);
            return (
              <tr>
                <td>{CHECK_LABELS[p.check]}</td>
                <td>
                  {PROPOSAL_LABEL[p.proposal]}：{p.evidence}
                </td>
                <td>{d ? `${d.decision === 'pass' ? '符合' : '不符合'}：${d.evidence}（${when(d.at)}）` : '未认定'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form method="post" action={`${base}/check`}>
        <CsrfInput token={token} />
        <label for="f-check">核查项</label>
        <select id="f-check" name="check">
          {ELIGIBILITY_CHECKS.map((c) => (
            <option value={c}>{CHECK_LABELS[c]}</option>
          ))}
        </select>
        <fieldset>
          <legend>认定</legend>
          <label>
            <input type="radio" name="decision" value="pass" /> 符合
          </label>{' '}
          <label>
            <input type="radio" name="decision" value="fail" /> 不符合
          </label>
        </fieldset>
        <label for="f-evidence">依据（证据、核实方式）</label>
        <textarea id="f-evidence" name="evidence" rows={2} />
        <button type="submit">记录认定</button>
      </form>

      <h2>奖励等级与金额</h2>
      <ul>
        {REWARD_LEVELS.map((l) => (
          <li>
            {LEVEL_LABELS[l]}：{LEVEL_CRITERIA[l]}
          </li>
        ))}
      </ul>
      <form method="post" action={`${base}/assess`}>
        <CsrfInput token={token} />
        <label for="f-level">等级</label>
        <select id="f-level" name="level">
          {REWARD_LEVELS.map((l) => (
            <option value={String(l)} selected={r.level === l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" name="insider" value="1" checked={r.insider === 1} /> 内部知情人举报
        </label>
        <label for="f-raised">提高后的金额（元，仅内部知情人，可不填）</label>
        <input id="f-raised" name="raisedYuan" />
        <button type="submit">计算并记录</button>
      </form>
      {r.needs_finance ? (
        <form method="post" action={`${base}/finance`}>
          <CsrfInput token={token} />
          <label for="f-ref">财政部门同意文号</label>
          <input id="f-ref" name="ref" />
          <label for="f-fdate">同意日期</label>
          <input id="f-fdate" name="date" placeholder="YYYY-MM-DD" />
          <button type="submit">记录财政部门同意</button>
        </form>
      ) : null}

      <h2>决定</h2>
      <form method="post" action={`${base}/decide`}>
        <CsrfInput token={token} />
        <fieldset>
          <legend>决定</legend>
          <label>
            <input type="radio" name="decision" value="approve" /> 批准
          </label>{' '}
          <label>
            <input type="radio" name="decision" value="refuse" /> 不予奖励
          </label>
        </fieldset>
        <label for="f-reason">不予奖励的理由（将告知举报人）</label>
        <textarea id="f-reason" name="reason" rows={2} />
        <button type="submit">作出决定</button>
      </form>

      <h2>发放记录（不得发放现金）</h2>
      <form method="post" action={`${base}/pay`}>
        <CsrfInput token={token} />
        <label for="f-paid">发放日期</label>
        <input id="f-paid" name="paidOn" placeholder="YYYY-MM-DD" />
        <label for="f-amount">金额（元）</label>
        <input id="f-amount" name="amountYuan" />
        <label for="f-voucher">凭证号</label>
        <input id="f-voucher" name="voucherNo" />
        <label for="f-method">方式</label>
        <select id="f-method" name="method">
          <option value="bank_transfer">银行转账</option>
          <option value="other_non_cash">其他非现金方式</option>
        </select>
        <button type="submit">记录发放</button>
      </form>
      <h2>追回（发现骗取奖励）</h2>
      <form method="post" action={`${base}/recover`}>
        <CsrfInput token={token} />
        <label for="f-rreason">理由</label>
        <textarea id="f-rreason" name="reason" rows={2} />
        <label for="f-ramount">追回金额（元）</label>
        <input id="f-ramount" name="amountYuan" />
        <button type="submit">记录追回</button>
      </form>

      <h2>申领人身份与收款信息</h2>
      {props.claim ? (
        <dl class="facts">
          <dt>姓名</dt>
          <dd>{props.claim.name}</dd>
          <dt>身份证号码</dt>
          <dd>{props.claim.idNumber}</dd>
          <dt>电话</dt>
          <dd>{props.claim.phone}</dd>
          <dt>领取方式</dt>
          <dd>{PAYMENT_METHODS[props.claim.method]}</dd>
          <dt>账户</dt>
          <dd>{props.claim.bankName ? `${props.claim.bankName} ${props.claim.accountNo ?? ''}` : (props.claim.note ?? '—')}</dd>
          <dt>与实名举报登记一致</dt>
          <dd>{props.claim.identityConfirmed === null ? '匿名举报，需当面核实' : props.claim.identityConfirmed ? '一致' : '不一致'}</dd>
        </dl>
      ) : r.claim_enc ? (
        <form method="post" action={`${base}/claimant`}>
          <CsrfInput token={token} />
          <label for="f-why">查看理由（记入审计日志）</label>
          <input id="f-why" name="reason" />
          <button type="submit">查看</button>
        </form>
      ) : (
        <p>尚未申领。</p>
      )}
    </BoLayout>
  );
}

export function RewardStatisticsPage(props: { user: User; from: string; to: string; s: RewardStatistics }) {
  const { s } = props;
  return (
    <BoLayout title="举报奖励统计" nav="rewards" user={props.user}>
      <h1>举报奖励统计</h1>
      <form method="get" action="/staff/rewards/statistics">
        <label for="f-from">自</label> <input id="f-from" name="from" value={props.from} /> <label for="f-to">至（不含）</label>{' '}
        <input id="f-to" name="to" value={props.to} /> <button type="submit">统计</button>
      </form>
      <dl class="facts">
        <dt>立奖（拟奖励）</dt>
        <dd>{s.proposed}</dd>
        {REWARD_STATUSES.map((st) => (
          <>
            <dt>{REWARD_STATUS_LABELS[st]}</dt>
            <dd>{s.byStatus[st]}</dd>
          </>
        ))}
        <dt>批准金额</dt>
        <dd>{s.approvedYuan} 元</dd>
        <dt>已发放</dt>
        <dd>
          {s.paid} 件，{s.paidYuan} 元
        </dd>
        <dt>已追回</dt>
        <dd>{s.recoveredYuan} 元</dd>
        <dt>办结到发放（天）</dt>
        <dd>{s.daysToPayment.median === null ? '—' : `中位数 ${s.daysToPayment.median}，最长 ${s.daysToPayment.max}`}</dd>
      </dl>
    </BoLayout>
  );
}
