import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { Document } from '../model/document.js'
import { decodeText } from '../read/detect.js'

/**
 * How the stores pack what they keep: a paper's raw source, its clean text,
 * its Document and its linking profile are most of a store's size.
 *
 * A packed value is one byte naming a dictionary (0: none), then the value
 * deflated with that dictionary as deflate's preset dictionary. A paper of a
 * few kilobytes compresses poorly on its own (its first occurrence of
 * `Tweede Kamer der Staten-Generaal` costs as much as the words), and papers
 * share most of their frame: a dictionary of other papers' content makes that
 * frame cost a few bytes. Measured on 1,000 generated papers with a
 * dictionary of papers sampled from 2,000 others: raw text 0.56 of its size
 * alone, 0.11 with a dictionary; Documents (without their text) 0.39 and
 * 0.16; on the real letters of the corpus 0.55 and 0.32. A dictionary of
 * frequent substrings (zstd's way of training) did worse than sampled papers
 * on both (0.31 and 0.38 for raw text). Node 20 has no zstd; deflate's
 * window is 32 KB, so the dictionary is at most that.
 *
 * Dictionaries are made from the store's own papers (see
 * {@link sampleDictionary}) and kept in the store; a value names the one it
 * was packed with, so a newer dictionary never makes an older value
 * unreadable.
 */

/**
 * What is packed, each kind with a dictionary of its own: raw sources, clean
 * texts and timeline sentences (`text`), Documents (`doc`), linking profiles
 * (`profile`) and commitment records (`record`).
 */
export type PackKind = 'text' | 'doc' | 'profile' | 'record'

/** The kinds, in the order they are trained. */
export const PACK_KINDS: readonly PackKind[] = ['text', 'doc', 'profile', 'record']

/** A dictionary as a store keeps it. */
export interface Dictionary {
  /** 1–255: the first byte of a value packed with it. */
  id: number
  kind: PackKind
  /** How many papers the store held when it was made. */
  papers: number
  bytes: Uint8Array
}

/** Deflate's window: a preset dictionary longer than this is cut to its end. */
export const DICTIONARY_BYTES = 32 * 1024

/**
 * The size of each kind's dictionary. zlib reads a preset dictionary in
 * whole before every value it packs (about 6 µs a KB here): a 32 KB
 * dictionary costs some 180 µs a value, more than packing a paper. Raw
 * sources and texts are worth it (the most bytes); Documents take half;
 * profiles and records, small values of a few hundred bytes, an eighth and
 * a quarter. Measured on generated papers: raw text packs to 0.11 of its
 * size with 32 KB, 0.14 with 16 KB.
 */
export const DICTIONARY_SIZE: Record<PackKind, number> = { text: DICTIONARY_BYTES, doc: 16 * 1024, profile: 4 * 1024, record: 8 * 1024 }

/** The most dictionaries a store can name in the one header byte. */
export const MAX_DICTIONARIES = 255

/**
 * Packs and unpacks values with a store's dictionaries. `lookup` finds a
 * dictionary this packer has not seen (another process may have made it).
 */
export class Packer {
  private readonly byId = new Map<number, Dictionary>()
  private readonly newest = new Map<PackKind, Dictionary>()

  constructor(private readonly lookup: (id: number) => Dictionary | null = () => null) {}

  /** Makes a dictionary known; the newest of its kind packs what is written from now on. */
  add(d: Dictionary): void {
    this.byId.set(d.id, d)
    const current = this.newest.get(d.kind)
    if (!current || current.id < d.id) this.newest.set(d.kind, d)
  }

  /** Whether a dictionary is known by id (0, none, always is). */
  has(id: number): boolean {
    return id === 0 || this.byId.has(id)
  }

  /**
   * Forgets the dictionaries above `id`: a write transaction that made them
   * rolled back, so they are not in the store, and nothing may be packed
   * with them.
   */
  forgetAbove(id: number): void {
    for (const d of [...this.byId.values()]) if (d.id > id) this.byId.delete(d.id)
    this.newest.clear()
    for (const d of this.byId.values()) {
      const current = this.newest.get(d.kind)
      if (!current || current.id < d.id) this.newest.set(d.kind, d)
    }
  }

