import type { LineRole } from '../read/raw.js'
import { type BreakDecision, decideBreak, type SpellingEvidence } from './dehyphenate.js'
import type { NLine } from './layout.js'
import type { Lexicon } from './lexicon.js'
import { SENTENCE_END, SPEAKER_LABEL } from './patterns.js'
import { dropAt, type Piece, piecesText } from './pieces.js'

/** A block of clean text: a paragraph, a heading, a list item or a part of the head. */
export interface Block {
  role: LineRole
  pieces: Piece[]
  /** Synthetic separators inside the block: clean offsets (relative to the block) get a space. */
  text: string
  page: number
  label?: string
}

/** One decided line-break hyphen, kept for `--explain` and for tests. */
export interface JoinRecord {
  left: string
  right: string
  decision: BreakDecision
}

const BULLET = /^([•–—-]|\d{1,2}[.)]|[a-z][.)])\s+\S/
const ONLY_PUNCT = /^[.,;:)»"'!?]+$/
const ABBREVIATION_END = /(?:^|[\s(])(?:nr|nrs|jl|blz|art|o\.a|d\.d|t\.z\.t|bijv|resp|ca|dhr|mevr|drs|mr|dr|ir|prof|c\.s|\p{Lu})\.$/u
// A motion is a list of clauses, each on a new line: `constaterende dat …;`, `verzoekt de regering …,`.
const MOTIE_CLAUSE =
  /^(De Kamer,|gehoord de beraadslaging|constaterende|overwegende|van mening|voorts van mening|verzoekt|spreekt uit|roept .{0,40} op|draagt .{0,40} op|stelt vast|en gaa[tn] over tot de orde van de dag)/

class BlockWriter {
  parts: Piece[] = []
  /**
   * The last characters written: enough to find a line-break hyphen. Looking at the whole
   * text of a long paragraph (a string built by `+=`) would flatten it each time: quadratic.
   */
  tail = ''
  append(pieces: Piece[]): void {
    for (const p of pieces) {
      this.parts.push(p)
      this.tail = (this.tail + p.t).slice(-160)
    }
  }
  space(): void {
    // A synthetic space: a piece of its own with no source (mapped to the run before).
    this.parts.push({ t: ' ', s: -1, syn: true })
    this.tail = `${this.tail} `.slice(-160)
  }
  /** Drops the last character written (a line-break hyphen), in place: copying the parts for each hyphen of a long paragraph is quadratic. */
  dropLast(): void {
    while (this.parts.length > 0 && (this.parts[this.parts.length - 1] as Piece).t.length === 0) this.parts.pop()
    const last = this.parts[this.parts.length - 1]
    if (last && last.t.length === 1) this.parts.pop()
    else if (last) this.parts[this.parts.length - 1] = { ...last, t: last.t.slice(0, -1) }
    this.tail = this.tail.slice(0, -1)
  }
  get text(): string {
    return piecesText(this.parts)
  }
}

/**
 * Words that occur whole in the paper: how the paper itself spells a
 * compound decides a break where the dictionary cannot. Built on first use,
 * in one pass: most papers never need it.
 */
function collectEvidence(lines: NLine[]): SpellingEvidence {
  let all: string | undefined
  let words: Set<string> | undefined
  return {
    has(token) {
      all ??= ` ${lines.map((l) => l.text).join(' ')} `.toLowerCase()
      // A whole-word occurrence has no letter or digit on either side: for a token of word characters only,
      // that is one of the text's maximal runs of them, looked up in a set built once (scanning the text for
      // every hyphen of a paper is quadratic: 200,000 lines of `woord-`).
      if (isWordRun(token)) {
        words ??= wordRuns(all)
        return words.has(token)
      }
      for (let at = all.indexOf(token); at >= 0; at = all.indexOf(token, at + 1)) {
        if (!isWordChar(all.charCodeAt(at - 1)) && !isWordChar(all.charCodeAt(at + token.length))) return true
      }
      return false
    },
  }
}

function isWordRun(token: string): boolean {
  for (let i = 0; i < token.length; i++) if (!isWordChar(token.charCodeAt(i))) return false
  return token.length > 0
}

/** The maximal runs of word characters in a text. */
function wordRuns(text: string): Set<string> {
  const out = new Set<string>()
  let from = -1
  for (let i = 0; i <= text.length; i++) {
    const word = i < text.length && isWordChar(text.charCodeAt(i))
    if (word && from < 0) from = i
    else if (!word && from >= 0) {
      out.add(text.slice(from, i))
      from = -1
    }
  }
  return out
}

/** Letters, digits and the hyphen, by code: ASCII ranges, and any non-ASCII character (é, ë, ï are letters in Dutch). */
function isWordChar(c: number): boolean {
  return (
    c === 45 /* - */ || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 191 && c !== 8211 && c !== 8212 && c !== 171 && c !== 187)
  )
}

