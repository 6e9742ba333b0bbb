import type { Document } from '../model/document.js'

/** Messages from the ingest main thread to a reading worker. */
export type ToWorker = { type: 'read'; path: string } | { type: 'known'; shas: string[] }

/** Messages from a reading worker back to the main thread. */
export type ToMain =
  | { type: 'ready' }
  | { type: 'doc'; path: string; doc: Document; raw: Uint8Array }
  | { type: 'unchanged'; path: string; bytes: number }
  | { type: 'failed'; path: string; reason: string }
