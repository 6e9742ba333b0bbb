import { z } from 'zod'
import type { OpenDataRecord } from '../model/opendata.js'
import type { PipelineContext } from '../pipeline.js'
import { withExpanded } from '../read/opendata.js'
import type { Store, SyncItem } from '../store/store.js'
import { documentPaper, type SourceUrls } from './content.js'
import type { PoliteHttp } from './http.js'

/**
 * The Gegevensmagazijn entities `kamerwacht sync tk` follows, in the order it syncs them: dossiers, the Kamer's
 * people (fracties, members, their seats, committees), its meetings and their agendas, the Zaken (moties among
 * them) with who submitted them, the decisions and votes on them, the papers and the register of promises.
 */
export const TK_ENTITIES = [
  'Kamerstukdossier',
  'Fractie',
  'Persoon',
  'FractieZetelPersoon',
  'Commissie',
  'Activiteit',
  'Vergadering',
  'Agendapunt',
  'Zaak',
  'ZaakActor',
  'Besluit',
  'Stemming',
  'Document',
  'Toezegging',
] as const
/** One of {@link TK_ENTITIES}. */
export type TkEntity = (typeof TK_ENTITIES)[number]

/** The public roots; `--base-url` and `--ob-url` point elsewhere (a mirror, a replay server). */
export const TK_BASE_URL = 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0'
/** See {@link TK_BASE_URL}. */
export const OB_BASE_URL = 'https://zoek.officielebekendmakingen.nl'

// What each entity's records should carry: a Document its file versions and publications (for the XML),
// its actors and dossier; a Toezegging the letters that kept it, the debate it was made in (with the committee that
// led it), whom it was made to, and the records it repeats, changes or adds to (link/register.ts reads them).
// A Zaak the Kamerstuk its document was published as (how a motie's paper finds its Zaak), an Agendapunt the Zaken it
// puts to the vote, in the fields link/kamer.ts reads: the Besluit of a motie is found by its place among them.
const EXPAND: Partial<Record<TkEntity, string>> = {
  Document: 'HuidigeDocumentVersie($expand=DocumentPublicatie),DocumentActor,Kamerstukdossier',
  Toezegging:
    'KamerbriefNakoming,Activiteit($select=Id,Nummer,Soort,Onderwerp,Datum,Aanvangstijd,Voortouwnaam,Voortouwafkorting),ToegezegdAan,IsHerhalingVan($select=Id,Nummer),IsWijzigingVan($select=Id,Nummer),IsAanvullingOp($select=Id,Nummer)',
  Zaak: 'Document($select=Id,DocumentNummer,Soort;$expand=HuidigeDocumentVersie($select=Id,ExterneIdentifier))',
  Agendapunt: 'Zaak($select=Id,Nummer,Soort,Volgnummer)',
}

/** Where an entity's sync stands: the watermark of the run under way, the highest change seen, and the next page. */
export interface EntityState {
  /** Records changed after this (`ApiGewijzigdOp`) are what the current run fetches; null: everything. */
  since: string | null
  /** The highest `ApiGewijzigdOp` stored so far: the next run's `since`. */
  max: string | null
  /** The `@odata.nextLink` still to fetch; null when the run finished. */
  next: string | null
}

// A page as the API sends it; a record needs its Id and change time, the rest is kept as it is.
const Page = z.object({
  value: z.array(z.object({ Id: z.string().min(1), ApiGewijzigdOp: z.string().min(1), Verwijderd: z.boolean().nullish() }).passthrough()),
  '@odata.nextLink': z.string().nullish(),
  '@odata.count': z.number().nullish(),
})

/** What a sync reports as it goes and at the end. */
export interface SyncProgress {
  entity: string
  /** Records of this entity seen in this run, and the total the source announced (`@odata.count`) where it did. */
  seen: number
  total: number | null
  papers: { new: number; updated: number; unchanged: number }
  removed: number
  missing: number
}

/** Options of {@link syncTk}. */
export interface TkSyncOptions {
  http: PoliteHttp
  urls: SourceUrls
  ctx: PipelineContext
  entities?: readonly TkEntity[]
  /** Records per page asked for (`$top`; the API sends at most 250). */
  pageSize?: number
  onProgress?: (p: SyncProgress) => void
  /** For a first sync only: ask for records changed after this moment (`2024-01-01T00:00:00Z`) instead of everything. */
  since?: string
  /** Stops the sync before its next request; the page under way is not written, and the next run fetches it again. */
  signal?: AbortSignal
}

/** Thrown when a sync is stopped by its signal (Ctrl-C): everything stored up to the last whole page stays. */
export class SyncStopped extends Error {
  constructor() {
    super('stopped; what was stored stays, and the next run goes on from there')
    this.name = 'SyncStopped'
  }
}

const checkStop = (signal: AbortSignal | undefined) => {
  if (signal?.aborted) throw new SyncStopped()
}

/** The later of two `ApiGewijzigdOp` values (ISO 8601 in UTC compare as strings). */
const later = (a: string | null, b: string): string => (a === null || b > a ? b : a)

