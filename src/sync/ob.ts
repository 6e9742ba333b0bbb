import { XMLParser } from 'fast-xml-parser'
import type { PipelineContext } from '../pipeline.js'
import { readDocument } from '../pipeline.js'
import { ReadError } from '../read/index.js'
import type { Store, SyncItem } from '../store/store.js'
import type { PoliteHttp } from './http.js'
import { type SyncProgress, SyncStopped } from './tk.js'

/** The public SRU endpoint of officielebekendmakingen; `--sru-url` points elsewhere. */
export const SRU_URL = 'https://repository.overheid.nl/sru'

/** One search record: a paper's id, when it last changed, and where its XML is. */
export interface SruRecord {
  id: string
  modified: string
  xmlUrl: string | null
  dossier: string | null
  ondernummer: string | null
}

// SRU answers are plain (not mixed-content) XML: namespaces dropped, the few leaves read by name.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, isArray: () => false })

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null
  if (v && typeof v === 'object' && '#text' in v) return String((v as { '#text': unknown })['#text']).trim() || null
  return null
}

/** Finds the first value under `key` anywhere below `node` (SRU record layouts nest metadata differently per collection). */
function find(node: unknown, key: string): unknown {
  if (!node || typeof node !== 'object') return undefined
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = find(n, key)
      if (f !== undefined) return f
    }
    return undefined
  }
  const o = node as Record<string, unknown>
  if (key in o) return o[key]
  for (const v of Object.values(o)) {
    const f = find(v, key)
    if (f !== undefined) return f
  }
  return undefined
}

/**
 * Parses one SRU 2.0 answer of repository.overheid.nl: its records
 * (`dcterms:identifier`, `dcterms:modified`, the `itemUrl` of the `xml`
 * manifestation, dossier- and ondernummer) and the next start position.
 * Throws on an answer that is not an SRU response (a malformed page is asked for again).
 */
export function parseSru(xml: string): { total: number; records: SruRecord[]; next: number | null } {
  const doc = parser.parse(xml, true) as Record<string, unknown>
  const response = doc.searchRetrieveResponse as Record<string, unknown> | undefined
  if (!response) throw new Error('not an SRU searchRetrieveResponse')
  const records = asArray((response.records as { record?: unknown } | undefined)?.record).map((r): SruRecord => {
    const id = text(find(r, 'identifier'))
    if (!id) throw new Error('SRU record without dcterms:identifier')
    const urls = asArray(find(r, 'itemUrl') as unknown)
    const xmlUrl =
      urls.map((u) => (u && typeof u === 'object' && (u as Record<string, unknown>)['@manifestation'] === 'xml' ? text(u) : null)).find(Boolean) ?? null
    return {
      id,
      modified: text(find(r, 'modified')) ?? text(find(r, 'available')) ?? '',
      xmlUrl,
      dossier: text(find(r, 'dossiernummer')),
      ondernummer: text(find(r, 'ondernummer')),
    }
  })
  const next = text(response.nextRecordPosition)
  return { total: Number(text(response.numberOfRecords) ?? records.length), records, next: next ? Number(next) : null }
}

/** Options of {@link syncOb}. */
export interface ObSyncOptions {
  http: PoliteHttp
  ctx: PipelineContext
  sruUrl: string
  /** Where `kst-….xml` is when a record names no XML item (default officielebekendmakingen). */
  obUrl: string
  dossier: string
  pageSize?: number
  onProgress?: (p: SyncProgress) => void
  /** Stops before the next request; the page under way is fetched again by the next run. */
  signal?: AbortSignal
}

/** Where a dossier's sync stands: the next start position of the run under way (null: a new run). */
interface ObState {
  next: number | null
}

/**
 * `kamerwacht sync ob --dossier 33783`: searches officielebekendmakingen for
 * the dossier's papers and fetches the XML of each one that is new or
 * changed since the last sync (by `dcterms:modified`). Search records are
 * kept as `ob` records; a page of results is written with the position after it.
 */
export async function syncOb(store: Store, o: ObSyncOptions): Promise<SyncProgress> {
  const source = `ob:${o.dossier}`
  const saved = (await store.syncState(source)) as ObState | null
  const known = new Map((await store.openData('ob')).map((r) => [r.id, r.modified]))
  const report: SyncProgress = { entity: `ob ${o.dossier}`, seen: 0, total: null, papers: { new: 0, updated: 0, unchanged: 0 }, removed: 0, missing: 0 }
  let start = saved?.next ?? 1
  const size = o.pageSize ?? 100
  const query = `c.product-area==officielepublicaties AND w.dossiernummer==${o.dossier}`
  for (;;) {
    if (o.signal?.aborted) throw new SyncStopped()
    const url = `${o.sruUrl}?version=2.0&operation=searchRetrieve&query=${encodeURIComponent(query)}&startRecord=${start}&maximumRecords=${size}`
    const page = await o.http.get(url, (b) => parseSru(new TextDecoder().decode(b.bytes)))
    if (!page) throw new Error(`${o.sruUrl}: the search answers 404; is it an SRU endpoint?`)
    report.total = page.total
    const items: SyncItem[] = []
    for (const r of page.records) {
      if (o.signal?.aborted) throw new SyncStopped()
      report.seen++
      const stored = await store.get(r.id)
      if (known.get(r.id) === r.modified && stored?.form === 'official-xml') continue
      const record = { entity: 'ob', id: r.id, modified: r.modified, deleted: false, record: { ...r } as Record<string, unknown> }
      const url = r.xmlUrl ?? `${o.obUrl}/${r.id}.xml`
      const read = await o.http
        .get(url, async (b) => ({ doc: await readDocument(b.bytes, `${r.id}.xml`, o.ctx), raw: b.bytes }))
        .catch((e: unknown) => ({ failed: e instanceof ReadError || e instanceof Error ? e.message : String(e) }))
      if (read === null || 'failed' in read) {
        // Not stored as seen: the next sync asks for it again.
        report.missing++
        continue
      }
      items.push({ record, paper: { doc: read.doc, raw: read.raw, content: 'ok' } })
    }
    const applied = await store.applySync(source, items, { next: page.next } satisfies ObState)
    for (const k of ['new', 'updated', 'unchanged'] as const) report.papers[k] += applied.papers[k]
    o.onProgress?.(report)
    if (page.next === null || page.records.length === 0) break
    start = page.next
  }
  return report
}
