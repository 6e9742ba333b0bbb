// Typesets the text of a letter as a PDF, for the evaluation of PDFs read directly (`npm run eval`):
// the corpus has letterhead letters as text (`*.pdftext.txt`) with gold, and one letterhead PDF; this
// makes the others into PDFs in the same layout, so the PDF path is scored on every one of them.
//
// A small PDF 1.4 writer: A4 pages, Helvetica in WinAnsiEncoding (the standard 14 fonts need no
// embedding), one text line per source line, a page per `Pagina N van M` of the source (which
// prints it at the foot of each page), else per 52 lines.

import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { looksLetterhead } from '../read/detect.js'

const A4 = { width: 595, height: 842 }
const LINES_PER_PAGE = 52
const LEADING = 14
const FONT_SIZE = 9.5

// Windows-1252 positions of the characters outside Latin-1 that Dutch letters use.
const WIN_ANSI: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
}

/** A string as a PDF literal in WinAnsiEncoding: `(…)` with `\`, `(` and `)` escaped, other bytes octal. */
function literal(text: string): string {
  let out = '('
  for (const ch of text) {
    const code = WIN_ANSI[ch] ?? ch.codePointAt(0) ?? 63
    const byte = code < 256 ? code : 63
    if (ch === '\\' || ch === '(' || ch === ')') out += `\\${ch}`
    else if (byte >= 32 && byte < 127) out += String.fromCharCode(byte)
    else out += `\\${byte.toString(8).padStart(3, '0')}`
  }
  return `${out})`
}

/** The lines of each page: split after each `Pagina N van M` line, or every `LINES_PER_PAGE` lines. */
function paginate(lines: string[]): string[][] {
  const pages: string[][] = [[]]
  for (const line of lines) {
    const page = pages[pages.length - 1] as string[]
    page.push(line)
    if (/^Pagina \d+ van \d+$/.test(line.trim()) || page.length >= LINES_PER_PAGE) pages.push([])
  }
  if ((pages[pages.length - 1] as string[]).length === 0) pages.pop()
  return pages
}

/** A PDF of `text`, one line of it a line of the page, in reading order. */
export function typesetPdf(text: string): Uint8Array {
  const pages = paginate(text.replace(/\r/g, '').replace(/\f/g, '\n').split('\n'))
  const objects: string[] = []
  const add = (body: string) => objects.push(body) // object number = index + 1
  add('<< /Type /Catalog /Pages 2 0 R >>')
  add('') // the page tree, filled in once the page numbers are known
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  const kids: number[] = []
  for (const page of pages) {
    const ops = ['BT', `/F1 ${FONT_SIZE} Tf`, `${LEADING} TL`, `70 ${A4.height - 60} Td`]
    for (const line of page) ops.push(`${literal(line)} '`)
    ops.push('ET')
    const stream = ops.join('\n')
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`)
    const content = objects.length
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${content} 0 R >>`)
    kids.push(objects.length)
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  for (const [i, body] of objects.entries()) {
    offsets.push(Buffer.byteLength(pdf, 'latin1'))
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  }
  const xref = Buffer.byteLength(pdf, 'latin1')
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(pdf, 'latin1'))
}

/**
 * Makes a gold folder of a corpus's letterhead letters typeset as PDFs: for each gold whose source is a
 * letterhead text, the gold, the text, and `NAME.pdf` (which the scorer scores against the same gold).
 * Returns how many letters it typeset.
 */
export function typesetLetterheadCorpus(corpusDir: string, into: string): number {
  let n = 0
  for (const gold of readdirSync(corpusDir).filter((f) => f.endsWith('.gold.json'))) {
    const source = (JSON.parse(readFileSync(join(corpusDir, gold), 'utf8')) as { source: string }).source
    const text = existsSync(join(corpusDir, source)) ? readFileSync(join(corpusDir, source), 'utf8') : ''
    if (!looksLetterhead(text)) continue
    copyFileSync(join(corpusDir, gold), join(into, gold))
    writeFileSync(join(into, source), text)
    writeFileSync(join(into, `${gold.slice(0, -'.gold.json'.length)}.pdf`), typesetPdf(text))
    n++
  }
  return n
}
