import type { PaperRef } from '../link/fulfilment.js'
import type { Document } from '../model/document.js'

// What identifies a stored paper, and which reading of it is current.

/**
 * The version of the reading pipeline: a paper read by an older version is
 * read again on ingest and `kamerwacht reindex`. Bump when the Document of the
 * same bytes changes. 8: answers titled by their subject, Aanhangsel heads and parlementairemonitor.nl copies read.
 * 9: a letter printed without a title named by its sender and subject.
 */
export const READER_VERSION = 9

/**
 * The Tweede Kamer open-data `Document` record a paper was joined to: the
 * record itself, or for a paper read from a Zaak file, the Zaak's document
 * published as this paper.
 */
export function openDataDocument(doc: Document): Record<string, unknown> | null {
  const od = doc.openData
  if (!od) return null
  if (typeof od.DocumentNummer === 'string') return od
  const docs = Array.isArray(od.Document) ? (od.Document as Array<Record<string, unknown>>) : []
  return docs.find((d) => (d.HuidigeDocumentVersie as { ExterneIdentifier?: unknown } | undefined)?.ExterneIdentifier === doc.id) ?? docs[0] ?? null
}

/** The Tweede Kamer's number of a paper from its open data (`2023D03544`), if any. */
export function documentNummerOf(doc: Document): string | null {
  const n = openDataDocument(doc)?.DocumentNummer
  return typeof n === 'string' && n ? n : null
}

/**
 * The key a paper is stored under: its id; for a paper that names none (a ministry letter on letterhead),
 * what identifies it to a reader, its kind, date and subject (`brief-2023-05-30-herijkte-missies-van-het-
 * missiegedreven-innovatiebeleid`), so that its forms (the PDF and its text) meet under one key; and only
 * for a paper without a date or a subject, its content hash.
 */
export function paperKey(doc: Document): string {
  if (doc.id) return doc.id
  const subject = doc.title && !/^(BRIEF|MOTIE|AMENDEMENT|VERSLAG|NOTA)\b/.test(doc.title) ? slug(doc.title, 80) : ''
  if (doc.date && subject) return `${doc.type ?? 'stuk'}-${doc.date.slice(0, 10)}-${subject}`
  return `sha256:${doc.source.sha256}`
}

/**
 * What a follow follows where it is not a search: one promise (`toezegging:kst-33783-50~12995bb5`), one motie
 * (`motie:kst-36583-14`), a member of the Kamer (`lid:Kostić`), a committee (`commissie:BuZa`) or a ministry
 * (`ministerie:"Buitenlandse Zaken"`: the new promises in its letters).
 */
export interface FollowedItem {
  kind: 'toezegging' | 'motie' | 'lid' | 'commissie' | 'ministerie'
  id: string
}

/**
 * The promise, motie, member, committee or ministry a follow follows, or null for a search. Such a follow counts
 * no papers in the list of follows; its page and its alerts say what is new for it.
 */
export function followedItem(query: string): FollowedItem | null {
  const q = query.trim()
  const one = /^(toezegging|motie):(\S+)$/.exec(q)
  if (one) return { kind: one[1] as FollowedItem['kind'], id: one[2] as string }
  // A name may have spaces (`lid:Van Nispen`), quoted or not.
  const named = /^(lid|commissie|ministerie):(?:"([^"]{1,100})"|([^\s"][^"]{0,99}))$/u.exec(q)
  const name = (named?.[2] ?? named?.[3])?.trim()
  return named && name ? { kind: named[1] as FollowedItem['kind'], id: name } : null
}

/** A paper as the linking rules name it: its key and the facts they weigh. */
export function paperRef(doc: Document): PaperRef {
  return { key: paperKey(doc), id: doc.id, date: doc.date, sender: doc.sender, dossier: doc.dossier }
}

/** `Herijkte missies (2023–2027)` → `herijkte-missies-2023-2027`: lower case, accents folded, at most `max` characters, cut at a word. */
function slug(text: string, max: number): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (s.length <= max) return s
  const cut = s.slice(0, max + 1)
  return cut.slice(0, Math.max(cut.lastIndexOf('-'), 1)).replace(/-+$/, '')
}
