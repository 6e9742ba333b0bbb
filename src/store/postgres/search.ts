import type { ParsedQuery, Term } from '../../search/query.js'

// The query language on PostgreSQL full-text search: the same stems as the SQLite store (indexed from
// search/stem.ts, not from a PostgreSQL dictionary). Search itself runs on posting lists (postings.ts);
// `tsv` gives the positions of a phrase's words, and the bench's plain ts_rank baseline.

/** SQL text with its parameters, numbered from a given start. */
export interface Sql {
  text: string
  params: unknown[]
}

/** A lexeme as a tsquery/tsvector literal: quoted, with quotes and backslashes escaped. */
const lexeme = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

function tsTerm(t: Term): string {
  if (t.kind === 'word') return lexeme(t.stem)
  if (t.kind === 'phrase') return `(${t.stems.map(lexeme).join(' <-> ')})`
  return `${lexeme(t.prefix)}:*`
}

/** The tsquery of a parsed query (AND of OR-groups, NOT terms), or null when it has no words. */
export function toTsQuery(q: ParsedQuery): string | null {
  if (q.must.length === 0) return null
  let expr = q.must.map((g) => (g.length === 1 ? tsTerm(g[0] as Term) : `(${g.map(tsTerm).join(' | ')})`)).join(' & ')
  for (const n of q.not) expr = `${expr} & !${tsTerm(n)}`
  return expr
}

/** The tsquery of one term alone, to count the papers that hold it (BM25's document frequency). */
export const termQuery = (t: Term) => tsTerm(t)

/**
 * The tsvector of a paper's stems, written as a literal so PostgreSQL's parser
 * never re-splits them: each stem with its 1-based positions. PostgreSQL keeps
 * at most 256 positions per lexeme and none past 16,383; past those a term's
 * frequency (and a phrase in a very long paper) is undercounted.
 */
export function tsvectorLiteral(stems: string[]): string {
  const positions = new Map<string, number[]>()
  stems.forEach((s, k) => {
    const list = positions.get(s)
    const pos = Math.min(k + 1, 16383)
    if (!list) positions.set(s, [pos])
    else if (list.length < 256 && list[list.length - 1] !== pos) list.push(pos)
  })
  return [...positions].map(([s, ps]) => `${lexeme(s)}:${ps.join(',')}`).join(' ')
}

/**
 * SQL for how often a phrase occurs in the row `p` (FTS5's phrase instance
 * count): the starts of its first word whose next words follow position by
 * position in `tsv`.
 */
export function phraseFrequencySql(stems: string[], param: (value: unknown) => string): string {
  const positionsOf = (stem: string) => `(SELECT u.positions FROM unnest(p.tsv) u WHERE u.lexeme = ${param(stem)})`
  const [first, ...rest] = stems
  // The first word's parameter first: parameters are numbered in the order they appear in the text.
  const starts = positionsOf(first as string)
  const follows = rest.map((s, k) => `(x + ${k + 1}) = ANY(coalesce(${positionsOf(s)}, '{}'))`).join(' AND ')
  return `coalesce((SELECT count(*) FROM unnest(${starts}) x WHERE ${follows}), 0)`
}

/** How often each stem occurs, as the `tf` column holds it. */
export function termFrequencies(stems: string[]): Record<string, number> {
  const tf: Record<string, number> = {}
  for (const s of stems) tf[s] = (tf[s] ?? 0) + 1
  return tf
}
