import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { applyMigration, type Dialect, type Fragments, META_TABLE, type Migration, type PaperIds, type Query, type Sql, schemaVersionOf } from '../sql.js'

/** better-sqlite3 takes numbers, strings, bigints, Buffers and null: a list goes as JSON (for `json_each`), a boolean as 0 or 1. */
function bind(params: readonly unknown[]): unknown[] {
  return params.map((p) => {
    if (Array.isArray(p)) return JSON.stringify(p)
    if (typeof p === 'boolean') return p ? 1 : 0
    if (p instanceof Uint8Array && !Buffer.isBuffer(p)) return Buffer.from(p.buffer, p.byteOffset, p.byteLength)
    return p === undefined ? null : p
  })
}

/**
 * Who holds each file now, per process. A transaction spans awaits; another
 * connection of this process to the same file that began one meanwhile would
 * wait on SQLite's lock in the one thread, and the first could never finish
 * (`database is locked` after `busy_timeout`). Connections of one process
 * take turns here; other processes through SQLite's lock.
 */
const turns = new Map<string, { held: Promise<unknown> | null }>()

/**
 * SQLite through better-sqlite3, behind the asynchronous `Dialect`: the
 * synchronous driver wrapped once. Statements are prepared once and kept by
 * their text. One connection serves the process, so a transaction holds it:
 * reads and other transactions of the process wait for it to end (as they did
 * when a synchronous write held the event loop), and other processes take
 * turns through SQLite's own write lock (`BEGIN IMMEDIATE`, `busy_timeout`).
 */
export class SqliteDialect implements Dialect {
  readonly name = 'sqlite'
  readonly raw: Database.Database
  readonly location: string
  readonly db: Sql
  readonly fragments: Fragments = {
    inList: (column) => `${column} IN (SELECT value FROM json_each(?))`,
  }
  private readonly statements = new Map<string, Database.Statement>()
  /** The transaction running now on this file in this process, if any: reads outside it wait for it. */
  private readonly turn: { held: Promise<unknown> | null }
  private readonly direct: Sql

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    this.raw = new Database(file)
    this.raw.pragma('journal_mode = WAL')
    this.raw.pragma('synchronous = NORMAL')
    this.raw.pragma('busy_timeout = 10000')
    this.raw.pragma('foreign_keys = ON')
    this.location = this.raw.name
    const shared = file === ':memory:' ? undefined : turns.get(this.location)
    this.turn = shared ?? { held: null }
    if (!shared && file !== ':memory:') turns.set(this.location, this.turn)
    this.direct = {
      all: async <T>(sql: string, params: readonly unknown[] = []) => this.statement(sql).all(...bind(params)) as T[],
      get: async <T>(sql: string, params: readonly unknown[] = []) => this.statement(sql).get(...bind(params)) as T | undefined,
      allEach: async <T>(queries: ReadonlyArray<Query>) => queries.map((q) => this.statement(q.sql).all(...bind(q.params)) as T[]),
      run: async (sql: string, params: readonly unknown[] = []) => this.statement(sql).run(...bind(params)).changes,
      write: async (sql: string, params: readonly unknown[] = []) => {
        this.statement(sql).run(...bind(params))
      },
    }
    this.db = {
      all: async (sql, params) => {
        if (this.turn.held) await this.idle()
        return this.direct.all(sql, params)
      },
      get: async (sql, params) => {
        if (this.turn.held) await this.idle()
        return this.direct.get(sql, params)
      },
      allEach: async (queries) => {
        if (this.turn.held) await this.idle()
        return this.direct.allEach(queries)
      },
      run: async (sql, params) => {
        if (this.turn.held) await this.idle()
        return this.direct.run(sql, params)
      },
      write: async (sql, params) => {
        if (this.turn.held) await this.idle()
        return this.direct.write(sql, params)
      },
    }
  }

  /** Settles when no transaction of this process holds the connection. */
  async idle(): Promise<void> {
    while (this.turn.held) await this.turn.held.catch(() => {})
  }

  /** A statement prepared once per text. */
  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.raw.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  /** Runs `work` between `begin` and COMMIT, holding the connection; ROLLBACK when it throws. */
  private async hold<T>(begin: string, work: (tx: Sql) => Promise<T>): Promise<T> {
    while (this.turn.held) await this.turn.held.catch(() => {})
    const run = (async () => {
      this.raw.exec(begin)
      try {
        const out = await work(this.direct)
        this.raw.exec('COMMIT')
        return out
      } catch (e) {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK')
        throw e
      }
    })()
    this.turn.held = run
    try {
      return await run
    } finally {
      if (this.turn.held === run) this.turn.held = null
    }
  }

  write<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.hold('BEGIN IMMEDIATE', work)
  }

  snapshot<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.hold('BEGIN', work)
  }

  async migrate(migrations: readonly Migration[]): Promise<void> {
    this.raw.exec(META_TABLE)
    for (;;) {
      // Each migration under the write lock, the version read again inside it: another process may have run it meanwhile.
      const done = await this.write(async (tx) => {
        const version = await schemaVersionOf(tx, migrations.length)
        const next = migrations[version]
        if (!next) return true
        await applyMigration(tx, next, version + 1, async (sql) => {
          this.raw.exec(sql)
          // A migration changes tables: statements prepared against the old ones are prepared again.
          this.statements.clear()
        })
        return false
      })
      if (done) return
    }
  }

  async drawPaperIds(tx: Sql, n: number, after?: PaperIds): Promise<PaperIds[]> {
    // Inside the write transaction (BEGIN IMMEDIATE): no other writer can take the same numbers meanwhile.
    const top = await tx.get<{ rowid: number; seq: number }>('SELECT coalesce(max(rowid), 0) AS rowid, coalesce(max(seq), 0) AS seq FROM papers')
    let rowid = Math.max(Number(top?.rowid ?? 0), after?.rowid ?? 0)
    let seq = Math.max(Number(top?.seq ?? 0), after?.seq ?? 0)
    return Array.from({ length: n }, () => ({ rowid: ++rowid, seq: ++seq }))
  }

  async close(): Promise<void> {
    while (this.turn.held) await this.turn.held.catch(() => {})
    this.raw.close()
  }
}
