// Hot-spot alerts (分析研判): illness reports clustering on one business. Rule `illness_72h`: 3 or more
// submissions about one business (same business_key) reporting illness (urgency urgent, or a triage
// urgency reason `ill:*`) received within 72 hours → one alert to the supervisors of the unit handling
// them, with the case numbers.
//
// Invariants:
// - one alert per cluster: a case belongs to at most one alert of a rule (primary key (rule, case_id)),
//   an alert is unique per (rule, business_key, anchor case), and the insert and the notifications
//   commit together, so two scans racing alert once;
// - a later illness report within 72 hours of a cluster's last case joins that alert silently (the
//   supervisors already look at this business) instead of starting a new one;
// - the two cases of a "both" submission count once (distinct submission_id);
// - notifications carry the business name and case numbers only, never the citizens' text or identity.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { notifyStaff, supervisorsOf } from '../notices/staff-notice.ts';
import { INTAKE_UNIT_ID, unitForTownship } from '../routing/routing.rules.ts';

export const ILLNESS_RULE = 'illness_72h';
export const CLUSTER_WINDOW_MS = 72 * 3_600_000;
export const CLUSTER_MIN_REPORTS = 3;
/** How far back a scan looks: a scan missed for a few days still finds the cluster. */
export const SCAN_LOOKBACK_MS = 7 * 24 * 3_600_000;

interface Candidate {
  id: string;
  number: string;
  submissionId: string;
  businessKey: string;
  businessName: string | null;
  unitId: string | null;
  township: string | null;
  receivedAt: string;
}

/** Illness per triage: urgent, or an urgency reason of the `ill:` family (ill:severe, ill:mild…). */
export function isIllness(urgency: string | null, triage: string | null): boolean {
  if (urgency === 'urgent') return true;
  if (!triage) return false;
  try {
    const t = JSON.parse(triage) as { reasons?: { field?: string; rule?: string }[] };
    return (t.reasons ?? []).some((r) => r.field === 'urgency' && typeof r.rule === 'string' && r.rule.startsWith('ill:'));
  } catch {
    return false;
  }
}

export interface ScanResult {
  alerts: number;
  joined: number;
}

export async function scanHotspots(deps: Pick<Deps, 'db' | 'clock' | 'logger'>, now: Date = deps.clock.now()): Promise<ScanResult> {
  const { db } = deps;
  const since = new Date(now.getTime() - SCAN_LOOKBACK_MS - CLUSTER_WINDOW_MS).toISOString();
  const rows = await db
    .selectFrom('intake_case')
    .leftJoin('hotspot_alert_case', (j) =>
      j.onRef('hotspot_alert_case.case_id', '=', 'intake_case.id').on('hotspot_alert_case.rule', '=', ILLNESS_RULE),
    )
    .select([
      'intake_case.id',
      'intake_case.number',
      'intake_case.submission_id',
      'intake_case.business_key',
      'intake_case.business_name',
      'intake_case.unit_id',
      'intake_case.township',
      'intake_case.received_at',
      'intake_case.urgency',
      'intake_case.triage',
      'hotspot_alert_case.alert_id',
    ])
    .where('intake_case.business_key', 'is not', null)
    .where('intake_case.business_key', '!=', '')
    .where('intake_case.received_at', '>=', since)
    .where('intake_case.received_at', '<=', now.toISOString())
    .where('intake_case.kind', 'in', ['complaint', 'report'])
    .where('intake_case.status', 'not in', ['duplicate'])
    .orderBy('intake_case.received_at')
    .orderBy('intake_case.id')
    .execute();

  const byBusiness = new Map<string, Candidate[]>();
  for (const r of rows) {
    if (r.alert_id || !isIllness(r.urgency, r.triage)) continue;
    const c: Candidate = {
      id: r.id,
      number: r.number,
      submissionId: r.submission_id,
      businessKey: r.business_key as string,
      businessName: r.business_name,
      unitId: r.unit_id,
      township: r.township,
      receivedAt: r.received_at,
    };
    const list = byBusiness.get(c.businessKey) ?? [];
    list.push(c);
    byBusiness.set(c.businessKey, list);
  }

  const result: ScanResult = { alerts: 0, joined: 0 };
  const at = now.toISOString();
  for (const [key, cases] of byBusiness) {
    // Cases following an existing cluster closely join it.
    const open = await db
      .selectFrom('hotspot_alert')
      .select(['id', 'last_at'])
      .where('rule', '=', ILLNESS_RULE)
      .where('business_key', '=', key)
      .orderBy('last_at', 'desc')
      .executeTakeFirst();
    let rest = cases;
    if (open) {
      const lastAt = Date.parse(open.last_at);
      const joinIds = cases.filter((c) => Math.abs(Date.parse(c.receivedAt) - lastAt) <= CLUSTER_WINDOW_MS);
      if (joinIds.length) {
        result.joined += await joinAlert(db, open.id, joinIds, at);
        const joined = new Set(joinIds.map((c) => c.id));
        rest = cases.filter((c) => !joined.has(c.id));
      }
    }
    for (const cluster of clusters(rest)) {
      if (await raiseAlert(deps, key, cluster, at)) result.alerts++;
    }
  }
  return result;
}

