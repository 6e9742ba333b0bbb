import { Worker } from 'node:worker_threads'
import type { ReadOptions } from '../read/index.js'
import type { Dictionary } from '../store/codec.js'
import type { ReadJob, ReadOutcome, ToMain, ToWorker, WorkerSetup } from './protocol.js'

/** Options of a `ReadPool`. */
export interface ReadPoolOptions {
  /** Reading threads, started as work comes (default 1). */
  size?: number
  /** Longest a paper may take to read, in ms (default `READ_TIMEOUT_MS`); then its thread is stopped and the paper fails alone. */
  timeoutMs?: number
  /** Heap of one thread, in MB (default `WORKER_HEAP_MB`): a paper that needs more fails alone. */
  heapMb?: number
  /** Content hashes already read: such papers come back `unchanged` without being read. */
  known?: string[]
  read?: ReadOptions
  nameHints?: boolean
  /** Stop a thread idle this long, in ms, giving back the memory its last paper used (default: keep it). */
  idleMs?: number
  /** Prepare each paper for writing in the thread (`preparePaper`), with the dictionaries given to `useDictionaries`. */
  prepare?: boolean
  /**
   * Papers handed to one thread at a time (default 1). Ingest hands several: the thread reads the next
   * while the writer, busy with a batch, has not yet taken the last one's Document.
   */
  depth?: number
}

/** Default time a paper may take: the slowest real paper (a 25 MB PDF) reads in a few seconds. */
export const READ_TIMEOUT_MS = 30_000
/** Heap of one reading thread, in MB: enough for a paper of several MB, and a ceiling on memory over a long run. */
export const WORKER_HEAP_MB = 256
/**
 * Young generation of one reading thread, in MB. V8's default lets it grow to
 * several times this in the first seconds of an ingest, and how far it grew
 * was what set the peak resident memory (and its spread from run to run:
 * 251–279 MB); at 8 MB the peak is lower and the same for any run length.
 */
const WORKER_YOUNG_MB = 8

// Under vitest this module runs from src/ (TypeScript); the worker runs from the build in dist/, which the
// tests' global setup makes current.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL(import.meta.url.replace(/\/src\/ingest\/pool\.ts$/, '/dist/ingest/worker.js'))
  : new URL('./worker.js', import.meta.url)

type Entry = { job: ReadJob; done: (o: ReadOutcome) => void }

interface Slot {
  worker: Worker
  ready: boolean
  /** Papers handed to this thread, in the order it reads them: the first is being read. */
  jobs: Entry[]
  /** The time limit of the first; it starts when the paper before it came back. */
  timer?: NodeJS.Timeout
  idle?: NodeJS.Timeout
}

/**
 * Reads papers in worker threads, one paper a thread at a time (a few may wait in its queue), each with a
 * time and a memory limit: a paper over either fails alone with one line
 * (its thread is stopped and a new one takes the next paper), and the thread
 * that asked (the server's event loop, ingest's writer) never waits on a
 * parser. `run` never rejects for bad input: a failure is an outcome.
 */
export class ReadPool {
  private readonly slots = new Set<Slot>()
  private readonly queue: Entry[] = []
  private readonly size: number
  private readonly depth: number
  private readonly timeoutMs: number
  private readonly heapMb: number
  private readonly known: string[]
  private closed = false
  private dictionaries: Dictionary[] = []

