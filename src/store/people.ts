import type { Sql } from './sql.js'
import type { Follow, User } from './store.js'

// Follows and the people who own them, over either engine. A follow's key is (owner, name): '' owns the store's
// own follows (the CLI, a server without sign-in, the server's write token), a user's name owns theirs. A user
// is kept with the SHA-256 of their token, never the token: a copy of the store signs nobody in.

/** A follow's row as the table holds it. */
interface FollowRow {
  owner: string
  name: string
  query: string
  created: string
  seen_seq: number | string
  seen_at: string | null
  email: string | null
  webhook: string | null
  alerted_seq: number | string
  alerted_at: string | null
  every_hours: number | null
  told: string | null
}

const FOLLOW_COLUMNS = 'owner, name, query, created, seen_seq, seen_at, email, webhook, alerted_seq, alerted_at, every_hours, told'

/** The follows of `owner` (null: everyone's), by owner and name. */
export async function followRows(db: Sql, owner: string | null): Promise<Follow[]> {
  const rows =
    owner === null
      ? await db.all<FollowRow>(`SELECT ${FOLLOW_COLUMNS} FROM follows`)
      : await db.all<FollowRow>(`SELECT ${FOLLOW_COLUMNS} FROM follows WHERE owner = ?`, [owner])
  // Sorted here, by code point: the engines' collations order `anna_1` and `anna%1` differently.
  rows.sort((a, b) => byCodePoint(a.owner, b.owner) || byCodePoint(a.name, b.name))
  return rows.map((f) => ({
    owner: f.owner,
    name: f.name,
    query: f.query,
    created: f.created,
    seenSeq: Number(f.seen_seq),
    seenAt: f.seen_at,
    email: f.email,
    webhook: f.webhook,
    alertedSeq: Number(f.alerted_seq),
    alertedAt: f.alerted_at,
    everyHours: f.every_hours === null ? null : Number(f.every_hours),
    told: f.told,
  }))
}

/** The highest write counter of a stored paper, as SQL both engines read. */
const WRITE_COUNTER = '(SELECT coalesce(max(seq), 0) FROM papers)'

/** See `Store.saveFollow`. */
export async function saveFollow(db: Sql, owner: string, name: string, query: string, at: string): Promise<void> {
  await db.run('INSERT INTO follows (owner, name, query, created) VALUES (?, ?, ?, ?) ON CONFLICT (owner, name) DO UPDATE SET query = excluded.query', [
    owner,
    name,
    query,
    at,
  ])
}

/** See `Store.removeFollow`. */
export async function removeFollow(db: Sql, owner: string, name: string): Promise<boolean> {
  return (await db.run('DELETE FROM follows WHERE owner = ? AND name = ?', [owner, name])) > 0
}

/** See `Store.markFollowSeen`. */
export async function markFollowSeen(db: Sql, owner: string, name: string, at: string): Promise<boolean> {
  return (await db.run(`UPDATE follows SET seen_seq = ${WRITE_COUNTER}, seen_at = ? WHERE owner = ? AND name = ?`, [at, owner, name])) > 0
}

/** See `Store.setFollowAlerts`: alerts start from now, so what is stored already is not sent. */
export async function setFollowAlerts(
  db: Sql,
  owner: string,
  name: string,
  to: { email: string | null; webhook: string | null; everyHours: number | null },
): Promise<boolean> {
  const sql = `UPDATE follows SET email = ?, webhook = ?, every_hours = ?, alerted_seq = ${WRITE_COUNTER} WHERE owner = ? AND name = ?`
  return (await db.run(sql, [to.email, to.webhook, to.everyHours, owner, name])) > 0
}

/** See `Store.markFollowAlerted`. */
export async function markFollowAlerted(db: Sql, owner: string, name: string, seq: number, at: string, told?: string | null): Promise<boolean> {
  if (told === undefined) return (await db.run('UPDATE follows SET alerted_seq = ?, alerted_at = ? WHERE owner = ? AND name = ?', [seq, at, owner, name])) > 0
  return (await db.run('UPDATE follows SET alerted_seq = ?, alerted_at = ?, told = ? WHERE owner = ? AND name = ?', [seq, at, told, owner, name])) > 0
}

/** See `Store.users`. */
export async function userRows(db: Sql): Promise<User[]> {
  return (await db.all<User>('SELECT name, email, created FROM users')).sort((a, b) => byCodePoint(a.name, b.name))
}

/** Text compared by code point, the same whichever engine read it. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** See `Store.addUser`. */
export async function addUser(db: Sql, user: User, tokenHash: string): Promise<boolean> {
  const sql = 'INSERT INTO users (name, token_hash, email, created) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING'
  return (await db.run(sql, [user.name, tokenHash, user.email, user.created])) > 0
}

/** See `Store.setUserToken`. */
export async function setUserToken(db: Sql, name: string, tokenHash: string): Promise<boolean> {
  return (await db.run('UPDATE users SET token_hash = ? WHERE name = ?', [tokenHash, name])) > 0
}

/** See `Store.removeUser`: run in one transaction, so no follow outlives its owner. */
export async function removeUser(tx: Sql, name: string): Promise<boolean> {
  await tx.run('DELETE FROM follows WHERE owner = ?', [name])
  return (await tx.run('DELETE FROM users WHERE name = ?', [name])) > 0
}

/** See `Store.userByToken`. */
export async function userByToken(db: Sql, tokenHash: string): Promise<User | null> {
  return (await db.get<User>('SELECT name, email, created FROM users WHERE token_hash = ?', [tokenHash])) ?? null
}

/** See `Store.userByName`. */
export async function userByName(db: Sql, name: string): Promise<{ user: User; tokenHash: string } | null> {
  const row = await db.get<User & { token_hash: string }>('SELECT name, email, created, token_hash FROM users WHERE name = ?', [name])
  return row ? { user: { name: row.name, email: row.email, created: row.created }, tokenHash: row.token_hash } : null
}
