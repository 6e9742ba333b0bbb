import { z } from 'zod'
import { ReadError } from './errors.js'
import { isoDay, paperTypeFromSoort, splitKstId } from './meta.js'
import type { RawLine, RawText, SourceHints } from './raw.js'

// The fields of a Tweede Kamer OData `Document` that kamerwacht uses; the rest is kept as-is.
const DocumentRecord = z
  .object({
    Id: z.string().optional(),
    Soort: z.string().nullish(),
    DocumentNummer: z.string().nullish(),
    Titel: z.string().nullish(),
    Onderwerp: z.string().nullish(),
    Datum: z.string().nullish(),
    Vergaderjaar: z.string().nullish(),
    Kamer: z.number().nullish(),
    Volgnummer: z.number().nullish(),
    Verwijderd: z.boolean().nullish(),
    HuidigeDocumentVersie: z.object({ ExterneIdentifier: z.string().nullish() }).passthrough().nullish(),
    DocumentActor: z.array(z.object({ ActorNaam: z.string().nullish(), Functie: z.string().nullish(), Relatie: z.string().nullish() }).passthrough()).nullish(),
    Kamerstukdossier: z
      .array(z.object({ Nummer: z.number().nullish(), Toevoeging: z.string().nullish(), Titel: z.string().nullish() }).passthrough())
      .nullish(),
  })
  .passthrough()
type DocumentRecord = z.infer<typeof DocumentRecord>

const ZaakRecord = z.object({ Nummer: z.string(), Document: z.array(z.unknown()) }).passthrough()

/** Picks the one record a file describes: a Document, a Zaak's paper, or a one-record OData page. */
function pickRecord(json: unknown): { record: DocumentRecord; zaak?: Record<string, unknown> } {
  let value: unknown = json
  if (value && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as { value?: unknown }).value)) {
    value = (value as { value: unknown[] }).value
  }
  if (Array.isArray(value)) {
    // A list of objects that are no records of the Kamer's open data (no `Id` of theirs): a file of one's own, such as a gold file.
    if (value.length !== 1 && !value.some((v) => v && typeof v === 'object' && typeof (v as { Id?: unknown }).Id === 'string'))
      throw new ReadError('open-data-unknown', `JSON list of ${value.length} items that are not Tweede Kamer open-data records (they have no Id)`)
    if (value.length !== 1) {
      throw new ReadError(
        'open-data-page',
        `open-data file holds ${value.length} records; read takes one paper per file, ingest takes them all (kamerwacht ingest FILE: one paper per Document record)`,
      )
    }
    value = value[0]
  }
  const zaak = ZaakRecord.safeParse(value)
  if (zaak.success) {
    const docs = zaak.data.Document.map((d) => DocumentRecord.safeParse(d)).flatMap((r) => (r.success ? [r.data] : []))
    // The paper is the document the Zaak was opened for: the one published as a Kamerstuk.
    const record = docs.find((d) => d.HuidigeDocumentVersie?.ExterneIdentifier?.startsWith('kst-')) ?? docs[0]
    if (!record) throw new ReadError('open-data-empty', `Zaak ${zaak.data.Nummer} has no Document records`)
    return { record, zaak: zaak.data }
  }
  const doc = DocumentRecord.safeParse(value)
  if (doc.success && (doc.data.DocumentNummer || doc.data.Soort || doc.data.Verwijderd)) return { record: doc.data }
  throw new ReadError('open-data-unknown', 'JSON is not a Tweede Kamer open-data Document or Zaak record')
}

/**
 * A file of one Zaak with its Documents (`motie-2024Z00425.zaak.json`): the Zaak record, and the Document record
 * published as a Kamerstuk (the paper the file is read as); null for any other file. Ingest keeps both records, so
 * the Zaak's number and Kabinetsappreciatie stay beside the paper however it is read.
 */
