// The database as Kysely sees it: every feature's tables, each typed in the feature that owns them
// (*.table.ts, with literal unions for the columns that hold a closed set of values). On disk both
// SQLite and PostgreSQL hold text, integers and JSON text (see src/cases/case.table.ts).
import type { StaffTables } from '../backoffice/staff.table.ts';
import type { CaseTables } from '../cases/case.table.ts';
import type { ClockTables } from '../deadlines/clock.table.ts';
import type { NoticeTables } from '../notices/notice.table.ts';
import type { EdgeOutboxTables } from '../publication/edge-outbox.table.ts';
import type { PublicationTables } from '../publication/publication.table.ts';
import type { ReferralTables } from '../referral/referral.table.ts';
import type { RewardTables } from '../rewards/reward.table.ts';
import type { UnitTables } from '../routing/unit.table.ts';
import type { OutboxTables } from '../workflow/outbox.table.ts';

export interface Database
  extends CaseTables,
    OutboxTables,
    ClockTables,
    UnitTables,
    StaffTables,
    NoticeTables,
    PublicationTables,
    ReferralTables,
    EdgeOutboxTables,
    RewardTables {}
