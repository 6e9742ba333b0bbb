import { z } from 'zod'
import { type Committee, dossierMinistry, type MotieResult, motieMinistry } from '../link/kamer.js'
import { MOTIE_STATUSES, type MotieStatus, motieStatus } from '../link/moties.js'
import { atom, tagUri } from '../publish/feeds.js'
import { dateField } from '../search/fields.js'
import { fold } from '../search/stem.js'
import type { SearchHit, SearchResult } from '../search/types.js'
import type { Store } from '../store/store.js'
import { type MotieFacts, type MotieFollowUp, motieFacts, motieFollowUps } from './moties.js'
import { searchRequest } from './requests.js'
import { checkQuery, count, type Lang, text } from './search.js'

/**
 * The moties board's input, as the CLI (`kamerwacht moties`), the API (`GET /api/moties`) and the web page
 * (`/moties`) take it: which moties (words, dossier, days submitted, result), whose (a fractie, an indiener), and
 * where they stand.
 */
export function motieBoardInput(lang: Lang = 'en') {
  const nl = lang === 'nl'
  return z.object({
    q: text(500).describe('words of the motie (its subject or text)'),
    dossier: text(40).describe('only this dossier (36583, 21501-02)'),
    from: dateField('2024-01-01', nl).describe('submitted from this date'),
    to: dateField('2024-12-31', nl).describe('submitted up to this date'),
    result: z
      .enum(['aangenomen', 'verworpen', 'alle'], { error: nl ? 'kies aangenomen, verworpen of alle' : 'one of aangenomen, verworpen, alle' })
      .default('aangenomen')
      .describe('which moties by their vote: adopted (the default), rejected, or all'),
    status: z
      .enum(MOTIE_STATUSES as [MotieStatus, ...MotieStatus[]], { error: nl ? `kies ${MOTIE_STATUSES.join(', ')}` : `one of ${MOTIE_STATUSES.join(', ')}` })
      .optional()
      .describe('where an adopted motie stands: open, in-behandeling, deels, niet-uitgevoerd, uitgevoerd'),
    fractie: text(80).describe('an indiener of this fractie (VVD, GroenLinks-PvdA)'),
    commissie: text(120).describe('given to this committee (its abbreviation, J&V, or part of its name)'),
    ministerie: text(120).describe('for this ministry: the sender of a letter that answered it, else its committee’s subject (part of it: Justitie)'),
    indiener: text(120).describe('an indiener of this name (part of it)'),
    limit: count(1, 500, nl).default(50),
    offset: count(0, 100_000, nl).default(0),
  })
}

/** The board's filters that travel in an address (the feed's, the export's, a page's). */
export const MOTIE_FILTERS = ['q', 'dossier', 'from', 'to', 'status', 'fractie', 'indiener', 'commissie', 'ministerie'] as const

/** A moties board input, checked. */
export type MotieBoardInput = z.infer<ReturnType<typeof motieBoardInput>>

/** One motie on the board. */
export interface MotieRow extends MotieFacts {
  /** Its paper's key in the store. */
  key: string
  status: MotieStatus
  answeredBy: MotieFollowUp[]
  /** The ministry it is for (see `motieMinistry`, else `dossierMinistry`), or null. */
  ministerie: string | null
}

/** The board: the moties of a page, how many match in all, and how many of each status among them. */
export interface MotieBoard {
  total: number
  items: MotieRow[]
  counts: Record<MotieStatus, number>
  /** How many of the moties selected are for each ministry, most first (`(onbekend)` where none is known). */
  byMinistry: Array<{ ministerie: string; total: number; open: number }>
  /** How many moties of the store the filters were tried on (see {@link CANDIDATES}). */
  considered: number
}

/**
 * How many moties the board weighs at most: the newest of those the words, dossier and days select. Each is looked
 * up in the Kamer's records and in the letters that may answer it, so a board of every motie since 2008 (some
 * 40,000) is asked for by narrowing it first.
 */
export const CANDIDATES = 1000

/**
 * The moties board: the moties the input selects, with their result, indieners and status, oldest open first (a
 * motie adopted long ago with no letter yet is the one to ask about).
 */
