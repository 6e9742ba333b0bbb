import { detectForm, isPdf, looksLetterhead } from './detect.js'
import { isZip, readDocx } from './docx.js'
import { ReadError } from './errors.js'
import { readHtml } from './html.js'
import { readOpenData } from './opendata.js'
import { type PdfEngine, pdfText } from './pdf.js'
import { type RawText, splitLines, wrappedParagraphs } from './raw.js'
import { readXml } from './xml.js'

export { ReadError } from './errors.js'
export type { RawLine, RawText, SourceHints } from './raw.js'

/** Limits that keep one bad input from taking the batch's memory or time. */
export interface ReadLimits {
  /** Largest text, XML, HTML or JSON input, in bytes (default 25 MB). */
  maxTextBytes: number
  /** Largest PDF, in bytes (default 100 MB). */
  maxPdfBytes: number
}

/** Default limits: far above any real paper (a large begroting is a few MB of text). */
export const DEFAULT_LIMITS: ReadLimits = { maxTextBytes: 25 * 1024 * 1024, maxPdfBytes: 100 * 1024 * 1024 }

/** Options for reading one source. */
export interface ReadOptions {
  limits?: ReadLimits
  pdfEngine?: PdfEngine
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`

/**
 * Turns the bytes of one input into `RawText`, detecting its form from the
 * content. Throws `ReadError` (one line, for the user) for input that cannot
 * be read at all.
 */
export async function readSource(bytes: Uint8Array, options: ReadOptions = {}): Promise<RawText> {
  const limits = options.limits ?? DEFAULT_LIMITS
  // Sizes are checked before anything is decoded or parsed.
  if (isPdf(bytes)) {
    if (bytes.length > limits.maxPdfBytes) throw new ReadError('too-large', `PDF is ${mb(bytes.length)}, over the ${mb(limits.maxPdfBytes)} limit`)
    const text = await pdfText(bytes, options.pdfEngine)
    return {
      form: 'pdf',
      ...(looksLetterhead(text) ? { layout: 'letterhead-pdf-text' as const } : {}),
      text,
      lines: splitLines(text),
      paragraphLines: false,
      hints: {},
      issues: [],
    }
  }
  if (isZip(bytes)) {
    if (bytes.length > limits.maxPdfBytes) throw new ReadError('too-large', `archive is ${mb(bytes.length)}, over the ${mb(limits.maxPdfBytes)} limit`)
    return readDocx(bytes, limits.maxTextBytes)
  }
  if (bytes.length > limits.maxTextBytes) {
    throw new ReadError('too-large', `input is ${mb(bytes.length)}, over the ${mb(limits.maxTextBytes)} limit for text, XML, HTML and JSON`)
  }
  const { form, text } = detectForm(bytes)
  switch (form) {
    case 'official-xml':
      return readXml(text)
    case 'web-page-html':
      return readHtml(text)
    case 'open-data':
      return readOpenData(text)
    default: {
      const lines = splitLines(text)
      return { form, text, lines, paragraphLines: form === 'web-page-text' && !wrappedParagraphs(lines), hints: {}, issues: [] }
    }
  }
}
