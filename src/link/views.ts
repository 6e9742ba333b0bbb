import type { DateMention, Document } from '../model/document.js'
import { fold } from '../search/stem.js'
import type { CommitmentRecord } from './fulfilment.js'
import type { CommitmentList, CommitmentQuery, DossierView, Facet, PaperInfo, SenderCounts, TimelineEntry } from './models.js'
import { type CommitmentStatus, type Correction, type Evidence, noCounts, statusOf, type TrackedCommitment } from './status.js'
import { shownTitle } from './titles.js'

// How the linking views are put together from rows, the same for every store: the stores
// only fetch (SQLite synchronously, PostgreSQL asynchronously).

/** A commitment's row as the list needs it to count statuses, before its record is read. */
export interface StatusRow {
  id: string
  sender: string | null
  dueEnd: string | null
  /** Whether a link at or above the fact confidence exists. */
  kept: boolean
  correction: Correction | null
}

/**
 * Counts statuses per sender over every matching row (with the rule of
 * `track`), and picks the ids of the requested page; the caller reads their
 * records.
 */
/**
 * Whether a text holds every word of `q`, each as a whole word or the start of one, in any case or accents:
 * `kernwap toetsing` holds for `… de Toetsingsconferentie over kernwapens …`; `wap` does not (it starts no word).
 */
