import { recordKeys } from '../link/kamer.js'
import type { OpenDataRecord } from '../model/opendata.js'
import type { Sql } from './sql.js'
import type { ContentStatus, MissingContent } from './store.js'

/**
 * The open-data sync's tables, written once over `Sql`: the records as the
 * source gave them, which paper each `Document` record became and whether
 * its content was read, and where each sync stopped. The writes run inside
 * the store's transactions (`tx`), the reads on any connection.
 */
export const openData = {
  async upsert(tx: Sql, r: OpenDataRecord): Promise<void> {
    await tx.write(
      'INSERT INTO od_records (entity, id, modified, record) VALUES (?, ?, ?, ?) ON CONFLICT (entity, id) DO UPDATE SET modified = excluded.modified, record = excluded.record',
      [r.entity, r.id, r.modified, JSON.stringify(r.record)],
    )
    await tx.write('DELETE FROM od_keys WHERE entity = ? AND id = ?', [r.entity, r.id])
    await openData.writeKeys(tx, r.entity, r.id, r.record)
  },

  /** The keys a record is found by (see `recordKeys`). */
  async writeKeys(tx: Sql, entity: string, id: string, record: Record<string, unknown>): Promise<void> {
    for (const key of recordKeys(entity, record))
      await tx.write('INSERT INTO od_keys (key, entity, id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [key, entity, id])
  },

  async remove(tx: Sql, entity: string, id: string): Promise<void> {
    await tx.write('DELETE FROM od_records WHERE entity = ? AND id = ?', [entity, id])
    await tx.write('DELETE FROM od_keys WHERE entity = ? AND id = ?', [entity, id])
  },

  /** The kept records of an entity found by a key (`zaak:2024Z00425`, `besluit:…`), in id order. */
  async byKey(db: Sql, entity: string, key: string): Promise<OpenDataRecord[]> {
    const rows = await db.all<{ id: string; modified: string; record: string }>(
      'SELECT r.id, r.modified, r.record FROM od_keys k JOIN od_records r ON r.entity = k.entity AND r.id = k.id WHERE k.key = ? AND k.entity = ? ORDER BY r.id',
      [key, entity],
    )
    return rows.map((r) => ({ entity, id: r.id, modified: r.modified, deleted: false, record: JSON.parse(r.record) }))
  },

  async records(db: Sql, entity: string): Promise<OpenDataRecord[]> {
    const rows = await db.all<{ id: string; modified: string; record: string }>('SELECT id, modified, record FROM od_records WHERE entity = ? ORDER BY id', [
      entity,
    ])
    return rows.map((r) => ({ entity, id: r.id, modified: r.modified, deleted: false, record: JSON.parse(r.record) }))
  },

  /** The paper key a Document record became, if any. */
  async paperOf(tx: Sql, recordId: string): Promise<string | null> {
    return (await tx.get<{ paper_key: string }>('SELECT paper_key FROM od_content WHERE record_id = ?', [recordId]))?.paper_key ?? null
  },

  async setContent(tx: Sql, recordId: string, paperKey: string, status: ContentStatus, reason: string | null): Promise<void> {
    await tx.write(
      'INSERT INTO od_content (record_id, paper_key, status, reason) VALUES (?, ?, ?, ?) ON CONFLICT (record_id) DO UPDATE SET paper_key = excluded.paper_key, status = excluded.status, reason = excluded.reason',
      [recordId, paperKey, status, reason],
    )
  },

  async dropContent(tx: Sql, recordId: string): Promise<void> {
    await tx.write('DELETE FROM od_content WHERE record_id = ?', [recordId])
  },

  /** Whether another record also became this paper (then removing one record keeps the paper). */
  async sharedByOthers(tx: Sql, paperKey: string, recordId: string): Promise<boolean> {
    return !!(await tx.get('SELECT 1 AS one FROM od_content WHERE paper_key = ? AND record_id <> ?', [paperKey, recordId]))
  },

  async missing(db: Sql): Promise<MissingContent[]> {
    const rows = await db.all<{ id: string; record: string; reason: string | null }>(
      "SELECT c.record_id AS id, r.record, c.reason FROM od_content c JOIN od_records r ON r.entity = 'Document' AND r.id = c.record_id WHERE c.status = 'missing' ORDER BY c.record_id",
    )
    return rows.map((r) => ({ id: r.id, record: JSON.parse(r.record), reason: r.reason }))
  },

  async state(db: Sql, source: string): Promise<unknown> {
    const row = await db.get<{ state: string }>('SELECT state FROM sync_state WHERE source = ?', [source])
    return row ? JSON.parse(row.state) : null
  },

  async setState(tx: Sql, source: string, state: unknown): Promise<void> {
    await tx.write('INSERT INTO sync_state (source, state) VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET state = excluded.state', [
      source,
      JSON.stringify(state),
    ])
  },
}
