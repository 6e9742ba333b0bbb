import { type CommitmentRecord, commitmentRecords, type LinkProfile, linkProfile } from '../link/fulfilment.js'
import { eventsOf } from '../link/views.js'
import type { Document } from '../model/document.js'
import { stemText } from '../search/stem.js'
import type { Packer, PackKind } from './codec.js'
import { splitDocument } from './codec.js'
import { paperKey, paperRef } from './keys.js'

/**
 * What writing a paper computes from the paper alone: its values packed, the stems its index entry
 * holds, its linking profile and its promises as records. A pure function of the paper, its bytes and
 * the dictionaries: ingest runs it in the reading threads, so the one writing thread only writes
 * (packing and stemming were two fifths of its work), and `put` runs it in place.
 */
export interface PreparedPaper extends PreparedLinks {
  /** The raw bytes, the Document without its text, and the clean text, packed. */
  source: Uint8Array
  doc: Uint8Array
  text: Uint8Array
  /** Stems of the title and text, as the index takes them. */
  stems: string
}

/** What the linking tables take of a paper (see `Links.derive`). */
export interface PreparedLinks {
  profile: LinkProfile
  /** The profile, packed. */
  packedProfile: Uint8Array
  records: CommitmentRecord[]
  /** Each record, packed. */
  packedRecords: Uint8Array[]
  /** The dated events the timeline shows, packed as one value; null when there are none. */
  events: Uint8Array | null
}

/** An event as `events.items` holds it (one packed JSON array a paper). */
export interface StoredEvent {
  start: string
  end: string
  text: string
  sentence: string
}

/**
 * Prepares a paper for writing with `packer`'s dictionaries. Values packed with a dictionary name it,
 * so a store that knows the dictionary reads them whoever packed them: a reading thread is given the
 * store's dictionaries only once they are committed.
 */
export function preparePaper(doc: Document, raw: Uint8Array, packer: Packer): PreparedPaper {
  const stored = splitDocument(doc, raw)
  return {
    source: packer.pack('text', raw),
    doc: packer.pack('doc', stored.json),
    text: packer.pack('text', stored.text),
    stems: stemText(`${doc.title ?? ''} ${doc.text}`),
    ...prepareLinks(doc, paperKey(doc), packer),
  }
}

/** The linking parts of a paper stored under `key`: its profile, its promises as records, its events. */
export function prepareLinks(doc: Document, key: string, packer: Packer): PreparedLinks {
  const paper = { ...paperRef(doc), key }
  const profile = linkProfile(paper, doc)
  const records = commitmentRecords(paper, doc.commitments)
  const events: StoredEvent[] = eventsOf(doc).map((d) => ({ start: d.start, end: d.end, text: d.text, sentence: d.sentence }))
  return {
    profile,
    packedProfile: packer.pack('profile', JSON.stringify(profile)),
    records,
    packedRecords: records.map((c) => packer.pack('record', JSON.stringify(c))),
    events: events.length > 0 ? packer.pack('record', JSON.stringify(events)) : null,
  }
}

/**
 * Whether a prepared paper is packed as the store would pack it now, near enough: with a dictionary
 * wherever the store has one of that kind. A thread reads ahead of the writer, so what it prepared
 * before the store's first dictionaries (at 256 papers) is prepared again by the writer, and the
 * store's size stays what packing at write time gives; a value packed with the dictionary before the
 * newest (made at 4,096 papers and later) packs nearly as well and is kept.
 */
export function packedAsNow(p: PreparedPaper, packer: Packer): boolean {
  const has = (kind: PackKind) => packer.current(kind) !== undefined
  const by: Array<[PackKind, Uint8Array[]]> = [
    ['text', [p.source, p.text]],
    ['doc', [p.doc]],
    ['profile', [p.packedProfile]],
    ['record', [...p.packedRecords, ...(p.events ? [p.events] : [])]],
  ]
  // And every dictionary named is one this store knows (a thread is only given those).
  return by.every(([kind, values]) => values.every((v) => packer.has(v[0] as number) && (v[0] !== 0 || !has(kind))))
}
