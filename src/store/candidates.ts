import { type CommitmentRecord, type LinkProfile, type PaperRef, senderRole } from '../link/fulfilment.js'
import type { Document } from '../model/document.js'
import type { Fragments, Query, Sql } from './sql.js'
import type { Values } from './values.js'

// How many papers each side of a new paper is matched against: enough for any real dossier's
// correspondence of one sender, and a bound on ingest cost in a dossier of thousands of papers.
const MATCH_WINDOW = 200

/** A paper about to be written, as its candidates are read: itself, its document and its promises. */
export interface PaperToLink {
  paper: PaperRef
  doc: Document
  records: CommitmentRecord[]
}

/** A later paper that may keep a promise: its key and its linking profile. */
export interface LaterPaper {
  key: string
  profile: LinkProfile
}

interface EarlierRow {
  id: string
  paper_key: string
  record: Uint8Array
  win: number | boolean
}

interface LaterRow {
  paper_key: string
  profile: Uint8Array
  date: string | null
  win: number | boolean
}

/** A paper the batch wrote, with what its stored rows would answer to the candidate queries. */
interface WrittenPaper {
  paper: PaperRef
  profile: LinkProfile
  records: CommitmentRecord[]
  /** `refs.target`, `refs.ref_date` and `pointers.date` of its rows. */
  cites: Set<string>
  citesDays: Set<string>
}

/**
 * What each paper of a write batch is matched against (see `Links.derive`): the earlier promises it may
 * keep and the later papers that may keep its own. On a server each read is a round trip the writer
 * waits for, two a paper; here the reads of a whole batch go in one, before it writes, and what the batch
 * writes meanwhile is merged in memory as the queries would have found it: the papers it wrote (their
 * promises, profiles, citations), the stored papers it wrote again or removed (their old rows no longer
 * count), and the promises a later paper moved or restated.
 *
 * The windows (the {@link MATCH_WINDOW} nearest papers of the dossier each side) are merged the same way:
 * the stored papers' window read as the batch began, with the batch's own papers, cut to the window again.
 * Where the batch writes stored papers again, a window can hold a few papers fewer than a query would
 * have found (those its rewritten papers pushed out); a fresh ingest matches exactly as paper by paper.
 */
export class Candidates {
  private readonly read = new Map<string, { earlier: EarlierRow[]; later: LaterRow[] }>()
  private readonly written: WrittenPaper[] = []
  private readonly gone = new Set<string>()
  private readonly changed = new Map<string, CommitmentRecord | null>()

  constructor(
    private readonly fragments: Fragments,
    private readonly values: Values,
  ) {}

  /** Reads, in one round trip, the candidates of the papers about to be written (once a transaction, before it writes them). */
  async prefetch(tx: Sql, papers: PaperToLink[]): Promise<void> {
    const queries: Query[] = []
    for (const p of papers) queries.push(this.earlierQuery(p.paper, p.doc), this.laterQuery(p.paper, p.records))
    const rows = await tx.allEach<EarlierRow & LaterRow>(queries)
    for (const [k, p] of papers.entries()) this.read.set(p.paper.key, { earlier: rows[2 * k] ?? [], later: rows[2 * k + 1] ?? [] })
  }

  /** A paper's stored rows cleared: written again or removed. */
  cleared(key: string): void {
    if (this.read.size > 0) this.gone.add(key)
  }

  /** A paper's rows written, as `derive` wrote them. */
  wrote(paper: PaperRef, doc: Document, profile: LinkProfile, records: CommitmentRecord[]): void {
    // Only rows read ahead miss what was written since; a transaction that read nothing ahead (a migration) keeps nothing.
    if (this.read.size === 0) return
    const { targets, days } = citedBy(doc)
    this.written.push({ paper, profile, records, cites: targets, citesDays: days })
  }

  /** A promise moved to a later deadline (its new record), or taken out as a restatement of another (null). */
  changedPromise(id: string, record: CommitmentRecord | null): void {
    if (this.read.size > 0) this.changed.set(id, record)
  }

