// Units and the routing table (migrations 0002, 0040): which 市场监管所 each township's cases go to.
export const UNIT_KINDS = ['intake_centre', 'station', 'police'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface UnitTable {
  id: string;
  name: string;
  kind: UnitKind;
  active: number;
  created_at: string;
}

/** A township belongs to exactly one unit (admin-editable). */
export interface UnitTownshipTable {
  township: string;
  unit_id: string;
}

export interface UnitTables {
  unit: UnitTable;
  unit_township: UnitTownshipTable;
}
