// Group fsync of SQLite's write-ahead log, for every process on SQLite with synchronous=FULL (web,
// worker and all roles alike).
//
// With synchronous=FULL every commit fsyncs the WAL inside the commit call, on the event loop
// (better-sqlite3 is synchronous): ~1–8 ms per commit here, during which the process does nothing else.
// For intake that was the largest single cost of a submission at c=50 (the commit of a group of ~37, a
// sixth of the server's time, with no request parsed or understood meanwhile); for a worker it was most
// of a job. The connection instead runs with synchronous=NORMAL and the driver awaits `sync()` after it
// releases the connection from any use that wrote (database.ts): the caller's
// `await db.transaction().execute(…)` (or a single write) resolves only once an fsync of the WAL that
// started after its commit has finished. So, exactly as with FULL, no code after a commit — an intake
// batch's 201s, the processor's next step, a notice, a job marked completed in BullMQ, an outbox row
// handed to Redis by this process — runs before that commit is on disk; concurrent writers share one
// fsync, and it runs on libuv's thread pool while the event loop parses, validates and reads the next
// submissions.
//
// Why nothing acknowledged can be lost (WAL, synchronous=NORMAL, see
// https://sqlite.org/pragma.html#pragma_synchronous and https://sqlite.org/wal.html): a commit appends
// frames to the WAL; a power loss or OS crash can lose only WAL frames not yet fsynced, and because frames
// are appended in commit order and recovery stops at the first frame whose checksum chain breaks, what is
// lost is a suffix of the commit history: the database comes back consistent, as of some earlier commit.
// Every commit in that suffix belongs to a caller still waiting in `sync()` (nothing after it ran): a
// submission not yet answered (the citizen sees no 201 and submits again), or a job still active in
// BullMQ that is run again once its lock lapses (the stalled-job check; every processor is idempotent).
// A commit made by another process fsyncs the same WAL file, so it also makes every earlier frame durable.
// Checkpoints under NORMAL fsync the WAL before copying it and the database after. What another reader
// may observe is a committed step that is not yet durable (a status page a few milliseconds early, an
// outbox row relayed by another process): it can vanish on a power loss; a job for a case that vanished
// finds no case and is skipped; it is never an acknowledgement.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

// Plain descriptors through the callback API: each sync opens, fsyncs and closes the WAL, and a promise
// FileHandle costs the event loop ~1.5× as much per sync as these three calls (measured here: ~60 against
// ~40 µs), for the same system calls on libuv's thread pool.
const open = promisify(fs.open);
const fsync = promisify(fs.fsync);
const close = promisify(fs.close);

/**
 * The fsync after a commit failed: the transaction is committed (others may read it) but whether it is on
 * disk is unknown. The caller must not retry the write as if it had been rolled back.
 */
export class WalSyncError extends Error {
  override name = 'WalSyncError';
  constructor(cause: unknown) {
    super('the write-ahead log could not be fsynced after a commit', { cause });
  }
}

export class WalSync {
  private wrote = false;
  private inFlight: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private dirSynced = false;
  /** fsyncs done and callers served (for tests and the benchmark). */
  readonly stats = { fsyncs: 0, waits: 0 };

  constructor(private readonly dbFile: string) {}

  /** The connection ran a statement that may write (called for every prepared non-reader). */
  markWrite(): void {
    this.wrote = true;
  }

  /** Whether the connection wrote since the last call; resets the flag. Called while still holding it. */
  takeWrote(): boolean {
    const w = this.wrote;
    this.wrote = false;
    return w;
  }

  /** Resolves once everything written to the WAL before this call is on disk; rejects if the fsync fails. */
  sync(): Promise<void> {
    this.stats.waits++;
    if (!this.inFlight) return this.start();
    // The fsync in flight may have started before this caller's commit: wait for the next one, which
    // every caller arriving meanwhile shares.
    if (!this.next) {
      const after = () => {
        this.next = null;
        return this.start();
      };
      this.next = this.inFlight.then(after, after);
    }
    return this.next;
  }

  private start(): Promise<void> {
    const p = this.fsyncWal()
      .catch((e: unknown) => {
        throw new WalSyncError(e);
      })
      .finally(() => {
        if (this.inFlight === p) this.inFlight = null;
      });
    this.inFlight = p;
    return p;
  }

  private async fsyncWal(): Promise<void> {
    this.stats.fsyncs++;
    let fd: number;
    try {
      fd = await open(`${this.dbFile}-wal`, 'r+');
    } catch (e) {
      // No WAL: everything was checkpointed into the database file (fsynced by the checkpoint).
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    try {
      await fsync(fd);
    } finally {
      await close(fd);
    }
    if (!this.dirSynced) {
      // The WAL file's own directory entry, once (SQLite does this at its first sync of a new WAL).
      const dir = await open(path.dirname(this.dbFile), 'r');
      try {
        await fsync(dir);
      } finally {
        await close(dir);
      }
      this.dirSynced = true;
    }
  }
}
