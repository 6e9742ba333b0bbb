import { pipeline } from 'node:stream/promises'
import { createDeflate } from 'node:zlib'
import { zip } from './zip.js'

// Inputs built to stall or swell the reader, as they were reported (issue 18): each was quadratic in some
// scan (18–60 s, or 128 MB of output for 64 KB of dates). `scale` 1 gives the reported size; the
// benchmark reads scale 1 and 2 and reports the ratio of the times (linear: about 2; quadratic: about 4).

const enc = (s: string) => new TextEncoder().encode(s)
const n = (count: number, scale: number) => Math.round(count * scale)
// A paper's first line, so that each input is read as a paper and goes through every stage (text with no sign
// of a parliamentary paper is refused before normalizing).
const HEAD = 'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n'

/** One hostile input: what it is (and which scan it stalled), and its bytes at a scale. */
export interface HostileInput {
  name: string
  make: (scale: number) => Uint8Array | Promise<Uint8Array>
}

/** The hostile inputs, at the sizes they were reported at when `scale` is 1. */
export const HOSTILE: HostileInput[] = [
  { name: '100 KB of dots (the sentence splitter)', make: (s) => enc(`${HEAD}Brief\n${'.'.repeat(n(100_000, s))}\nslot.\n`) },
  { name: '300,000 blank lines (the letterhead marks: /m with \\s*)', make: (s) => enc(`${HEAD}Brief\n${'\n'.repeat(n(300_000, s))}tekst\n`) },
  { name: '1 MB of spaces inside a line (collapsing runs of spaces)', make: (s) => enc(`${HEAD}Brief ${' '.repeat(n(1_000_000, s))} tekst\n`) },
  {
    name: '200,000 lines of `woord-` (spelling evidence for line-break hyphens)',
    make: (s) => enc(`${HEAD}Brief\n${'woord-\n'.repeat(n(200_000, s))}slot.\n`),
  },
  {
    name: 'one paragraph of 100,000 line-break hyphens (each dropped from a copy of the paragraph)',
    make: (s) => enc(`${HEAD}Brief\n${'woord-\nbreuk '.repeat(n(100_000, s))}\nslot.\n`),
  },
  {
    name: '20 lines of 100,000 characters of `Kamerstuk 33 783, nr. 5` (contained references)',
    make: (s) => enc(Array.from({ length: 20 }, () => 'Kamerstuk 33 783, nr. 5'.repeat(n(4348, s))).join('\n')),
  },
  { name: '64 KB of dates in one sentence (each date copied its sentence)', make: (s) => enc(`${HEAD}Brief\n${'1 januari 2022 '.repeat(n(4369, s))}\n`) },
  { name: '102 KB of dates in one sentence (a RangeError and a 500 before)', make: (s) => enc(`${HEAD}Brief\n${'1 januari 2022 '.repeat(n(6963, s))}\n`) },
  {
    name: 'a DOCX of 80,000 unclosed `<w:t ` (the body and run patterns)',
    make: (s) =>
      zip({
        'word/document.xml': `<w:document><w:body><w:p><w:r><w:t>Aan de Voorzitter van de Tweede Kamer</w:t></w:r></w:p>${'<w:t '.repeat(n(80_000, s))}</w:body></w:document>`,
      }),
  },
  {
    name: 'a DOCX of 80,000 `<w:body ` without an end',
    make: (s) =>
      zip({ 'word/document.xml': `<w:document>${'<w:body '.repeat(n(80_000, s))}<w:p><w:r><w:t>Aan de Voorzitter van de Tweede Kamer</w:t></w:r></w:p>` }),
  },
  {
    name: '3,000 dates inside 3,000 references (events outside references)',
    make: (s) => enc(`${HEAD}Brief\n${'Kamerstuk 33 783, nr. 5 van 1 januari 2022. '.repeat(n(3000, s))}\n`),
  },
  {
    name: 'XML nested 100,000 deep (a parser limit, once a 500)',
    make: (s) => enc(`<?xml version="1.0"?><officiele-publicatie>${'<al>'.repeat(n(100_000, s))}x${'</al>'.repeat(n(100_000, s))}</officiele-publicatie>`),
  },
  // Issue 26: output out of proportion to input, and PDFs that swell or stall the reader.
  { name: '750 KB of one date, 50,000 times (20 MB of output before)', make: (s) => enc(`${HEAD}Brief\n${'1 januari 2022 '.repeat(n(50_000, s))}\n`) },
  {
    name: '2 MB of one citation, 80,000 times (23.5 MB of output before)',
    make: (s) => enc(`${HEAD}Brief\n${`${'Zie Kamerstuk 33 783, nr. 5. '.repeat(10)}\n`.repeat(n(8_000, s))}\n`),
  },
  { name: 'a PDF whose content stream inflates to 1 GiB (2.26 GB resident before)', make: (s) => deflateBombPdf(n(1024, s)) },
  { name: 'a PDF of 2,500 empty pages in one flat page tree', make: (s) => emptyPagesPdf(n(2500, s)) },
  {
    name: 'HTML nested 100,000 deep (the stack, once a 500)',
    make: (s) => enc(`<html><body><p>Tweede Kamer</p>${'<div>'.repeat(n(100_000, s))}x${'</div>'.repeat(n(100_000, s))}</body></html>`),
  },
]

