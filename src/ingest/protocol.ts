import type { Document } from '../model/document.js'
import type { ReadOptions } from '../read/index.js'
import type { Dictionary } from '../store/codec.js'
import type { PreparedPaper } from '../store/prepare.js'
import type { SyncItem } from '../store/store.js'

/** What a reading worker is started with. */
export interface WorkerSetup {
  /** Content hashes already read by the current reader: such a file is answered `unchanged`. */
  known: string[]
  /** Limits and PDF engine: what of `PipelineContext` can cross to a thread (the dictionary is loaded there). */
  read: ReadOptions
  nameHints: boolean
  /** Prepare each paper for writing (`preparePaper`) with these dictionaries: ingest's writer then only writes. */
  prepare?: { dictionaries: Dictionary[] }
}

/** One paper to read: a file the worker reads itself, or bytes sent along. */
export type ReadJob = { path: string } | { bytes: Uint8Array; name: string }

/** Messages to a reading worker. */
export type ToWorker = { type: 'read'; job: ReadJob } | { type: 'dictionaries'; dictionaries: Dictionary[] }

/** What reading one paper came to. An open-data list file comes to its records, each Document with its paper. */
export type ReadOutcome =
  | { type: 'doc'; doc: Document; raw: Uint8Array; prepared?: PreparedPaper }
  | { type: 'records'; items: SyncItem[]; bytes: number }
  | { type: 'unchanged'; bytes: number }
  | { type: 'failed'; reason: string; code: string }

/** Messages from a reading worker. */
export type ToMain = { type: 'ready' } | ReadOutcome
