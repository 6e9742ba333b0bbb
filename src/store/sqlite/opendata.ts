import type Database from 'better-sqlite3'
import type { ContentStatus, MissingContent, OpenDataRecord } from '../store.js'

/**
 * Tables of the open-data sync (migration 5): the records as the source gave
 * them, which paper each `Document` record became and whether its content
 * was read, and where each sync stopped. `papers.tk_nummer` keeps the
 * Tweede Kamer's `DocumentNummer` beside the paper for search hits and lookups.
 */
export const OPEN_DATA_TABLES = `
  ALTER TABLE papers ADD COLUMN tk_nummer TEXT;
  CREATE INDEX papers_tk_nummer ON papers(tk_nummer) WHERE tk_nummer IS NOT NULL;
  CREATE TABLE od_records (entity TEXT NOT NULL, id TEXT NOT NULL, modified TEXT NOT NULL, record TEXT NOT NULL, PRIMARY KEY (entity, id)) WITHOUT ROWID;
  CREATE TABLE od_content (record_id TEXT PRIMARY KEY, paper_key TEXT NOT NULL, status TEXT NOT NULL, reason TEXT) WITHOUT ROWID;
  CREATE INDEX od_content_paper ON od_content(paper_key);
  CREATE TABLE sync_state (source TEXT PRIMARY KEY, state TEXT NOT NULL) WITHOUT ROWID;
  INSERT INTO meta (key, value) VALUES ('removals', '0');`

/** The statements on the open-data tables; the store runs them inside its transactions. */
export class SqliteOpenData {
  private readonly s

  constructor(db: Database.Database) {
    this.s = {
      upsert: db.prepare(
        'INSERT INTO od_records (entity, id, modified, record) VALUES (?, ?, ?, ?) ON CONFLICT(entity, id) DO UPDATE SET modified = excluded.modified, record = excluded.record',
      ),
      remove: db.prepare('DELETE FROM od_records WHERE entity = ? AND id = ?'),
      records: db.prepare<[string], { id: string; modified: string; record: string }>(
        'SELECT id, modified, record FROM od_records WHERE entity = ? ORDER BY id',
      ),
      content: db.prepare<[string], { paper_key: string }>('SELECT paper_key FROM od_content WHERE record_id = ?'),
      setContent: db.prepare(
        'INSERT INTO od_content (record_id, paper_key, status, reason) VALUES (?, ?, ?, ?) ON CONFLICT(record_id) DO UPDATE SET paper_key = excluded.paper_key, status = excluded.status, reason = excluded.reason',
      ),
      dropContent: db.prepare('DELETE FROM od_content WHERE record_id = ?'),
      sharedKey: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM od_content WHERE paper_key = ? AND record_id <> ?'),
      missing: db.prepare<[], { id: string; record: string; reason: string | null }>(
        "SELECT c.record_id AS id, r.record, c.reason FROM od_content c JOIN od_records r ON r.entity = 'Document' AND r.id = c.record_id WHERE c.status = 'missing' ORDER BY c.record_id",
      ),
      state: db.prepare<[string], { state: string }>('SELECT state FROM sync_state WHERE source = ?'),
      setState: db.prepare('INSERT INTO sync_state (source, state) VALUES (?, ?) ON CONFLICT(source) DO UPDATE SET state = excluded.state'),
    }
  }

  upsert(r: OpenDataRecord): void {
    this.s.upsert.run(r.entity, r.id, r.modified, JSON.stringify(r.record))
  }

  remove(entity: string, id: string): void {
    this.s.remove.run(entity, id)
  }

  records(entity: string): OpenDataRecord[] {
    return this.s.records.all(entity).map((r) => ({ entity, id: r.id, modified: r.modified, deleted: false, record: JSON.parse(r.record) }))
  }

  /** The paper key a Document record became, if any. */
  paperOf(recordId: string): string | null {
    return this.s.content.get(recordId)?.paper_key ?? null
  }

  setContent(recordId: string, paperKey: string, status: ContentStatus, reason: string | null): void {
    this.s.setContent.run(recordId, paperKey, status, reason)
  }

  dropContent(recordId: string): void {
    this.s.dropContent.run(recordId)
  }

  /** Whether another record also became this paper (then removing one record keeps the paper). */
  sharedByOthers(paperKey: string, recordId: string): boolean {
    return (this.s.sharedKey.get(paperKey, recordId)?.n ?? 0) > 0
  }

  missing(): MissingContent[] {
    return this.s.missing.all().map((r) => ({ id: r.id, record: JSON.parse(r.record), reason: r.reason }))
  }

  state(source: string): unknown {
    const row = this.s.state.get(source)
    return row ? JSON.parse(row.state) : null
  }

  setState(source: string, state: unknown): void {
    this.s.setState.run(source, JSON.stringify(state))
  }
}
