// Who may see which case, decided on the server for every request (never by what the page offers).
//   handler       cases of their unit assigned to them, and their unit's unassigned queue
//   supervisor    every case of their unit
//   intake_clerk  the city intake centre's cases and everything still being routed
//   admin         every case (read; identity stays hidden from admins, see mayRevealIdentity)
//   director      every case of the bureau (局负责人: approves referrals; identity hidden, like admins)
//   police        no case here: the police portal shows only referrals transferred to their unit (referral.view.ts)
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import { INTAKE_UNIT_ID } from '../routing/routing.rules.ts';
import type { StaffUser } from './session.service.ts';

export const BACKOFFICE_ROLES = ['intake_clerk', 'handler', 'supervisor', 'admin', 'director'] as const;
export type BackofficeRole = (typeof BACKOFFICE_ROLES)[number];

export const isBackofficeRole = (r: string): r is BackofficeRole => (BACKOFFICE_ROLES as readonly string[]).includes(r);

/** Statuses in which a case is still waiting to be routed (the intake centre's queue). */
export const ROUTING_STATUSES = ['received', 'triaged', 'awaiting_routing'] as const;

export interface ScopedCase {
  unit_id: string | null;
  assignee_id: string | null;
  status: string;
}

export function canSeeCase(user: StaffUser, c: ScopedCase): boolean {
  switch (user.role) {
    case 'admin':
    case 'director':
      return true;
    case 'supervisor':
      return user.unit_id !== null && c.unit_id === user.unit_id;
    case 'handler':
      return user.unit_id !== null && c.unit_id === user.unit_id && (c.assignee_id === user.id || c.assignee_id === null);
    case 'intake_clerk':
      return c.unit_id === null || c.unit_id === INTAKE_UNIT_ID || (ROUTING_STATUSES as readonly string[]).includes(c.status);
    default:
      return false;
  }
}

/** Identity of complainants and reporters: only for those handling the case (Order 121 Art. 37). */
export function mayRevealIdentity(user: StaffUser, c: ScopedCase): boolean {
  return user.role !== 'admin' && user.role !== 'director' && canSeeCase(user, c);
}

/** The same rule as a WHERE on intake_case. */
export function scopeWhere(user: StaffUser) {
  return (eb: ExpressionBuilder<Database, 'intake_case'>): Expression<SqlBool> => {
    const none = eb.lit(1).$castTo<number>();
    switch (user.role) {
      case 'admin':
      case 'director':
        return eb(none, '=', 1);
      case 'supervisor':
        return user.unit_id ? eb('intake_case.unit_id', '=', user.unit_id) : eb(none, '=', 0);
      case 'handler':
        return user.unit_id
          ? eb.and([
              eb('intake_case.unit_id', '=', user.unit_id),
              eb.or([eb('intake_case.assignee_id', '=', user.id), eb('intake_case.assignee_id', 'is', null)]),
            ])
          : eb(none, '=', 0);
      case 'intake_clerk':
        return eb.or([
          eb('intake_case.unit_id', 'is', null),
          eb('intake_case.unit_id', '=', INTAKE_UNIT_ID),
          eb('intake_case.status', 'in', [...ROUTING_STATUSES]),
        ]);
      default:
        return eb(none, '=', 0);
    }
  };
}
