import { execFile, spawnSync } from 'node:child_process'
import { ReadError } from './errors.js'
import { checkPdfInflation } from './pdf-streams.js'

/** Which PDF text extractor to use: poppler's `pdftotext -raw`, or pdf.js through unpdf. */
export type PdfEngine = 'poppler' | 'js'

let popplerAvailable: boolean | undefined

/** Whether `pdftotext` is on the PATH (checked once). */
export function hasPoppler(): boolean {
  popplerAvailable ??= spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0
  return popplerAvailable
}

/** The engine to use: `KAMERWACHT_PDF=js|poppler` forces one; else poppler where installed. */
export function defaultPdfEngine(): PdfEngine {
  const forced = process.env.KAMERWACHT_PDF
  if (forced === 'js' || forced === 'poppler') return forced
  return hasPoppler() ? 'poppler' : 'js'
}

// Under the reading pool's 30 s a paper (`ingest/pool.ts`): pdftotext is a process of its own, which the
// pool's terminating a thread would not stop, so its own limit must end it first.
// Its address space is bounded too (`ulimit -v`): what a PDF makes poppler allocate is not the thread's heap, and
// a paper that needs more than 1 GiB fails alone rather than taking the machine's memory.
const LIMITS = { timeoutMs: 25_000, maxOutput: 64 * 1024 * 1024, addressSpaceKb: 1024 * 1024 }

function explain(stderr: string): ReadError {
  if (/password|encrypt/i.test(stderr)) return new ReadError('pdf-encrypted', 'PDF is password-protected; kamerwacht cannot read encrypted papers')
  const first = stderr.split('\n').find((l) => l.trim()) ?? 'unknown error'
  return new ReadError('pdf-corrupt', `PDF could not be read: ${first.replace(/^(Syntax |Command Line )?Error:\s*/, '')}`)
}

/**
 * `pdftotext -raw` keeps the reading order and the line-break hyphens
 * (`Buiten-` / `landse`); its default layout mode drops some (`VNhoofdkantoor`).
 * The PDF goes in on stdin, so no temporary file is written.
 */
function popplerText(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      '/bin/sh',
      ['-c', `ulimit -v ${LIMITS.addressSpaceKb} && exec pdftotext -raw -enc UTF-8 - -`],
      { timeout: LIMITS.timeoutMs, maxBuffer: LIMITS.maxOutput, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) {
          const code = (err as NodeJS.ErrnoException).code
          if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
            reject(new ReadError('pdf-too-large', `PDF text is over ${LIMITS.maxOutput / 1024 / 1024} MB; refused`))
          else if ((err as NodeJS.ErrnoException & { killed?: boolean }).killed)
            reject(new ReadError('pdf-timeout', `PDF took over ${LIMITS.timeoutMs / 1000} s to read; skipped`))
          else if (/bad_alloc|[Oo]ut of memory|cannot allocate/.test(stderr) || (err as { signal?: string }).signal === 'SIGABRT')
            reject(new ReadError('pdf-too-large', `PDF needs more than ${LIMITS.addressSpaceKb / 1024} MB of memory to read; refused`))
          else reject(explain(stderr || err.message))
        } else if (/Incorrect password/i.test(stderr)) reject(explain(stderr))
        else resolve(stdout)
      },
    )
    child.stdin?.on('error', () => {})
    child.stdin?.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  })
}

/** The most pages the pure-JS reader takes (see `jsText`). */
export const JS_MAX_PAGES = 2000

interface TextItem {
  str?: string
  hasEOL?: boolean
  transform?: number[]
}

/**
 * The pure-JS fallback: pdf.js text items joined in stream order, a new line
 * at each end-of-line flag and a form feed between pages, which is the shape
 * `pdftotext -raw` gives, so the same normalizer serves both.
 */
async function jsText(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy } = await import('unpdf')
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false })
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    if (/password/i.test(msg) || (e as { name?: string }).name === 'PasswordException') {
      throw new ReadError('pdf-encrypted', 'PDF is password-protected; kamerwacht cannot read encrypted papers')
    }
    throw new ReadError('pdf-corrupt', `PDF could not be read: ${msg}`)
  }
  // pdf.js finds page N by walking the page tree from its root: a tree of 10,000 pages in one flat list of kids
  // took 28 s (2,500: 2 s). Real papers run to a few hundred pages; poppler reads any number in linear time.
  if (pdf.numPages > JS_MAX_PAGES) {
    await pdf.destroy()
    throw new ReadError('pdf-too-large', `PDF has ${pdf.numPages} pages; the pdf.js reader takes at most ${JS_MAX_PAGES} (poppler-utils reads more); refused`)
  }
  const pages: string[] = []
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p)
    const content = await page.getTextContent()
    let s = ''
    let lastY: number | undefined
    for (const item of content.items as TextItem[]) {
      const y = item.transform?.[5]
      // pdf.js does not flag every line end; a change of baseline is one too.
      if (item.str && y !== undefined && lastY !== undefined && Math.abs(y - lastY) > 2 && s && !s.endsWith('\n')) s += '\n'
      if (typeof item.str === 'string') s += item.str
      if (item.str && y !== undefined) lastY = y
      if (item.hasEOL && s && !s.endsWith('\n')) s += '\n'
    }
    pages.push(s.replace(/[ \t]+\n/g, '\n').replace(/\n?$/, '\n'))
  }
  await pdf.destroy()
  return pages.join('\f')
}

/** Extracts the text of a PDF with the chosen engine, within time and size limits. */
export async function pdfText(bytes: Uint8Array, engine: PdfEngine = defaultPdfEngine()): Promise<string> {
  await checkPdfInflation(bytes)
  const text = engine === 'poppler' ? await popplerText(bytes) : await withTimeout(jsText(bytes), LIMITS.timeoutMs)
  if (text.replace(/\s+/g, '').length === 0) throw new ReadError('pdf-no-text', 'PDF has no text layer (a scan?); kamerwacht does not do OCR')
  return text
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadError('pdf-timeout', `PDF took over ${ms / 1000} s to read; skipped`)), ms)
  })
  return Promise.race([p, limit]).finally(() => clearTimeout(timer))
}