function firstUrl(base: string, entity: TkEntity, since: string | null, pageSize: number): string {
  const params = [`$orderby=ApiGewijzigdOp,Id`, `$top=${pageSize}`, '$count=true']
  if (since) params.unshift(`$filter=${encodeURIComponent(`ApiGewijzigdOp gt ${since}`)}`)
  const expand = EXPAND[entity]
  if (expand) params.push(`$expand=${encodeURIComponent(expand)}`)
  return `${base}/${entity}?${params.join('&')}`
}

type PageRecord = z.infer<typeof Page>['value'][number]

/** Turns a page's record into what the store keeps. */
function toRecord(entity: string, r: PageRecord): OpenDataRecord {
  return { entity, id: r.Id, modified: String(r.ApiGewijzigdOp ?? r.GewijzigdOp ?? ''), deleted: r.Verwijderd === true, record: r as Record<string, unknown> }
}

/**
 * Fetches again the content of Document records a sync stored without it,
 * in batches written as they come.
 */
async function retryMissing(store: Store, o: TkSyncOptions, report: SyncProgress): Promise<void> {
  const missing = await store.missingContent()
  for (let i = 0; i < missing.length; i += 20) {
    const items: SyncItem[] = []
    for (const m of missing.slice(i, i + 20)) {
      checkStop(o.signal)
      const modified = typeof m.record.ApiGewijzigdOp === 'string' ? m.record.ApiGewijzigdOp : ''
      const paper = await documentPaper(m.record, o.http, o.urls, o.ctx)
      items.push({ record: { entity: 'Document', id: m.id, modified, deleted: false, record: m.record }, paper })
    }
    const applied = await store.applySync('tk:missing', items, { left: Math.max(0, missing.length - i - items.length) })
    report.seen += items.length
    report.missing += items.filter((it) => it.paper?.content === 'missing').length
    for (const k of ['new', 'updated', 'unchanged'] as const) report.papers[k] += applied.papers[k]
    o.onProgress?.(report)
  }
}

/** Syncs one entity from where its state says, page by page; each page is written with the state that follows it. */
async function syncEntity(store: Store, entity: TkEntity, o: TkSyncOptions): Promise<SyncProgress> {
  const source = `tk:${entity}`
  const saved = (await store.syncState(source)) as EntityState | null
  const state: EntityState = saved ?? { since: o.since ?? null, max: null, next: null }
  const report: SyncProgress = { entity, seen: 0, total: null, papers: { new: 0, updated: 0, unchanged: 0 }, removed: 0, missing: 0 }
  let url: string | null = state.next ?? firstUrl(o.urls.tk, entity, state.since, o.pageSize ?? 250)
  while (url) {
    checkStop(o.signal)
    const page: z.infer<typeof Page> | null = await o.http.get(
      url,
      (body) => Page.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.bytes))),
      {
        accept: 'application/json',
      },
    )
    if (page === null) throw new Error(`${url}: the source answers 404; is ${o.urls.tk} an OData v4 root of the Gegevensmagazijn?`)
    if (page['@odata.count'] != null) report.total = page['@odata.count']
    const items: SyncItem[] = []
    let max = state.max
    for (const r of page.value) {
      const record = toRecord(entity, r)
      max = later(max, record.modified)
      // Records a page brings expanded inside this one (a Stemming's Besluit and Fractie) are kept as records of their own.
      const parts = withExpanded(entity, record.record)
      for (const nested of parts.slice(0, -1)) items.push({ record: toRecord(nested.entity, nested.record as PageRecord) })
      record.record = parts[parts.length - 1]?.record ?? record.record
      const item: SyncItem = { record }
      if (entity === 'Document' && !record.deleted) {
        checkStop(o.signal)
        item.paper = await documentPaper(record.record, o.http, o.urls, o.ctx)
        if (item.paper.content === 'missing') report.missing++
      }
      items.push(item)
    }
    const next: string | null = page['@odata.nextLink'] ?? null
    // A finished run moves the watermark to the last change stored: the next run asks only for what came after.
    const after: EntityState = next ? { since: state.since, max, next } : { since: max, max, next: null }
    const applied = await store.applySync(source, items, after)
    Object.assign(state, after)
    report.seen += items.length
    report.removed += applied.removed
    for (const k of ['new', 'updated', 'unchanged'] as const) report.papers[k] += applied.papers[k]
    o.onProgress?.(report)
    url = next
  }
  return report
}

/**
 * `kamerwacht sync tk`: follows the Tweede Kamer open data incrementally on
 * `ApiGewijzigdOp`, entity by entity, resuming an interrupted run at the page
 * it stopped at. Document records bring their papers (see `documentPaper`);
 * deleted records remove what they describe. Returns a report per entity.
 */
export async function syncTk(store: Store, o: TkSyncOptions): Promise<SyncProgress[]> {
  const out: SyncProgress[] = []
  for (const entity of o.entities ?? TK_ENTITIES) {
    if (entity === 'Document') {
      const retry: SyncProgress = {
        entity: 'Document (content missing before)',
        seen: 0,
        total: null,
        papers: { new: 0, updated: 0, unchanged: 0 },
        removed: 0,
        missing: 0,
      }
      await retryMissing(store, o, retry)
      if (retry.seen) out.push(retry)
    }
    out.push(await syncEntity(store, entity, o))
  }
  return out
}