/**
 * Mends words a PDF split with a stray space (`Inf rastructuur`, `naa r`,
 * `w e`, `D en Haag`): two letter runs are joined when together they make a
 * word and one of them alone does not. Also `reductie -opgave`, `CO 2-reductie`
 * and a capital cut off an acronym (`UP V`).
 */
export function mendSplitWords(pieces: Piece[], lexicon: Lexicon): Piece[] {
  const text = pieces.length === 1 ? (pieces[0] as Piece).t : piecesText(pieces)
  if (!hasOddFragment(text)) return pieces
  const tokens = text.split(' ')
  const joinAt: number[] = []
  let pos = 0
  for (let k = 0; k < tokens.length - 1; k++) {
    const a = tokens[k] as string
    const b = tokens[k + 1] as string
    pos += a.length
    if (a && b && (oddFragment(a) || oddFragment(b)) && shouldJoin(a, b, lexicon)) {
      joinAt.push(pos)
      // The right part is used up: `naa r een` must not go on to pair `r` with `een`.
      pos += 1 + b.length
      k++
    }
    pos += 1
  }
  let out = pieces
  // Remove from the end so earlier offsets stay true.
  for (let k = joinAt.length - 1; k >= 0; k--) out = dropAt(out, joinAt[k] as number)
  return out
}

// Short words that stand alone in Dutch text; any other fragment of three
// letters or fewer may be part of a word a PDF split (`Inf`, `naa`, `r`, `w`, `D`).
const SHORT_WORDS = new Set(
  'de het een en van in op te is om er ze we zo ik u uw of al na bij die dat met aan als tot nog wat hun ook dan wel per des ten ter dit zij hij wie hem haar mij ons nu toe af uit weg mee dus nee ja wij jij je me zal kan wil mag was had heb bent ben gaf gaan ga men maar via ca pas tal elk dag jaar'.split(
    ' ',
  ),
)

