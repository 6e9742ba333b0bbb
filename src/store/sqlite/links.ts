import type Database from 'better-sqlite3'
import {
  type CommitmentRecord,
  commitmentRecords,
  FACT_CONFIDENCE,
  type FulfilmentLink,
  type LinkProfile,
  linkProfile,
  matchFulfilments,
  type PaperRef,
} from '../../link/fulfilment.js'
import { type CommitmentStatus, type Correction, type Evidence, noCounts, statusOf, type TrackedCommitment, track } from '../../link/status.js'
import type { Document } from '../../model/document.js'
import type { Citation, Citations, CitingPaper, CommitmentList, CommitmentQuery, DossierView, Facet, PaperInfo, SenderCounts, TimelineEntry } from '../store.js'

/** Schema of the linking tables (migration 3): what each paper cites, mentions and promises, and the links between promises and papers. */
export const LINK_TABLES = `
  CREATE TABLE refs (
    paper_key TEXT NOT NULL, ord INTEGER NOT NULL, target TEXT, kind TEXT NOT NULL, ref_date TEXT, text TEXT NOT NULL,
    PRIMARY KEY (paper_key, ord)
  ) WITHOUT ROWID;
  CREATE INDEX refs_target ON refs(target) WHERE target IS NOT NULL;
  CREATE INDEX refs_date ON refs(ref_date) WHERE ref_date IS NOT NULL;
  CREATE TABLE events (
    paper_key TEXT NOT NULL, ord INTEGER NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL, text TEXT NOT NULL, sentence TEXT NOT NULL,
    PRIMARY KEY (paper_key, ord)
  ) WITHOUT ROWID;
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
`

// How many papers each side of a new paper is matched against: enough for any real dossier's
// correspondence of one sender, and a bound on ingest cost in a dossier of thousands of papers.
const MATCH_WINDOW = 200

const INFO = 'p.key, p.id, p.type, p.date, p.sender, p.title, p.dossier'

/** The first sentence of a paper's body, at most 200 characters: its line in a dossier list. */
function firstLine(doc: Document): string {
  const body = doc.sections.find((s) => s.kind === 'paragraph')
  const text = (body ? doc.text.slice(body.span.start, body.span.end) : doc.text).replace(/\s+/g, ' ').trim()
  const end = text.search(/[.!?](?:\s|$)/)
  const sentence = end > 0 ? text.slice(0, end + 1) : text
  return sentence.length > 200 ? `${sentence.slice(0, 199).replace(/\s+\S*$/, '')}…` : sentence
}

/**
 * The dates of a paper that belong on a timeline: not its own dateline, not
 * the date that names a cited letter (`mijn brief van 27 mei 2022`), and not
 * bare years (`het Actieplan van 2010`), which say when something was named
 * more often than when it happens.
 */
function eventsOf(doc: Document): Document['dates'] {
  const head = doc.sections.filter((s) => s.kind === 'dateline' || s.kind === 'header' || s.kind === 'signature')
  const within = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end
  return doc.dates.filter(
    (d) =>
      d.precision !== 'year' && d.precision !== 'years' && !head.some((s) => within(d.span, s.span)) && !doc.references.some((r) => within(d.span, r.span)),
  )
}

/** The linking half of the SQLite store: derived tables written with each paper, and the graph, dossier, timeline and tracker queries. */
export class SqliteLinks {
  private readonly s

