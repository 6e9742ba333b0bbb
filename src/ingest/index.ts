import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Document } from '../model/document.js'
import type { SqliteStore } from '../store/sqlite/index.js'
import { READER_VERSION } from '../store/store.js'
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

/**
 * Reads files on all cores (worker threads) and writes through this thread
 * alone, in batched transactions. A file whose content hash was read by the
 * current reader already is skipped, so a re-run after an interruption
 * continues where it stopped and stores nothing twice.
 */
export async function ingest(store: SqliteStore, files: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now()
  const summary: IngestSummary = { files: files.length, new: 0, updated: 0, unchanged: 0, failed: [], bytes: 0, seconds: 0 }
  if (files.length === 0) return summary
  const known = store.db
    .prepare<[number], { sha256: string }>('SELECT sha256 FROM sources WHERE reader_version >= ?')
    .pluck()
    .all(READER_VERSION) as unknown as string[]
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), files.length))
  const batchSize = options.batchSize ?? 250
  let next = 0
  let done = 0
  let batch: Array<{ doc: Document; raw: Uint8Array }> = []
  let lastFlush = performance.now()
  const flush = () => {
    if (batch.length === 0) return
    for (const r of store.putMany(batch)) summary[r]++
    batch = []
    lastFlush = performance.now()
  }
  const progress = () => options.onProgress?.({ done, total: files.length, bytes: summary.bytes, seconds: (performance.now() - started) / 1000 })

  await new Promise<void>((resolve, reject) => {
    let finished = 0
    const workers: Worker[] = []
    const inFlight = new Map<Worker, number>()
    const feed = (w: Worker) => {
      while ((inFlight.get(w) ?? 0) < IN_FLIGHT && next < files.length && !options.signal?.aborted) {
        w.postMessage({ type: 'read', path: files[next++] as string } satisfies ToWorker)
        inFlight.set(w, (inFlight.get(w) ?? 0) + 1)
      }
      if ((inFlight.get(w) ?? 0) === 0 && (next >= files.length || options.signal?.aborted)) {
        finished++
        void w.terminate()
        if (finished === workers.length) resolve()
      }
    }
    for (let i = 0; i < count; i++) {
      const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: { known } })
      workers.push(w)
      inFlight.set(w, 0)
      w.on('error', (e) => reject(e))
      w.on('message', (m: ToMain) => {
        if (m.type === 'ready') return feed(w)
        inFlight.set(w, (inFlight.get(w) ?? 1) - 1)
        done++
        if (m.type === 'doc') {
          summary.bytes += m.raw.byteLength
          batch.push({ doc: m.doc, raw: m.raw })
          if (batch.length >= batchSize || performance.now() - lastFlush > FLUSH_MS) flush()
        } else if (m.type === 'unchanged') {
          summary.bytes += m.bytes
          summary.unchanged++
        } else summary.failed.push({ path: m.path, reason: m.reason })
        if (done % 50 === 0 || done === files.length) progress()
        feed(w)
      })
    }
  })
  flush()
  summary.seconds = (performance.now() - started) / 1000
  progress()
  return summary
}
