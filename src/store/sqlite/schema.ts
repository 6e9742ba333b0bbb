import type Database from 'better-sqlite3'
import type { Document } from '../../model/document.js'
import { stemText } from '../../search/stem.js'
import { splitDocument, TRAIN_AT } from '../codec.js'
import { paperRef } from '../keys.js'
import { backfillTkNummer, fillRecordKeys } from '../migrations.js'
import type { StoredEvent } from '../prepare.js'
import type { MigrationContext } from '../repository.js'
import { unpackLegacy } from '../shared.js'
import type { Migration, Sql } from '../sql.js'

// The embedded store's schema: its tables as SQLite declares them, and the migrations that made
// them, each with the data step it needed (stores of every version since 1 are opened and migrated).

/**
 * Who speaks in a debate record, by the label of their turns (`Minister Wiebes`, `De heer Graus (PVV)`), for
 * `spreker:`. Written with the link tables, so it is part of migration 3 (whose backfill writes it) and migration 6.
 */
export const SPEAKERS_TABLE = 'CREATE TABLE speakers (paper_key TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (paper_key, label)) WITHOUT ROWID;'

/**
 * The further dossiers a paper is printed in (`Document.otherDossiers`), so it is in each one's page.
 * Written with the link tables (migration 3's backfill writes it) and made by migration 8.
 */
export const PAPER_DOSSIERS_TABLE =
  'CREATE TABLE paper_dossiers (paper_key TEXT NOT NULL, dossier TEXT NOT NULL, PRIMARY KEY (paper_key, dossier)) WITHOUT ROWID; CREATE INDEX paper_dossiers_dossier ON paper_dossiers(dossier);'

/**
 * The dated events of a paper for its dossier's timeline, read a paper at a time: one packed JSON array of
 * `{ start, end, text, sentence }` a paper (a row per event kept each sentence apart: a quarter of a store's
 * size on generated papers). Stores made before schema 9 had a row per event; migration 9 packs them.
 */
export const EVENTS_TABLE = 'CREATE TABLE events (paper_key TEXT PRIMARY KEY, items BLOB NOT NULL) WITHOUT ROWID;'

/** Schema of the linking tables (migration 3): what each paper cites, mentions and promises, and the links between promises and papers. */
export const LINK_TABLES = `
  CREATE TABLE refs (
    paper_key TEXT NOT NULL, ord INTEGER NOT NULL, target TEXT, kind TEXT NOT NULL, ref_date TEXT, text TEXT NOT NULL,
    PRIMARY KEY (paper_key, ord)
  ) WITHOUT ROWID;
  CREATE INDEX refs_target ON refs(target) WHERE target IS NOT NULL;
  CREATE INDEX refs_date ON refs(ref_date) WHERE ref_date IS NOT NULL;
  ${EVENTS_TABLE}
  CREATE TABLE commitments (
    id TEXT PRIMARY KEY, paper_key TEXT NOT NULL, ord INTEGER NOT NULL, sender TEXT, dossier TEXT, date TEXT, due_end TEXT, record TEXT NOT NULL
  );
  CREATE INDEX commitments_paper ON commitments(paper_key);
  CREATE INDEX commitments_sender ON commitments(sender, date);
  -- Dossier and sender together: with two two-column indexes the planner may take the sender's,
  -- and a ministry's whole history is scanned for every paper written (seen at 100,000 papers).
  CREATE INDEX commitments_dossier ON commitments(dossier, sender, date);
  CREATE INDEX papers_dossier_sender ON papers(dossier, sender, date);
  CREATE TABLE profiles (paper_key TEXT PRIMARY KEY, line TEXT NOT NULL, dossier_title TEXT, profile TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE fulfilments (
    commitment_id TEXT NOT NULL, paper_key TEXT NOT NULL, reason TEXT NOT NULL, confidence REAL NOT NULL, evidence TEXT NOT NULL,
    PRIMARY KEY (commitment_id, paper_key)
  ) WITHOUT ROWID;
  CREATE INDEX fulfilments_paper ON fulfilments(paper_key);
  -- Days a paper's fulfilment sentences point at ('zoals toegezegd in mijn brief van 27 mei 2022'), to find it when the promising paper arrives later.
  CREATE TABLE pointers (date TEXT NOT NULL, paper_key TEXT NOT NULL, PRIMARY KEY (date, paper_key)) WITHOUT ROWID;
  CREATE INDEX pointers_paper ON pointers(paper_key);
  -- Corrections are keyed by commitment id and never deleted by ingest: they outlive a paper read again.
  CREATE TABLE corrections (commitment_id TEXT PRIMARY KEY, correction TEXT NOT NULL);
  ${SPEAKERS_TABLE}
  ${PAPER_DOSSIERS_TABLE}
`

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