export function zaakRecords(text: string): { zaak: Record<string, unknown>; document: Record<string, unknown> | null } | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const zaak = ZaakRecord.safeParse(json)
  if (!zaak.success || typeof (json as { Id?: unknown }).Id !== 'string') return null
  const docs = zaak.data.Document.filter(
    (d): d is Record<string, unknown> => DocumentRecord.safeParse(d).success && typeof (d as { Id?: unknown }).Id === 'string',
  )
  const published = docs.find((d) => DocumentRecord.parse(d).HuidigeDocumentVersie?.ExterneIdentifier?.startsWith('kst-')) ?? docs[0] ?? null
  return { zaak: json as Record<string, unknown>, document: published }
}

/**
 * What a Tweede Kamer open-data `Document` record says about its paper: id and
 * dossier (from `ExterneIdentifier` or `Kamerstukdossier`), ondernummer,
 * vergaderjaar, type, date, subject, Kamer and signers. `zaak` is the Zaak
 * the record came in, when it did.
 */
export function openDataHints(value: unknown, zaak?: Record<string, unknown>): SourceHints {
  const parsed = DocumentRecord.safeParse(value)
  if (!parsed.success) return {}
  const record = parsed.data
  const hints: SourceHints = { openData: zaak ?? (record as Record<string, unknown>) }
  const kst = record.HuidigeDocumentVersie?.ExterneIdentifier
  if (kst?.startsWith('kst-')) {
    hints.id = kst
    const parts = splitKstId(kst)
    if (parts) {
      hints.dossier = parts.dossier
      hints.ondernummer = parts.ondernummer
    }
  }
  const dossier = record.Kamerstukdossier?.[0]
  if (dossier?.Nummer && !hints.dossier) hints.dossier = [String(dossier.Nummer), dossier.Toevoeging].filter(Boolean).join('-')
  if (dossier?.Titel) hints.dossierTitle = dossier.Titel
  else if (record.Titel) hints.dossierTitle = record.Titel
  if (record.Volgnummer != null && !hints.ondernummer && hints.dossier) hints.ondernummer = String(record.Volgnummer)
  if (record.Vergaderjaar) hints.vergaderjaar = record.Vergaderjaar
  if (record.Soort) hints.type = paperTypeFromSoort(record.Soort)
  const day = isoDay(record.Datum)
  if (day) hints.date = day
  if (record.Onderwerp) hints.title = record.Onderwerp.trim()
  if (record.Kamer === 1) hints.kamer = 'Eerste Kamer'
  else if (record.Kamer === 2) hints.kamer = 'Tweede Kamer'
  const signers = (record.DocumentActor ?? []).filter((a) => /ondertekenaar/i.test(a.Relatie ?? '')).map((a) => a.ActorNaam ?? '')
  if (signers.some(Boolean)) hints.signers = signers.filter(Boolean)

  return hints
}

/** Reads a Tweede Kamer open-data record as the metadata of the paper it describes. */
export function readOpenData(text: string): RawText {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new ReadError('json-invalid', `JSON is not valid: ${e instanceof Error ? e.message : String(e)}`)
  }
  const { record, zaak } = pickRecord(json)
  if (record.Verwijderd)
    throw new ReadError('open-data-deleted', `open-data record ${record.Id ?? ''} is marked deleted (Verwijderd); nothing to read`.replace('  ', ' '))
  const hints = openDataHints(record, zaak)
  // A paper outside the Kamerstukken is known by the Kamer's own number, as when the record comes in a list
  // (`joinOpenData`): one record read alone and read from a page of 250 is one paper, `2025D40481`.
  if (!hints.id && record.DocumentNummer) hints.id = record.DocumentNummer
  // The record has no body text; its subject is the text that search and extraction see.
  const body = [record.Onderwerp, record.Titel].filter((s): s is string => !!s?.trim()).map((s) => s.trim())
  const lines: RawLine[] = []
  let offset = 0
  for (const t of body) {
    lines.push({ text: t, start: offset, page: 1, role: 'paragraph' })
    offset += t.length + 1
  }
  return { form: 'open-data', text: body.join('\n'), lines, paragraphLines: true, hints, issues: [] }
}

/** One record of an open-data list file, with the entity its fields show. */
export interface ListedRecord {
  entity: string
  record: Record<string, unknown>
}

