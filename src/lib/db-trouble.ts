// Classifies a database driver error for the client, without depending on the database module, so
// surfaces (HTTP error handlers) can map it to a status without importing src/db.

/**
 * What a database error means for the client: the disk is full (507, nothing was saved), the database
 * is away or restarting (503, retry), or something else (null: a real failure, 500).
 */
export function databaseTrouble(err: unknown): 'full' | 'unavailable' | null {
  if (!(err instanceof Error)) return null;
  const code = String((err as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100' || /database or disk is full|no space left/i.test(err.message))
    return 'full';
  // SQLite busy past busy_timeout, and PostgreSQL connection loss, shutdown, start-up and too many clients.
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'unavailable';
  if (/^(57P0[1-3]|08\d{3}|53300)$/.test(code)) return 'unavailable';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return 'unavailable';
  if (
    /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(
      err.message,
    )
  )
    return 'unavailable';
  return null;
}
