import type { Piece } from './pieces.js'

// One-for-one folds: spaces, hyphens, quotes and bullets that PDFs and web
// pages spell in many ways. En and em dashes stay: they carry meaning
// (`2022–2023`, a dash used as a bullet in Kamerstukken).
const FOLD: Record<string, string> = {
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': ' ',
  '\t': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  // Bullets: `•`, `●`, `▪`, `◦`, `∙` and the Symbol-font bullet U+F0B7 that Word PDFs emit.
  '\u2022': '•',
  '\u25CF': '•',
  '\u25AA': '•',
  '\u25E6': '•',
  '\u2219': '•',
  '\uF0B7': '•',
  '\uF0A7': '•',
}
const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
}
const DROP = new Set(['\u200B', '\u200C', '\u200D', '\uFEFF'])
const LENGTH_CHANGING = /[\u00AD\u200B-\u200D\uFB00-\uFB06\uFEFF]/
const ONE_FOR_ONE = /[\t\u00A0\u2007\u2009\u200A\u2010\u2011\u2018-\u201F\u2022\u2032\u2033\u202F\u2212\u2219\u25AA\u25CF\u25E6\uF0A7\uF0B7]/g
const SPECIAL =
  /[\t\u00A0\u00AD\u2007\u2009-\u200D\u2010\u2011\u2018-\u201F\u2022\u2032\u2033\u202F\u2212\u2219\u25AA\u25CF\u25E6\uF0A7\uF0B7\uFB00-\uFB06\uFEFF]/

/** Applies the one-for-one folds to a whole text (same length, so offsets stay true). */
export function foldText(text: string): string {
  return SPECIAL.test(text) ? text.replace(ONE_FOR_ONE, (ch) => FOLD[ch] ?? ch) : text
}

/**
 * Folds the characters of one source line into pieces. A soft hyphen at the
 * end of a line is a line-break hyphen and becomes `-`; elsewhere it is dropped.
 */
export function foldLine(text: string, start: number): Piece[] {
  if (!SPECIAL.test(text)) return text ? [{ t: text, s: start }] : []
  // Common case: only one-for-one folds, so the line stays one piece.
  if (!LENGTH_CHANGING.test(text)) return [{ t: text.replace(ONE_FOR_ONE, (ch) => FOLD[ch] ?? ch), s: start }]
  const out: Piece[] = []
  let run = ''
  let runStart = start
  const flush = (next: number) => {
    if (run) out.push({ t: run, s: runStart })
    run = ''
    runStart = next
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    const at = start + i
    if (ch === '\u00AD') {
      if (text.slice(i + 1).trim() === '') run += '-'
      else flush(at + 1)
    } else if (DROP.has(ch)) flush(at + 1)
    else if (LIGATURES[ch]) {
      flush(at)
      out.push({ t: LIGATURES[ch], s: at, syn: true })
      runStart = at + 1
    } else run += FOLD[ch] ?? ch
  }
  flush(start + text.length)
  return out
}
