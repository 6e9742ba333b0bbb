import { findReferences } from '../extract/references.js'
import { PAPER_TYPES } from '../model/document.js'
import { fold, stem } from './stem.js'

/** A query as a user writes it, parsed. */
export interface ParsedQuery {
  /** Groups joined by AND; the terms inside a group by OR. */
  must: Term[][]
  not: Term[]
  filters: Filters
  /** How the query was read where it was not taken word for word (`33783` as `dossier:33783`), in Dutch, for the UI. */
  notes: string[]
}

/** One word, phrase or prefix of a query. */
export type Term =
  | { kind: 'word'; text: string; stem: string }
  | { kind: 'phrase'; text: string; stems: string[] }
  | { kind: 'prefix'; text: string; prefix: string }

/** Field filters: `type:brief`, `dossier:33783`, `afzender:"Buitenlandse Zaken"`, `van:2022-01-01`, `tot:2022-12-31`. */
export interface Filters {
  type?: string
  dossier?: string
  sender?: string
  from?: string
  to?: string
  /** `spreker:Wiebes`, `spreker:"De heer Graus"`, `spreker:PVV`: debate records in which a speaker so labelled speaks. */
  speaker?: string
  /** One paper, by its id (`kst-33783-50`, `h-tk-20172018-61-10`) or its Tweede Kamer number (`2019D21842`). */
  paper?: string
}

/**
 * A query that cannot be run, with what to write instead: in English for the
 * command line and the API, in Dutch (`nl`) for the web UI.
 */
export class QueryError extends Error {
  readonly nl: string
  constructor(message: string, nl: string) {
    super(message)
    this.name = 'QueryError'
    this.nl = nl
  }
}

const FIELDS: Record<string, keyof Filters> = {
  type: 'type',
  soort: 'type',
  dossier: 'dossier',
  afzender: 'sender',
  sender: 'sender',
  van: 'from',
  from: 'from',
  tot: 'to',
  to: 'to',
  spreker: 'speaker',
  speaker: 'speaker',
  stuk: 'paper',
  paper: 'paper',
}
/** A value of each filter, for the hint when one is missing. */
const EXAMPLE: Record<keyof Filters, string> = {
  type: 'brief',
  dossier: '33783',
  sender: '"Buitenlandse Zaken"',
  from: '2022-01-01',
  to: '2022-12-31',
  speaker: 'Wiebes',
  paper: 'kst-33783-50',
}

/** Whether a value is a date as filters take it: `2022`, `2022-05`, or a day that exists (`2022-02-28`, not `2022-13-45`). */
export function isQueryDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value)
  if (!m) return false
  const month = m[2] ? Number(m[2]) : 1
  if (month < 1 || month > 12) return false
  if (!m[3]) return true
  const day = Number(m[3])
  const d = new Date(Date.UTC(Number(m[1]), month - 1, day))
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

/** The message for a date that is none, naming the field: `van:2022-13-45 is not a date …`. */
export function dateError(field: string, value: string): QueryError {
  const example = /tot|to/.test(field) ? '2022-12-31' : '2022-01-01'
  return new QueryError(
    `${field}: ${value} is not a date: write ${example} (or 2022, or 2022-05)`,
    `${field}: ${value} is geen datum: schrijf ${example} (of 2022, of 2022-05)`,
  )
}

/** The message for a type that is none, with the types there are. */
export function typeError(field: string, value: string): QueryError {
  return new QueryError(
    `${field}: ${value} is not a type of paper; the types are ${PAPER_TYPES.join(', ')}`,
    `${field}: ${value} is geen soort stuk; de soorten zijn ${PAPER_TYPES.join(', ')}`,
  )
}

// How people cite a dossier or a paper in a search box: `33783`, `33 783`, `kst-33783-50`, `2019D21842`,
// `Kamerstuk 33 783, nr. 50`. A bare five-digit number is a dossier's (a year has four, an ondernummer fewer).
const DOSSIER_NUMBER = /^(\d{2}) ?(\d{3})$/
const PAPER_ID = /^(?:kst|h|ah|nds|blg)-[\w-]+$/i
const TK_NUMBER = /^\d{4}D\d{5}$/

/**
 * Takes the citations out of a query: a Kamerstuk cited as people write it
 * (`Kamerstuk 33 783, nr. 50`) becomes `stuk:kst-33783-50`; a dossier number
 * alone (`33783`, `33 783`) `dossier:33783`; a paper id or a Tweede Kamer
 * document number (`2019D21842`) `stuk:`. Returns the rest of the query.
 */
