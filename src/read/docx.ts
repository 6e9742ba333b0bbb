import { inflateRawSync } from 'node:zlib'
import { ReadError } from './errors.js'
import type { RawLine, RawText } from './raw.js'

// A DOCX is a ZIP archive; the text is in `word/document.xml` (WordprocessingML).
// The ZIP directory is read by hand: two record layouts (PKWARE APPNOTE 4.3.12, 4.3.16) and zlib's raw inflate.

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/** True for a ZIP archive (`PK\x03\x04`): a DOCX, XLSX, ODT … */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/** The bytes of one entry of a ZIP archive, or null when it has none by that name. */
export function zipEntry(bytes: Uint8Array, name: string, maxBytes: number): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const corrupt = (why: string) => new ReadError('zip-corrupt', `ZIP archive could not be read: ${why}`)
  // The end-of-directory record is within the last 64 KB (its comment is at most 65,535 bytes).
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (view.getUint32(i, true) === EOCD) {
      eocd = i
      break
    }
  if (eocd < 0) throw corrupt('no end of central directory (cut short?)')
  const entries = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  const wanted = new TextEncoder().encode(name)
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw corrupt('central directory damaged')
    const method = view.getUint16(at + 10, true)
    const compressed = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    const local = view.getUint32(at + 42, true)
    const entryName = bytes.subarray(at + 46, at + 46 + nameLength)
    at += 46 + skip
    if (entryName.length !== wanted.length || !entryName.every((b, i) => b === wanted[i])) continue
    if (size > maxBytes) throw new ReadError('too-large', `${name} unpacks to ${size} bytes, over the limit`)
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw corrupt(`local header of ${name} damaged`)
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const data = bytes.subarray(start, start + compressed)
    if (data.length < compressed) throw corrupt(`${name} cut short`)
    if (method === 0) return data
    if (method !== 8) throw corrupt(`${name} uses compression method ${method}`)
    try {
      return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) }))
    } catch (e) {
      throw corrupt(`${name}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return null
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
/** A character reference as its character; one that names no character (`&#99999999;`, a surrogate) as U+FFFD. */
function charRef(e: string): string {
  const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\uFFFD'
}
const decode = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => (e[0] === '#' ? charRef(e) : (ENTITIES[e] ?? m)))

/**
 * The paragraphs of a WordprocessingML body: each `<w:p>` one line, its text
 * runs (`<w:t>`) joined, a tab as a space, a line break inside a paragraph as
 * a space (a letter's paragraph is one paragraph however Word wrapped it).
 */
export function docxParagraphs(xml: string): string[] {
  // Found with indexOf, and tags matched with `[^<>]*`: a pattern that may run past the next `<` is tried
  // from every `<w:t ` to the end of the file (80,000 unclosed `<w:t ` in 1 KB of DOCX took 18 s).
  const open = xml.search(/<w:body[\s>]/)
  const close = xml.lastIndexOf('</w:body>')
  const body = open >= 0 && close > open ? xml.slice(open, close) : xml
  const out: string[] = []
  for (const p of body.split('</w:p>')) {
    let text = ''
    for (const m of p.matchAll(/<w:t(?:\s[^<>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^<>]*\/>/g)) text += m[1] !== undefined ? decode(m[1]) : ' '
    text = text.replace(/[ \t\u00a0]+/g, ' ').trim()
    if (text) out.push(text)
  }
  return out
}

/** Reads a Word document (DOCX), as the Tweede Kamer API serves some papers: one line per paragraph. */
export function readDocx(bytes: Uint8Array, maxTextBytes: number): RawText {
  const xml = zipEntry(bytes, 'word/document.xml', maxTextBytes)
  if (!xml)
    throw new ReadError('zip-not-docx', 'a ZIP archive without word/document.xml: not a Word document (DOCX); kamerwacht reads no spreadsheets or ODF files')
  const paragraphs = docxParagraphs(new TextDecoder('utf-8').decode(xml))
  if (paragraphs.length === 0) throw new ReadError('docx-empty', 'the Word document holds no text')
  const lines: RawLine[] = []
  let offset = 0
  for (const t of paragraphs) {
    lines.push({ text: t, start: offset, page: 1 })
    offset += t.length + 1
  }
  return { form: 'docx', text: paragraphs.join('\n'), lines, paragraphLines: true, hints: {}, issues: [] }
}