// Versioned migrations: each runs once, in order, in a transaction; `meta.schema_version` says how far a file is.
const MIGRATION_SQL: string[] = [
  `CREATE TABLE papers (
     rowid INTEGER PRIMARY KEY,
     key TEXT NOT NULL UNIQUE,
     id TEXT,
     type TEXT,
     date TEXT,
     year INTEGER,
     sender TEXT,
     title TEXT,
     dossier TEXT,
     form TEXT NOT NULL,
     source_sha TEXT NOT NULL,
     reader_version INTEGER NOT NULL,
     doc BLOB NOT NULL,
     text BLOB NOT NULL
   );
   CREATE INDEX papers_id ON papers(id);
   CREATE INDEX papers_date ON papers(date);
   CREATE INDEX papers_type ON papers(type, date);
   CREATE INDEX papers_dossier ON papers(dossier, date);
   CREATE INDEX papers_sender ON papers(sender, date);
   CREATE TABLE sources (
     sha256 TEXT PRIMARY KEY,
     key TEXT NOT NULL,
     name TEXT NOT NULL,
     form TEXT NOT NULL,
     reader_version INTEGER NOT NULL,
     bytes BLOB NOT NULL
   );
   CREATE INDEX sources_key ON sources(key);
   CREATE VIRTUAL TABLE papers_fts USING fts5(stems, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');`,
  // 2: a change counter, so a searching process can pick up what another process wrote.
  `ALTER TABLE papers ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
   UPDATE papers SET seq = rowid;
   CREATE INDEX papers_seq ON papers(seq);`,
  // 3: the citation graph, dated events, promises and their fulfilments (filled for stored papers by `backfillLinks`).
  LINK_TABLES,
  // 4: the full-text index again, filled by `rebuildFts`. Deleting from a contentless_delete table left FTS5's
  // row count and total length (BM25's N and average length) stale; now a paper's old stems are removed with
  // the 'delete' command, which keeps them right.
  `DROP TABLE papers_fts;
   CREATE VIRTUAL TABLE papers_fts USING fts5(stems, content='', tokenize='unicode61 remove_diacritics 0');`,
  // 5: open-data records, content status and sync state; `tk_nummer` filled by `backfillTkNummer`.
  OPEN_DATA_TABLES,
  // 6: who speaks in a debate record (see SPEAKERS_TABLE). A store that ran migration 3 after the table joined
  // the link tables has it already. Filled as papers are read again (READER_VERSION 6): those stored before had no turns.
  SPEAKERS_TABLE.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'),
  // 7: saved searches and dossiers followed (`kamerwacht follow`), with the write counter at the last visit.
  'CREATE TABLE follows (name TEXT PRIMARY KEY, query TEXT NOT NULL, created TEXT NOT NULL, seen_seq INTEGER NOT NULL DEFAULT 0, seen_at TEXT);',
  // 8: the further dossiers a paper is printed in (see PAPER_DOSSIERS_TABLE); filled as papers are read again.
  PAPER_DOSSIERS_TABLE.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS').replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'),
  // 9: values packed with dictionaries made from the store's papers (see codec.ts), the Document kept once (its
  // text in \`text\`, a text file's source text not at all: it is the raw bytes decoded), raw sources, linking
  // profiles, commitment records and timeline sentences packed too (blobs now, in columns still declared TEXT:
  // SQLite keeps a blob as it is given); every value is written again by \`repack\`. Two indexes go: (dossier, date) is served by
  // (dossier, sender, date), and nothing looks papers up by sender alone (the search filters in memory).
  `CREATE TABLE dictionaries (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, papers INTEGER NOT NULL, bytes BLOB NOT NULL);
   DROP INDEX papers_dossier;
   DROP INDEX papers_sender;`,
  // 10: the keys open-data records are found by (link/kamer.ts: a motie's Zaak by its Kamerstuk, the Besluit by its
  // Agendapunt, the votes by their Besluit), filled for the records kept by \`fillRecordKeys\`.
  `CREATE TABLE od_keys (key TEXT NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (key, entity, id)) WITHOUT ROWID;
   CREATE INDEX od_keys_record ON od_keys(entity, id);`,
  // 11: where a follow's alerts go (an e-mail address, a webhook) and how far they were sent (see app/alerts.ts).
  `ALTER TABLE follows ADD COLUMN email TEXT;
   ALTER TABLE follows ADD COLUMN webhook TEXT;
   ALTER TABLE follows ADD COLUMN alerted_seq INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE follows ADD COLUMN alerted_at TEXT;`,
  // 12: no new table: the keys of written questions' records (link/kamer.ts) added to the records kept, by \`fillRecordKeys\`.
  'SELECT 1;',
  // 13: people who sign in (\`kamerwacht user add\`: a name and the SHA-256 of their token, never the token), and follows
  // per person: a follow's key is its owner and name ('' is the store's own follows, as before), with the hours between
  // its alerts. SQLite cannot change a primary key in place: the table is made again and its rows copied.
  `CREATE TABLE users (name TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, email TEXT, created TEXT NOT NULL);
   CREATE TABLE follows_by_owner (owner TEXT NOT NULL DEFAULT '', name TEXT NOT NULL, query TEXT NOT NULL, created TEXT NOT NULL,
     seen_seq INTEGER NOT NULL DEFAULT 0, seen_at TEXT, email TEXT, webhook TEXT, alerted_seq INTEGER NOT NULL DEFAULT 0, alerted_at TEXT,
     every_hours INTEGER, PRIMARY KEY (owner, name));
   INSERT INTO follows_by_owner (owner, name, query, created, seen_seq, seen_at, email, webhook, alerted_seq, alerted_at)
     SELECT '', name, query, created, seen_seq, seen_at, email, webhook, alerted_seq, alerted_at FROM follows;
   DROP TABLE follows;
   ALTER TABLE follows_by_owner RENAME TO follows;`,
  // 14: what a follow's alerts last told of what it follows that is no paper (a followed motie: how many of its votes).
  'ALTER TABLE follows ADD COLUMN told TEXT;',
  // 15: no new table: members' Persoon records found by their name (link/kamer.ts), added to the records kept by \`fillRecordKeys\`.
  'SELECT 1;',
  // 16: no new table: activities found by their number (link/kamer.ts: the register's `ActiviteitNummer`), added to the records kept by \`fillRecordKeys\`.
  'SELECT 1;',
]