/**
 * A PDF of one page whose content stream, a line of text and then `inflatedMb` MB of spaces, is stored
 * FlateDecode: about a thousandth of that on disk (1 GiB in some 1 MB). Compressed as a stream of 16 MB
 * slices, so making it never holds the inflated stream.
 */
export async function deflateBombPdf(inflatedMb: number): Promise<Uint8Array> {
  const text = 'BT /F1 12 Tf 72 720 Td (Aan de Voorzitter van de Tweede Kamer der Staten-Generaal) Tj ET\n'
  const slice = Buffer.alloc(16 * 1024 * 1024, 0x20)
  async function* content() {
    yield Buffer.from(text, 'latin1')
    for (let left = inflatedMb * 1024 * 1024; left > 0; left -= slice.length) yield left >= slice.length ? slice : slice.subarray(0, left)
  }
  const parts: Buffer[] = []
  await pipeline(content(), createDeflate({ level: 1 }), async (compressed: AsyncIterable<Buffer>) => {
    for await (const chunk of compressed) parts.push(chunk)
  })
  return pdfOfPages([{ content: Buffer.concat(parts), filter: '/FlateDecode' }])
}

/** A PDF of `count` pages with nothing on them but the first line (reading it must stay linear in pages). */
export function emptyPagesPdf(count: number): Uint8Array {
  return pdfOfPages(Array.from({ length: count }, (_, i) => ({ content: Buffer.from(i === 0 ? 'BT /F1 12 Tf 72 720 Td (Tweede Kamer) Tj ET' : '', 'latin1') })))
}

/** A PDF 1.4 of pages with the given content streams, Helvetica as F1 on each. */
function pdfOfPages(pages: Array<{ content: Buffer; filter?: string }>): Uint8Array {
  const parts: Buffer[] = []
  const offsets: number[] = []
  let size = 0
  const put = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b
    parts.push(buf)
    size += buf.length
  }
  const object = (n: number, body: Buffer | string, stream?: Buffer) => {
    offsets[n] = size
    put(`${n} 0 obj\n`)
    put(body)
    if (stream) {
      put('\nstream\n')
      put(stream)
      put('\nendstream')
    }
    put('\nendobj\n')
  }
  put('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
  const kids = pages.map((_, i) => 4 + 2 * i)
  object(1, '<< /Type /Catalog /Pages 2 0 R >>')
  object(2, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`)
  object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  for (const [i, page] of pages.entries()) {
    const n = 4 + 2 * i
    object(n, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${n + 1} 0 R >>`)
    object(n + 1, `<< /Length ${page.content.length}${page.filter ? ` /Filter ${page.filter}` : ''} >>`, page.content)
  }
  const count = 4 + 2 * pages.length
  const xref = size
  put(`xref\n0 ${count}\n0000000000 65535 f \n`)
  for (let n = 1; n < count; n++) put(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`)
  put(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return new Uint8Array(Buffer.concat(parts))
}
