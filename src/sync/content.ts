import type { Document, PaperType } from '../model/document.js'
import { type PipelineContext, readDocument } from '../pipeline.js'
import { ReadError } from '../read/index.js'
import { openDataHints } from '../read/opendata.js'
import type { SyncItem } from '../store/store.js'
import { type PoliteHttp, SyncHttpError } from './http.js'

/** Where a sync fetches from: the OData service root and officielebekendmakingen. */
export interface SourceUrls {
  /** `https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0` or a mirror. */
  tk: string
  /** `https://zoek.officielebekendmakingen.nl` or a mirror. */
  ob: string
}

/** Where a Document record's content is, and the file name it is read under. */
export interface ContentSource {
  url: string
  name: string
}

type Json = Record<string, unknown>
const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null)
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null)

// Content types kamerwacht has no reader for: fetching them would only cost the source bandwidth.
const UNREADABLE_TYPES = /spreadsheetml|ms-excel|msword|presentationml|powerpoint|image\//i
const EXTENSIONS: Array<[RegExp, string]> = [
  [/pdf/i, '.pdf'],
  [/wordprocessingml/i, '.docx'],
  [/xml/i, '.xml'],
  [/html/i, '.html'],
  [/text\/plain/i, '.txt'],
]

/**
 * Where to fetch a Document record's text. A Kamerstuk's official XML comes
 * first: as the `DocumentPublicatie` of type `Xml` the record carries (KOOP's
 * file, served by the Tweede Kamer API), else from officielebekendmakingen by
 * its `ExterneIdentifier` (`kst-33783-50` → `kst-33783-50.xml`); any other
 * paper's file comes from the API (`Document(<Id>)/resource`). Null when the
 * record has no file, or only one kamerwacht cannot read (a spreadsheet, an old `.doc`, an image).
 */
export function contentSource(record: Json, urls: SourceUrls): ContentSource | { none: string } {
  const versie = obj(record.HuidigeDocumentVersie)
  const publications = Array.isArray(versie?.DocumentPublicatie) ? (versie.DocumentPublicatie as unknown[]).map(obj) : []
  const xml = publications.find((p) => p && str(p.DocumentType)?.toLowerCase() === 'xml' && p.Verwijderd !== true && str(p.Id))
  const kst = str(versie?.ExterneIdentifier)
  if (xml) return { url: `${urls.tk}/DocumentPublicatie(${str(xml.Id)})/resource`, name: str(xml.FileName) ?? `${kst ?? str(xml.Id)}.xml` }
  if (kst?.startsWith('kst-')) return { url: `${urls.ob}/${kst}.xml`, name: `${kst}.xml` }
  const type = str(record.ContentType)
  if (!type && !record.ContentLength) return { none: 'the record has no file' }
  if (type && UNREADABLE_TYPES.test(type)) return { none: `its file is ${type}, which kamerwacht does not read` }
  const ext = EXTENSIONS.find(([re]) => re.test(type ?? ''))?.[1] ?? ''
  return { url: `${urls.tk}/Document(${str(record.Id)})/resource`, name: `${str(record.DocumentNummer) ?? str(record.Id)}${ext}` }
}

// Read failures a second fetch may not have: a garbled or cut transfer. The rest (binary, encrypted, no text) stay.
const RETRY_READ = new Set(['xml-invalid', 'xml-empty', 'json-invalid', 'pdf-corrupt'])

/**
 * Joins a record's metadata to the Document read from its content: the record
 * is kept as `openData` (its `Id` and `DocumentNummer` with it) and fills what
 * the text does not say; where both say something different, the text wins
 * and the difference is noted as an issue.
 */
export function joinOpenData(doc: Document, record: Json): Document {
  const hints = openDataHints(record)
  doc.openData = record
  const fill = <K extends 'id' | 'dossier' | 'ondernummer' | 'vergaderjaar' | 'date' | 'title' | 'dossierTitle' | 'kamer'>(
    k: K,
    v: Document[K] | undefined,
  ) => {
    if (v === undefined || v === null) return
    if (doc[k] === null) doc[k] = v
    else if (k === 'id' && doc[k] !== v)
      doc.issues.push({ code: 'open-data-differs', message: `the text says ${String(doc[k])}, the open-data record ${String(v)}` })
  }
  fill('id', hints.id)
  fill('dossier', hints.dossier)
  fill('ondernummer', hints.ondernummer)
  fill('vergaderjaar', hints.vergaderjaar)
  fill('date', hints.date)
  fill('title', hints.title)
  fill('dossierTitle', hints.dossierTitle)
  fill('kamer', hints.kamer)
  if (doc.type === null && hints.type) doc.type = hints.type as PaperType
  if (!doc.signers.length && hints.signers) doc.signers = hints.signers
  // A paper outside the Kamerstukken has no kst id; the Kamer's own number keeps it one paper across syncs.
  doc.id ??= str(record.DocumentNummer)
  return doc
}

/** A paper of the record's metadata alone: its subject is its text until the content can be read. */
/** The paper of a Document record whose own text is not read: the record's metadata, marked why. */
export async function metadataPaper(
  record: Json,
  ctx: PipelineContext,
  content: 'missing' | 'absent',
  reason: string,
): Promise<NonNullable<SyncItem['paper']>> {
  const raw = new TextEncoder().encode(JSON.stringify(record))
  const doc = joinOpenData(await readDocument(raw, `${str(record.DocumentNummer) ?? str(record.Id)}.json`, ctx), record)
  doc.issues.push({ code: content === 'missing' ? 'content-missing' : 'content-absent', message: `text not read: ${reason}` })
  return { doc, raw, content, reason }
}

/**
 * Makes the paper of a Document record: fetches its content, reads it and
 * joins the record to it. Content that cannot be fetched now (the source
 * failing past all retries) gives a paper of the metadata marked `missing`,
 * which the next sync fetches again; content that is not there or not
 * readable gives one marked `absent`, fetched again only when the record changes.
 */
export async function documentPaper(record: Json, http: PoliteHttp, urls: SourceUrls, ctx: PipelineContext): Promise<NonNullable<SyncItem['paper']>> {
  const source = contentSource(record, urls)
  if ('none' in source) return metadataPaper(record, ctx, 'absent', source.none)
  let read: { doc: Document; raw: Uint8Array } | { unreadable: string } | null
  try {
    read = await http.get(source.url, async (body) => {
      try {
        // The Kamer lists it as a Document: an annex that is a table of figures is still its paper's text.
        return { doc: await readDocument(body.bytes, source.name, { ...ctx, vouched: true }), raw: body.bytes }
      } catch (e) {
        if (e instanceof ReadError && !RETRY_READ.has(e.code)) return { unreadable: e.message }
        throw e
      }
    })
  } catch (e) {
    // A refusal (403, 400 …) will not change by asking again; a failing source or network may.
    const refused = e instanceof SyncHttpError && e.status !== null && e.status >= 400 && e.status < 500
    return metadataPaper(record, ctx, refused ? 'absent' : 'missing', e instanceof Error ? e.message : String(e))
  }
  if (read === null) return metadataPaper(record, ctx, 'absent', 'the source has no file for it (HTTP 404)')
  if ('unreadable' in read) return metadataPaper(record, ctx, 'absent', read.unreadable)
  return { doc: joinOpenData(read.doc, record), raw: read.raw, content: 'ok' }
}