// The fields that tell the entities of the Tweede Kamer's open data apart, in a list that does not name them;
// the first that fits wins, so an entity whose fields another also has comes before it (a Vergadering has the
// Aanvangstijd of an Activiteit, an Activiteit the Nummer and Status of a Zaak, a Toezegging those of a Zaak too).
const ENTITY_FIELDS: Array<[string, string[]]> = [
  ['Document', ['DocumentNummer']],
  ['Stemming', ['Besluit_Id', 'ActorFractie']],
  ['Besluit', ['BesluitSoort']],
  ['Vergadering', ['VergaderingNummer']],
  ['Agendapunt', ['Volgorde', 'Onderwerp', 'Aanvangstijd']],
  ['Activiteit', ['Aanvangstijd']],
  ['Fractie', ['AantalZetels']],
  ['ZaakActor', ['Zaak_Id', 'Relatie']],
  ['Commissie', ['NaamWebNL']],
  ['Toezegging', ['Tekst', 'Ministerie']],
  ['Kamerstukdossier', ['Nummer', 'Titel', 'Afgesloten']],
  ['Zaak', ['Nummer', 'Status']],
  ['Persoon', ['Achternaam']],
  ['FractieZetelPersoon', ['Van', 'TotEnMet', 'Functie']],
]

// Records a page brings expanded inside others (`Stemming?$expand=Besluit($expand=Agendapunt),Fractie,Persoon`): each is
// kept as a record of its own, found by the `…_Id` its parent keeps. An Agendapunt keeps its Zaak list: the moties it
// puts to the vote, which say in their order which Besluit decides which (see link/kamer.ts).
const EXPANDED: Record<string, string> = { Besluit: 'Besluit', Agendapunt: 'Agendapunt', Fractie: 'Fractie', Persoon: 'Persoon', Activiteit: 'Activiteit' }

/** A record and the records expanded inside it (see {@link EXPANDED}), each on its own, the parent last and without them. */
export function withExpanded(entity: string, record: Record<string, unknown>): ListedRecord[] {
  const out: ListedRecord[] = []
  flatten(entity, record, out)
  return out
}

function flatten(entity: string, record: Record<string, unknown>, out: ListedRecord[]): void {
  const own: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(record)) {
    const nested = EXPANDED[field]
    if (nested && value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { Id?: unknown }).Id === 'string')
      flatten(nested, value as Record<string, unknown>, out)
    else if (!(nested && value === null)) own[field] = value
  }
  out.push({ entity, record: own })
}

/** The entity a record's fields show, or null. */
function entityOf(r: Record<string, unknown>): string | null {
  for (const [entity, fields] of ENTITY_FIELDS) if (fields.every((f) => f in r)) return entity
  return null
}

/**
 * The records of an open-data list (a JSON array, or an OData page's `value`)
 * of more than one record, each with its entity; null for anything else (one
 * record is read as a paper by `readOpenData`). An entity of the page's
 * `@odata.context` wins over the fields.
 */
export function openDataList(text: string): ListedRecord[] | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const page = json && typeof json === 'object' && !Array.isArray(json) ? (json as { value?: unknown; '@odata.context'?: unknown }) : null
  const value = Array.isArray(json) ? json : Array.isArray(page?.value) ? page.value : null
  if (!value || value.length < 2) return null
  const named = typeof page?.['@odata.context'] === 'string' ? /#(\w+)/.exec(page['@odata.context'])?.[1] : undefined
  const out: ListedRecord[] = []
  for (const r of value) {
    if (!r || typeof r !== 'object' || Array.isArray(r) || typeof (r as { Id?: unknown }).Id !== 'string') return null
    const entity = named ?? entityOf(r as Record<string, unknown>)
    if (!entity) return null
    flatten(entity, r as Record<string, unknown>, out)
  }
  // A record expanded in many (the Besluit of fifteen Stemmingen, a Fractie in every vote) once.
  const seen = new Set<string>()
  return out.filter((l) => {
    const key = `${l.entity} ${String(l.record.Id)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
