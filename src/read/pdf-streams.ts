import { createInflate } from 'node:zlib'
import { ReadError } from './errors.js'

/**
 * What a PDF's compressed streams may unpack to before it is handed to an extractor. A PDF of 1 MB
 * whose FlateDecode content stream inflates to 1 GiB took pdftotext 10 s and 2.26 GB resident; pdf.js
 * inflates into buffers the thread's heap limit does not count. The text streams of a real paper
 * unpack to a few MB (a begroting of 300 pages: some 20 MB); images, which neither extractor
 * unpacks for text, are not counted.
 */
export const PDF_INFLATE_LIMIT = 256 * 1024 * 1024

const STREAM = Buffer.from('stream')
const ENDSTREAM = Buffer.from('endstream')
const OBJ = Buffer.from(' obj')

/**
 * Refuses a PDF whose FlateDecode streams (images left out) unpack to more than `limit` bytes, with one
 * line; counts as it inflates, keeping nothing, so the check itself takes a few MB whatever the stream
 * holds. A stream that does not inflate (encrypted, or not deflate after all) counts as what it gave.
 */
export async function checkPdfInflation(bytes: Uint8Array, limit = PDF_INFLATE_LIMIT): Promise<void> {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let total = 0
  for (let at = pdf.indexOf(STREAM); at >= 0; at = pdf.indexOf(STREAM, at + STREAM.length)) {
    // `endstream` contains `stream`: only a keyword after a dictionary's `>>` starts a stream.
    if (pdf[at - 1] === 0x64 /* d of endstream */ || !afterDictionary(pdf, at)) continue
    const start = dataStart(pdf, at + STREAM.length)
    const dict = pdf.toString('latin1', Math.max(0, pdf.lastIndexOf(OBJ, at)), at)
    if (!/\/FlateDecode\b/.test(dict) || /\/Subtype\s*\/Image\b/.test(dict)) continue
    const end = pdf.indexOf(ENDSTREAM, start)
    total += await inflatedBytes(pdf.subarray(start, end < 0 ? pdf.length : end), limit - total)
    if (total > limit) throw new ReadError('pdf-too-large', `PDF streams unpack to over ${limit / 1024 / 1024} MB (a compression bomb?); refused`)
    if (end > 0) at = end
  }
}

/** Whether the `stream` keyword at `at` follows a dictionary's closing `>>` (white space between). */
function afterDictionary(pdf: Buffer, at: number): boolean {
  let k = at - 1
  while (k > 0 && (pdf[k] === 0x20 || pdf[k] === 0x0a || pdf[k] === 0x0d || pdf[k] === 0x09)) k--
  return pdf[k] === 0x3e && pdf[k - 1] === 0x3e
}

/** The first byte of a stream's data: after the end of line that follows `stream`. */
function dataStart(pdf: Buffer, after: number): number {
  if (pdf[after] === 0x0d && pdf[after + 1] === 0x0a) return after + 2
  return pdf[after] === 0x0a || pdf[after] === 0x0d ? after + 1 : after
}

/** How many bytes `data` inflates to, counted up to just past `budget` (then the inflater is stopped). */
function inflatedBytes(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve) => {
    let n = 0
    const inflate = createInflate({ chunkSize: 64 * 1024 })
    const settle = () => resolve(n)
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length
      if (n > budget) {
        inflate.removeAllListeners('end')
        inflate.destroy()
        settle()
      }
    })
    inflate.on('end', settle)
    inflate.on('error', settle)
    inflate.on('close', settle)
    inflate.end(data)
  })
}
