import { mkdir, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { ReadPool } from '../ingest/pool.js'
import type { ReadOutcome } from '../ingest/protocol.js'
import type { Document } from '../model/document.js'
import type { ReadLimits } from '../read/index.js'
import { ReadError } from '../read/index.js'
import type { PdfEngine } from '../read/pdf.js'
import { explain } from './explain.js'
import { expandPaths } from './files.js'

/** Options of `kamerwacht read`, validated by the CLI. */
export interface ReadCommandOptions {
  out?: string | undefined
  json?: boolean | undefined
  quiet?: boolean | undefined
  explain?: boolean | undefined
  pdfEngine?: PdfEngine | undefined
  limits: ReadLimits
}

/** Output streams, injectable so tests can capture them. */
export interface Io {
  stdout: (s: string) => void
  stderr: (s: string) => void
  isTTY: boolean
}

/** One line a person reads: `33783-50.txt  brief  2022-05-27  Minister van Buitenlandse Zaken  kst-…`. */
export function summaryLine(file: string, doc: Document): string {
  return [
    basename(file),
    doc.type ?? '?',
    doc.date ?? '?',
    doc.id ?? (doc.ondernummer ? `nr. ${doc.ondernummer}` : '-'),
    doc.sender ?? (doc.signers.join(', ') || '-'),
    `${doc.text.length} chars`,
  ].join('  ')
}

/** The reason a file failed, as one line. */
export function failureReason(err: unknown): string {
  if (err instanceof ReadError) return err.message
  if (err && typeof err === 'object' && 'code' in err && (err as NodeJS.ErrnoException).code === 'EISDIR') return 'is a folder'
  if (err instanceof Error) return `${err.name === 'Error' ? '' : `${err.name}: `}${err.message.split('\n')[0]}`
  return String(err)
}

/**
 * `kamerwacht read FILE...`: reads each file into a Document. One file and no
 * `--out` prints its JSON; with `--out DIR` each goes to `DIR/<file name>.json`.
 * A failed file gets one line on stderr and the batch goes on. Returns the
 * exit status: 0 when all were read, 1 when some failed.
 */
export async function readCommand(paths: string[], opts: ReadCommandOptions, io: Io): Promise<number> {
  const { files, missing } = await expandPaths(paths)
  let failed = 0
  for (const m of missing) {
    io.stderr(`${m}: no such file or folder\n`)
    failed++
  }
  if (files.length === 0) return failed ? 1 : 0
  // Each file is read in a thread of its own with ingest's time and memory limits: a file that needs more
  // (24 MB of one date repeated) fails alone with one line, as it would in an ingest, and never takes the shell's memory.
  const pool = new ReadPool({ read: { limits: opts.limits, ...(opts.pdfEngine ? { pdfEngine: opts.pdfEngine } : {}) } })
  try {
    return await readEach(files, missing.length, failed, pool, opts, io)
  } finally {
    await pool.close()
  }
}

/** The files of a `read`, one after another; returns the exit status. */
async function readEach(files: string[], missing: number, failed: number, pool: ReadPool, opts: ReadCommandOptions, io: Io): Promise<number> {
  if (opts.out) await mkdir(opts.out, { recursive: true })
  const single = files.length === 1 && missing === 0 && !opts.out
  const written = new Map<string, string>()
  const progress = io.isTTY && files.length >= 20 && !opts.quiet
  let done = 0
  for (const file of files) {
    try {
      const doc = documentOf(await pool.run({ path: file }))
      if (opts.explain) io.stdout(`${explain(doc)}\n`)
      else if (opts.out) {
        const target = join(opts.out, `${basename(file)}.json`)
        const earlier = written.get(target)
        if (earlier) throw new Error(`would overwrite ${target}, written for ${earlier}; use separate --out folders`)
        written.set(target, file)
        await writeFile(target, `${JSON.stringify(doc, null, 2)}\n`)
        if (!opts.quiet && !progress) io.stdout(opts.json ? `${JSON.stringify({ file, out: target, id: doc.id })}\n` : `${summaryLine(file, doc)}\n`)
      } else if (single) io.stdout(`${JSON.stringify(doc, null, 2)}\n`)
      // Several files: a Document per line with --json (the output), else a summary line each, which --quiet leaves out.
      else if (opts.json) io.stdout(`${JSON.stringify(doc)}\n`)
      else if (!opts.quiet) io.stdout(`${summaryLine(file, doc)}\n`)
    } catch (err) {
      failed++
      io.stderr(`${progress ? '\r\x1b[K' : ''}${file}: ${failureReason(err)}\n`)
    }
    done++
    if (progress) io.stderr(`\r\x1b[Kread ${done}/${files.length}${failed ? `, ${failed} failed` : ''}`)
  }
  if (progress) io.stderr('\n')
  if (opts.out && !opts.quiet) io.stderr(`${files.length - (failed - missing)} of ${files.length} read into ${opts.out}${failed ? `; ${failed} failed` : ''}\n`)
  return failed ? 1 : 0
}

/** The Document a reading thread came back with; what it could not read, as the one line it gave. */
function documentOf(outcome: ReadOutcome): Document {
  if (outcome.type === 'doc') return outcome.doc
  if (outcome.type === 'records')
    throw new ReadError(
      'open-data-page',
      `open-data file holds ${outcome.items.length} records; read takes one paper per file, ingest takes them all (kamerwacht ingest FILE: one paper per Document record)`,
    )
  if (outcome.type === 'failed') throw new ReadError(outcome.code, outcome.reason)
  throw new ReadError('internal', 'not read')
}

/** `1 paper`, `2 papers`: a count with its English noun, singular for one. */
export const count = (n: number, noun: string): string => `${n} ${n === 1 ? noun : `${noun}s`}`
