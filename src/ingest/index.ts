import { availableParallelism } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Document } from '../model/document.js'
import type { Store, SyncItem } from '../store/store.js'
import { ReadPool } from './pool.js'

/** How an ingest is going, for a progress bar or log lines. */
export interface IngestProgress {
  done: number
  total: number
  bytes: number
  seconds: number
}

/** What an ingest did. */
export interface IngestSummary {
  files: number
  new: number
  updated: number
  unchanged: number
  /** Open-data records stored from list files (an OData page, a JSON list of records). */
  records: number
  /** Papers removed by deleted records (`Verwijderd`) in those files. */
  removed: number
  failed: Array<{ path: string; reason: string }>
  bytes: number
  seconds: number
}

/** Files to ingest as a lazy sequence with its length known up front (see `cli/files.ts` `listInputs`). */
export interface IngestInputs {
  total: number
  paths: Iterator<string>
}

/** Options of `ingest`. */
export interface IngestOptions {
  /** Reading threads; default: one per core. */
  workers?: number
  /** Papers per write transaction (default 250). */
  batchSize?: number
  onProgress?: (p: IngestProgress) => void
  /** Stops reading at once (papers being read are dropped); what was read is still written. */
  signal?: AbortSignal
  /** Longest one paper may take to read, in ms (default `READ_TIMEOUT_MS`): a paper over it fails alone. */
  readTimeoutMs?: number
}

const FLUSH_MS = 300

/**
 * A full garbage collection of the writing thread every so many batches.
 * V8 lets an idle-looking heap drift up during a long ingest (Documents
 * arrive, are written and dropped, batch after batch): resident memory became
 * a sawtooth whose peak rose with the length of the run (300 MB at 10,000
 * papers, 400–485 MB at 100,000). A collection every 2,000 papers or so keeps
 * it flat (265–310 MB over a 100,000-paper run) at no measurable cost.
 */
const COLLECT_EVERY = 8
let collectGarbage: (() => void) | undefined
function fullCollection(): void {
  if (!collectGarbage) {
    // The documented way to reach V8's gc() without starting Node with --expose-gc.
    setFlagsFromString('--expose-gc')
    collectGarbage = runInNewContext('gc') as () => void
  }
  collectGarbage()
}

/** Batches waiting to be written before reading pauses. */
const MAX_QUEUED = 4

/**
 * Reads files on all cores (worker threads) and writes through this thread
 * alone, in batched transactions. A file whose content hash was read by the
 * current reader already is skipped, so a re-run after an interruption
 * continues where it stopped and stores nothing twice.
 */
export async function ingest(store: Store, files: string[] | IngestInputs, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now()
  const total = Array.isArray(files) ? files.length : files.total
  const summary: IngestSummary = { files: total, new: 0, updated: 0, unchanged: 0, records: 0, removed: 0, failed: [], bytes: 0, seconds: 0 }
  if (total === 0) return summary
  const known = await store.currentShas()
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), total))
  const batchSize = options.batchSize ?? 250
  // Paths are pulled as workers need them: a listing of every file is never held.
  const paths = Array.isArray(files) ? files[Symbol.iterator]() : files.paths
  let exhausted = false
  let handedOut = 0
  const take = (): string | null => {
    if (exhausted) return null
    const r = paths.next()
    if (r.done) {
      exhausted = true
      return null
    }
    handedOut++
    return r.value
  }
  let done = 0
  let batch: Array<{ doc: Document; raw: Uint8Array }> = []
  let lastFlush = performance.now()
  // A batch is written when full, when a paper arrives after FLUSH_MS, or FLUSH_MS after its first paper:
  // papers read just before a long one are not held back while it is read.
  let flushTimer: NodeJS.Timeout | undefined
  // Batches are written one after another, in order; a failed write stops the ingest.
  // Reading waits while too many batches are queued for a slow store (a PostgreSQL server far away).
  let writing: Promise<void> = Promise.resolve()
  let writeError: unknown = null
  let queued = 0
  let written = 0
  let resume = () => {}
  const flush = () => {
    clearTimeout(flushTimer)
    if (batch.length === 0) return
    const items = batch
    batch = []
    lastFlush = performance.now()
    queued++
    writing = writing.then(async () => {
      try {
        if (!writeError) for (const r of await store.putMany(items)) summary[r]++
        if (++written % COLLECT_EVERY === 0) fullCollection()
      } catch (e) {
        writeError = e
      } finally {
        queued--
        resume()
      }
    })
  }
  const writeRecords = (path: string, items: SyncItem[]) => {
    queued++
    writing = writing.then(async () => {
      try {
        if (writeError) return
        const applied = await store.applySync(`file:${path}`, items, { file: path, records: items.length })
        summary.records += applied.records
        summary.removed += applied.removed
        for (const k of ['new', 'updated', 'unchanged'] as const) summary[k] += applied.papers[k]
      } catch (e) {
        writeError = e
      } finally {
        queued--
        resume()
      }
    })
  }
  const progress = () => options.onProgress?.({ done, total: Math.max(total, handedOut), bytes: summary.bytes, seconds: (performance.now() - started) / 1000 })

  const pool = new ReadPool({
    size: count,
    known,
    nameHints: true,
    ...(options.readTimeoutMs ? { timeoutMs: options.readTimeoutMs } : {}),
  })
  const stop = () => void pool.close()
  options.signal?.addEventListener('abort', stop, { once: true })
  try {
    await new Promise<void>((resolve) => {
      // Papers handed to the pool at a time: two per thread, so no thread waits between papers.
      let reading = 0
      const pump = () => {
        while (reading < count * 2 && queued < MAX_QUEUED && !writeError && !options.signal?.aborted) {
          const path = take()
          if (path === null) break
          reading++
          void pool.run({ path }).then((outcome) => {
            reading--
            if (outcome.type === 'failed' && outcome.code === 'stopped') {
              // Stopped by the signal: neither read nor failed; a re-run reads it.
            } else {
              done++
              if (outcome.type === 'doc') {
                summary.bytes += outcome.raw.byteLength
                batch.push({ doc: outcome.doc, raw: outcome.raw })
                if (batch.length >= batchSize || performance.now() - lastFlush > FLUSH_MS) flush()
                else if (batch.length === 1) flushTimer = setTimeout(flush, FLUSH_MS)
              } else if (outcome.type === 'records') {
                // Written in order with the papers: the batch before it first, then the list in one transaction.
                summary.bytes += outcome.bytes
                flush()
                writeRecords(path, outcome.items)
              } else if (outcome.type === 'unchanged') {
                summary.bytes += outcome.bytes
                summary.unchanged++
              } else summary.failed.push({ path, reason: outcome.reason })
              if (done % 50 === 0 || done === total) progress()
            }
            pump()
          })
        }
        // Done when nothing is being read and nothing more will be: all handed out, stopped, or a write failed.
        // (Reading paused for a slow store is resumed by the write that ends.)
        if (reading === 0 && (exhausted || options.signal?.aborted || writeError)) resolve()
      }
      resume = pump
      pump()
    })
  } finally {
    options.signal?.removeEventListener('abort', stop)
    await pool.close()
  }
  flush()
  await writing
  if (writeError) throw writeError
  summary.files = handedOut
  summary.seconds = (performance.now() - started) / 1000
  progress()
  return summary
}