  constructor(private readonly db: Database.Database) {
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
      insertPointer: db.prepare('INSERT OR IGNORE INTO pointers (date, paper_key) VALUES (?, ?)'),
      pointingAt: db.prepare<[string], { paper_key: string }>('SELECT paper_key FROM pointers WHERE date = ?'),
      insertRef: db.prepare('INSERT INTO refs (paper_key, ord, target, kind, ref_date, text) VALUES (?, ?, ?, ?, ?, ?)'),
      insertEvent: db.prepare('INSERT INTO events (paper_key, ord, start, end, text, sentence) VALUES (?, ?, ?, ?, ?, ?)'),
      insertCommitment: db.prepare(
        'INSERT OR REPLACE INTO commitments (id, paper_key, ord, sender, dossier, date, due_end, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertProfile: db.prepare('INSERT INTO profiles (paper_key, line, dossier_title, profile) VALUES (?, ?, ?, ?)'),
      insertLink: db.prepare(
        'INSERT INTO fulfilments (commitment_id, paper_key, reason, confidence, evidence) VALUES (@commitmentId, @paperKey, @reason, @confidence, @evidence) ON CONFLICT DO UPDATE SET reason = excluded.reason, confidence = excluded.confidence, evidence = excluded.evidence WHERE excluded.confidence > fulfilments.confidence',
      ),
      profile: db.prepare<[string], { profile: string }>('SELECT profile FROM profiles WHERE paper_key = ?'),
      citingKeys: db.prepare<[string], { paper_key: string }>('SELECT DISTINCT paper_key FROM refs WHERE target = ?'),
      citingByDate: db.prepare<[string], { paper_key: string }>('SELECT DISTINCT paper_key FROM refs WHERE ref_date = ?'),
      laterSame: db.prepare<[string, string, string], { key: string }>(
        `SELECT key FROM papers WHERE dossier = ? AND sender = ? AND date > ? ORDER BY date LIMIT ${MATCH_WINDOW}`,
      ),
      commitmentsOf: db.prepare<[string], { record: string }>('SELECT record FROM commitments WHERE paper_key = ? ORDER BY ord'),
      commitmentsOfId: db.prepare<[string], { record: string }>(
        'SELECT c.record FROM commitments c JOIN papers p ON p.key = c.paper_key WHERE p.id = ? ORDER BY c.ord',
      ),
      commitmentsOn: db.prepare<[string, string], { record: string }>('SELECT record FROM commitments WHERE date = ? AND sender = ?'),
      earlierSame: db.prepare<[string, string, string], { record: string }>(
        `SELECT record FROM commitments WHERE dossier = ? AND sender = ? AND date < ? ORDER BY date DESC LIMIT ${MATCH_WINDOW}`,
      ),
      commitment: db.prepare<[string], { record: string }>('SELECT record FROM commitments WHERE id = ?'),
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
    eventsOf(doc).forEach((d, k) => {
      this.s.insertEvent.run(key, k, d.start, d.end, d.text, d.sentence)
    })
    const records = commitmentRecords(paper, doc.commitments)
    records.forEach((c, k) => {
      this.s.insertCommitment.run(c.id, key, k, paper.sender, paper.dossier, paper.date, c.due?.end ?? null, JSON.stringify(c))
    })
    const profile = linkProfile(paper, doc)
    this.s.insertProfile.run(key, firstLine(doc), doc.dossierTitle, JSON.stringify(profile))
    for (const f of doc.fulfils) for (const p of f.pointsAt) if (p.date) this.s.insertPointer.run(p.date, key)

    // As the paper promises: later papers that cite it, or come from the same sender in the same dossier.
    if (records.length) {
      const later = new Set<string>()
      if (paper.id) for (const r of this.s.citingKeys.all(paper.id)) later.add(r.paper_key)
      if (paper.date) for (const r of this.s.citingByDate.all(paper.date.slice(0, 10))) later.add(r.paper_key)
      if (paper.date) for (const r of this.s.pointingAt.all(paper.date.slice(0, 10))) later.add(r.paper_key)
      if (paper.dossier && paper.sender && paper.date) for (const r of this.s.laterSame.all(paper.dossier, paper.sender, paper.date)) later.add(r.key)
      later.delete(key)
      for (const k of later) {
        const row = this.s.profile.get(k)
        if (row) this.saveLinks(matchFulfilments(records, JSON.parse(row.profile) as LinkProfile))
      }
    }
    // As the paper may keep promises: those of papers it cites, of letters it names by date, and earlier ones of its sender in its dossier.
    const earlier = new Map<string, CommitmentRecord>()
    const add = (rows: Array<{ record: string }>) => {
      for (const r of rows) {
        const c = JSON.parse(r.record) as CommitmentRecord
        earlier.set(c.id, c)
      }
    }
    for (const target of new Set(doc.references.map((r) => r.target).filter((t): t is string => !!t))) add(this.s.commitmentsOfId.all(target))
    if (paper.sender) {
      const dates = new Set<string>()
      for (const r of doc.references) if (r.date) dates.add(r.date)
      for (const f of doc.fulfils) for (const p of f.pointsAt) if (p.date) dates.add(p.date)
      for (const d of dates) add(this.s.commitmentsOn.all(d, paper.sender))
    }
    if (paper.dossier && paper.sender && paper.date) add(this.s.earlierSame.all(paper.dossier, paper.sender, paper.date))
    for (const [id, c] of earlier) if (c.paper.key === key) earlier.delete(id)
    if (earlier.size) this.saveLinks(matchFulfilments([...earlier.values()], profile))
  }

  private saveLinks(links: FulfilmentLink[]): void {
    for (const l of links) this.s.insertLink.run(l)
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
  private dossierPapers(dossier: string): Array<PaperInfo & { line: string | null; dossier_title: string | null }> {
    return this.db
      .prepare<[string, string, string], PaperInfo & { line: string | null; dossier_title: string | null }>(
        `SELECT ${INFO}, f.line, f.dossier_title FROM papers p LEFT JOIN profiles f ON f.paper_key = p.key
         WHERE p.dossier = ? OR (p.dossier > ? AND p.dossier < ?) ORDER BY p.date, p.key`,
      )
      .all(dossier, `${dossier}-`, `${dossier}.`)
  }

  dossier(dossier: string, today: string): DossierView | null {
    const rows = this.dossierPapers(dossier)
    if (!rows.length) return null
    const keys = new Set(rows.map((r) => r.key))
    const ids = new Set(rows.map((r) => r.id).filter((id): id is string => !!id))
    const facet = (values: Array<string | null>): Facet => {
      const m = new Map<string, number>()
      for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1)
      return [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    }
    const outside = new Map<string, number>()
    const citedFrom: DossierView['citedFrom'] = []
    const refsOf = this.db.prepare<[string], { target: string | null }>('SELECT target FROM refs WHERE paper_key = ?')
    const citing = this.db.prepare<[string], PaperInfo>(`SELECT DISTINCT ${INFO} FROM refs r JOIN papers p ON p.key = r.paper_key WHERE r.target = ?`)
    for (const r of rows) {
      for (const ref of refsOf.all(r.key)) if (ref.target && !ids.has(ref.target)) outside.set(ref.target, (outside.get(ref.target) ?? 0) + 1)
      if (r.id) for (const p of citing.all(r.id)) if (!keys.has(p.key)) citedFrom.push({ paper: p, target: r.id })
    }
    const commitments = this.commitments({ dossier, limit: 0 }, today).counts.byStatus
    const strip = ({ line, dossier_title, ...info }: (typeof rows)[number]): DossierView['papers'][number] => ({ ...info, line: line ?? '' })
    return {
      dossier,
      title: rows.find((r) => r.dossier_title)?.dossier_title ?? null,
      papers: rows.map(strip),
      counts: { papers: rows.length, byType: facet(rows.map((r) => r.type)), byYear: facet(rows.map((r) => r.date?.slice(0, 4) ?? null)), commitments },
      citesOutside: [...outside]
        .map(([target, count]) => ({ target, count, paper: this.s.infoById.get(target) ?? null }))
        .sort((a, b) => b.count - a.count || a.target.localeCompare(b.target)),
      citedFrom,
    }
  }

  timeline(dossier: string, today: string): TimelineEntry[] {
    const rows = this.dossierPapers(dossier)
    const byKey = new Map(rows.map(({ line, dossier_title, ...info }) => [info.key, info]))
    const entries: TimelineEntry[] = []
    const events = this.db.prepare<[string], { start: string; end: string; text: string; sentence: string }>(
      'SELECT start, end, text, sentence FROM events WHERE paper_key = ? ORDER BY ord',
    )
    for (const [key, paper] of byKey) {
      if (paper.date) entries.push({ date: paper.date.slice(0, 10), kind: 'paper', text: paper.title ?? paper.type ?? key, paper })
      const seen = new Set<string>()
      for (const e of events.all(key)) {
        const k = `${e.start}|${e.end}|${e.sentence}`
        if (seen.has(k)) continue
        seen.add(k)
        entries.push({ date: e.start, ...(e.end !== e.start ? { end: e.end } : {}), kind: 'event', text: e.sentence, paper })
      }
    }
    for (const c of this.commitments({ dossier, limit: 10_000 }, today).items) {
      const paper = byKey.get(c.paper.key)
      if (!paper) continue
      const base = { paper, commitmentId: c.id, status: c.status }
      if (c.paper.date) entries.push({ date: c.paper.date.slice(0, 10), kind: 'commitment', text: c.text, ...base })
      if (c.due) entries.push({ date: c.due.end, kind: 'due', text: `${c.dueText ?? 'due'}: ${c.text}`, ...base })
      const kept = c.evidence[0]
      if (kept?.paperDate) {
        const by = this.s.info.get(kept.paperKey)
        if (by) entries.push({ date: kept.paperDate.slice(0, 10), kind: 'kept', text: c.text, ...base, paper: by })
      }
    }
    const order: Record<TimelineEntry['kind'], number> = { paper: 0, commitment: 1, event: 2, due: 3, kept: 4 }
    return entries.sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind])
  }

