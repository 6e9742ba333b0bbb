import type { InputForm } from '../model/document.js'
import { ReadError } from './errors.js'

/** A decoded input with the form its content shows. */
export interface Detected {
  form: InputForm
  /** Decoded text; empty for PDF and DOCX, which are read from the bytes. */
  text: string
}

const PDF_MAGIC = '%PDF-'

/**
 * Decodes bytes as UTF-8 (dropping a BOM), falling back to Windows-1252 for
 * older exports; refuses binary content, which has NUL bytes or many control
 * characters where text has none.
 */
export function decodeText(bytes: Uint8Array): string {
  const probe = bytes.subarray(0, 65536)
  const binary = () => new ReadError('binary', 'binary file: not text, PDF, XML, HTML or JSON')
  if (probe.indexOf(0) >= 0) throw binary()
  let text: string
  try {
    text = UTF8.decode(bytes)
  } catch {
    text = CP1252.decode(bytes)
  }
  const head = text.slice(0, 65536)
  // Control characters are exactly what this looks for: text has none but tab, newline, form feed.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting binary content
  const control = !ANY_CONTROL.test(head) ? 0 : (head.match(/[\x01-\x08\x0B\x0E-\x1F\x7F]/g)?.length ?? 0)
  if (control > head.length * 0.05) throw binary()
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

// Marks of a rendered web page's text (officielebekendmakingen, tweedekamer.nl,
// rijksbegroting.nl, parlementairemonitor.nl's `1. Kerngegevens` / `Externe link origineel bericht`):
// navigation and metadata labels that no printed paper has.
const WEB_MARKS =
  /^(?:Naar boven|X Noot|Datum publicatieOrganisatie|Ondertekenaars|Eerste ondertekenaar|Direct naar \(in deze pagina\)|(?:[ \t]*•[ \t]*)?Download PDF|\d\.[ \t]+Kerngegevens[ \t]*$|Externe link[ \t]+origineel bericht)/m
// A ministry letterhead: the return address line and the Datum/Betreft block.
// `[ \t]*`, not `\s*`: with /m a `\s*` at a line start runs over every blank line below it, at every line start (quadratic).
const LETTERHEAD_MARKS = /^>?[ \t]*Retouradres\b|^P ?a ?g ?i ?n ?a \d+ van \d+[ \t]*$/m

/** Whether text (of a PDF, or a text file) is laid out as a ministry letterhead: a return address line, a letterhead page number. */
export function looksLetterhead(text: string): boolean {
  return LETTERHEAD_MARKS.test(text)
}

/** True for a PDF: `%PDF-` at the start, after optional white space. */
export function isPdf(bytes: Uint8Array): boolean {
  let i = 0
  while (i < bytes.length && i < 1024 && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 10 || bytes[i] === 13 || bytes[i] === 12)) i++
  for (let k = 0; k < PDF_MAGIC.length; k++) if (bytes[i + k] !== PDF_MAGIC.charCodeAt(k)) return false
  return true
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting binary content
const ANY_CONTROL = /[\x01-\x08\x0B\x0E-\x1F\x7F]/

// Decoders are costly to make; one of each serves every call.
const UTF8 = new TextDecoder('utf-8', { fatal: true })
const CP1252 = new TextDecoder('windows-1252')

// A byte-order mark that went through a wrong decoding and back: `ï»¿` (UTF-8 read as Windows-1252),
// `þÿ`/`ÿþ` (UTF-16's), U+FFFD, or a BOM twice, and the line break some mirrors put after it (`ï»¿` then `\n<?xml`):
// an XML declaration must be the very first thing. Found in front of XML files from mirrors.
const MANGLED_BOM = /^(?:[\uFEFF\uFFFD]|ï»¿|Ã¯Â»Â¿|þÿ|ÿþ|\?\?\??(?=<\?xml))+\s*(?=<)/

/** The text without a mangled byte-order mark before its first tag: else it is not seen as XML, and its tags are read as text. */
function withoutMangledBom(text: string): string {
  const m = MANGLED_BOM.exec(text)
  return m ? text.slice(m[0].length) : text
}

// UTF-8 read as Windows-1252 and written out again as UTF-8 (mojibake): `Wörsdörfer` → `WÃ¶rsdÃ¶rfer`,
// `geïnformeerd` → `geÃ¯nformeerd`, `–` → `â€“`. Mirrors that pass files through a tool that guessed the
// encoding wrong leave them so; a Dutch text with no such pair has none of them.
const MOJIBAKE = /[ÃÂ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u2026\u2030\u2039\u203A\u20AC\u2122]|â€/g
// The Windows-1252 byte of each character its decoder gives for 0x80–0x9F.
const CP1252_BYTE = new Map([...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'].map((c, k) => [c, 0x80 + k]))

/**
 * Undoes mojibake: where the text has many of its marks and no character outside Windows-1252 (or Latin-1), it is
 * encoded back to the bytes it was wrongly decoded from and read as the UTF-8 it was. Text that does
 * not come out as valid UTF-8 is kept as it was.
 */
export function repairMojibake(text: string): string {
  const marks = text.slice(0, 200_000).match(MOJIBAKE)?.length ?? 0
  if (marks < 3) return text
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    // Windows-1252's own characters, or Latin-1's C1 controls where the wrong decoding was Latin-1.
    const b = c <= 0xff ? c : CP1252_BYTE.get(text[i] as string)
    if (b === undefined) return text
    bytes[i] = b
  }
  try {
    return UTF8.decode(bytes)
  } catch {
    return text
  }
}

/** Detects the input form from its content alone. */
export function detectForm(bytes: Uint8Array): Detected {
  if (bytes.length === 0) throw new ReadError('empty', 'empty file')
  if (isPdf(bytes)) return { form: 'pdf', text: '' }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { form: 'docx', text: '' }
  const text = repairMojibake(withoutMangledBom(decodeText(bytes)))
  const start = text.trimStart()
  if (start.length === 0) throw new ReadError('empty', 'file holds only white space')
  if (start.startsWith('<')) {
    const lower = start.slice(0, 4096).toLowerCase()
    if (lower.startsWith('<!doctype html') || lower.startsWith('<html') || /<(body|div)\b/.test(lower)) {
      return { form: 'web-page-html', text }
    }
    return { form: 'official-xml', text }
  }
  if (start.startsWith('{') || start.startsWith('[')) return { form: 'open-data', text }
  if (looksLetterhead(text)) return { form: 'letterhead-pdf-text', text }
  if (WEB_MARKS.test(text)) return { form: 'web-page-text', text }
  // A printed page wraps at ~100 characters; a web page keeps a paragraph on one line.
  let long = 0
  for (const line of text.split('\n')) if (line.length > 150) long++
  if (long > 0) return { form: 'web-page-text', text }
  return { form: 'kamerstuk-pdf-text', text }
}

// Words every parliamentary paper has somewhere near its start: the Kamer or its chair, a minister, the
// government, a motie, a Kamerstuk or Handelingen, a letterhead's return address, the government's answers in a
// legislative dossier (`MEMORIE VAN ANTWOORD`, `NOTA NAAR AANLEIDING VAN HET VERSLAG`, a committee's questions). A table, a README or a
// novel has none of them in its first 20,000 characters.
const PAPER_SIGNS =
  /\b(?:Tweede Kamer|Eerste Kamer|Staten-Generaal|Kamerstuk(?:ken)?|Kamerbrief|Kamerleden|Kamerlid|[Uu]w Kamer|de Kamer|Vergaderjaar|[Mm]inisters?|[Ss]taatssecretaris(?:sen)?|[Vv]oorzitter|[Mm]oties?|Handelingen|Retouradres|[Rr]egering|[Kk]abinet|[Ww]etsvoorstel|[Aa]mendement|Rijksoverheid|[Mm]inisterie|MEMORIE VAN (?:ANTWOORD|TOELICHTING)|[Mm]emorie van (?:antwoord|toelichting)|NOTA NAAR AANLEIDING|[Nn]ota naar aanleiding|[Vv]aste commissie|[Ii]nitiatiefnemers?)\b/

/** Whether text shows any sign of being a parliamentary paper (see `PAPER_SIGNS`). */
export function looksLikePaper(text: string): boolean {
  return PAPER_SIGNS.test(text.slice(0, 20_000))
}

/**
 * The delimiter of a table (CSV, TSV, semicolon-separated) when the text is one: most of its first
 * records split into the same number (at least two) of fields on it. Quoted fields may hold the
 * delimiter and line breaks (RFC 4180). Prose lines do not keep a constant number of commas, let
 * alone tabs.
 */
export function tableDelimiter(text: string): string | null {
  const sample = text.slice(0, 20_000)
  // A table's header line holds its delimiters: a paper's first line (`Tweede Kamer der Staten-Generaal 2`)
  // rules most delimiters out before any character is counted (this runs on every paper read).
  const header = sample.trimStart().split('\n', 1)[0] ?? ''
  for (const d of ['\t', ';', ',']) {
    if (header.split(d).length - 1 < (d === '\t' ? 1 : 2)) continue
    const counts: number[] = []
    let fields = 0
    let quoted = false
    let blank = true
    for (let i = 0; i < sample.length && counts.length < 20; i++) {
      const c = sample[i]
      if (c === '"') quoted = !quoted
      else if (!quoted && c === d) fields++
      else if (!quoted && c === '\n') {
        if (!blank) counts.push(fields)
        fields = 0
        blank = true
        continue
      }
      if (c !== ' ' && c !== '\r') blank = false
    }
    const first = counts[0]
    if (counts.length < 3 || first === undefined || first < (d === '\t' ? 1 : 2)) continue
    if (counts.filter((c) => c === first).length >= Math.ceil(counts.length * 0.9)) return d
  }
  return null
}
