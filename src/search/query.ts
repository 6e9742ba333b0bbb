import { fold, stem } from './stem.js'

/** A query as a user writes it, parsed. */
export interface ParsedQuery {
  /** Groups joined by AND; the terms inside a group by OR. */
  must: Term[][]
  not: Term[]
  filters: Filters
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
}

/** A query that cannot be run, with what to write instead. */
export class QueryError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'QueryError'
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
}
/** A value of each filter, for the hint when one is missing. */
const EXAMPLE: Record<keyof Filters, string> = {
  type: 'brief',
  dossier: '33783',
  sender: '"Buitenlandse Zaken"',
  from: '2022-01-01',
  to: '2022-12-31',
  speaker: 'Wiebes',
}
const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/

function term(raw: string): Term | null {
  if (raw.endsWith('*')) {
    const prefix = fold(raw.slice(0, -1)).replace(/[^\p{L}\p{N}]/gu, '')
    if (prefix.length < 2) throw new QueryError(`prefix "${raw}" is too short: write at least two letters before *, as in kernwap*`)
    return { kind: 'prefix', text: raw, prefix }
  }
  const words = raw.match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return null
  if (words.length > 1) return { kind: 'phrase', text: raw, stems: words.map(stem) }
  return { kind: 'word', text: raw, stem: stem(words[0] as string) }
}

/**
 * Parses the query language: words (stemmed: `kernwapens` finds `kernwapen`),
 * `"phrases"`, `OR`, `-exclusion`, `prefix*` and field filters. Throws
 * QueryError with a hint for malformed input.
 */
export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { must: [], not: [], filters: {} }
  const tokens: Array<{ text: string; neg: boolean; quoted: boolean; field?: string }> = []
  let i = 0
  const s = input.trim()
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
    } else if (f) throw new QueryError(`unknown field "${f[1]}:"; use type:, dossier:, afzender:, spreker:, van: or tot:`)
    if (s[i] === '"') {
      const close = s.indexOf('"', i + 1)
      if (close < 0) throw new QueryError('a quote is not closed: write "nucleaire ontwapening" with a quote at both ends')
      tokens.push({ text: s.slice(i + 1, close), neg, quoted: true, ...(field ? { field } : {}) })
      i = close + 1
    } else {
      let j = i
      while (j < s.length && s[j] !== ' ') j++
      const text = s.slice(i, j)
      if (text.includes('"')) throw new QueryError(`a quote stands inside "${text}": put quotes around a whole phrase, as in "nucleaire ontwapening"`)
      tokens.push({ text, neg, quoted: false, ...(field ? { field } : {}) })
      i = j
    }
  }
  let pendingOr = false
  for (const t of tokens) {
    if (t.field) {
      const key = FIELDS[t.field] as keyof Filters
      const value = t.text.trim()
      if (!value) throw new QueryError(`${t.field}: needs a value, as in ${t.field}:${EXAMPLE[key]}`)
      if ((key === 'from' || key === 'to') && !ISO.test(value))
        throw new QueryError(`${t.field}:${value} is not a date: write ${t.field}:2022-01-01 (or 2022, or 2022-05)`)
      q.filters[key] = key === 'dossier' ? value.replace(/\s+/g, '') : value
      continue
    }
    if (!t.quoted && t.text === 'OR') {
      if (q.must.length === 0 || pendingOr) throw new QueryError('OR needs a word on both sides, as in kernwapens OR ontwapening')
      pendingOr = true
      continue
    }
    const parsed = t.quoted ? phrase(t.text) : term(t.text)
    if (!parsed) continue
    if (t.neg) {
      q.not.push(parsed)
      continue
    }
    if (pendingOr) {
      q.must[q.must.length - 1]?.push(parsed)
      pendingOr = false
    } else q.must.push([parsed])
  }
  if (pendingOr) throw new QueryError('OR needs a word on both sides, as in kernwapens OR ontwapening')
  if (q.must.length === 0 && q.not.length > 0) throw new QueryError('a query cannot only exclude: add a word to search for, as in kernwapens -Iran')
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