/** The migrations with their data steps, over the open file. */
export function sqliteMigrations(db: Database.Database, ctx: MigrationContext): Migration[] {
  const data: Record<number, (tx: Sql) => Promise<void>> = {
    3: (tx) => backfillLinks(db, tx, ctx),
    4: async () => rebuildFts(db),
    5: (tx) => backfillTkNummer(tx),
    9: (tx) => repack(db, tx, ctx),
    10: fillRecordKeys,
    12: fillRecordKeys,
    15: fillRecordKeys,
    16: fillRecordKeys,
  }
  return MIGRATION_SQL.map((sql, k) => {
    const step = data[k + 1]
    return step ? { sql, data: step } : { sql }
  })
}

/** Indexes every stored paper's stems again (migration 4). */
function rebuildFts(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO papers_fts (rowid, stems) VALUES (?, ?)')
  const rows = db.prepare<[], { rowid: number; title: string | null; text: Buffer }>('SELECT rowid, title, text FROM papers ORDER BY rowid').all()
  for (const r of rows) insert.run(r.rowid, stemText(`${r.title ?? ''} ${unpackLegacy(r.text)}`))
}

/** Fills the linking tables from the Documents of a store made before they existed, oldest paper first (migration 3). */
async function backfillLinks(db: Database.Database, tx: Sql, ctx: MigrationContext): Promise<void> {
  const rows = db.prepare<[], { key: string; doc: Buffer }>('SELECT key, doc FROM papers ORDER BY date, key').all()
  for (const { key, doc: blob } of rows) {
    const doc = JSON.parse(unpackLegacy(blob)) as Document
    await ctx.links.derive(tx, doc, { ...paperRef(doc), key })
  }
}

/** Runs `each` over the rows `select` gives after the last key, a thousand at a time. */
function inChunks<R, K>(select: Database.Statement<[K], R>, first: K, keyOf: (r: R) => K, each: (r: R) => void): void {
  let after = first
  for (;;) {
    const rows = select.all(after)
    for (const r of rows) each(r)
    if (rows.length < 1000) return
    after = keyOf(rows[rows.length - 1] as R)
  }
}

/**
 * Migration 9: every stored value in the packed form of `codec.ts`, with
 * dictionaries made from the store's papers first (when it has enough).
 * Documents lose their clean text (kept in `text`) and a text file's
 * source text. A thousand rows at a time, so a store of a million papers
 * is never in memory at once.
 */
