import type { Document, PaperType } from '../model/document.js'

// A toezegging is a promise to the Kamer. Not every file read is written to the Kamer: a ministry's letter to the VNG
// (`Aan: VNG T.a.v. voorzitter VNG bestuur` … `Vanaf 2027 ontvangt u als gemeente …`), a committee's besluitenlijst
// (`Zaak: Brief van lid/fractie/commissie …`, no addressee, no sender, no Kamerstuk number). Their sentences that read
// as promises are no promises to the Kamer and must not reach the board.

// The Kamer as addressee: `Aan de Voorzitter van de Tweede Kamer der Staten-Generaal`, `de vaste commissie voor …`.
const KAMER = /\b(?:Kamer|Staten-Generaal|[Vv]oorzitter van de (?:Tweede|Eerste)|[Cc]ommissie|Kamerleden|[Pp]arlement)\b/

// Papers of the Kamer's own procedure: what the Kamer and the government write to each other in a dossier.
const PARLIAMENTARY: ReadonlySet<PaperType> = new Set([
  'motie',
  'amendement',
  'verslag',
  'nota',
  'wetsvoorstel',
  'memorie-van-toelichting',
  'advies',
  'lijst-van-vragen',
  'handelingen',
])

/** Why a paper's promises are not promises to the Kamer, or null when they are. */
export function notToKamer(
  doc: Pick<Document, 'type' | 'addressee' | 'id' | 'dossier' | 'sender' | 'turns' | 'openData' | 'commitments' | 'text'>,
): string | null {
  // `Besluitenlijst van de procedurevergadering van donderdag 2 april 2009`: the committee's own record of what it decided.
  if (!doc.id && LIST_OF_DECISIONS.test(doc.text.slice(0, 1500))) return "a committee's list of decisions (besluitenlijst), not a paper of the government"
  if (doc.turns?.length || (doc.type && PARLIAMENTARY.has(doc.type))) return null
  if (doc.addressee) return KAMER.test(doc.addressee) ? null : `addressed to ${doc.addressee.replace(/\s+/g, ' ').trim()}, not to the Kamer`
  if (doc.id || doc.dossier || doc.openData || doc.type || doc.sender) return null
  // An older letter reposted without its head still speaks to the Kamer in its promises (`Ik zal uw Kamer …`).
  if (doc.commitments.some((c) => SPEAKS_TO_KAMER.test(c.text))) return null
  return 'no sign of a paper to the Kamer: no Kamerstuk number, dossier, addressee, sender or kind of paper'
}

// A promise made by the writer to the Kamer: `Ik zal uw Kamer …`, `wij zullen de Tweede Kamer …`.
const SPEAKS_TO_KAMER =
  /\b(?:[Ii]k|[Ww]ij|[Ww]e)\b.*\b(?:[Uu]w Kamer|[Dd]e (?:Tweede |Eerste )?Kamer)\b|\b(?:[Uu]w Kamer|[Dd]e (?:Tweede |Eerste )?Kamer)\b.*\b(?:[Ii]k|[Ww]ij|[Ww]e)\b/
const LIST_OF_DECISIONS = /\bBesluitenlijst\b/

/**
 * Keeps a paper that is not written to the Kamer as what it is: kind `other`, no promises (so none on the board),
 * and the reason in `doc.issues`, with the sentences that would have been read as promises counted.
 */
export function keepOffBoard(doc: Document): void {
  const why = notToKamer(doc)
  if (!why) return
  const n = doc.commitments.length
  doc.issues.push({
    code: 'not-to-kamer',
    message: `${why}; ${n === 1 ? '1 sentence that reads as a promise is' : `${n} sentences that read as promises are`} not a toezegging`,
  })
  doc.type = 'other'
  doc.commitments = []
}
