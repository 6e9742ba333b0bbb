import { createRequire } from 'node:module'

interface Stemmer {
  stem(word: string): string
}

// @nlpjs/lang-nl is CommonJS; its Snowball stemmer matches PostgreSQL's `dutch` configuration.
const require = createRequire(import.meta.url)
const { StemmerNl } = require('@nlpjs/lang-nl') as { StemmerNl: new () => { stemWord?: (w: string) => string; stem: (w: string[] | string) => unknown } }
const snowball = new StemmerNl()
const stemmer: Stemmer = { stem: (w) => (snowball.stemWord ? snowball.stemWord(w) : String(snowball.stem(w))) }

/** `Oekraïne` → `oekraine`: lower case, diacritics folded, so `geïnformeerd` finds `geinformeerd`. */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
}

/**
 * Dutch plurals in `-s` after `-en`, `-el`, `-er`, `-em`, `-je` or a vowel (`kernwapens`, `tafels`,
 * `auto's`) lose the `s` before stemming: Snowball alone keeps `kernwapens` and `kernwapen` apart.
 */
function foldPlural(word: string): string {
  if (word.length > 4 && /(?:en|el|er|em|je|[aeiouy])s$/.test(word)) return word.slice(0, -1)
  if (word.endsWith("'s") && word.length > 3) return word.slice(0, -2)
  return word
}

const cache = new Map<string, string>()

/** The index form of one word: folded, plural folded, Snowball-stemmed. */
export function stem(word: string): string {
  // Numbers are their own stem and are too many to cache (dossier numbers, dates, amounts).
  if (/\d/.test(word)) return word.toLowerCase()
  const folded = fold(word)
  let s = cache.get(folded)
  if (s === undefined) {
    s = stemmer.stem(foldPlural(folded))
    if (cache.size > 100_000) cache.clear()
    cache.set(folded, s)
  }
  return s
}

/** A word of the text: letters and digits, with inner hyphens and apostrophes split off. */
export const WORD = /[\p{L}\p{N}]+/gu

/** The index form of a text: its words stemmed, in order, joined by spaces (what FTS5 indexes). */
export function stemText(text: string): string {
  const out: string[] = []
  for (const m of text.matchAll(WORD)) out.push(stem(m[0]))
  return out.join(' ')
}