  /** The promises a paper may keep, oldest first, without its own. */
  async earlier(tx: Sql, paper: PaperRef, doc: Document): Promise<CommitmentRecord[]> {
    const ahead = this.read.get(paper.key)?.earlier
    // Rows read now are as the batch left them; rows read ahead are merged with what it wrote since.
    if (!ahead) {
      const rows = (await tx.allEach<EarlierRow>([this.earlierQuery(paper, doc)]))[0] ?? []
      const found = new Map<string, CommitmentRecord>()
      for (const r of rows) if (!found.has(r.id)) found.set(r.id, await this.values.cachedJson<CommitmentRecord>(`record ${r.id}`, r.record, tx))
      return byDate([...found.values()].filter((c) => c.paper.key !== paper.key))
    }
    const rows = ahead
    const found = new Map<string, CommitmentRecord>()
    const window: CommitmentRecord[] = []
    const take = (c: CommitmentRecord | null | undefined, inWindow: boolean) => {
      if (!c || c.paper.key === paper.key) return
      if (inWindow) window.push(c)
      else found.set(c.id, c)
    }
    for (const r of rows) {
      if (this.gone.has(r.paper_key)) continue
      take(this.current(r.id, await this.values.cachedJson<CommitmentRecord>(`record ${r.id}`, r.record, tx)), !!Number(r.win))
    }
    const { targets, days } = citedBy(doc)
    const role = paper.sender ? (senderRole(paper.sender) ?? paper.sender) : null
    for (const w of this.written) {
      if (w.paper.key === paper.key) continue
      for (const record of w.records) {
        const c = this.current(record.id, record)
        if (!c) continue
        const date = c.paper.date
        if (w.paper.id && targets.has(w.paper.id)) take(c, false)
        else if (paper.sender && date && days.has(date) && (c.paper.sender === paper.sender || c.paper.sender === role || c.paper.sender === null))
          take(c, false)
        if (w.paper.dossier && w.paper.dossier === paper.dossier && date && paper.date && date < paper.date) take(c, true)
      }
    }
    for (const c of nearest(
      window,
      (c) => c.id,
      (c) => c.paper.date,
      'desc',
    ))
      if (!found.has(c.id)) found.set(c.id, c)
    return byDate([...found.values()])
  }