export function wordsMatcher(q: string): (text: string) => boolean {
  const words = (fold(q).match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w}`, 'u'))
  return (text) => {
    const t = fold(text)
    return words.every((w) => w.test(t))
  }
}

export function tally(rows: StatusRow[], query: CommitmentQuery, today: string): { page: string[]; total: number; counts: CommitmentList['counts'] } {
  const byStatus = noCounts()
  const bySender = new Map<string, SenderCounts>()
  const matching: string[] = []
  for (const r of rows) {
    if (r.correction?.action === 'not-a-commitment') continue
    const status: CommitmentStatus =
      r.correction?.action === 'fulfilled-by' ? 'fulfilled' : statusOf(r.dueEnd, r.correction?.action !== 'reopen' && r.kept, today)
    byStatus[status]++
    const name = r.sender ?? '(onbekend)'
    let counts = bySender.get(name)
    if (!counts) {
      counts = { sender: name, ...noCounts() }
      bySender.set(name, counts)
    }
    counts[status]++
    if (!query.status || query.status === status) matching.push(r.id)
  }
  const limit = Math.max(0, Math.min(query.limit ?? 50, 10_000))
  const offset = Math.max(0, query.offset ?? 0)
  const total = (c: SenderCounts) => c.open + c['due-soon'] + c.overdue + c.fulfilled
  return {
    page: matching.slice(offset, offset + limit),
    total: matching.length,
    counts: { byStatus, bySender: [...bySender.values()].sort((a, b) => total(b) - total(a) || a.sender.localeCompare(b.sender)) },
  }
}

/** The evidence of a manual `--fulfilled-by` correction. */
export function manualEvidence(c: CommitmentRecord, correction: Correction & { action: 'fulfilled-by' }, by: PaperInfo | null): Evidence {
  return {
    commitmentId: c.id,
    paperKey: by?.key ?? correction.target,
    reason: 'manual',
    confidence: 1,
    evidence: `marked by hand${correction.by ? ` by ${correction.by}` : ''} on ${correction.at.slice(0, 10)}`,
    paperId: by?.id ?? null,
    paperDate: by?.date ?? null,
    paperTitle: by?.title ?? null,
  }
}

/** A dossier paper's row: its info, first line and the dossier title it prints. */
export type DossierRow = PaperInfo & { line: string | null; dossier_title: string | null }

const facet = (values: Array<string | null>): Facet => {
  const m = new Map<string, number>()
  for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1)
  return [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/** The dossier view from its papers, their reference targets, the papers citing them, and the stored papers of outside targets. */
export function buildDossierView(o: {
  dossier: string
  rows: DossierRow[]
  targets: Array<{ paperKey: string; target: string }>
  citing: Array<{ paper: PaperInfo; target: string }>
  stored: (target: string) => PaperInfo | null
  commitments: Record<CommitmentStatus, number>
}): DossierView {
  const keys = new Set(o.rows.map((r) => r.key))
  const ids = new Set(o.rows.map((r) => r.id).filter((id): id is string => !!id))
  const outside = new Map<string, number>()
  const missing = new Map<string, number>()
  // A Kamerstuk's id names its dossier (`kst-33783-48`, `kst-36410-XVI-96`): one of this dossier (or of a
  // part of it) that is not stored is an earlier paper of the dossier, not a paper outside it.
  const ofThisDossier = (target: string) => {
    const d = /^kst-(.+)-[^-]+$/.exec(target)?.[1]
    return !!d && (d === o.dossier || d.startsWith(`${o.dossier}-`))
  }
  for (const t of o.targets) {
    if (ids.has(t.target)) continue
    const into = ofThisDossier(t.target) ? missing : outside
    into.set(t.target, (into.get(t.target) ?? 0) + 1)
  }
  const seen = new Set<string>()
  const citedFrom = o.citing.filter((c) => {
    const k = `${c.paper.key}>${c.target}`
    if (keys.has(c.paper.key) || seen.has(k)) return false
    seen.add(k)
    return true
  })
  return {
    dossier: o.dossier,
    title: o.rows.find((r) => r.dossier_title)?.dossier_title ?? null,
    papers: o.rows.map(({ line, dossier_title, ...info }) => ({ ...info, title: shownTitle(info.title), line: line ?? '' })),
    counts: {
      papers: o.rows.length,
      byType: facet(o.rows.map((r) => r.type)),
      byYear: facet(o.rows.map((r) => r.date?.slice(0, 4) ?? null)),
      commitments: o.commitments,
    },
    citesOutside: [...outside]
      .map(([target, count]) => ({ target, count, paper: o.stored(target) }))
      .sort((a, b) => b.count - a.count || a.target.localeCompare(b.target)),
    citesMissing: [...missing].map(([target, count]) => ({ target, count })).sort((a, b) => a.target.localeCompare(b.target, 'nl', { numeric: true })),
    citedFrom,
  }
}

/** One dated event of a paper, as stored. */
export interface EventRow {
  paperKey: string
  start: string
  end: string
  sentence: string
}

const ORDER: Record<TimelineEntry['kind'], number> = { paper: 0, commitment: 1, event: 2, due: 3, kept: 4 }

/** A dossier's timeline from its papers, their events, its promises and the papers that kept them. */
export function buildTimeline(
  papers: PaperInfo[],
  events: EventRow[],
  commitments: TrackedCommitment[],
  keptBy: (key: string) => PaperInfo | null,
): TimelineEntry[] {
  const byKey = new Map(papers.map((p) => [p.key, p]))
  const entries: TimelineEntry[] = []
  for (const paper of papers)
    if (paper.date) entries.push({ date: paper.date.slice(0, 10), kind: 'paper', text: shownTitle(paper.title) ?? paper.type ?? paper.key, paper })
  const seen = new Set<string>()
  for (const e of events) {
    const paper = byKey.get(e.paperKey)
    const k = `${e.paperKey}|${e.start}|${e.end}|${e.sentence}`
    if (!paper || seen.has(k)) continue
    seen.add(k)
    entries.push({ date: e.start, ...(e.end !== e.start ? { end: e.end } : {}), kind: 'event', text: e.sentence, paper })
  }
  for (const c of commitments) {
    const paper = byKey.get(c.paper.key)
    if (!paper) continue
    const base = { paper, commitmentId: c.id, status: c.status }
    if (c.paper.date) entries.push({ date: c.paper.date.slice(0, 10), kind: 'commitment', text: c.text, ...base })
    if (c.due) entries.push({ date: c.due.end, kind: 'due', text: `${c.dueText ?? 'due'}: ${c.text}`, ...base })
    const kept = c.evidence[0]
    const by = kept?.paperDate ? keptBy(kept.paperKey) : null
    if (kept?.paperDate && by) entries.push({ date: kept.paperDate.slice(0, 10), kind: 'kept', text: c.text, ...base, paper: by })
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date) || ORDER[a.kind] - ORDER[b.kind])
}

/** The first sentence of a paper's body, at most 200 characters: its line in a dossier list. */
export function firstLine(doc: Document): string {
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
export function eventsOf(doc: Document): Array<DateMention & { sentence: string }> {
  const head = doc.sections.filter((s) => s.kind === 'dateline' || s.kind === 'header' || s.kind === 'signature')
  const within = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end
  // Dates inside a reference (`brief van 1 juli 2022`) are no events. References sorted by start, with the
  // furthest end so far: one binary search a date, not a comparison with each reference.
  const refs = doc.references.map((r) => r.span).sort((a, b) => a.start - b.start)
  const furthest: number[] = []
  for (const [k, r] of refs.entries()) furthest.push(Math.max(r.end, furthest[k - 1] ?? 0))
  const inReference = (span: { start: number; end: number }) => {
    let lo = 0
    let hi = refs.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((refs[mid] as { start: number }).start < span.end) lo = mid + 1
      else hi = mid
    }
    // Some reference starting before the date ends also ends after it starts.
    return lo > 0 && (furthest[lo - 1] as number) > span.start
  }
  return doc.dates
    .filter((d) => d.precision !== 'year' && d.precision !== 'years' && !head.some((s) => within(d.span, s.span)) && !inReference(d.span))
    .map((d) => ({ ...d, sentence: sentenceText(doc.text, d.sentenceSpan) }))
}

/** Longest sentence kept with an event: a timeline line, not a page. */
const EVENT_SENTENCE_MAX = 400

/** A date's sentence as a timeline shows it, cut at a word after `EVENT_SENTENCE_MAX` characters. */
function sentenceText(text: string, span: { start: number; end: number }): string {
  const sentence = text.slice(span.start, Math.min(span.end, span.start + EVENT_SENTENCE_MAX + 1))
  return sentence.length > EVENT_SENTENCE_MAX ? `${sentence.slice(0, EVENT_SENTENCE_MAX).replace(/\s+\S*$/, '')}…` : sentence
}
