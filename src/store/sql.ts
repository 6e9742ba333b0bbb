import type { ListQuery } from '../search/bm25.js'
import type { PaperColumns } from '../search/engine.js'
import type { ParsedQuery } from '../search/query.js'

// The one seam between the repository (written once) and a database engine. The repository writes
// its SQL once, with `?` placeholders, in the dialect both SQLite (3.35 or later) and PostgreSQL
// accept: `INSERT … ON CONFLICT … DO UPDATE`, `RETURNING`, `NULLS LAST`, `LIKE … ESCAPE`. What
// truly differs sits behind these interfaces: how to connect and take turns writing, placeholders,
// the few fragments whose syntax differs (a list parameter, the write counter), and where posting
// lists live (FTS5's index in SQLite, segment tables in PostgreSQL).

/** A connection, or a transaction on one: runs SQL with `?` placeholders. */
export interface Sql {
  /** Every row of a query. */
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>
  /** The first row of a query, if any. */
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>
  /**
   * The rows of several queries, in one round trip where the engine has one (PostgreSQL sends them
   * together, with what the transaction held): a batch reads what each of its papers is matched
   * against before it writes.
   */
  allEach<T>(queries: ReadonlyArray<Query>): Promise<T[][]>
  /** Runs a statement; returns how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>
  /**
   * A statement whose result nobody reads: an engine may hold it and send it
   * with the next (PostgreSQL sends what a transaction held in one round trip
   * before its next read and before it commits). An error surfaces there, and
   * the transaction rolls back as a whole.
   */
  write(sql: string, params?: readonly unknown[]): Promise<void>
}

/** A query and its parameters. */
export interface Query {
  sql: string
  params: readonly unknown[]
}

/** A database engine as the repository needs it. */
export interface Dialect {
  /** `sqlite` or `postgres`: for messages and the few facts that differ (see `fragments`). */
  readonly name: 'sqlite' | 'postgres'
  /** Where the store is, for messages: a file path, or a PostgreSQL URL without its password. */
  readonly location: string
  /** Runs reads outside a transaction. */
  readonly db: Sql
  /** The SQL fragments whose syntax differs. */
  readonly fragments: Fragments
  /**
   * Runs `work` in one transaction as the only writer, whichever process
   * (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: an advisory lock); committed
   * when it returns, rolled back when it throws.
   */
  write<T>(work: (tx: Sql) => Promise<T>): Promise<T>
  /** Runs `work` on one snapshot: a search's total, facets and page agree while others write. */
  snapshot<T>(work: (tx: Sql) => Promise<T>): Promise<T>
  /**
   * Runs the pending migrations in order, each in a transaction with its data
   * step, under a lock so that processes starting at once migrate once.
   */
  migrate(migrations: readonly Migration[]): Promise<void>
  /**
   * Row ids and write-counter values for `n` papers a write transaction is about to write (`papers.rowid`,
   * `papers.seq`), in one query: SQLite counts on from the highest in the table (and from `after`, the last the
   * transaction took, which it may not have written yet); PostgreSQL draws them from its sequences.
   */
  drawPaperIds(tx: Sql, n: number, after?: PaperIds): Promise<PaperIds[]>
  close(): Promise<void>
}

/** A paper row's id and its write counter: a search's postings name a paper version by the counter. */
export interface PaperIds {
  rowid: number
  seq: number
}

/** The SQL fragments whose syntax differs between the engines. */
export interface Fragments {
  /** `column` is one of the values of one list parameter (`IN (SELECT value FROM json_each(?))`, `= ANY(?)`). */
  inList(column: string): string
}

/** One step of a schema: its SQL, then (in the same transaction) what it must do to the rows already there. */
export interface Migration {
  sql: string
  data?: (tx: Sql) => Promise<void>
}

/** The table that holds a store's schema version, in SQL both engines take. */
export const META_TABLE = 'CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)'

/** The schema version a store is at (0: new), refused when it is newer than this kamerwacht knows. */
export async function schemaVersionOf(tx: Sql, known: number): Promise<number> {
  const row = await tx.get<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'")
  const version = row ? Number(row.value) : 0
  if (version > known) throw new Error(`database schema ${version} is newer than this kamerwacht (${known}); upgrade kamerwacht`)
  return version
}

/**
 * Applies one migration inside the caller's transaction: its DDL (through `ddl`, which each engine runs
 * its own way), its data step, then the version it brings the store to. The dialects differ only in how
 * they lock and take transactions around it.
 */
export async function applyMigration(tx: Sql, step: Migration, to: number, ddl: (sql: string) => Promise<void>): Promise<void> {
  await ddl(step.sql)
  await step.data?.(tx)
  await tx.run("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(to)])
}

/** A paper version as the posting index is told of it. */
export interface IndexedPaper {
  rowid: number
  seq: number
  /** The Dutch stems of title and text, space-separated (`search/stem.ts`). */
  stems: string
}

/**
 * Where an engine keeps the posting lists and the papers' filter columns in
 * memory (see `search/engine.ts`): FTS5 in SQLite, segment tables in
 * PostgreSQL. The repository tells it of each paper version written or gone,
 * inside the write's transaction, and asks it for the columns and lists of a
 * search inside the search's snapshot.
 */
export interface PostingIndex {
  /**
   * A version about to be written (`fresh`: a new paper, not a paper written again); the columns of the
   * paper's own row that the index keeps come back, to be written with the row (PostgreSQL's `tsv`, `len`
   * and `tf`: an UPDATE after the INSERT wrote each row twice, its nine indexes with it).
   */
  add(tx: Sql, paper: IndexedPaper, fresh: boolean): Promise<IndexColumn[]>
  /** The version stored now at `rowid` goes: written again, or (`removed`) the paper removed. */
  remove(tx: Sql, rowid: number, removed: boolean): Promise<void>
  /** The end of a write transaction: what was gathered is written. */
  flush(tx: Sql): Promise<void>
  /** Changes whenever a paper is written or removed, by this process or another (the result cache's key). */
  stamp(): Promise<string>
  /** The number of papers. */
  count(): Promise<number>
  /** The filter columns and the query's posting lists, brought to the snapshot `tx` sees. */
  prepare(tx: Sql, parsed: ParsedQuery | null): Promise<{ columns: PaperColumns; lists: ListQuery | null }>
  /** Reads ahead the columns and the lists of the commonest terms (see `Store.warm`). */
  warm(): Promise<void>
  /** See `Store.terms`. */
  terms(prefix: string, limit: number): Promise<IndexedTerm[]>
}

/** A column of a paper's row that the posting index fills, with the cast its value needs (`tsvector`). */
export interface IndexColumn {
  name: string
  value: unknown
  cast?: string
}

/** A term of the index (a stem, `kernwap`) and the number of papers it is in. */
export interface IndexedTerm {
  term: string
  papers: number
}

/** A `LIKE` pattern that finds `text` anywhere, with `%`, `_` and `\` taken as themselves (use with `ESCAPE '\'`). */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
