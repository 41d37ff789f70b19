-- The edge's D1 database (wrangler.toml, migrations_dir): the published records and the statistics
-- snapshot, nothing else. No case text, query-code hash, identity or internal id ever reaches it.

-- One row per published record: `record` is the public record exactly as the office serves it (JSON);
-- the other columns are copies of its fields, for the filters and the order of the lists.
CREATE TABLE edge_result (
  ref TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  category TEXT,
  township TEXT,
  business TEXT,
  business_key TEXT,
  outcome TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  published_at TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX edge_result_published_idx ON edge_result (published_at DESC, ref DESC);
CREATE INDEX edge_result_business_idx ON edge_result (business_key, decided_on);

-- A withdrawn record: only what its public 410 page says (reference, reason, date).
CREATE TABLE edge_withdrawn (
  ref TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  reason TEXT,
  withdrawn_on TEXT NOT NULL
);

-- The latest public statistics (small cells already suppressed by the office).
CREATE TABLE edge_statistics (
  id TEXT PRIMARY KEY CHECK (id = 'public'),
  version INTEGER NOT NULL,
  computed_at TEXT NOT NULL,
  snapshot TEXT NOT NULL
);