/** Greedy windows over cases sorted by time: from each start, every case within 72 h; kept when ≥ 3 submissions. */
export function clusters<T extends { receivedAt: string; submissionId: string }>(cases: readonly T[]): T[][] {
  const out: T[][] = [];
  let i = 0;
  while (i < cases.length) {
    const start = Date.parse((cases[i] as T).receivedAt);
    let j = i;
    while (j + 1 < cases.length && Date.parse((cases[j + 1] as T).receivedAt) - start <= CLUSTER_WINDOW_MS) j++;
    const window = cases.slice(i, j + 1);
    if (new Set(window.map((c) => c.submissionId)).size >= CLUSTER_MIN_REPORTS) {
      out.push(window);
      i = j + 1;
    } else {
      i++;
    }
  }
  return out;
}

async function joinAlert(db: Db, alertId: string, cases: Candidate[], at: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let n = 0;
    for (const c of cases) {
      const r = await trx
        .insertInto('hotspot_alert_case')
        .values({ alert_id: alertId, case_id: c.id, rule: ILLNESS_RULE, added_at: at })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      n += Number(r.numInsertedOrUpdatedRows ?? 0n);
    }
    const last = cases.reduce((m, c) => (c.receivedAt > m ? c.receivedAt : m), '');
    await trx
      .updateTable('hotspot_alert')
      .set({ last_at: last, updated_at: at })
      .where('id', '=', alertId)
      .where('last_at', '<', last)
      .execute();
    return n;
  });
}

async function raiseAlert(deps: Pick<Deps, 'db' | 'logger'>, key: string, cluster: Candidate[], at: string): Promise<boolean> {
  const first = cluster[0] as Candidate;
  const last = cluster[cluster.length - 1] as Candidate;
  // The unit most of the cases were routed to; else the unit of the township; else the intake centre.
  const counts = new Map<string, number>();
  for (const c of cluster) if (c.unitId) counts.set(c.unitId, (counts.get(c.unitId) ?? 0) + 1);
  const unitId =
    [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ??
    (await unitForTownship(deps.db, first.township)) ??
    INTAKE_UNIT_ID;
  const numbers = cluster.map((c) => c.number);
  const name = cluster.find((c) => c.businessName)?.businessName ?? key;
  const submissions = new Set(cluster.map((c) => c.submissionId)).size;
  const message = `疑似聚集性食源性疾病：72小时内收到${submissions}起关于“${name}”的身体不适反映，请研判处置。关联案件：${numbers.join('、')}`;
  const alertId = randomUUID();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('hotspot_alert')
        .values({
          id: alertId,
          rule: ILLNESS_RULE,
          business_key: key,
          unit_id: unitId,
          anchor_case_id: first.id,
          first_at: first.receivedAt,
          last_at: last.receivedAt,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('hotspot_alert_case')
        .values(cluster.map((c) => ({ alert_id: alertId, case_id: c.id, rule: ILLNESS_RULE, added_at: at })))
        .execute();
      let supervisors = await supervisorsOf(trx, unitId);
      if (supervisors.length === 0 && unitId !== INTAKE_UNIT_ID) supervisors = await supervisorsOf(trx, INTAKE_UNIT_ID);
      await notifyStaff(trx, supervisors, first.id, 'hotspot_illness', message, at);
    });
  } catch (e) {
    // Another scan alerted these cases first (unique keys): that alert stands.
    const taken = await deps.db
      .selectFrom('hotspot_alert_case')
      .select('case_id')
      .where('rule', '=', ILLNESS_RULE)
      .where(
        'case_id',
        'in',
        cluster.map((c) => c.id),
      )
      .executeTakeFirst();
    if (taken) return false;
    throw e;
  }
  deps.logger.info({ alertId, unitId, cases: cluster.length }, 'hotspot alert raised');
  return true;
}
