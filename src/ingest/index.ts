import { availableParallelism } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Document } from '../model/document.js'
import { oneLine } from '../read/errors.js'
import { isStoreFault } from '../store/faults.js'
import type { PreparedPaper } from '../store/prepare.js'
import type { PutResult, Store } from '../store/store.js'
import { ReadPool } from './pool.js'
import type { ReadOutcome } from './protocol.js'

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

/**
 * Papers in one reading thread's hands at a time. While the writer is busy with a batch, the thread reads
 * on from its queue instead of waiting for the writer's event loop to hand it the next paper: at one, the
 * threads stood idle three quarters of an ingest.
 */
const READ_DEPTH = 8

/** Batches waiting to be written before reading pauses. */
const MAX_QUEUED = 4

/**
 * Reads files on all cores (worker threads) and writes through this thread
 * alone, in batched transactions. A file whose content hash was read by the
 * current reader already is skipped, so a re-run after an interruption
 * continues where it stopped and stores nothing twice.
 */
export async function ingest(store: Store, files: string[] | IngestInputs, options: IngestOptions = {}): Promise<IngestSummary> {
  const total = Array.isArray(files) ? files.length : files.total
  if (total === 0) return { files: 0, new: 0, updated: 0, unchanged: 0, records: 0, removed: 0, failed: [], bytes: 0, seconds: 0 }
  const known = await store.currentShas()
  // Paths are pulled as workers need them: a listing of every file is never held.
  const paths = Array.isArray(files) ? files[Symbol.iterator]() : files.paths
  return new IngestRun(store, paths, total, options).run(known)
}

/** One ingest: the paths to read, the batch being filled, the writes queued behind one another, the summary. */
class IngestRun {
  private readonly started = performance.now()
  private readonly summary: IngestSummary
  private readonly batchSize: number
  private exhausted = false
  private handedOut = 0
  private done = 0
  private batch: Array<{ path: string; doc: Document; raw: Uint8Array; prepared?: PreparedPaper | undefined }> = []
  private lastFlush = performance.now()
  // A batch is written when full, when a paper arrives after FLUSH_MS, or FLUSH_MS after its first paper:
  // papers read just before a long one are not held back while it is read.
  private flushTimer: NodeJS.Timeout | undefined
  // Batches are written one after another, in order; a failure of the store stops the ingest (one of a paper does not: writeBatch).
  // Reading waits while too many batches are queued for a slow store (a PostgreSQL server far away).
  private writing: Promise<void> = Promise.resolve()
  private writeError: unknown = null
  private queued = 0
  private written = 0
  private resume = () => {}
  private pool: ReadPool | undefined

  constructor(
    private readonly store: Store,
    private readonly paths: Iterator<string>,
    private readonly total: number,
    private readonly options: IngestOptions,
  ) {
    this.summary = { files: total, new: 0, updated: 0, unchanged: 0, records: 0, removed: 0, failed: [], bytes: 0, seconds: 0 }
    this.batchSize = options.batchSize ?? 250
  }

