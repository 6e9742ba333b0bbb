import type Database from 'better-sqlite3'
import {
  type CommitmentRecord,
  commitmentRecords,
  FACT_CONFIDENCE,
  type FulfilmentLink,
  type LinkProfile,
  linkProfile,
  matchFulfilments,
  movedPromise,
  type PaperRef,
  senderRole,
} from '../../link/fulfilment.js'
import { type Correction, type Evidence, type TrackedCommitment, track } from '../../link/status.js'
import { buildDossierView, buildTimeline, type DossierRow, type EventRow, eventsOf, firstLine, manualEvidence, tally } from '../../link/views.js'
import type { Document } from '../../model/document.js'
import type { Packer } from '../codec.js'
import type { Citation, Citations, CitingPaper, CommitmentList, CommitmentQuery, DossierView, PaperInfo, TimelineEntry } from '../store.js'

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

/** An event as \`events.items\` holds it. */
export interface StoredEvent {
  start: string
  end: string
  text: string
  sentence: string
}

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

// How many papers each side of a new paper is matched against: enough for any real dossier's
// correspondence of one sender, and a bound on ingest cost in a dossier of thousands of papers.
const MATCH_WINDOW = 200

const INFO = 'p.key, p.id, p.type, p.date, p.sender, p.title, p.dossier'

/** The linking half of the SQLite store: derived tables written with each paper, and the graph, dossier, timeline and tracker queries. */
export class SqliteLinks {
  private readonly s

