import type Database from 'better-sqlite3'
import type { Dictionary, PackKind } from '../codec.js'
import { Repository } from '../repository.js'
import { SqliteDialect } from './dialect.js'
import { SqliteIndex } from './index.js'
import { sqliteMigrations } from './schema.js'

/**
 * The embedded store: one SQLite file, FTS5 over Dutch stems, raw sources
 * kept beside each paper. The repository written once (`repository.ts`)
 * over the SQLite dialect and the FTS5 posting index.
 */
export class EmbeddedStore extends Repository {
  /** The open file, for what only SQLite has (tests of its index, `PRAGMA integrity_check`). */
  readonly sqlite: Database.Database

  /**
   * Opens (and migrates) a store file. `searchCache` is how many recent search
   * results are kept (default 256; 0 turns it off): a repeated search costs a
   * map lookup, and every write, by any process, empties the cache.
   * `postingsMb` bounds the posting lists kept for ranking (default 64 MB).
   */
  constructor(file: string, options: { searchCache?: number; postingsMb?: number } = {}) {
    const dialect = new SqliteDialect(file)
    // Prepared on first use: a new file has no dictionaries table until it is migrated.
    let lookup: Database.Statement<[number], { id: number; kind: string; papers: number; bytes: Buffer }> | undefined
    super(
      {
        dialect,
        migrations: (ctx) => sqliteMigrations(dialect.raw, ctx),
        index: (values) => new SqliteIndex(dialect, values, options.postingsMb ?? 64),
        // A dictionary another process made since this one loaded them, read at once from the file.
        lookup: (id): Dictionary | null => {
          lookup ??= dialect.raw.prepare('SELECT id, kind, papers, bytes FROM dictionaries WHERE id = ?')
          const row = lookup.get(id)
          return row ? { id: row.id, kind: row.kind as PackKind, papers: row.papers, bytes: row.bytes } : null
        },
      },
      options,
    )
    this.sqlite = dialect.raw
  }
}
