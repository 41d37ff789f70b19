// Anchors of the audit chain outside the database: the committed head (seq, MAC, keyed_from) appended as
// one JSON line to DATA_DIR/audit-anchors.jsonl (fsynced) and written to the log, every `every` rows and
// at shutdown. Someone who rewrites the database (even holding the key) cannot rewrite these lines and
// the log shipped elsewhere; `npm run audit:verify` checks every anchor against the rows.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.ts';
import type { Logger } from '../lib/logger.ts';
import type { AuditAnchorPoint } from './audit.log.ts';

export const ANCHOR_FILE = 'audit-anchors.jsonl';

export function anchorPath(dataDir: string): string {
  return path.join(dataDir, ANCHOR_FILE);
}

/** The anchors in the file (none when it does not exist); a malformed line is reported, not skipped. */
export async function readAnchors(dataDir: string): Promise<{ anchors: AuditAnchorPoint[]; malformed: number[] }> {
  let text = '';
  try {
    text = await fs.readFile(anchorPath(dataDir), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const anchors: AuditAnchorPoint[] = [];
  const malformed: number[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    try {
      const a = JSON.parse(line) as Partial<AuditAnchorPoint>;
      if (typeof a.seq !== 'number' || typeof a.hash !== 'string' || typeof a.keyedFrom !== 'number') throw new Error('shape');
      anchors.push({ seq: a.seq, hash: a.hash, keyedFrom: a.keyedFrom });
    } catch {
      malformed.push(i + 1);
    }
  }
  return { anchors, malformed };
}

export class AuditAnchor {
  private lastSeq = -1;
  private pending = 0;
  private running: Promise<AuditAnchorPoint | null> | null = null;

  constructor(private readonly p: { db: Db; dataDir: string; logger: Logger; every: number; now: () => Date }) {}

  /** Counts an appended row; every `every` rows, anchors the committed head (in the background). */
  appended(): void {
    if (++this.pending < this.p.every) return;
    this.pending = 0;
    // Reads the committed head: on SQLite the read waits for the appending transaction to finish; on
    // PostgreSQL it may see the head just before this row. Either way only committed rows are anchored.
    this.anchor().catch((e: unknown) => this.p.logger.error({ err: { message: (e as Error).message } }, 'audit anchor failed'));
  }

  /** Writes the committed head to the file and the log, unless it is already anchored. */
  anchor(): Promise<AuditAnchorPoint | null> {
    const run = (this.running ?? Promise.resolve(null)).then(() => this.write());
    this.running = run.catch(() => null);
    return run;
  }

  private async write(): Promise<AuditAnchorPoint | null> {
    const head = await this.p.db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!head) return null;
    const point: AuditAnchorPoint = { seq: Number(head.seq), hash: head.hash, keyedFrom: Number(head.keyed_from) };
    if (point.seq === 0 || point.seq === this.lastSeq) return null;
    const line = `${JSON.stringify({ ...point, at: this.p.now().toISOString() })}\n`;
    await fs.mkdir(this.p.dataDir, { recursive: true });
    const fh = await fs.open(anchorPath(this.p.dataDir), 'a', 0o600);
    try {
      await fh.appendFile(line);
      await fh.sync();
    } finally {
      await fh.close();
    }
    this.lastSeq = point.seq;
    this.p.logger.info({ auditAnchor: point }, 'audit chain anchored');
    return point;
  }
}