export async function motieBoard(store: Store, input: MotieBoardInput): Promise<MotieBoard> {
  checkQuery(input.q ?? '')
  const hits: SearchHit[] = []
  // A search answers a page of 100 at most: the candidates are read page by page, newest first.
  for (let offset = 0; offset < CANDIDATES; offset += 100) {
    const page = await store.search(searchRequest({ ...input, q: input.q ?? '', type: 'motie', sort: 'date', limit: 100, offset }))
    hits.push(...page.hits)
    if (page.hits.length < 100 || hits.length >= page.total) break
  }
  const rows: MotieRow[] = []
  // The senders of each dossier's letters, asked once per dossier (see `dossierMinistry`).
  const letters = new Map<string, Promise<SearchResult['facets']['sender']>>()
  const lettersOf = (dossier: string) => {
    let senders = letters.get(dossier)
    if (!senders) letters.set(dossier, (senders = store.search({ q: '', dossier, type: 'brief', limit: 1 }).then((r) => r.facets.sender)))
    return senders
  }
  for (const hit of hits) {
    const facts = await motieFacts(store, hit.id)
    if (!facts || !resultMatches(facts.result, input.result) || !whoMatches(facts, input)) continue
    if (!committeeMatches(facts.commissie, input.commissie)) continue
    const answeredBy = await motieFollowUps(store, facts.id ?? hit.id, facts.title)
    const ministerie =
      motieMinistry(
        answeredBy.map((a) => a.paper.sender),
        facts.commissie,
      ) ?? dossierMinistry(facts.dossierTitle, facts.dossier ? await lettersOf(facts.dossier) : [])
    if (input.ministerie && !(ministerie && fold(ministerie).includes(fold(input.ministerie)))) continue
    rows.push({ ...facts, key: hit.id, status: motieStatus(answeredBy.map((a) => a.how)), answeredBy, ministerie })
  }
  const counts = Object.fromEntries(MOTIE_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<MotieStatus, number>
  const chosen = input.status ? rows.filter((r) => r.status === input.status) : rows
  chosen.sort((a, b) => MOTIE_STATUSES.indexOf(a.status) - MOTIE_STATUSES.indexOf(b.status) || (a.date ?? '').localeCompare(b.date ?? ''))
  return { total: chosen.length, items: chosen.slice(input.offset, input.offset + input.limit), counts, byMinistry: perMinistry(rows), considered: hits.length }
}

/** The moties per ministry, with how many of them are open, most first. */
function perMinistry(rows: MotieRow[]): MotieBoard['byMinistry'] {
  const by = new Map<string, { ministerie: string; total: number; open: number }>()
  for (const r of rows) {
    const name = r.ministerie ?? '(onbekend)'
    const entry = by.get(name) ?? { ministerie: name, total: 0, open: 0 }
    entry.total++
    if (r.status === 'open') entry.open++
    by.set(name, entry)
  }
  return [...by.values()].sort((a, b) => b.total - a.total || a.ministerie.localeCompare(b.ministerie))
}

/** Whether a motie's committee is the one asked for: its abbreviation, or part of its name (any case, accents folded). */
function committeeMatches(c: Committee | null, wanted: string | undefined): boolean {
  if (!wanted) return true
  const w = fold(wanted)
  return !!c && ((c.afkorting !== null && fold(c.afkorting) === w) || (c.naam !== null && fold(c.naam).includes(w)))
}

function resultMatches(result: MotieResult | null, wanted: MotieBoardInput['result']): boolean {
  return wanted === 'alle' || result === wanted
}

/** Whether an indiener of the motie is of the fractie and has the name asked for (any case, accents folded). */
function whoMatches(f: MotieFacts, input: MotieBoardInput): boolean {
  const fractie = input.fractie ? fold(input.fractie) : null
  const name = input.indiener ? fold(input.indiener) : null
  if (!fractie && !name) return true
  return f.indieners.some((i) => (!fractie || (i.fractie !== null && fold(i.fractie) === fractie)) && (!name || fold(i.name).includes(name)))
}

/**
 * The board as an Atom feed (`/feeds/moties.atom` with the board's filters): each motie an entry, updated when a
 * letter last answered it (or when it was decided), so a reader sees a motie come back when the government acts.
 */
export function motiesFeed(board: MotieBoard, input: MotieBoardInput, base: string): string {
  const query = new URLSearchParams()
  for (const k of MOTIE_FILTERS) if (input[k]) query.set(k, String(input[k]))
  if (input.result !== 'aangenomen') query.set('result', input.result)
  const qs = query.size ? `?${query}` : ''
  return atom({
    id: tagUri(`moties/${query}`),
    title: `Moties${input.status ? ` (${input.status})` : ''}${input.q ? ` over ${input.q}` : ''}`,
    self: `${base}/feeds/moties.atom${qs}`,
    link: `${base}/moties${qs}`,
    author: 'kamerwacht',
    entries: board.items.map((m) => {
      const last = m.answeredBy
        .map((a) => a.paper.date ?? '')
        .sort()
        .at(-1)
      const decided = m.decisions.at(-1)
      return {
        id: tagUri(`motie/${m.id ?? m.key}`),
        title: `[${m.status}] ${m.title ?? m.id ?? m.key}`,
        updated: last || decided?.date || m.date || '1970-01-01',
        link: `${base}/papers/${encodeURIComponent(m.id ?? m.key)}`,
        summary: [
          `Ingediend door ${m.indieners.map((i) => (i.fractie ? `${i.name} (${i.fractie})` : i.name)).join(', ') || 'onbekend'}`,
          decided ? `${decided.result}${decided.tally.votes.length ? `: ${decided.tally.seatsFor} voor, ${decided.tally.seatsAgainst} tegen` : ''}` : null,
          ...m.answeredBy.map((a) => `${a.how}: ${a.paper.id ?? a.paper.key} (${a.paper.date ?? '?'})`),
        ]
          .filter(Boolean)
          .join('\n'),
      }
    }),
  })
}