const SHORT_TOKEN = /(?:^|\s)[("'«]?(\p{L}{1,3})[.,;:)]*(?=\s|$)|(?:^|\s)-\S/gu

/** Whether a line has any token that could be half of a split word (most lines have none). */
function hasOddFragment(text: string): boolean {
  SHORT_TOKEN.lastIndex = 0
  for (let m = SHORT_TOKEN.exec(text); m; m = SHORT_TOKEN.exec(text)) {
    if (!m[1] || !SHORT_WORDS.has(m[1].toLowerCase())) return true
  }
  return false
}

/** A token that could be half of a split word: short and not a word on its own, or a lost hyphen. */
function oddFragment(token: string): boolean {
  if (token.charCodeAt(0) === 45 /* - */) return true
  // Letters between an opening bracket or quote and closing punctuation: `(UP`, `r,`.
  if (token.length > 5) return false
  let i = 0
  let j = token.length
  while (i < j && '("\'«'.includes(token[i] as string)) i++
  while (j > i && '.,;:)'.includes(token[j - 1] as string)) j--
  return j - i > 0 && j - i <= 3 && !SHORT_WORDS.has(token.slice(i, j).toLowerCase())
}

const LETTERS = /^\p{L}+$/u
const TRAILING_PUNCT = /[.,;:)]+$/

function shouldJoin(a: string, rawB: string, lexicon: Lexicon): boolean {
  // `reductie -opgave`: a hyphen that lost its word.
  if (rawB.charCodeAt(0) === 45 /* - */ && LETTERS.test(a.slice(-1)) && /^-\p{Ll}/u.test(rawB)) return true
  const b = rawB.replace(TRAILING_PUNCT, '')
  // `CO 2-reductie`
  if (/^\p{Lu}{2}$/u.test(a) && /^\d-\p{L}/u.test(b)) return true
  // `(UP V)`: a capital cut off an acronym.
  if (/^\(?\p{Lu}{2,}$/u.test(a) && /^\p{Lu}$/u.test(b)) return true
  const left = a.replace(/^[("'«]+/, '')
  if (!LETTERS.test(left) || !LETTERS.test(b) || /^\p{Lu}/u.test(b)) return false
  const aWord = left.length > 1 && lexicon.isWord(left)
  const bWord = b.length > 1 && lexicon.isWord(b)
  if (aWord && bWord) return false
  return lexicon.isWord(left + b)
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0
  const sorted = values.slice().sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number
}

/** Joins `next` onto the block, deciding a line-break hyphen at the end of the block. */
function joinLine(block: BlockWriter, next: NLine, lexicon: Lexicon, evidence: SpellingEvidence, joins: JoinRecord[]): void {
  // Only the end of the block can hold the break; looking at more would be quadratic.
  const hy = block.tail.endsWith('-') ? /(?:^|[\s(«"'])([^\s(«"']*[\p{L}\d])-$/u.exec(block.tail) : null
  const right = hy ? /^([\p{L}\d][\p{L}\d'-]*?)(?=[^\p{L}\d'-]|-?$)(?:\s+([\p{L}]+))?/u.exec(next.text) : null
  if (hy?.[1] && right?.[1]) {
    const decision = decideBreak(hy[1], right[1], lexicon, evidence, right[2])
    joins.push({ left: hy[1], right: right[1], decision })
    if (decision === 'join') block.dropLast()
    else if (decision === 'keep-space') block.space()
    block.append(next.pieces)
    return
  }
  if (!ONLY_PUNCT.test(next.text)) block.space()
  block.append(next.pieces)
}

/**
 * Reflows lines into blocks. Head lines of one role make one block each
 * (a title over two lines); body lines of a printed page make paragraphs:
 * a paragraph ends at a blank line after a finished sentence or a short last
 * line, a bullet starts a list item, and a blank line inside a sentence
 * (`van President` / `` / `Putin betreffende`) is bridged.
 */
export function reflow(lines: NLine[], paragraphLines: boolean, lexicon: Lexicon): { blocks: Block[]; joins: JoinRecord[] } {
  const blocks: Block[] = []
  const joins: JoinRecord[] = []
  const evidence = collectEvidence(lines)
  const width = percentile(
    lines.filter((l) => !l.role && l.text).map((l) => l.text.length),
    0.9,
  )
  type Current = { w: BlockWriter; role: LineRole; page: number; label?: string; lines: number; lastLine: NLine }
  let current: Current | null = null
  let blankSince = false
  const close = () => {
    if (current) {
      const b: Block = { role: current.role, pieces: current.w.parts, text: current.w.text, page: current.page }
      if (current.label) b.label = current.label
      blocks.push(b)
    }
    current = null
  }
  const open = (line: NLine, role: LineRole) => {
    close()
    const w = new BlockWriter()
    w.append(line.pieces)
    current = { w, role, page: line.page, lines: 1, lastLine: line }
    if (line.label) current.label = line.label
  }
  const MERGING: ReadonlySet<LineRole> = new Set(['title', 'dossier-title', 'addressee', 'footnote'])

  for (const line of lines) {
    if (!line.text) {
      blankSince = true
      continue
    }
    const cur = current as Current | null
    const role: LineRole = line.role ?? (BULLET.test(line.text) ? 'list-item' : 'paragraph')
    if (line.role) {
      // Head, signature and footnote lines: merge continuations of one title, addressee or footnote.
      if (cur && cur.role === line.role && MERGING.has(line.role) && !(line.role === 'footnote' && line.label)) {
        joinLine(cur.w, line, lexicon, evidence, joins)
        cur.lines++
        cur.lastLine = line
      } else open(line, line.role)
      blankSince = false
      continue
    }
    // A motie's next clause, or a debate's next turn (`De heer Graus (PVV):`), starts a block of its own.
    const newClause = (MOTIE_CLAUSE.test(line.text) && /[,;.:]$/.test(cur?.lastLine.text ?? '')) || (/:/.test(line.text) && SPEAKER_LABEL.test(line.text))
    if (paragraphLines || !cur || (cur.role !== 'paragraph' && cur.role !== 'list-item') || role === 'list-item' || newClause) {
      open(line, role)
      blankSince = false
      continue
    }
    const prev = cur.lastLine.text
    // A full stop after an abbreviation or initial (`nr.`, `jl.`, `W.B.`) ends no sentence.
    const prevEnded = SENTENCE_END.test(prev) && !ABBREVIATION_END.test(prev)
    const brokenWord = /[\p{L}\d]-$/u.test(prev)
    // The line ended by choice, not for lack of room, when the next line's first word would have fitted.
    const firstWord = line.text.split(' ', 1)[0] as string
    const deliberate = prev.length + 1 + firstWord.length <= width
    let continues: boolean
    // After a blank line a one-line paragraph was a heading (`Update Inzet Nederland …` / `` / `Voor de …`).
    if (blankSince)
      continues = brokenWord || (!prevEnded && prev.length >= width * 0.75 && !(cur.lines === 1 && cur.role === 'paragraph' && /^\p{Lu}/u.test(line.text)))
    else if (brokenWord) continues = true
    else if (prevEnded && (deliberate || prev.length < width * 0.8)) continues = ONLY_PUNCT.test(line.text)
    else if (cur.lines === 1 && !prevEnded && !/,$/.test(prev) && deliberate && /^\p{Lu}/u.test(line.text)) continues = false
    else continues = true
    if (continues) {
      joinLine(cur.w, line, lexicon, evidence, joins)
      cur.lines++
      cur.lastLine = line
    } else open(line, role)
    blankSince = false
  }
  close()

  // A short one-line block with no closing punctuation, before a paragraph, is a heading.
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k] as Block
    const after = blocks[k + 1]
    if (
      b.role === 'paragraph' &&
      b.text.length <= 90 &&
      !SENTENCE_END.test(b.text) &&
      !/,$/.test(b.text) &&
      /^[\p{Lu}\d]/u.test(b.text) &&
      !SPEAKER_LABEL.test(b.text) &&
      after &&
      (after.role === 'paragraph' || after.role === 'list-item')
    ) {
      b.role = 'heading'
    }
  }
  return { blocks, joins }
}
