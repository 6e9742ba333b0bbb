import pg from 'pg'
import { applyMigration, type Dialect, type Fragments, META_TABLE, type Migration, type PaperIds, type Query, type Sql, schemaVersionOf } from '../sql.js'

// count(*) and sums come back as bigint; every count here fits a double.
pg.types.setTypeParser(20, (v: string) => Number(v))

/** Advisory lock ids: one for migrations, one that makes writers take turns. */
const MIGRATE_LOCK = 72_071
const WRITE_LOCK = 72_072

/** The connection URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'postgres://…'
  }
}

/** `?` placeholders as PostgreSQL's `$1, $2 …`, worked out once per text. `?` never occurs in the store's SQL otherwise. */
const numbered = new Map<string, string>()
function placeholders(sql: string): string {
  let out = numbered.get(sql)
  if (out === undefined) {
    let n = 0
    out = sql.replace(/\?/g, () => `$${++n}`)
    numbered.set(sql, out)
  }
  return out
}

/** node-postgres takes Buffers for bytea; a Uint8Array is given as one. */
const bind = (params: readonly unknown[]) =>
  params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p === undefined ? null : p))

/**
 * A value as a SQL literal, for the statements a transaction holds and sends
 * together (a multi-statement query takes no parameters). Strings are quoted
 * with quotes doubled, which is exact under `standard_conforming_strings`
 * (set on every connection); bytes are hex `bytea`.
 */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL'
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a number to store: ${v}`)
    return String(v)
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (v instanceof Uint8Array) return `'\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}'::bytea`
  if (typeof v === 'string') {
    // A query string is NUL-terminated on the wire: a U+0000 would cut the message (`invalid message format`) and break the
    // connection. PostgreSQL refuses it in text anyway (22021), so the paper fails here, alone, with that code.
    if (v.includes('\u0000')) throw Object.assign(new Error('a text holds U+0000, which PostgreSQL cannot store'), { code: '22021' })
    return `'${v.replace(/'/g, "''")}'`
  }
  // A list (for `= ANY(?)`) as an array literal of strings: `'{"33783","21501-02"}'`, typed by the column it meets.
  if (Array.isArray(v)) return literal(`{${v.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`)
  throw new Error(`cannot write ${typeof v} as a literal`)
}

/** `?` placeholders filled with literals. */
function inline(sql: string, params: readonly unknown[]): string {
  let k = 0
  return sql.replace(/\?/g, () => literal(params[k++]))
}

/** A pool or one client as `Sql`; on a client in a transaction, `write`s are held and sent together. */
function sqlOf(db: pg.Pool | pg.PoolClient, holds = false): Sql & { flush(): Promise<void> } {
  let held: string[] = []
  const flush = async () => {
    if (held.length === 0) return
    const text = held.join(';\n')
    held = []
    await db.query(text)
  }
  // Reads in one query string after what the transaction held, in one round trip: their answers are the last results.
  const each = async (queries: ReadonlyArray<Query>): Promise<pg.QueryResult[]> => {
    const text = [...held, ...queries.map((q) => inline(q.sql, q.params))].join(';\n')
    held = []
    const results = (await db.query(text)) as unknown as pg.QueryResult | pg.QueryResult[]
    const list = Array.isArray(results) ? results : [results]
    return list.slice(list.length - queries.length)
  }
  const query = async (sql: string, params: readonly unknown[]): Promise<pg.QueryResult> => {
    // (SQL written for PostgreSQL alone, with `$1` placeholders, goes on its own.)
    if (held.length === 0 || (params.length > 0 && !sql.includes('?'))) {
      await flush()
      return db.query(placeholders(sql), bind(params))
    }
    return (await each([{ sql, params }]))[0] as pg.QueryResult
  }
  return {
    allEach: async <T>(queries: ReadonlyArray<Query>) => (queries.length === 0 ? [] : (await each(queries)).map((r) => r.rows as T[])),
    all: async <T>(sql: string, params: readonly unknown[] = []) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params: readonly unknown[] = []) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params: readonly unknown[] = []) => (await query(sql, params)).rowCount ?? 0,
    write: async (sql: string, params: readonly unknown[] = []) => {
      if (!holds) {
        await query(sql, params)
        return
      }
      held.push(inline(sql, params))
      // A few hundred statements at a time: one query string stays a few MB.
      if (held.length >= 500) await flush()
    },
    flush,
  }
}

/**
 * PostgreSQL through node-postgres, behind `Dialect`: a pool for reads, one
 * client per transaction, writers taking turns under an advisory lock (so
 * several ingest processes never store a paper twice nor lose an update),
 * and snapshots as read-only REPEATABLE READ transactions.
 */
export class PostgresDialect implements Dialect {
  readonly name = 'postgres'
  readonly location: string
  readonly db: Sql
  readonly fragments: Fragments = { inList: (column) => `${column} = ANY(?)` }

  constructor(
    readonly pool: pg.Pool,
    url: string,
    private readonly schema: string,
  ) {
    this.location = redact(url)
    this.db = sqlOf(pool)
  }

  /** Connects to `url` with its tables in `schema` (checked: it is written into SQL). */
  static connect(url: string, schema: string, max: number): PostgresDialect {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${schema}`)
    const pool = new pg.Pool({ connectionString: url, max, options: `-c search_path=${schema} -c standard_conforming_strings=on` })
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on('error', () => {})
    return new PostgresDialect(pool, url, schema)
  }

  private async transaction<T>(begin: string, work: (tx: Sql) => Promise<T>, lock?: number): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query(begin)
      if (lock !== undefined) await client.query('SELECT pg_advisory_xact_lock($1)', [lock])
      const tx = sqlOf(client, true)
      const out = await work(tx)
      await tx.flush()
      await client.query('COMMIT')
      return out
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {})
      throw e
    } finally {
      client.release()
    }
  }

  write<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN', work, WRITE_LOCK)
  }

  snapshot<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work)
  }

  async migrate(migrations: readonly Migration[]): Promise<void> {
    const client = await this.pool.connect()
    const tx = sqlOf(client)
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK])
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`)
      await client.query(META_TABLE)
      const version = await schemaVersionOf(tx, migrations.length)
      for (let v = version; v < migrations.length; v++) {
        await client.query('BEGIN')
        try {
          await applyMigration(tx, migrations[v] as Migration, v + 1, async (sql) => {
            await client.query(sql)
          })
          await client.query('COMMIT')
        } catch (e) {
          await client.query('ROLLBACK')
          throw e
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => {})
      client.release()
    }
  }

  async drawPaperIds(tx: Sql, n: number): Promise<PaperIds[]> {
    // From the sequences, which never give a number twice: a number drawn and not used is a gap, nothing more.
    return tx.all<PaperIds>("SELECT nextval(pg_get_serial_sequence('papers', 'rowid')) AS rowid, nextval('paper_seq') AS seq FROM generate_series(1, ?::int)", [
      n,
    ])
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}