  /** Every dictionary known, oldest first. */
  list(): Dictionary[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id)
  }

  /** The highest dictionary id known (0 when none). */
  highest(): number {
    let n = 0
    for (const id of this.byId.keys()) n = Math.max(n, id)
    return n
  }

  /** The dictionary new values of a kind are packed with, if any. */
  current(kind: PackKind): Dictionary | undefined {
    return this.newest.get(kind)
  }

  pack(kind: PackKind, value: string | Uint8Array): Buffer {
    const input = typeof value === 'string' ? Buffer.from(value, 'utf8') : value
    const d = this.newest.get(kind)
    const body = d ? deflateRawSync(input, { level: 6, dictionary: d.bytes }) : deflateRawSync(input, { level: 6 })
    const out = Buffer.allocUnsafe(body.length + 1)
    out[0] = d ? d.id : 0
    body.copy(out, 1)
    return out
  }

  unpack(blob: Uint8Array): Buffer {
    const id = blob[0]
    if (id === undefined) throw new Error('a packed value is empty')
    const body = blob.subarray(1)
    if (id === 0) return inflateRawSync(body)
    let d = this.byId.get(id)
    if (!d) {
      const found = this.lookup(id)
      if (!found) throw new Error(`a packed value names dictionary ${id}, which the store does not have`)
      this.add(found)
      d = found
    }
    return inflateRawSync(body, { dictionary: d.bytes })
  }

  unpackText(blob: Uint8Array): string {
    return this.unpack(blob).toString('utf8')
  }
}

/**
 * A dictionary of sampled content: whole values (each cut to `each` bytes)
 * drawn evenly from `samples` until `size` bytes; deflate then finds in it
 * what papers share. zstd calls this a raw-content dictionary.
 */
export function sampleDictionary(samples: Uint8Array[], size = DICTIONARY_BYTES, each = 4096): Uint8Array {
  const usable = samples.filter((s) => s.length > 0)
  if (usable.length === 0) return new Uint8Array(0)
  const average = usable.reduce((n, s) => n + Math.min(s.length, each), 0) / usable.length
  const wanted = Math.max(1, Math.min(usable.length, Math.ceil(size / average)))
  const parts: Uint8Array[] = []
  let bytes = 0
  for (let k = 0; k < wanted && bytes < size; k++) {
    const s = usable[Math.floor((k * usable.length) / wanted)] as Uint8Array
    const part = s.subarray(0, Math.min(each, size - bytes))
    parts.push(part)
    bytes += part.length
  }
  return Buffer.concat(parts)
}

/**
 * Store sizes at which the dictionaries are made again from the papers then
 * stored: a store's first papers may not be like the rest (a store begun with
 * letters that then takes in debates).
 */
export const TRAIN_AT = [256, 4096, 65_536, 1_048_576]

/** The Document as stored: without its clean text (kept apart, for snippets) and, where it can be derived, without its source text. */
export interface StoredDocument {
  /** The Document's JSON, less `text` and perhaps `source.text`. */
  json: string
  text: string
}

/**
 * The Document once: its clean text is kept in a column of its own (search
 * snippets read it), and the source text of a text file is the file's bytes
 * decoded, which are kept too. Only what cannot be derived is in the JSON.
 * The source text is left out only when decoding the raw bytes gives it
 * exactly (a PDF's or a web page's extracted text is kept); a decoder that
 * changed would come with a new READER_VERSION, which reads every paper again.
 */
export function splitDocument(doc: Document, raw: Uint8Array): StoredDocument {
  const derivable = sourceTextOf(raw) === doc.source.text
  // Placeholders keep the keys where they were, so the Document comes back in its own order.
  const stored = { ...doc, text: '', source: derivable ? { ...doc.source, text: null } : doc.source }
  return { json: JSON.stringify(stored), text: doc.text }
}

/** The inverse of {@link splitDocument}; `raw` is asked for only when the source text was left out. */
export function joinDocument(json: string, text: string, raw: () => Uint8Array | null): Document {
  const doc = JSON.parse(json) as Document & { source: { text: string | null } }
  doc.text = text
  if (doc.source.text === null) doc.source.text = sourceTextOf(raw() ?? new Uint8Array(0)) ?? ''
  return doc
}

/** A text file's bytes decoded as the reader decodes them, or null for bytes that are not text. */
function sourceTextOf(raw: Uint8Array): string | null {
  try {
    return decodeText(raw)
  } catch {
    return null
  }
}
