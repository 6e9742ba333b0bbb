import type { Document } from '../../model/document.js'
import { type Packer, splitDocument } from '../codec.js'
import { backfillTkNummer, fillRecordKeys } from '../migrations.js'
import type { StoredEvent } from '../prepare.js'
import type { MigrationContext } from '../repository.js'
import { unpackLegacy } from '../shared.js'
import type { Migration, Sql } from '../sql.js'
import { fillPostings } from './postings.js'

// Versioned migrations of the PostgreSQL store, run in order, each in a transaction, under an
// advisory lock so that several processes starting at once migrate a database once.
// Keys, ids, dossiers and dates are `COLLATE "C"`: byte order, as SQLite sorts them.

/** The migrations' SQL; `meta.schema_version` says how far a database is. */
const MIGRATION_SQL: string[] = [
  `CREATE TABLE papers (
     rowid bigserial PRIMARY KEY,
     key text COLLATE "C" NOT NULL UNIQUE,
     id text COLLATE "C",
     type text COLLATE "C",
     date text COLLATE "C",
     year integer,
     sender text,
     title text,
     dossier text COLLATE "C",
     form text NOT NULL,
     source_sha text NOT NULL,
     reader_version integer NOT NULL,
     doc bytea NOT NULL,
     text bytea NOT NULL,
     -- the Dutch stems of title and text (search/stem.ts), with their positions, and how many there are (BM25's document length)
     tsv tsvector NOT NULL,
     len integer NOT NULL,
     -- how often each stem occurs: BM25's term frequency, read without unnesting the tsvector
     tf jsonb NOT NULL,
     seq bigint NOT NULL
   );
   CREATE INDEX papers_id ON papers(id);
   CREATE INDEX papers_date ON papers(date);
   CREATE INDEX papers_type ON papers(type, date);
   CREATE INDEX papers_dossier ON papers(dossier, date);
   CREATE INDEX papers_dossier_sender ON papers(dossier, sender, date);
   CREATE INDEX papers_sender ON papers(sender, date);
   CREATE INDEX papers_seq ON papers(seq);
   CREATE INDEX papers_tsv ON papers USING gin (tsv);
   CREATE SEQUENCE paper_seq;
   -- papers and their stems in all, kept with every write, for BM25 without counting the table
   CREATE TABLE stats (one boolean PRIMARY KEY DEFAULT true CHECK (one), papers bigint NOT NULL, tokens bigint NOT NULL);
   INSERT INTO stats (papers, tokens) VALUES (0, 0);
   CREATE TABLE sources (
     sha256 text COLLATE "C" PRIMARY KEY,
     key text COLLATE "C" NOT NULL,
     name text NOT NULL,
     form text NOT NULL,
     reader_version integer NOT NULL,
     bytes bytea NOT NULL
   );
   CREATE INDEX sources_key ON sources(key);
   CREATE TABLE refs (
     paper_key text COLLATE "C" NOT NULL, ord integer NOT NULL, target text COLLATE "C", kind text NOT NULL, ref_date text COLLATE "C", text text NOT NULL,
     PRIMARY KEY (paper_key, ord)
   );
   CREATE INDEX refs_target ON refs(target) WHERE target IS NOT NULL;
   CREATE INDEX refs_date ON refs(ref_date) WHERE ref_date IS NOT NULL;
   CREATE TABLE events (
     paper_key text COLLATE "C" NOT NULL, ord integer NOT NULL, start text COLLATE "C" NOT NULL, "end" text COLLATE "C" NOT NULL, text text NOT NULL, sentence text NOT NULL,
     PRIMARY KEY (paper_key, ord)
   );
   CREATE TABLE commitments (
     id text COLLATE "C" PRIMARY KEY, paper_key text COLLATE "C" NOT NULL, ord integer NOT NULL, sender text, dossier text COLLATE "C", date text COLLATE "C", due_end text COLLATE "C", record text NOT NULL
   );
   CREATE INDEX commitments_paper ON commitments(paper_key);
   CREATE INDEX commitments_sender ON commitments(sender, date);
   CREATE INDEX commitments_dossier ON commitments(dossier, sender, date);
   CREATE TABLE profiles (paper_key text COLLATE "C" PRIMARY KEY, line text NOT NULL, dossier_title text, profile text NOT NULL);
   CREATE TABLE pointers (date text COLLATE "C" NOT NULL, paper_key text COLLATE "C" NOT NULL, PRIMARY KEY (date, paper_key));
   CREATE INDEX pointers_paper ON pointers(paper_key);
   CREATE TABLE fulfilments (
     commitment_id text COLLATE "C" NOT NULL, paper_key text COLLATE "C" NOT NULL, reason text NOT NULL, confidence double precision NOT NULL, evidence text NOT NULL,
     PRIMARY KEY (commitment_id, paper_key)
   );
   CREATE INDEX fulfilments_paper ON fulfilments(paper_key);
   CREATE TABLE corrections (commitment_id text COLLATE "C" PRIMARY KEY, correction text NOT NULL);`,
  // 2: open-data records, content status and sync state (the embedded store's migration 5); `tk_nummer` filled in JS.
  `ALTER TABLE papers ADD COLUMN tk_nummer text COLLATE "C";
   CREATE INDEX papers_tk_nummer ON papers(tk_nummer) WHERE tk_nummer IS NOT NULL;
   CREATE TABLE od_records (entity text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL, modified text NOT NULL, record text NOT NULL, PRIMARY KEY (entity, id));
   CREATE TABLE od_content (record_id text COLLATE "C" PRIMARY KEY, paper_key text COLLATE "C" NOT NULL, status text NOT NULL, reason text);
   CREATE INDEX od_content_paper ON od_content(paper_key);
   CREATE TABLE sync_state (source text PRIMARY KEY, state text NOT NULL);`,
  // 3: who speaks in a debate record, by the label of their turns (`Minister Wiebes`, `De heer Graus (PVV)`), for `spreker:`.
  `CREATE TABLE speakers (paper_key text COLLATE "C" NOT NULL, label text NOT NULL, PRIMARY KEY (paper_key, label));`,
  // 4: saved searches and dossiers followed (`kamerwacht follow`), with the write counter at the last visit.
  'CREATE TABLE follows (name text PRIMARY KEY, query text NOT NULL, created text NOT NULL, seen_seq bigint NOT NULL DEFAULT 0, seen_at text);',
  // 5: the further dossiers a paper is printed in (`Document.otherDossiers`), so it is in each one's page.
  `CREATE TABLE paper_dossiers (paper_key text COLLATE "C" NOT NULL, dossier text COLLATE "C" NOT NULL, PRIMARY KEY (paper_key, dossier));
   CREATE INDEX paper_dossiers_dossier ON paper_dossiers(dossier);`,
  // 6: values packed as codec.ts says (a header byte, then deflate), the Document kept once; rewritten by \`repack\`.
  'SELECT 1;',
  // 7: posting lists for the search engine both stores share (see postings.ts): segments of (seq, frequency) per term,
  // each term's number of papers, and a count of removals (a removed paper leaves no row for readers to find). Filled
  // by `fillPostings` from `tf`.
  `CREATE TABLE postings (term text COLLATE "C" NOT NULL, seg bigint NOT NULL, level integer NOT NULL, n integer NOT NULL, docs bytea NOT NULL, PRIMARY KEY (term, seg));
   CREATE TABLE terms (term text COLLATE "C" PRIMARY KEY, df integer NOT NULL);
   ALTER TABLE stats ADD COLUMN removals bigint NOT NULL DEFAULT 0;`,
  // 8: the dictionaries values are packed with (see codec.ts), made from the store's papers as it grows.
  'CREATE TABLE dictionaries (id integer PRIMARY KEY, kind text NOT NULL, papers bigint NOT NULL, bytes bytea NOT NULL);',
  // 9: the same tables as the embedded store where they had differed, so one repository writes both: events one
  // packed array a paper, profiles and commitment records packed (see codec.ts), and the index's columns of a
  // paper (\`tsv\`, \`len\`, \`tf\`) with defaults, as the posting index writes them after the paper's row. Packed by \`unify\`.
  `ALTER TABLE events RENAME TO events_rows;
   CREATE TABLE events (paper_key text COLLATE "C" PRIMARY KEY, items bytea NOT NULL);
   ALTER TABLE profiles ALTER COLUMN profile TYPE bytea USING convert_to(profile, 'UTF8');
   ALTER TABLE commitments ALTER COLUMN record TYPE bytea USING convert_to(record, 'UTF8');
   ALTER TABLE papers ALTER COLUMN tsv SET DEFAULT ''::tsvector, ALTER COLUMN len SET DEFAULT 0, ALTER COLUMN tf SET DEFAULT '{}'::jsonb;`,
  // 10: the keys open-data records are found by (link/kamer.ts), as in the embedded store; filled by \`fillRecordKeys\`.
  `CREATE TABLE od_keys (key text COLLATE "C" NOT NULL, entity text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL, PRIMARY KEY (key, entity, id));
   CREATE INDEX od_keys_record ON od_keys(entity, id);`,
  // 11: where a follow's alerts go and how far they were sent, as in the embedded store.
  `ALTER TABLE follows ADD COLUMN email text, ADD COLUMN webhook text, ADD COLUMN alerted_seq bigint NOT NULL DEFAULT 0, ADD COLUMN alerted_at text;`,
  // 12: no new table: the keys of written questions' records (link/kamer.ts) added to the records kept, by \`fillRecordKeys\`.
  'SELECT 1;',
  // 13: people who sign in and follows per person, as in the embedded store.
  `CREATE TABLE users (name text PRIMARY KEY, token_hash text NOT NULL UNIQUE, email text, created text NOT NULL);
   ALTER TABLE follows ADD COLUMN owner text NOT NULL DEFAULT '', ADD COLUMN every_hours integer;
   ALTER TABLE follows DROP CONSTRAINT follows_pkey;
   ALTER TABLE follows ADD PRIMARY KEY (owner, name);`,
  // 14: what a follow's alerts last told of what it follows that is no paper, as in the embedded store.
  'ALTER TABLE follows ADD COLUMN told text;',
  // 15: no new table: members' Persoon records found by their name, as in the embedded store, by \`fillRecordKeys\`.
  'SELECT 1;',
  // 16: no new table: activities found by their number, as in the embedded store, by \`fillRecordKeys\`.
  'SELECT 1;',
]