  async run(known: string[]): Promise<IngestSummary> {
    const { options, summary } = this
    const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), this.total))
    const pool = new ReadPool({
      size: count,
      depth: READ_DEPTH,
      prepare: true,
      known,
      nameHints: true,
      ...(options.readTimeoutMs ? { timeoutMs: options.readTimeoutMs } : {}),
    })
    this.pool = pool
    pool.useDictionaries(this.store.dictionaries())
    const stop = () => void pool.close()
    options.signal?.addEventListener('abort', stop, { once: true })
    try {
      await this.readAll(pool, count)
    } finally {
      options.signal?.removeEventListener('abort', stop)
      await pool.close()
    }
    this.flush()
    await this.writing
    if (this.writeError) throw this.writeError
    summary.files = this.handedOut
    summary.seconds = (performance.now() - this.started) / 1000
    this.progress()
    return summary
  }

  /** Hands paths to the pool, a few per thread so no thread waits between papers, until all are read or it stops. */
  private readAll(pool: ReadPool, count: number): Promise<void> {
    const signal = this.options.signal
    return new Promise<void>((resolve) => {
      let reading = 0
      const pump = () => {
        while (reading < count * (READ_DEPTH + 1) && this.queued < MAX_QUEUED && !this.writeError && !signal?.aborted) {
          const path = this.take()
          if (path === null) break
          reading++
          void pool.run({ path }).then((outcome) => {
            reading--
            this.settle(path, outcome)
            pump()
          })
        }
        // Done when nothing is being read and nothing more will be: all handed out, stopped, or a write failed.
        // (Reading paused for a slow store is resumed by the write that ends.)
        if (reading === 0 && (this.exhausted || signal?.aborted || this.writeError)) resolve()
      }
      this.resume = pump
      pump()
    })
  }

  private take(): string | null {
    if (this.exhausted) return null
    const r = this.paths.next()
    if (r.done) {
      this.exhausted = true
      return null
    }
    this.handedOut++
    return r.value
  }

  /** What one read gave: a paper to the batch, a list of records written in order, a skip, or a failure. */
  private settle(path: string, outcome: ReadOutcome): void {
    // Stopped by the signal: neither read nor failed; a re-run reads it.
    if (outcome.type === 'failed' && outcome.code === 'stopped') return
    const summary = this.summary
    this.done++
    if (outcome.type === 'doc') {
      summary.bytes += outcome.raw.byteLength
      this.batch.push({ path, doc: outcome.doc, raw: outcome.raw, prepared: outcome.prepared })
      if (this.batch.length >= this.batchSize || performance.now() - this.lastFlush > FLUSH_MS) this.flush()
      else if (this.batch.length === 1) this.flushTimer = setTimeout(() => this.flush(), FLUSH_MS)
    } else if (outcome.type === 'records') {
      // Written in order with the papers: the batch before it first, then the list in one transaction.
      summary.bytes += outcome.bytes
      this.flush()
      this.write(async () => {
        const applied = await this.store.applySync(`file:${path}`, outcome.items, { file: path, records: outcome.items.length })
        summary.records += applied.records
        summary.removed += applied.removed
        for (const k of ['new', 'updated', 'unchanged'] as const) summary[k] += applied.papers[k]
      })
    } else if (outcome.type === 'unchanged') {
      summary.bytes += outcome.bytes
      summary.unchanged++
    } else summary.failed.push({ path, reason: outcome.reason })
    if (this.done % 50 === 0 || this.done === this.total) this.progress()
  }

  private flush(): void {
    clearTimeout(this.flushTimer)
    if (this.batch.length === 0) return
    const items = this.batch
    this.batch = []
    this.lastFlush = performance.now()
    this.write(async () => {
      for (const r of await this.writeBatch(items)) if (r) this.summary[r]++
      // Dictionaries made by this write are committed now: the threads pack with them from here on.
      this.pool?.useDictionaries(this.store.dictionaries())
      if (++this.written % COLLECT_EVERY === 0) fullCollection()
    })
  }

  /**
   * Writes a batch in one transaction. When it fails for a paper's sake (a value the engine refuses),
   * each paper is written alone: the one that fails is named in the summary and the rest are stored.
   * A failure of the store itself (a full disk, a lost connection) stops the ingest, as before.
   */
  private async writeBatch(items: IngestRun['batch']): Promise<Array<PutResult | null>> {
    try {
      return await this.store.putMany(items)
    } catch (e) {
      if (isStoreFault(e)) throw e
      if (items.length === 1) return [this.notStored(items[0] as IngestRun['batch'][number], e)]
      const out: Array<PutResult | null> = []
      for (const item of items) {
        try {
          out.push(...(await this.store.putMany([item])))
        } catch (alone) {
          if (isStoreFault(alone)) throw alone
          out.push(this.notStored(item, alone))
        }
      }
      return out
    }
  }

  /** A paper the store refused, named in the summary with the engine's first line. */
  private notStored(item: IngestRun['batch'][number], error: unknown): null {
    this.summary.failed.push({ path: item.path, reason: oneLine(`not stored: ${error instanceof Error ? error.message : String(error)}`) })
    return null
  }

  /** Queues a write behind the others; after a failed one, nothing more is written. */
  private write(work: () => Promise<void>): void {
    this.queued++
    this.writing = this.writing.then(async () => {
      try {
        if (!this.writeError) await work()
      } catch (e) {
        this.writeError = e
      } finally {
        this.queued--
        this.resume()
      }
    })
  }

  private progress(): void {
    const { done, summary, total, handedOut } = this
    this.options.onProgress?.({ done, total: Math.max(total, handedOut), bytes: summary.bytes, seconds: (performance.now() - this.started) / 1000 })
  }
}
