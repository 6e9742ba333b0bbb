/**
 * Whether a failed write is the store's fault (it cannot write anything now: a full disk, a lost
 * connection, a server shutting down, a lock held too long) rather than the paper's (a value the
 * engine refuses: PostgreSQL takes no U+0000 in text). Ingest stops on the first kind and keeps
 * going on the second, naming the paper.
 */
export function isStoreFault(e: unknown): boolean {
  const code = String((e as { code?: unknown })?.code ?? '')
  // SQLite (better-sqlite3's codes): the disk, the file, the lock.
  if (/^SQLITE_(?:FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN|CORRUPT|NOTADB|NOMEM|PERM|AUTH)/.test(code)) return true
  // PostgreSQL SQLSTATE classes: 08 connection, 53 insufficient resources, 57 operator intervention, 58 system, XX internal.
  if (/^(?:08|53|57|58|XX)[0-9A-Z]{3}$/.test(code)) return true
  // The network or the file system under the driver.
  if (/^E(?:CONNREFUSED|CONNRESET|PIPE|NOSPC|TIMEDOUT|HOSTUNREACH|NETUNREACH|ACCES|ROFS|IO)$/.test(code)) return true
  const message = e instanceof Error ? e.message : String(e)
  return /Connection terminated|connection is closed|database connection is not open|Client has encountered a connection error/i.test(message)
}