  private tracked(c: CommitmentRecord, today: string): TrackedCommitment | null {
    const correction = this.correctionOf(c.id)
    const links: Evidence[] = this.s.links.all(c.id)
    if (correction?.action === 'fulfilled-by') {
      const by = this.info(correction.target)
      links.push({
        commitmentId: c.id,
        paperKey: by?.key ?? correction.target,
        reason: 'manual',
        confidence: 1,
        evidence: `marked by hand on ${correction.at.slice(0, 10)}`,
        paperId: by?.id ?? null,
        paperDate: by?.date ?? null,
        paperTitle: by?.title ?? null,
      })
    }
    return track(c, links, correction, today)
  }

  private correctionOf(id: string): Correction | null {
    const row = this.s.correction.get(id)
    return row ? (JSON.parse(row.correction) as Correction) : null
  }

  commitment(id: string, today: string): TrackedCommitment | null {
    const row = this.s.commitment.get(id)
    return row ? this.tracked(JSON.parse(row.record) as CommitmentRecord, today) : null
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
         ORDER BY c.date DESC, c.id`,
      )
      .raw()
      .all(...params) as Array<[string, string | null, string | null, number, string | null]>
    const byStatus = noCounts()
    const bySender = new Map<string, SenderCounts>()
    const matching: string[] = []
    for (const [id, sender, dueEnd, kept, correctionJson] of rows) {
      const correction = correctionJson ? (JSON.parse(correctionJson) as Correction) : null
      if (correction?.action === 'not-a-commitment') continue
      const status: CommitmentStatus =
        correction?.action === 'fulfilled-by' ? 'fulfilled' : statusOf(dueEnd, correction?.action !== 'reopen' && kept === 1, today)
      byStatus[status]++
      const name = sender ?? '(onbekend)'
      let counts = bySender.get(name)
      if (!counts) {
        counts = { sender: name, ...noCounts() }
        bySender.set(name, counts)
      }
      counts[status]++
      if (!query.status || query.status === status) matching.push(id)
    }
    const limit = Math.max(0, Math.min(query.limit ?? 50, 10_000))
    const offset = Math.max(0, query.offset ?? 0)
    const items = matching
      .slice(offset, offset + limit)
      .map((id) => this.commitment(id, today))
      .filter((c): c is TrackedCommitment => !!c)
    const total = (c: SenderCounts) => c.open + c['due-soon'] + c.overdue + c.fulfilled
    return {
      total: matching.length,
      counts: { byStatus, bySender: [...bySender.values()].sort((a, b) => total(b) - total(a) || a.sender.localeCompare(b.sender)) },
      items,
    }
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