  constructor(private readonly options: ReadPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 1)
    this.depth = Math.max(1, options.depth ?? 1)
    this.timeoutMs = options.timeoutMs ?? READ_TIMEOUT_MS
    this.heapMb = options.heapMb ?? WORKER_HEAP_MB
    this.known = options.known ?? []
  }

  /** Reads one paper; resolves with the Document, `unchanged`, or the reason it failed. */
  run(job: ReadJob): Promise<ReadOutcome> {
    if (this.closed) return Promise.resolve({ type: 'failed', code: 'stopped', reason: 'stopped before it was read' })
    return new Promise((done) => {
      this.queue.push({ job, done })
      this.dispatch()
    })
  }

  /**
   * The store's committed dictionaries, for the threads to pack with (when preparing): sent to every
   * thread now and to each started later. Values packed with them stay readable by the store.
   */
  useDictionaries(dictionaries: Dictionary[]): void {
    const known = new Set(this.dictionaries.map((d) => d.id))
    const added = dictionaries.filter((d) => !known.has(d.id))
    if (added.length === 0) return
    this.dictionaries = [...this.dictionaries, ...added]
    for (const s of this.slots) s.worker.postMessage({ type: 'dictionaries', dictionaries: added } satisfies ToWorker)
  }

  /** Stops every thread at once; papers being read or waiting resolve as `failed` with code `stopped`. */
  async close(): Promise<void> {
    this.closed = true
    const stopped: ReadOutcome = { type: 'failed', code: 'stopped', reason: 'stopped before it was read' }
    for (const q of this.queue.splice(0)) q.done(stopped)
    const ending: Array<Promise<number>> = []
    for (const s of this.slots) {
      clearTimeout(s.timer)
      for (const e of s.jobs.splice(0)) e.done(stopped)
      clearTimeout(s.idle)
      ending.push(s.worker.terminate())
    }
    this.slots.clear()
    await Promise.all(ending)
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      // The ready thread with the fewest papers in hand, if it has room for one more.
      let free: Slot | undefined
      for (const s of this.slots) if (s.ready && s.jobs.length < this.depth && (!free || s.jobs.length < free.jobs.length)) free = s
      if (free && (free.jobs.length === 0 || this.slots.size >= this.size)) {
        this.start(free, this.queue.shift() as Entry)
        continue
      }
      // A thread still starting takes the next paper when it is ready.
      const starting = [...this.slots].filter((s) => !s.ready).length
      if (this.slots.size < this.size && starting < this.queue.length) this.spawn()
      else if (free) this.start(free, this.queue.shift() as Entry)
      else break
    }
  }

  private start(slot: Slot, entry: Entry): void {
    clearTimeout(slot.idle)
    slot.jobs.push(entry)
    // Bytes are copied, not transferred: a small Buffer shares its memory with others (Node's pool).
    slot.worker.postMessage({ type: 'read', job: entry.job } satisfies ToWorker)
    // A thread holds the process open only while it reads: an idle pool never keeps a command from ending.
    slot.worker.ref()
    if (slot.jobs.length === 1) this.time(slot)
  }

  /** Starts the time limit of the paper the thread reads now. */
  private time(slot: Slot): void {
    slot.timer = setTimeout(() => {
      this.finish(slot, { type: 'failed', code: 'too-slow', reason: `took longer than ${this.timeoutMs / 1000} s to read; stopped` })
      this.replace(slot)
    }, this.timeoutMs)
  }

  /** The paper being read came to `outcome`; the next in the thread's hands is timed from now. */
  private finish(slot: Slot, outcome: ReadOutcome): void {
    const entry = slot.jobs.shift()
    if (!entry) return
    clearTimeout(slot.timer)
    if (slot.jobs.length > 0) this.time(slot)
    else {
      slot.worker.unref()
      if (this.options.idleMs !== undefined && !this.closed)
        slot.idle = setTimeout(() => {
          if (slot.jobs.length === 0) this.replace(slot)
        }, this.options.idleMs).unref()
    }
    entry.done(outcome)
  }

  /** Stops a thread (over its time, out of memory or crashed) and starts work on the next paper. */
  private replace(slot: Slot): void {
    clearTimeout(slot.idle)
    clearTimeout(slot.timer)
    // Papers that waited behind the one that failed go back to the front of the queue, in order.
    this.queue.unshift(...slot.jobs.splice(0))
    this.slots.delete(slot)
    void slot.worker.terminate()
    this.dispatch()
  }

  private spawn(): void {
    const setup: WorkerSetup = {
      known: this.known,
      read: this.options.read ?? {},
      nameHints: this.options.nameHints ?? false,
      ...(this.options.prepare ? { prepare: { dictionaries: this.dictionaries } } : {}),
    }
    // A bounded heap keeps memory flat over a long run; a paper too large for it fails alone.
    const worker = new Worker(WORKER_URL, {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    })
    const slot: Slot = { worker, ready: false, jobs: [] }
    this.slots.add(slot)
    worker.on('message', (m: ToMain) => {
      if (m.type === 'ready') {
        slot.ready = true
        return this.dispatch()
      }
      this.finish(slot, m)
      this.dispatch()
    })
    worker.on('error', (e: Error & { code?: string }) => {
      const reason =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `needs more than ${this.heapMb} MB of memory to read; refused`
          : `reading stopped: ${e.message.split('\n')[0] ?? 'unknown error'}`
      const code = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too-much-memory' : 'internal'
      if (slot.jobs.length > 0) this.finish(slot, { type: 'failed', code, reason })
      else if (!slot.ready) {
        // A thread that cannot even start (a broken build) would fail every paper the same way: say so once per paper waiting.
        for (const q of this.queue.splice(0)) q.done({ type: 'failed', code, reason })
      }
      this.replace(slot)
    })
    worker.on('exit', () => {
      if (this.slots.has(slot)) {
        if (slot.jobs.length > 0) this.finish(slot, { type: 'failed', code: 'internal', reason: 'reading thread ended unexpectedly' })
        this.replace(slot)
      }
    })
  }
}
