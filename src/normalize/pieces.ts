import type { OffsetMap } from '../model/document.js'

/**
 * A run of text copied from the source at offset `s`, one clean character per
 * source character; `syn` marks text the normalizer made (a ligature spelt
 * out), which maps as a whole to `s`, or, with `s` < 0, to nothing.
 */
export interface Piece {
  t: string
  s: number
  syn?: true
}

/** Total text of a list of pieces. */
export const piecesText = (pieces: Piece[]): string => pieces.map((p) => p.t).join('')

/**
 * Collapses each run of white space in the joined text to its first character,
 * in one pass (PDF text pads columns: `Nr. 50  BRIEF` → `Nr. 50 BRIEF`). A
 * piece the normalizer made (`syn`) is kept whole, as `dropAt` keeps it.
 */
export function collapseSpaces(pieces: Piece[]): Piece[] {
  const out: Piece[] = []
  let afterSpace = false
  for (const p of pieces) {
    if (p.syn || p.t.length === 0) {
      out.push(p)
      if (p.t.length) afterSpace = /\s/.test(p.t[p.t.length - 1] as string)
      continue
    }
    // Keep the stretches between dropped characters, each with its own source offset.
    let from = 0
    for (const m of p.t.matchAll(/\s+/g)) {
      const keepEnd = afterSpace && m.index === 0 ? 0 : m.index + 1
      if (keepEnd > from) out.push({ t: p.t.slice(from, keepEnd), s: p.s + from })
      from = m.index + m[0].length
      afterSpace = from === p.t.length
    }
    if (from < p.t.length) {
      out.push(from === 0 ? p : { t: p.t.slice(from), s: p.s + from })
      afterSpace = false
    }
  }
  return out
}

/** Removes the character at `index` of the joined text (a space a PDF put inside a word). */
export function dropAt(pieces: Piece[], index: number): Piece[] {
  const out: Piece[] = []
  let pos = 0
  for (const p of pieces) {
    const end = pos + p.t.length
    if (index >= pos && index < end && !p.syn) {
      const k = index - pos
      if (k > 0) out.push({ t: p.t.slice(0, k), s: p.s })
      if (k + 1 < p.t.length) out.push({ t: p.t.slice(k + 1), s: p.s + k + 1 })
    } else out.push(p)
    pos = end
  }
  return out
}

/**
 * Builds the clean text and its offset map together, so every character
 * written can be traced to the source.
 */
export class TextBuilder {
  private readonly parts: string[] = []
  private readonly map: OffsetMap = []
  length = 0

  /** Appends copied pieces. */
  pieces(pieces: Piece[]): void {
    for (const p of pieces) {
      if (!p.t) continue
      if (p.s < 0) {
        // Made by the normalizer with no source character (a space between reflowed lines).
        this.parts.push(p.t)
        this.length += p.t.length
        continue
      }
      const n = this.map.length
      if (p.syn) {
        // Each character of a spelt-out ligature maps to the one source character.
        for (let k = 0; k < p.t.length; k++) this.map.push(this.length + k, p.s, 1)
      } else if (n >= 3 && this.map[n - 3]! + this.map[n - 1]! === this.length && this.map[n - 2]! + this.map[n - 1]! === p.s) {
        // Extend the previous run when this piece continues it in both texts.
        this.map[n - 1]! += p.t.length
      } else this.map.push(this.length, p.s, p.t.length)
      this.parts.push(p.t)
      this.length += p.t.length
    }
  }

  /** Appends text the normalizer made (a space between reflowed lines, a paragraph break). */
  synthetic(text: string): void {
    this.parts.push(text)
    this.length += text.length
  }

  /** The clean text and its map. */
  finish(): { text: string; offsetMap: OffsetMap } {
    return { text: this.parts.join(''), offsetMap: this.map }
  }
}

/** Maps a clean-text offset back to the source text. */
export function toSourceOffset(map: OffsetMap, clean: number): number {
  let lo = 0
  let hi = map.length / 3 - 1
  let best = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (map[mid * 3]! <= clean) {
      best = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  if (best < 0) return 0
  const cleanStart = map[best * 3]!
  const srcStart = map[best * 3 + 1]!
  const len = map[best * 3 + 2]!
  return srcStart + Math.min(clean - cleanStart, len)
}
