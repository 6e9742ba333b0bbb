import type { Document } from '../model/document.js'
import { documentNummerOf } from './keys.js'
import { openData } from './opendata.js'
import { unpackLegacy } from './shared.js'
import type { Sql } from './sql.js'

// Data steps of migrations that both engines took, written once.

/** Sets `tk_nummer` on papers read from open-data files before the column existed (SQLite migration 5, PostgreSQL 2). */
export async function backfillTkNummer(tx: Sql): Promise<void> {
  const rows = await tx.all<{ key: string; doc: Buffer }>("SELECT key, doc FROM papers WHERE form = 'open-data'")
  for (const r of rows) await tx.run('UPDATE papers SET tk_nummer = ? WHERE key = ?', [documentNummerOf(JSON.parse(unpackLegacy(r.doc)) as Document), r.key])
}

/** Writes the keys of every open-data record kept (SQLite migration 10, PostgreSQL 10), a thousand at a time. */
export async function fillRecordKeys(tx: Sql): Promise<void> {
  for (let after = ['', '']; ; ) {
    const rows = await tx.all<{ entity: string; id: string; record: string }>(
      'SELECT entity, id, record FROM od_records WHERE entity > ? OR (entity = ? AND id > ?) ORDER BY entity, id LIMIT 1000',
      [after[0], after[0], after[1]],
    )
    for (const r of rows) await openData.writeKeys(tx, r.entity, r.id, JSON.parse(r.record))
    const last = rows[rows.length - 1]
    if (!last || rows.length < 1000) return
    after = [last.entity, last.id]
  }
}
