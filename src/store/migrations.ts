import type { Document } from '../model/document.js'
import { documentNummerOf } from './keys.js'
import { unpackLegacy } from './shared.js'
import type { Sql } from './sql.js'

// Data steps of migrations that both engines took, written once.

/** Sets `tk_nummer` on papers read from open-data files before the column existed (SQLite migration 5, PostgreSQL 2). */
export async function backfillTkNummer(tx: Sql): Promise<void> {
  const rows = await tx.all<{ key: string; doc: Buffer }>("SELECT key, doc FROM papers WHERE form = 'open-data'")
  for (const r of rows) await tx.run('UPDATE papers SET tk_nummer = ? WHERE key = ?', [documentNummerOf(JSON.parse(unpackLegacy(r.doc)) as Document), r.key])
}