/** The migrations with their data steps. */
export function pgMigrations(ctx: MigrationContext): Migration[] {
  const data: Record<number, (tx: Sql) => Promise<void>> = {
    2: backfillTkNummer,
    6: (tx) => repack(tx, ctx.values.packer),
    7: fillPostings,
    9: (tx) => unify(tx, ctx.values.packer),
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

/** Runs \`each\` over the rows \`select\` gives after the last key, a thousand at a time: a store of a million papers is never in memory at once. */
async function inChunks<R, K>(tx: Sql, select: string, first: K, keyOf: (r: R) => K, each: (r: R) => Promise<void>): Promise<void> {
  for (let after = first; ; ) {
    const rows = await tx.all<R>(select, [after])
    for (const r of rows) await each(r)
    if (rows.length < 1000) return
    after = keyOf(rows[rows.length - 1] as R)
  }
}

/**
 * Migration 6: every stored value in the packed form of \`codec.ts\` (with
 * no dictionary: those come as the store grows), the Document kept once as
 * in the embedded store.
 */
async function repack(tx: Sql, packer: Packer): Promise<void> {
  await inChunks<{ rowid: number; doc: Buffer; text: Buffer; bytes: Buffer | null }, number>(
    tx,
    'SELECT p.rowid, p.doc, p.text, s.bytes FROM papers p LEFT JOIN sources s ON s.sha256 = p.source_sha WHERE p.rowid > ? ORDER BY p.rowid LIMIT 1000',
    0,
    (r) => Number(r.rowid),
    async (p) => {
      const stored = splitDocument(JSON.parse(unpackLegacy(p.doc)) as Document, p.bytes ?? Buffer.alloc(0))
      await tx.run('UPDATE papers SET doc = ?, text = ? WHERE rowid = ?', [packer.pack('doc', stored.json), packer.pack('text', unpackLegacy(p.text)), p.rowid])
    },
  )
  await inChunks<{ sha256: string; bytes: Buffer }, string>(
    tx,
    'SELECT sha256, bytes FROM sources WHERE sha256 > ? ORDER BY sha256 LIMIT 1000',
    '',
    (r) => r.sha256,
    async (s) => {
      await tx.run('UPDATE sources SET bytes = ? WHERE sha256 = ?', [packer.pack('text', s.bytes), s.sha256])
    },
  )
}

/** Migration 9: profiles, commitment records and events packed as the embedded store keeps them. */
async function unify(tx: Sql, packer: Packer): Promise<void> {
  await inChunks<{ paper_key: string; profile: Buffer }, string>(
    tx,
    'SELECT paper_key, profile FROM profiles WHERE paper_key > ? ORDER BY paper_key LIMIT 1000',
    '',
    (r) => r.paper_key,
    async (r) => {
      await tx.run('UPDATE profiles SET profile = ? WHERE paper_key = ?', [packer.pack('profile', r.profile), r.paper_key])
    },
  )
  await inChunks<{ id: string; record: Buffer }, string>(
    tx,
    'SELECT id, record FROM commitments WHERE id > ? ORDER BY id LIMIT 1000',
    '',
    (r) => r.id,
    async (r) => {
      await tx.run('UPDATE commitments SET record = ? WHERE id = ?', [packer.pack('record', r.record), r.id])
    },
  )
  await inChunks<{ paper_key: string }, string>(
    tx,
    'SELECT DISTINCT paper_key FROM events_rows WHERE paper_key > ? ORDER BY paper_key LIMIT 1000',
    '',
    (r) => r.paper_key,
    async (r) => {
      const items = await tx.all<StoredEvent>('SELECT start, "end", text, sentence FROM events_rows WHERE paper_key = ? ORDER BY ord', [r.paper_key])
      await tx.run('INSERT INTO events (paper_key, items) VALUES (?, ?)', [r.paper_key, packer.pack('record', JSON.stringify(items))])
    },
  )
  await tx.run('DROP TABLE events_rows')
}