function citations(input: string, q: ParsedQuery): string {
  let rest = input
  // `Kamerstuk 33 783, nr. 50`, `Kamerstukken II 2021/22, 33 783, nr. 50`: the reference reader of the papers.
  if (/\d/.test(rest) && !/"/.test(rest)) {
    for (const r of findReferences(rest, null).reverse()) {
      if (!r.target || (r.kind !== 'kamerstuk' && r.kind !== 'motie' && r.kind !== 'handelingen')) continue
      // The value of a field already (`stuk:kst-33783-50`): the field reads it.
      if (/[a-z]+:"?$/i.test(rest.slice(0, r.index))) continue
      q.filters.paper ??= r.target
      q.notes.push(`"${r.text}" gelezen als stuk:${r.target}`)
      rest = `${rest.slice(0, r.index)} ${rest.slice(r.index + r.length)}`
    }
  }
  // `33 783`: the dossier number with its printed space, two tokens.
  rest = rest.replace(/(^|\s)(\d{2}) (\d{3})(?=\s|$)/g, (_, lead: string, a: string, b: string) => `${lead}${a}${b}`)
  const kept: string[] = []
  for (const token of rest.split(/\s+/).filter(Boolean)) {
    const dossier = DOSSIER_NUMBER.exec(token)
    if (dossier && !q.filters.dossier) {
      q.filters.dossier = `${dossier[1]}${dossier[2]}`
      q.notes.push(`${token} gelezen als dossier:${q.filters.dossier}`)
    } else if ((PAPER_ID.test(token) || TK_NUMBER.test(token)) && !q.filters.paper) {
      // The prefix in lower case, as ids are (`KST-33783-50` → `kst-33783-50`); a chapter keeps its capitals (`XVI`).
      q.filters.paper = token.replace(/^[a-z]+-/i, (p) => p.toLowerCase())
      q.notes.push(`${token} gelezen als stuk:${q.filters.paper}`)
    } else kept.push(token)
  }
  return kept.join(' ')
}

function term(raw: string): Term | null {
  if (raw.endsWith('*')) {
    const prefix = fold(raw.slice(0, -1)).replace(/[^\p{L}\p{N}]/gu, '')
    if (prefix.length < 2)
      throw new QueryError(
        `prefix "${raw}" is too short: write at least two letters before *, as in kernwap*`,
        `"${raw}" is te kort: schrijf minstens twee letters voor de *, zoals kernwap*`,
      )
    return { kind: 'prefix', text: raw, prefix }
  }
  const words = raw.match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return null
  if (words.length > 1) return { kind: 'phrase', text: raw, stems: words.map(stem) }
  return { kind: 'word', text: raw, stem: stem(words[0] as string) }
}

// The operators, in English and in Dutch: `kernwapens OF ontwapening`, `kernwapens NIET Iran`, `a EN b`.
const OR_WORDS = new Set(['OR', 'OF'])
const NOT_WORDS = new Set(['NOT', 'NIET'])
const AND_WORDS = new Set(['AND', 'EN'])

/**
 * Parses the query language: words (stemmed: `kernwapens` finds `kernwapen`),
 * `"phrases"`, `OR`/`OF`, `-exclusion` or `NIET`, `prefix*`, field filters,
 * and citations (`33783`, `kst-33783-50`, `Kamerstuk 33 783, nr. 50`,
 * `2019D21842`). Throws QueryError with a hint for malformed input.
 */
export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { must: [], not: [], filters: {}, notes: [] }
  const tokens: Array<{ text: string; neg: boolean; quoted: boolean; field?: string }> = []
  let i = 0
  const s = citations(input.trim(), q)
  while (i < s.length) {
    while (s[i] === ' ') i++
    if (i >= s.length) break
    let neg = false
    if (s[i] === '-' && s[i + 1] && s[i + 1] !== ' ') {
      neg = true
      i++
    }
    let field: string | undefined
    const f = /^([a-z]+):/.exec(s.slice(i))
    if (f && FIELDS[f[1] as string]) {
      field = f[1]
      i += f[0].length
    } else if (f) {
      const known = 'type:, dossier:, afzender:, spreker:, stuk:, van: or tot:'
      throw new QueryError(`unknown field "${f[1]}:"; use ${known}`, `onbekend veld "${f[1]}:"; gebruik ${known.replace(' or ', ' of ')}`)
    }
    if (s[i] === '"') {
      const close = s.indexOf('"', i + 1)
      if (close < 0)
        throw new QueryError(
          'a quote is not closed: write "nucleaire ontwapening" with a quote at both ends',
          'een aanhalingsteken is niet gesloten: schrijf "nucleaire ontwapening" met aan beide kanten een aanhalingsteken',
        )
      tokens.push({ text: s.slice(i + 1, close), neg, quoted: true, ...(field ? { field } : {}) })
      i = close + 1
    } else {
      let j = i
      while (j < s.length && s[j] !== ' ') j++
      const text = s.slice(i, j)
      if (text.includes('"'))
        throw new QueryError(
          `a quote stands inside "${text}": put quotes around a whole phrase, as in "nucleaire ontwapening"`,
          `er staat een aanhalingsteken midden in "${text}": zet aanhalingstekens om een hele woordgroep, zoals "nucleaire ontwapening"`,
        )
      tokens.push({ text, neg, quoted: false, ...(field ? { field } : {}) })
      i = j
    }
  }
  let pendingOr = false
  let pendingNot = false
  const orError = () =>
    new QueryError(
      'OR needs a word on both sides, as in kernwapens OR ontwapening',
      'OF heeft aan beide kanten een woord nodig, zoals kernwapens OF ontwapening',
    )
  for (const t of tokens) {
    if (t.field) {
      const key = FIELDS[t.field] as keyof Filters
      const value = t.text.trim()
      if (!value)
        throw new QueryError(
          `${t.field}: needs a value, as in ${t.field}:${EXAMPLE[key]}`,
          `${t.field}: heeft een waarde nodig, zoals ${t.field}:${EXAMPLE[key]}`,
        )
      if ((key === 'from' || key === 'to') && !isQueryDate(value)) throw dateError(t.field, value)
      if (key === 'type' && !(PAPER_TYPES as readonly string[]).includes(value)) throw typeError(t.field, value)
      q.filters[key] = key === 'dossier' ? value.replace(/\s+/g, '') : value
      continue
    }
    if (!t.quoted && OR_WORDS.has(t.text)) {
      if (q.must.length === 0 || pendingOr) throw orError()
      pendingOr = true
      continue
    }
    if (!t.quoted && NOT_WORDS.has(t.text)) {
      pendingNot = true
      continue
    }
    if (!t.quoted && AND_WORDS.has(t.text)) continue
    const parsed = t.quoted ? phrase(t.text) : term(t.text)
    if (!parsed) continue
    if (t.neg || pendingNot) {
      q.not.push(parsed)
      pendingNot = false
      continue
    }
    if (pendingOr) {
      q.must[q.must.length - 1]?.push(parsed)
      pendingOr = false
    } else q.must.push([parsed])
  }
  if (pendingOr) throw orError()
  if (q.must.length === 0 && q.not.length > 0)
    throw new QueryError(
      'a query cannot only exclude: add a word to search for, as in kernwapens -Iran',
      'een zoekvraag kan niet alleen uitsluiten: voeg een woord toe om naar te zoeken, zoals kernwapens -Iran',
    )
  return q
}