async function repack(db: Database.Database, tx: Sql, ctx: MigrationContext): Promise<void> {
  const top = db.prepare<[], number | null>('SELECT max(rowid) FROM papers').pluck().get() ?? 0
  if (top >= (TRAIN_AT[0] as number)) await ctx.train(tx, top, legacySamples(db, top))
  const pack = ctx.values.packer
  const setPaper = db.prepare('UPDATE papers SET doc = ?, text = ? WHERE rowid = ?')
  inChunks(
    db.prepare<[number], { rowid: number; doc: Buffer; text: Buffer; bytes: Buffer | null }>(
      'SELECT p.rowid, p.doc, p.text, s.bytes FROM papers p LEFT JOIN sources s ON s.sha256 = p.source_sha WHERE p.rowid > ? ORDER BY p.rowid LIMIT 1000',
    ),
    0,
    (r) => r.rowid,
    (p) => {
      const stored = splitDocument(JSON.parse(unpackLegacy(p.doc)) as Document, p.bytes ?? Buffer.alloc(0))
      setPaper.run(pack.pack('doc', stored.json), pack.pack('text', stored.text), p.rowid)
    },
  )
  const setSource = db.prepare('UPDATE sources SET bytes = ? WHERE rowid = ?')
  inChunks(
    db.prepare<[number], { rowid: number; bytes: Buffer }>('SELECT rowid, bytes FROM sources WHERE rowid > ? ORDER BY rowid LIMIT 1000'),
    0,
    (r) => r.rowid,
    (s) => setSource.run(pack.pack('text', s.bytes), s.rowid),
  )
  // A profile, record or event the backfill of migration 3 wrote in this same run is packed already.
  const setProfile = db.prepare('UPDATE profiles SET profile = ? WHERE paper_key = ?')
  inChunks(
    db.prepare<[string], { paper_key: string; profile: string | Buffer }>(
      'SELECT paper_key, profile FROM profiles WHERE paper_key > ? ORDER BY paper_key LIMIT 1000',
    ),
    '',
    (r) => r.paper_key,
    (p) => {
      if (typeof p.profile === 'string') setProfile.run(pack.pack('profile', p.profile), p.paper_key)
    },
  )
  const setRecord = db.prepare('UPDATE commitments SET record = ? WHERE id = ?')
  inChunks(
    db.prepare<[string], { id: string; record: string | Buffer }>('SELECT id, record FROM commitments WHERE id > ? ORDER BY id LIMIT 1000'),
    '',
    (r) => r.id,
    (c) => {
      if (typeof c.record === 'string') setRecord.run(pack.pack('record', c.record), c.id)
    },
  )
  packEventRows(db, (json) => pack.pack('record', json))
}

/** About 200 papers spread over a store of the old form, with their profiles and records as they were stored: dictionary samples. */
function legacySamples(db: Database.Database, top: number) {
  const legacyPaper = db.prepare<[number], { doc: Buffer; text: Buffer; bytes: Buffer | null; key: string }>(
    'SELECT p.doc, p.text, s.bytes, p.key FROM papers p LEFT JOIN sources s ON s.sha256 = p.source_sha WHERE p.rowid >= ? ORDER BY p.rowid LIMIT 1',
  )
  const spread = Array.from({ length: 200 }, (_, k) => legacyPaper.get(Math.floor((k * top) / 200) + 1)).filter((r) => r !== undefined)
  const profile = db.prepare<[string], string | Buffer>('SELECT profile FROM profiles WHERE paper_key = ?').pluck()
  const record = db.prepare<[string], string | Buffer>('SELECT record FROM commitments WHERE paper_key = ? LIMIT 1').pluck()
  const strings = (values: Array<string | Buffer | undefined>) => values.filter((v): v is string => typeof v === 'string').map((v) => Buffer.from(v))
  return {
    text: spread.map((p) => Buffer.from(unpackLegacy(p.text))),
    doc: spread.map((p) => Buffer.from(splitDocument(JSON.parse(unpackLegacy(p.doc)) as Document, p.bytes ?? Buffer.alloc(0)).json)),
    profile: strings(spread.map((p) => profile.get(p.key))),
    record: strings(spread.map((p) => record.get(p.key))),
  }
}

/** Events a row each (a store made before schema 9): one packed array a paper, into a new table. */
function packEventRows(db: Database.Database, pack: (json: string) => Buffer): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(events)').all()
  if (!columns.some((c) => c.name === 'sentence')) return
  db.exec(`ALTER TABLE events RENAME TO events_rows; ${EVENTS_TABLE}`)
  const insert = db.prepare('INSERT INTO events (paper_key, items) VALUES (?, ?)')
  const of = db.prepare<[string], StoredEvent>('SELECT start, end, text, sentence FROM events_rows WHERE paper_key = ? ORDER BY ord')
  inChunks(
    db.prepare<[string], { paper_key: string }>('SELECT DISTINCT paper_key FROM events_rows WHERE paper_key > ? ORDER BY paper_key LIMIT 1000'),
    '',
    (r) => r.paper_key,
    (r) => insert.run(r.paper_key, pack(JSON.stringify(of.all(r.paper_key)))),
  )
  db.exec('DROP TABLE events_rows')
}
