import type { Packer, PackKind } from './codec.js'
import type { Sql } from './sql.js'

/**
 * Packs and unpacks stored values (see `codec.ts`) with the store's
 * dictionaries, reading the dictionaries again when a value names one this
 * process has not seen (another process made it since).
 */
export class Values {
  constructor(
    readonly packer: Packer,
    private readonly db: Sql,
  ) {}

  /** Reads the store's dictionaries into the packer (another process may have made some since). */
  async load(db: Sql = this.db): Promise<void> {
    for (const d of await db.all<{ id: number; kind: PackKind; papers: number; bytes: Buffer }>('SELECT id, kind, papers, bytes FROM dictionaries ORDER BY id'))
      if (!this.packer.has(Number(d.id))) this.packer.add({ id: Number(d.id), kind: d.kind, papers: Number(d.papers), bytes: d.bytes })
  }

  /** Makes sure the packer knows the dictionary of every value given; `db` is the transaction the values were read in, if any. */
  async known(blobs: Array<Uint8Array | null | undefined>, db: Sql = this.db): Promise<void> {
    if (blobs.some((b) => b && b.length > 0 && !this.packer.has(b[0] as number))) await this.load(db)
  }

  pack(kind: PackKind, value: string | Uint8Array): Buffer {
    return this.packer.pack(kind, value)
  }

  async bytes(blob: Uint8Array, db?: Sql): Promise<Buffer> {
    await this.known([blob], db)
    return this.packer.unpack(blob)
  }

  async text(blob: Uint8Array, db?: Sql): Promise<string> {
    await this.known([blob], db)
    return this.packer.unpackText(blob)
  }

  async json<T>(blob: Uint8Array, db?: Sql): Promise<T> {
    return JSON.parse(await this.text(blob, db)) as T
  }

  /**
   * A JSON value read again and again under one name (a promise's record, a paper's linking profile): each
   * paper written weighs the promises of up to 200 earlier papers of its dossier, and those of the papers
   * before it mostly. The value is unpacked once and kept while the stored bytes stay the same; callers
   * must not change it.
   */
  async cachedJson<T>(name: string, blob: Uint8Array, db?: Sql): Promise<T> {
    const seen = this.decoded.get(name)
    if (seen && Buffer.compare(seen.blob, blob) === 0) return seen.value as T
    const value = await this.json<T>(blob, db)
    this.remember(name, blob, value)
    return value
  }

  /** Keeps a value just written under its name, as `cachedJson` would after reading it back: a paper's promises and profile are read again by the papers written after it. */
  remember(name: string, blob: Uint8Array, value: unknown): void {
    if (this.decoded.size >= DECODED_KEPT) this.decoded.clear()
    this.decoded.set(name, { blob, value })
  }

  private readonly decoded = new Map<string, { blob: Uint8Array; value: unknown }>()
}

/** How many values `cachedJson` keeps (a few kilobytes each at most). */
const DECODED_KEPT = 20_000