function phrase(text: string): Term | null {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return null
  if (words.length === 1) return { kind: 'word', text, stem: stem(words[0] as string) }
  return { kind: 'phrase', text, stems: words.map(stem) }
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`

/** One term in FTS5's query syntax, quoted, so no query text is read as FTS5 syntax: `"nucleair ontwapen"`, `"kernwap"*`. */
export function ftsTerm(t: Term): string {
  if (t.kind === 'word') return quote(t.stem)
  if (t.kind === 'phrase') return quote(t.stems.join(' '))
  return `${quote(t.prefix)}*`
}

/** The FTS5 MATCH expression for the words of a query (on the stemmed column), or null when it has none. */
export function toFts(q: ParsedQuery): string | null {
  if (q.must.length === 0) return null
  const groups = q.must.map((g) => (g.length === 1 ? ftsTerm(g[0] as Term) : `(${g.map(ftsTerm).join(' OR ')})`))
  let expr = groups.join(' AND ')
  for (const n of q.not) expr = `${expr} NOT ${ftsTerm(n)}`
  return expr
}

/** The stems a query looks for, to mark them in snippets. */
export function queryStems(q: ParsedQuery): { stems: Set<string>; prefixes: string[] } {
  const stems = new Set<string>()
  const prefixes: string[] = []
  for (const g of q.must)
    for (const t of g) {
      if (t.kind === 'word') stems.add(t.stem)
      else if (t.kind === 'phrase') for (const s of t.stems) stems.add(s)
      else prefixes.push(t.prefix)
    }
  return { stems, prefixes }
}

/**
 * Whether BM25 can rank a query's matches. FTS5 floors the idf of a word that
 * is in half the papers or more at 1e-6 (and the PostgreSQL store does the
 * same), so a query whose words are all that common ("Kamer", "regering")
 * scores every paper about 0 and its order says nothing: such results are
 * listed newest first instead. Known without counting each word when the
 * query has no OR: then every word is in at least as many papers as the
 * query matches.
 */
export function rankable(q: ParsedQuery, matches: number, papers: number): boolean {
  const noOr = q.must.every((g) => g.length === 1)
  return !(noOr && papers > 0 && 2 * matches >= papers)
}
