import { availableParallelism } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Worker } from 'node:worker_threads'
import type { Document } from '../model/document.js'
import type { Store } from '../store/store.js'
import type { ToMain, ToWorker } from './protocol.js'

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
  /** Stops handing out files; what was read is still written. */
  signal?: AbortSignal
}

const IN_FLIGHT = 4
const FLUSH_MS = 300
/** Heap of one reading thread, in MB: enough for a paper of several MB, and a ceiling on memory over a long run. */
const WORKER_HEAP_MB = 256
/**
 * Young generation of one reading thread, in MB. V8's default lets it grow to
 * several times this in the first seconds of an ingest, and how far it grew
 * was what set the peak resident memory (and its spread from run to run:
 * 251–279 MB); at 8 MB the peak is lower and the same for any run length.
 */
const WORKER_YOUNG_MB = 8

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
  const summary: IngestSummary = { files: total, new: 0, updated: 0, unchanged: 0, failed: [], bytes: 0, seconds: 0 }
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
  // Batches are written one after another, in order; a failed write stops the ingest.
  // Reading waits while too many batches are queued for a slow store (a PostgreSQL server far away).
  let writing: Promise<void> = Promise.resolve()
  let writeError: unknown = null
  let queued = 0
  let written = 0
  let resume = () => {}
  const flush = () => {
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
  const progress = () => options.onProgress?.({ done, total: Math.max(total, handedOut), bytes: summary.bytes, seconds: (performance.now() - started) / 1000 })

  await new Promise<void>((resolve, reject) => {
    const live = new Set<Worker>()
    const inFlight = new Map<Worker, Set<string>>()
    const finish = (w: Worker) => {
      live.delete(w)
      void w.terminate()
      if (live.size === 0) resolve()
    }
    const feed = (w: Worker) => {
      const mine = inFlight.get(w) as Set<string>
      while (mine.size < IN_FLIGHT && queued < MAX_QUEUED && !writeError && !options.signal?.aborted) {
        const path = take()
        if (path === null) break
        mine.add(path)
        w.postMessage({ type: 'read', path } satisfies ToWorker)
      }
      if (mine.size === 0 && (exhausted || options.signal?.aborted || writeError)) finish(w)
    }
    const ready = new Set<Worker>()
    resume = () => {
      for (const w of live) if (ready.has(w)) feed(w)
    }
    const spawnWorker = () => {
      // A bounded heap keeps memory flat over a long ingest; a file too large for it fails alone.
      const w = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: { known },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      })
      live.add(w)
      inFlight.set(w, new Set())
      w.on('error', (e: Error & { code?: string }) => {
        if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(e)
        // The files this worker was reading fail; a new worker goes on with the rest.
        for (const path of inFlight.get(w) ?? []) {
          summary.failed.push({ path, reason: `needs more than ${WORKER_HEAP_MB} MB of memory to read; read it alone with kamerwacht read` })
          done++
        }
        live.delete(w)
        if (!exhausted && !options.signal?.aborted) spawnWorker()
        else if (live.size === 0) resolve()
      })
      w.on('message', (m: ToMain) => {
        if (m.type === 'ready') {
          ready.add(w)
          return feed(w)
        }
        inFlight.get(w)?.delete(m.path)
        done++
        if (m.type === 'doc') {
          summary.bytes += m.raw.byteLength
          batch.push({ doc: m.doc, raw: m.raw })
          if (batch.length >= batchSize || performance.now() - lastFlush > FLUSH_MS) flush()
        } else if (m.type === 'unchanged') {
          summary.bytes += m.bytes
          summary.unchanged++
        } else summary.failed.push({ path: m.path, reason: m.reason })
        if (done % 50 === 0 || done === total) progress()
        feed(w)
      })
    }
    for (let i = 0; i < count; i++) spawnWorker()
  })
  flush()
  await writing
  if (writeError) throw writeError
  summary.files = handedOut
  summary.seconds = (performance.now() - started) / 1000
  progress()
  return summary
}
