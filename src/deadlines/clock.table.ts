// Statutory clocks (migrations 0003, 0080): the working-day calendar, settings, each case's clocks and
// the log of alarms that fired.
import type { ClockId, RuleVersion } from './rules.ts';

export const CLOCK_STATUSES = ['running', 'paused', 'stopped'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

export const ALARM_KINDS = ['remind', 'escalate'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

export interface CalendarDayTable {
  date: string;
  /** holiday: a statutory day off; workday: a make-up workday on a weekend. */
  kind: 'holiday' | 'workday';
  name: string;
}

export interface AppSettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface CaseClockTable {
  id: string;
  case_id: string;
  clock: ClockId;
  rule_version: RuleVersion;
  started_at: string;
  /** Null while paused or when it cannot be computed (see problem). */
  due_at: string | null;
  status: ClockStatus;
  /** JSON [{ from, to, reason }]. */
  pauses: string;
  extensions: number;
  stopped_at: string | null;
  stop_event: string | null;
  overdue_at: string | null;
  /** Why due_at is null although the clock runs (e.g. past the holiday calendar). */
  problem: string | null;
  /** The case's unit, kept in step by applyTransitionIn (for per-unit due-soon/overdue lists). */
  unit_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClockAlarmTable {
  clock_id: string;
  kind: AlarmKind;
  fire_at: string;
  fired_at: string;
}

export interface ClockTables {
  calendar_day: CalendarDayTable;
  app_setting: AppSettingTable;
  case_clock: CaseClockTable;
  clock_alarm: ClockAlarmTable;
}
