import { fold, stem } from './stem.js'

/**
 * Suggestions for a search that found nothing, from the store's own
 * vocabulary (its index terms): a word typed with one slip
 * (`kernwapnes` → `kernwapens`), and a word that starts longer words of the
 * store (`ontwapen` → `ontwapen*`, finding `ontwapening`). Pure: the store's
 * terms come in as a lookup.
 */

/** Letters a Dutch word is typed with: edits put in or swap in only these. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyzëïéè'

/**
 * Every word one edit away from `word`, as Norvig's corrector makes them,
 * the likeliest slips first: two neighbours swapped (`kernwapnes` →
 * `kernwapens`), one letter for another, one left out, one put in. About 60
 * per letter, so a word of 10 letters gives some 650. The first two letters
 * are kept: the vocabulary is read by them, and people seldom slip there.
 */
export function oneEditAway(word: string): string[] {
  const w = fold(word)
  const swapped: string[] = []
  const replaced: string[] = []
  const dropped: string[] = []
  const added: string[] = []
  for (let i = 2; i <= w.length; i++) {
    const [a, b] = [w.slice(0, i), w.slice(i)]
    if (b.length > 1) swapped.push(a + (b[1] as string) + (b[0] as string) + b.slice(2))
    if (b) dropped.push(a + b.slice(1))
    for (const c of LETTERS) {
      if (b) replaced.push(a + c + b.slice(1))
      added.push(a + c + b)
    }
  }
  const out = new Set([...swapped, ...replaced, ...dropped, ...added])
  out.delete(w)
  return [...out]
}

/**
 * The likeliest word one edit from `word` whose stem the store has, with the
 * number of papers that stem is in; null when none. `vocabulary` maps stems
 * to their papers (the store's terms that start as `word` starts). Of several,
 * the stem in the most papers wins, then the likelier slip.
 */
export function spellingFix(word: string, vocabulary: ReadonlyMap<string, number>): { word: string; papers: number } | null {
  let best: { word: string; papers: number } | null = null
  for (const candidate of oneEditAway(word)) {
    const papers = vocabulary.get(stem(candidate))
    if (papers && (!best || papers > best.papers)) best = { word: candidate, papers }
  }
  return best
}

/** `q` with its word `from` (as typed) put as `to`: the first time it stands alone. */
export function replaceWord(q: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return q.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}*])`, 'u'), to)
}
