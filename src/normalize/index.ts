import type { OffsetMap, Span } from '../model/document.js'
import type { LineRole, RawText } from '../read/raw.js'
import { foldLine, foldText } from './chars.js'
import { type FurnitureFacts, layout, type NLine, tagSignatures } from './layout.js'
import type { Lexicon } from './lexicon.js'
import { collapseSpaces, piecesText, TextBuilder } from './pieces.js'
import { type JoinRecord, mendSplitWords, reflow } from './reflow.js'

export type { Lexicon } from './lexicon.js'
export { listLexicon, loadDutchLexicon } from './lexicon.js'
export { toSourceOffset } from './pieces.js'

/** A block of the clean text with the role layout gave it. */
export interface CleanBlock {
  role: LineRole
  span: Span
  page: number
  label?: string
}

/** The output of `normalize/`: repaired text, its blocks and the map back to the source. */
export interface CleanText {
  text: string
  offsetMap: OffsetMap
  blocks: CleanBlock[]
  facts: FurnitureFacts
  joins: JoinRecord[]
}

/** What the normalizer needs besides the text. */
export interface NormalizeContext {
  lexicon: Lexicon
}

// A letter standing alone that is no Dutch word (`u`, `e` of `e-mail`) nor an initial (`W.`).
const STRAY_LETTER = / [b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z] /g

/** Lone letters in the body (the sidebar's `T 070 …` is gone by now): the mark of words split by stray spaces. */
function strayLetters(lines: NLine[]): number {
  let n = 0
  for (const l of lines) if (!l.role) n += ` ${l.text} `.match(STRAY_LETTER)?.length ?? 0
  return n
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10 || c === 12 || c === 160

function toNLine(text: string, start: number, page: number, role: LineRole | undefined): NLine {
  let pieces = foldLine(text, start)
  // Trim white space at both ends, keeping offsets true (by index: a line may be thousands of pieces).
  let first = 0
  while (first < pieces.length && !pieces[first]!.t.trimStart()) first++
  let last = pieces.length - 1
  while (last >= first && !pieces[last]!.t.trimEnd()) last--
  pieces = pieces.slice(first, last + 1)
  if (pieces.length && isSpace(pieces[0]!.t.charCodeAt(0))) {
    const p = pieces[0]!
    const t = p.t.trimStart()
    pieces[0] = { ...p, t, s: p.syn ? p.s : p.s + (p.t.length - t.length) }
  }
  if (pieces.length && isSpace(pieces[pieces.length - 1]!.t.charCodeAt(pieces[pieces.length - 1]!.t.length - 1)))
    pieces[pieces.length - 1] = { ...pieces[pieces.length - 1]!, t: pieces[pieces.length - 1]!.t.trimEnd() }
  // Runs of spaces inside a line become one (PDF text pads columns: `Nr. 50  BRIEF`).
  let joined = piecesText(pieces)
  if (joined.includes('  ')) {
    pieces = collapseSpaces(pieces)
    joined = piecesText(pieces)
  }
  const line: NLine = { pieces, text: joined, page }
  // A reader's plain `paragraph` is no layout role: layout decides about it like any text line.
  if (role && role !== 'paragraph') line.role = role
  return line
}

/**
 * Repairs the text of a paper: folds character variants, removes page
 * furniture, joins words broken over lines, reflows lines into paragraphs,
 * mends words split by a stray space, and keeps a map back to the source.
 */
export function normalize(raw: RawText, ctx: NormalizeContext): CleanText {
  // One-for-one folds keep every offset, so they are done once over the whole text.
  const folded = foldText(raw.text)
  let lines = raw.lines.map((l) => toNLine(folded === raw.text ? l.text : folded.slice(l.start, l.start + l.text.length), l.start, l.page, l.role))
  let facts: FurnitureFacts = {}
  if (raw.form !== 'official-xml' && raw.form !== 'open-data') {
    const out = layout(lines, raw.layout ?? raw.form)
    lines = out.lines
    facts = out.facts
  } else if (raw.form === 'official-xml' && !lines.some((l) => l.role === 'signature-name')) tagSignatures(lines)
  // Words split by a stray space show as lone letters (`D en Haag`, `naa r`, `w e`); mend only papers that have them.
  if ((raw.layout ?? raw.form) === 'letterhead-pdf-text' && strayLetters(lines) >= 2) {
    lines = lines.map((l) => {
      if (l.role && l.role !== 'title') return l
      const pieces = mendSplitWords(l.pieces, ctx.lexicon)
      return pieces === l.pieces ? l : { ...l, pieces, text: pieces.map((p) => p.t).join('') }
    })
  }
  const { blocks, joins } = reflow(lines, raw.paragraphLines, ctx.lexicon)
  const builder = new TextBuilder()
  const cleanBlocks: CleanBlock[] = []
  for (const b of blocks) {
    if (builder.length > 0) builder.synthetic('\n\n')
    const start = builder.length
    builder.pieces(b.pieces)
    const block: CleanBlock = { role: b.role, span: { start, end: builder.length }, page: b.page }
    if (b.label) block.label = b.label
    cleanBlocks.push(block)
  }
  const { text, offsetMap } = builder.finish()
  return { text, offsetMap, blocks: cleanBlocks, facts, joins }
}
