import type { DocIssue, InputForm, PaperType, Speaker } from '../model/document.js'
import { SENTENCE_END } from '../normalize/patterns.js'

/**
 * What a line of the source is, where the reader knows it (XML elements,
 * HTML tags); PDF text lines have no role and are classified later.
 */
export type LineRole =
  | 'kop'
  | 'dossier-title'
  | 'title'
  | 'dateline'
  | 'addressee'
  | 'salutation'
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'signature-name'
  | 'signature-role'
  | 'footnote'

/** One line of the source text with its layout hints. */
export interface RawLine {
  text: string
  /** Offset of `text[0]` in `RawText.text`. */
  start: number
  /** 1-based page number, where the source has pages. */
  page: number
  role?: LineRole
}

/**
 * Facts a structured source states outright (XML `<meta>`, open-data fields).
 * They win over what the structure stage infers from text.
 */
export interface SourceHints {
  id?: string
  dossier?: string
  ondernummer?: string
  vergaderjaar?: string
  type?: PaperType
  title?: string
  dossierTitle?: string
  date?: string
  sender?: string
  signers?: string[]
  addressee?: string
  kamer?: 'Tweede Kamer' | 'Eerste Kamer'
  openData?: Record<string, unknown>
  /** Further dossiers a paper is printed in, beside `dossier` (`OVERHEIDop.dossiernummer` `31839;36410-XVI`). */
  otherDossiers?: string[]
  /** Speakers a debate record describes (VLOS gives office and fractie), by the label their turns carry. */
  speakers?: Record<string, Speaker>
}

/** The output of `read/`: the source as text lines plus what the reader learnt. */
export interface RawText {
  form: InputForm
  /** The text all line offsets point into. */
  text: string
  lines: RawLine[]
  /**
   * True where each line is already a whole paragraph (web pages, XML,
   * open data): no reflow or dehyphenation across lines is wanted.
   */
  paragraphLines: boolean
  /**
   * The layout the text follows where it is not the input form's own: a PDF
   * typeset as a ministry letterhead (`> Retouradres`, `Datum`, `Betreft`, a
   * sidebar) is laid out as `letterhead-pdf-text`, though its form is `pdf`.
   */
  layout?: InputForm
  hints: SourceHints
  issues: DocIssue[]
}

/** Splits text into lines with offsets, counting form feeds as page breaks. */
export function splitLines(text: string): RawLine[] {
  const lines: RawLine[] = []
  let page = 1
  let start = 0
  const parts = text.split('\n')
  // A final newline ends the last line; it does not start an empty one.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop()
  for (const part of parts) {
    let line = part.endsWith('\r') ? part.slice(0, -1) : part
    let lineStart = start
    // pdftotext ends each page with a form feed, glued to the next page's first line.
    while (line.charCodeAt(0) === 12) {
      page++
      line = line.slice(1)
      lineStart++
    }
    lines.push({ text: line, start: lineStart, page })
    start += part.length + 1
  }
  return lines
}

// The next line carries the sentence on: it starts with a small letter or an opening bracket.
const CARRIED_ON = /^[\p{Ll}(]/u

/**
 * Whether a copy of a paper's web page has its paragraphs wrapped over
 * several lines, as tweedekamer.nl's and some archives' copies are (lines of
 * about 90 to 110 characters: `… zal het kabinet rond de zomer van 2022
 * besluiten over` / `de verdere aanpak.`), rather than one paragraph a line
 * as officielebekendmakingen.nl's are. Told by the long lines that stop
 * mid-sentence with the next line carrying on: in the corpus's 76 page copies
 * a copy of one paragraph a line has at most one such pair, a wrapped copy 10
 * to 14, at least half its long lines.
 */
export function wrappedParagraphs(lines: readonly RawLine[]): boolean {
  const texts = lines.map((l) => l.text.trim()).filter((t) => t.length > 0)
  let long = 0
  let carried = 0
  for (let k = 0; k + 1 < texts.length; k++) {
    const t = texts[k] as string
    if (t.length < 50) continue
    long++
    // It stops mid-sentence (`… van Landbouw, Natuur en`) and the next line carries the sentence on.
    if (!SENTENCE_END.test(t) && CARRIED_ON.test(texts[k + 1] as string)) carried++
  }
  return carried >= 3 && carried >= long * 0.3
}