  constructor(
    private readonly db: Database.Database,
    private readonly packer: Packer,
  ) {
    this.s = {
      info: db.prepare<[string], PaperInfo>(`SELECT ${INFO} FROM papers p WHERE p.key = ?`),
      infoById: db.prepare<[string], PaperInfo>(`SELECT ${INFO} FROM papers p WHERE p.id = ? LIMIT 1`),
      deleteRefs: db.prepare('DELETE FROM refs WHERE paper_key = ?'),
      deleteEvents: db.prepare('DELETE FROM events WHERE paper_key = ?'),
      deleteOwnLinks: db.prepare('DELETE FROM fulfilments WHERE commitment_id IN (SELECT id FROM commitments WHERE paper_key = ?)'),
      deleteLinksBy: db.prepare('DELETE FROM fulfilments WHERE paper_key = ?'),
      deleteCommitments: db.prepare('DELETE FROM commitments WHERE paper_key = ?'),
      deleteProfile: db.prepare('DELETE FROM profiles WHERE paper_key = ?'),
      deletePointers: db.prepare('DELETE FROM pointers WHERE paper_key = ?'),
      deleteSpeakers: db.prepare('DELETE FROM speakers WHERE paper_key = ?'),
      deleteDossiers: db.prepare('DELETE FROM paper_dossiers WHERE paper_key = ?'),
      insertDossier: db.prepare('INSERT OR IGNORE INTO paper_dossiers (paper_key, dossier) VALUES (?, ?)'),
      insertSpeaker: db.prepare('INSERT OR IGNORE INTO speakers (paper_key, label) VALUES (?, ?)'),
      insertPointer: db.prepare('INSERT OR IGNORE INTO pointers (date, paper_key) VALUES (?, ?)'),
      pointingAt: db.prepare<[string], { paper_key: string }>('SELECT paper_key FROM pointers WHERE date = ?'),
      insertRef: db.prepare('INSERT INTO refs (paper_key, ord, target, kind, ref_date, text) VALUES (?, ?, ?, ?, ?, ?)'),
      insertEvents: db.prepare('INSERT INTO events (paper_key, items) VALUES (?, ?)'),
      insertCommitment: db.prepare(
        'INSERT OR REPLACE INTO commitments (id, paper_key, ord, sender, dossier, date, due_end, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertProfile: db.prepare('INSERT INTO profiles (paper_key, line, dossier_title, profile) VALUES (?, ?, ?, ?)'),
      insertLink: db.prepare(
        'INSERT INTO fulfilments (commitment_id, paper_key, reason, confidence, evidence) VALUES (@commitmentId, @paperKey, @reason, @confidence, @evidence) ON CONFLICT DO UPDATE SET reason = excluded.reason, confidence = excluded.confidence, evidence = excluded.evidence WHERE excluded.confidence > fulfilments.confidence',
      ),
      profile: db.prepare<[string], { profile: Buffer }>('SELECT profile FROM profiles WHERE paper_key = ?'),
      citingKeys: db.prepare<[string], { paper_key: string }>('SELECT DISTINCT paper_key FROM refs WHERE target = ?'),
      citingByDate: db.prepare<[string], { paper_key: string }>('SELECT DISTINCT paper_key FROM refs WHERE ref_date = ?'),
      laterSame: db.prepare<[string, string], { key: string }>(`SELECT key FROM papers WHERE dossier = ? AND date > ? ORDER BY date LIMIT ${MATCH_WINDOW}`),
      commitmentsOf: db.prepare<[string], { record: Buffer }>('SELECT record FROM commitments WHERE paper_key = ? ORDER BY ord'),
      commitmentsOfId: db.prepare<[string], { record: Buffer }>(
        'SELECT c.record FROM commitments c JOIN papers p ON p.key = c.paper_key WHERE p.id = ? ORDER BY c.ord',
      ),
      // The letters of the sender of that day, and the debates of that day (a debate has no sender: promises made aloud).
      commitmentsOn: db.prepare<[string, string, string], { record: Buffer }>(
        'SELECT record FROM commitments WHERE date = ? AND (sender = ? OR sender = ? OR sender IS NULL)',
      ),
      earlierSame: db.prepare<[string, string], { record: Buffer }>(
        `SELECT record FROM commitments WHERE dossier = ? AND date < ? ORDER BY date DESC LIMIT ${MATCH_WINDOW}`,
      ),
      moveCommitment: db.prepare<[string | null, Buffer, string]>('UPDATE commitments SET due_end = ?, record = ? WHERE id = ?'),
      deleteCommitment: db.prepare<[string]>('DELETE FROM commitments WHERE id = ?'),
      deleteLinksOf: db.prepare<[string]>('DELETE FROM fulfilments WHERE commitment_id = ?'),
      commitment: db.prepare<[string], { record: Buffer }>('SELECT record FROM commitments WHERE id = ?'),
      links: db.prepare<[string], FulfilmentLink & { paperId: string | null; paperDate: string | null; paperTitle: string | null }>(
        'SELECT f.commitment_id AS commitmentId, f.paper_key AS paperKey, f.reason, f.confidence, f.evidence, p.id AS paperId, p.date AS paperDate, p.title AS paperTitle FROM fulfilments f JOIN papers p ON p.key = f.paper_key WHERE f.commitment_id = ?',
      ),
      correction: db.prepare<[string], { correction: string }>('SELECT correction FROM corrections WHERE commitment_id = ?'),
      setCorrection: db.prepare(
        'INSERT INTO corrections (commitment_id, correction) VALUES (?, ?) ON CONFLICT(commitment_id) DO UPDATE SET correction = excluded.correction',
      ),
      byDate: db.prepare<[string, string, string], PaperInfo>(`SELECT ${INFO} FROM papers p WHERE p.date = ? AND p.sender = ? AND p.key != ? LIMIT 2`),
      papersOn: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM papers WHERE date = ? AND sender = ?'),
    }
  }

  /** Writes what a stored paper cites, mentions and promises, and links it to earlier promises and later papers. Runs inside the put's transaction. */
  derive(doc: Document, paper: PaperRef): void {
    const key = paper.key
    this.clear(key)
    doc.references.forEach((r, k) => {
      this.s.insertRef.run(key, k, r.target, r.kind, r.date ?? null, r.text)
    })
    const events: StoredEvent[] = eventsOf(doc).map((d) => ({ start: d.start, end: d.end, text: d.text, sentence: d.sentence }))
    if (events.length > 0) this.s.insertEvents.run(key, this.packer.pack('record', JSON.stringify(events)))
    const records = commitmentRecords(paper, doc.commitments)
    records.forEach((c, k) => {
      this.s.insertCommitment.run(c.id, key, k, c.paper.sender, paper.dossier, c.paper.date, c.due?.end ?? null, this.packer.pack('record', JSON.stringify(c)))
    })
    for (const label of new Set((doc.turns ?? []).map((t) => t.label))) this.s.insertSpeaker.run(key, label)
    for (const d of doc.otherDossiers ?? []) this.s.insertDossier.run(key, d)
    const profile = linkProfile(paper, doc)
    this.s.insertProfile.run(key, firstLine(doc), doc.dossierTitle, this.packer.pack('profile', JSON.stringify(profile)))
    for (const f of doc.fulfils) for (const p of f.pointsAt) if (p.date) this.s.insertPointer.run(p.date, key)

    // As the paper promises: later papers that cite it, or come from the same sender in the same dossier.
    if (records.length) {
      const later = new Set<string>()
      if (paper.id) for (const r of this.s.citingKeys.all(paper.id)) later.add(r.paper_key)
      // Papers naming its day, or the day a debate's promises were made (a committee's verslag is dated later).
      const days = new Set([paper.date, ...records.map((c) => c.paper.date)].filter((d): d is string => !!d).map((d) => d.slice(0, 10)))
      for (const day of days) for (const r of this.s.citingByDate.all(day)) later.add(r.paper_key)
      for (const day of days) for (const r of this.s.pointingAt.all(day)) later.add(r.paper_key)
      // Later papers of its dossier, from any sender: a promise of one minister is often kept by a letter of two
      // (`Minister voor Medische Zorg` → `Ministers voor Medische Zorg en van LNV`); the weighing compares offices.
      if (paper.dossier && paper.date) for (const r of this.s.laterSame.all(paper.dossier, paper.date)) later.add(r.key)
      later.delete(key)
      for (const k of later) {
        const row = this.s.profile.get(k)
        if (row) this.saveLinks(matchFulfilments(records, JSON.parse(this.packer.unpackText(row.profile)) as LinkProfile))
      }
    }
    // As the paper may keep promises: those of papers it cites, of letters it names by date, and earlier ones of its sender in its dossier.
    const earlier = new Map<string, CommitmentRecord>()
    const add = (rows: Array<{ record: Buffer }>) => {
      for (const r of rows) {
        const c = this.record(r.record)
        earlier.set(c.id, c)
      }
    }
    for (const target of new Set(doc.references.map((r) => r.target).filter((t): t is string => !!t))) add(this.s.commitmentsOfId.all(target))
    if (paper.sender) {
      const dates = new Set<string>()
      for (const r of doc.references) if (r.date) dates.add(r.date)
      for (const f of doc.fulfils) for (const p of f.pointsAt) if (p.date) dates.add(p.date)
      // The sender's own promises, and those of a debate that named only the role (`Staatssecretaris`).
      const role = senderRole(paper.sender) ?? paper.sender
      for (const d of dates) add(this.s.commitmentsOn.all(d, paper.sender, role))
    }
    if (paper.dossier && paper.date) add(this.s.earlierSame.all(paper.dossier, paper.date))
    for (const [id, c] of earlier) if (c.paper.key === key) earlier.delete(id)
    if (earlier.size) this.saveLinks(matchFulfilments([...earlier.values()], profile))
  }

  private saveLinks(links: FulfilmentLink[]): void {
    for (const { postponement, ...l } of links) {
      this.s.insertLink.run(l)
      if (!postponement) continue
      // A later paper that moves the promise: it stays open with the new deadline, the old one kept in its history.
      const row = this.s.commitment.get(l.commitmentId)
      const moved = row ? movedPromise(this.record(row.record), { ...l, postponement }) : null
      if (moved) this.s.moveCommitment.run(moved.due?.end ?? null, this.packer.pack('record', JSON.stringify(moved)), moved.id)
      // The later paper's own record of the same promise restated (`stuur ik u in januari 2014 …`): one promise, one record.
      if (row) {
        this.s.deleteCommitment.run(postponement.restatedBy)
        this.s.deleteLinksOf.run(postponement.restatedBy)
      }
    }
  }

  /** Removes what was derived from a paper (not the corrections made to its promises). */
  clear(key: string): void {
    this.s.deleteRefs.run(key)
    this.s.deleteEvents.run(key)
    this.s.deleteOwnLinks.run(key)
    this.s.deleteLinksBy.run(key)
    this.s.deleteCommitments.run(key)
    this.s.deleteProfile.run(key)
    this.s.deletePointers.run(key)
    this.s.deleteSpeakers.run(key)
    this.s.deleteDossiers.run(key)
  }

  private info(idOrKey: string): PaperInfo | undefined {
    return this.s.info.get(idOrKey) ?? this.s.infoById.get(idOrKey)
  }

  /** The one letter of that date from that sender, if exactly one is stored. */
  private letterOn(date: string, sender: string | null, except: string): PaperInfo | null {
    if (!sender) return null
    const rows = this.s.byDate.all(date, sender, except)
    return rows.length === 1 ? (rows[0] as PaperInfo) : null
  }

  citations(idOrKey: string): Citations | null {
    const paper = this.info(idOrKey)
    if (!paper) return null
    const out: Citation[] = this.db
      .prepare<[string], { text: string; kind: Citation['kind']; target: string | null; ref_date: string | null }>(
        'SELECT text, kind, target, ref_date FROM refs WHERE paper_key = ? ORDER BY ord',
      )
      .all(paper.key)
      .map((r) => {
        let linked: PaperInfo | null = null
        let via: Citation['via'] = null
        if (r.target) {
          linked = this.s.infoById.get(r.target) ?? null
          if (linked) via = 'id'
        } else if (r.ref_date) {
          linked = this.letterOn(r.ref_date, paper.sender, paper.key)
          if (linked) via = 'date'
        }
        return { text: r.text, kind: r.kind, target: r.target ?? linked?.id ?? null, date: r.ref_date, paper: linked, via }
      })
    const cited: CitingPaper[] = []
    const seen = new Set<string>()
    if (paper.id) {
      for (const r of this.db
        .prepare<[string], PaperInfo & { text: string }>(
          `SELECT ${INFO}, min(r.text) AS text FROM refs r JOIN papers p ON p.key = r.paper_key WHERE r.target = ? GROUP BY p.key ORDER BY p.date`,
        )
        .all(paper.id)) {
        const { text, ...info } = r
        seen.add(info.key)
        cited.push({ paper: info, text, via: 'id' })
      }
    }
    // A letter cited by its date only: when it is the only letter of its sender that day.
    if (paper.date && paper.sender && (this.s.papersOn.get(paper.date, paper.sender)?.n ?? 0) === 1) {
      for (const r of this.db
        .prepare<[string, string, string], PaperInfo & { text: string }>(
          `SELECT ${INFO}, min(r.text) AS text FROM refs r JOIN papers p ON p.key = r.paper_key WHERE r.ref_date = ? AND r.target IS NULL AND p.sender = ? AND p.key != ? GROUP BY p.key ORDER BY p.date`,
        )
        .all(paper.date.slice(0, 10), paper.sender, paper.key)) {
        const { text, ...info } = r
        if (seen.has(info.key)) continue
        cited.push({ paper: info, text, via: 'date' })
      }
    }
    return { paper, out, in: cited }
  }

  /** Papers of a dossier and its sub-dossiers (`21501` holds `21501-02`), oldest first. */
  private dossierPapers(dossier: string): DossierRow[] {
    return this.db
      .prepare<[string, string, string, string, string, string], DossierRow>(
        `SELECT ${INFO}, f.line, f.dossier_title FROM papers p LEFT JOIN profiles f ON f.paper_key = p.key
         WHERE p.dossier = ? OR (p.dossier > ? AND p.dossier < ?)
            OR p.key IN (SELECT paper_key FROM paper_dossiers WHERE dossier = ? OR (dossier > ? AND dossier < ?))
         ORDER BY p.date, p.key`,
      )
      .all(dossier, `${dossier}-`, `${dossier}.`, dossier, `${dossier}-`, `${dossier}.`)
  }

  dossier(dossier: string, today: string): DossierView | null {
    const rows = this.dossierPapers(dossier)
    if (!rows.length) return null
    const refsOf = this.db.prepare<[string], { target: string }>('SELECT target FROM refs WHERE paper_key = ? AND target IS NOT NULL')
    const citing = this.db.prepare<[string], PaperInfo>(`SELECT DISTINCT ${INFO} FROM refs r JOIN papers p ON p.key = r.paper_key WHERE r.target = ?`)
    return buildDossierView({
      dossier,
      rows,
      targets: rows.flatMap((r) => refsOf.all(r.key).map((t) => ({ paperKey: r.key, target: t.target }))),
      citing: rows.flatMap((r) => (r.id ? citing.all(r.id).map((paper) => ({ paper, target: r.id as string })) : [])),
      stored: (target) => this.s.infoById.get(target) ?? null,
      commitments: this.commitments({ dossier, limit: 0 }, today).counts.byStatus,
    })
  }

  timeline(dossier: string, today: string): TimelineEntry[] {
    const papers = this.dossierPapers(dossier).map(({ line, dossier_title, ...info }) => info)
    const events = this.db.prepare<[string], Buffer>('SELECT items FROM events WHERE paper_key = ?').pluck()
    const of = (key: string): EventRow[] => {
      const items = events.get(key)
      if (!items) return []
      return (JSON.parse(this.packer.unpackText(items)) as StoredEvent[]).map((e) => ({ paperKey: key, start: e.start, end: e.end, sentence: e.sentence }))
    }
    return buildTimeline(
      papers,
      papers.flatMap((p) => of(p.key)),
      this.commitments({ dossier, limit: 10_000 }, today).items,
      (key) => this.s.info.get(key) ?? null,
    )
  }

  /** A commitment's record as stored (packed JSON). */
  private record(blob: Buffer): CommitmentRecord {
    return JSON.parse(this.packer.unpackText(blob)) as CommitmentRecord
  }

  private tracked(c: CommitmentRecord, today: string): TrackedCommitment | null {
    const correction = this.correctionOf(c.id)
    const links: Evidence[] = this.s.links.all(c.id)
    if (correction?.action === 'fulfilled-by') links.push(manualEvidence(c, correction, this.info(correction.target) ?? null))
    return track(c, links, correction, today)
  }

  private correctionOf(id: string): Correction | null {
    const row = this.s.correction.get(id)
    return row ? (JSON.parse(row.correction) as Correction) : null
  }

  commitment(id: string, today: string): TrackedCommitment | null {
    const row = this.s.commitment.get(id)
    return row ? this.tracked(this.record(row.record), today) : null
  }

  commitments(query: CommitmentQuery, today: string): CommitmentList {
    const where: string[] = []
    const params: string[] = []
    if (query.sender) {
      where.push("lower(c.sender) LIKE '%' || lower(?) || '%'")
      params.push(query.sender)
    }
    if (query.dossier) {
      where.push('(c.dossier = ? OR (c.dossier > ? AND c.dossier < ?))')
      params.push(query.dossier, `${query.dossier}-`, `${query.dossier}.`)
    }
    if (query.paper) {
      const p = this.info(query.paper)
      where.push('c.paper_key = ?')
      params.push(p?.key ?? query.paper)
    }
    // Status needs only the due date, whether a link is taken as fact and the correction: computed
    // here over small rows with the same rule as `track`, then whole records are read for one page.
    const rows = this.db
      .prepare(
        `SELECT c.id, c.sender, c.due_end,
           EXISTS (SELECT 1 FROM fulfilments f WHERE f.commitment_id = c.id AND f.confidence >= ${FACT_CONFIDENCE}) AS kept,
           k.correction
         FROM commitments c LEFT JOIN corrections k ON k.commitment_id = c.id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY ${query.sort === 'date' ? 'c.date DESC, c.id' : 'kept, c.due_end IS NULL, c.due_end, c.date DESC, c.id'}`,
      )
      .raw()
      .all(...params) as Array<[string, string | null, string | null, number, string | null]>
    const { page, total, counts } = tally(
      rows.map(([id, sender, dueEnd, kept, correction]) => ({
        id,
        sender,
        dueEnd,
        kept: kept === 1,
        correction: correction ? (JSON.parse(correction) as Correction) : null,
      })),
      query,
      today,
    )
    return { total, counts, items: page.map((id) => this.commitment(id, today)).filter((c): c is TrackedCommitment => !!c) }
  }

  correct(id: string, correction: Correction): boolean {
    if (!this.s.commitment.get(id)) return false
    this.s.setCorrection.run(id, JSON.stringify(correction))
    return true
  }

  /** Whether a paper (id or key) is stored, for checking a `--fulfilled-by` target. */
  has(idOrKey: string): boolean {
    return !!this.info(idOrKey)
  }
}