  /** The later papers that may keep a paper's promises, by date. */
  async later(tx: Sql, paper: PaperRef, records: CommitmentRecord[]): Promise<LaterPaper[]> {
    const ahead = this.read.get(paper.key)?.later
    const rows = ahead ?? (await tx.allEach<LaterRow>([this.laterQuery(paper, records)]))[0] ?? []
    const found = new Map<string, LaterPaper & { date: string | null }>()
    const window: Array<LaterPaper & { date: string | null }> = []
    const take = (p: LaterPaper & { date: string | null }, inWindow: boolean) => {
      if (p.key === paper.key) return
      if (inWindow) window.push(p)
      else found.set(p.key, p)
    }
    for (const r of rows) {
      if (ahead && this.gone.has(r.paper_key)) continue
      const profile = await this.values.cachedJson<LinkProfile>(`profile ${r.paper_key}`, r.profile, tx)
      take({ key: r.paper_key, profile, date: r.date }, !!Number(r.win))
    }
    const days = daysOf(paper, records)
    for (const w of ahead ? this.written : []) {
      const p = { key: w.paper.key, profile: w.profile, date: w.paper.date }
      if ((paper.id && w.cites.has(paper.id)) || days.some((d) => w.citesDays.has(d))) take(p, false)
      if (w.paper.dossier && w.paper.dossier === paper.dossier && p.date && paper.date && p.date > paper.date) take(p, true)
    }
    for (const p of nearest(
      window,
      (p) => p.key,
      (p) => p.date,
      'asc',
    ))
      if (!found.has(p.key)) found.set(p.key, p)
    return [...found.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }

  /** A promise as the batch left it. */
  private current(id: string, stored: CommitmentRecord): CommitmentRecord | null {
    return this.changed.has(id) ? (this.changed.get(id) ?? null) : stored
  }

  /** Earlier promises: of papers it cites, of letters it names by date (the sender's, or its role's), and its dossier's window. */
  private earlierQuery(paper: PaperRef, doc: Document): Query {
    const { inList } = this.fragments
    const { targets, days } = citedBy(doc)
    // The sender's own promises, those of a debate that named only the role (`Staatssecretaris`), and a debate's without a sender.
    const role = paper.sender ? (senderRole(paper.sender) ?? paper.sender) : null
    return {
      sql: `SELECT c.id, c.paper_key, c.record, 0 AS win FROM commitments c JOIN papers p ON p.key = c.paper_key WHERE ${inList('p.id')}
       UNION ALL SELECT id, paper_key, record, 0 FROM commitments WHERE CAST(? AS TEXT) IS NOT NULL AND ${inList('date')} AND (sender = ? OR sender = ? OR sender IS NULL)
       UNION ALL SELECT id, paper_key, record, 1 FROM (SELECT id, paper_key, record FROM commitments WHERE dossier = ? AND date < ? ORDER BY date DESC LIMIT ${MATCH_WINDOW}) AS w`,
      params: [[...targets], paper.sender, [...days], paper.sender, role, paper.dossier, paper.date],
    }
  }

  /** Later papers: that cite it, name its day (or the day a debate's promises were made), and its dossier's window. */
  private laterQuery(paper: PaperRef, records: CommitmentRecord[]): Query {
    const { inList } = this.fragments
    const days = daysOf(paper, records)
    // Later papers of its dossier, from any sender: a promise of one minister is often kept by a letter of two
    // (`Minister voor Medische Zorg` → `Ministers voor Medische Zorg en van LNV`); the weighing compares offices.
    return {
      sql: `SELECT f.paper_key, f.profile, p.date, 0 AS win FROM profiles f JOIN papers p ON p.key = f.paper_key
       WHERE f.paper_key <> ? AND f.paper_key IN (
         SELECT paper_key FROM refs WHERE target = ?
         UNION SELECT paper_key FROM refs WHERE ${inList('ref_date')}
         UNION SELECT paper_key FROM pointers WHERE ${inList('date')})
       UNION ALL SELECT f.paper_key, f.profile, w.date, 1 FROM (SELECT key, date FROM papers WHERE dossier = ? AND date > ? ORDER BY date LIMIT ${MATCH_WINDOW}) AS w
         JOIN profiles f ON f.paper_key = w.key`,
      params: [paper.key, paper.id, days, days, paper.dossier, paper.date],
    }
  }
}

/** The papers a paper cites and the days it names papers by (a reference's date, a fulfilment's pointer). */
function citedBy(doc: Document): { targets: Set<string>; days: Set<string> } {
  const targets = new Set<string>()
  const days = new Set<string>()
  for (const r of doc.references) {
    if (r.target) targets.add(r.target)
    if (r.date) days.add(r.date)
  }
  for (const f of doc.fulfils) for (const p of f.pointsAt) if (p.date) days.add(p.date)
  return { targets, days }
}

/** Promises oldest first (by the day of their paper, then id): the order they are weighed in. */
function byDate(records: CommitmentRecord[]): CommitmentRecord[] {
  return records.sort((a, b) => (a.paper.date ?? '').localeCompare(b.paper.date ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The paper's day and the days its promises were made (a committee's verslag is dated after its debate). */
function daysOf(paper: PaperRef, records: CommitmentRecord[]): string[] {
  return [...new Set([paper.date, ...records.map((c) => c.paper.date)].filter((d): d is string => !!d).map((d) => d.slice(0, 10)))]
}

/** The {@link MATCH_WINDOW} items nearest in date, as `ORDER BY date [DESC] LIMIT` takes them (each once). */
function nearest<T>(items: T[], keyOf: (t: T) => string, dateOf: (t: T) => string | null, order: 'asc' | 'desc'): T[] {
  const seen = new Set<string>()
  const unique = items.filter((t) => !seen.has(keyOf(t)) && !!seen.add(keyOf(t)))
  const sign = order === 'asc' ? 1 : -1
  return unique.sort((a, b) => sign * (dateOf(a) ?? '').localeCompare(dateOf(b) ?? '')).slice(0, MATCH_WINDOW)
}
