// The Kamer's side of the open data: how its records link (a motie's Zaak, the Agendapunt that puts it to the vote,
// the Besluit that decides it, the Stemmingen of each fractie), and what a motie's page reads from them. Pure rules
// over records as the Gegevensmagazijn gives them; the store finds the records by the keys `recordKeys` names.

import { fieldText as str } from '../model/opendata.js'
import { questionKey } from './questions.js'

type Json = Record<string, unknown>

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x): x is Json => !!x && typeof x === 'object' && !Array.isArray(x)) : [])

/**
 * The keys a record is found by, each naming what it links to: a Zaak by its number and by the Kamerstuk its
 * document was published as (`kst:kst-36196-11`), an Agendapunt by the Zaken it puts to the vote, a Besluit by its
 * Agendapunt, a Stemming by its Besluit, a ZaakActor by its Zaak. Written beside each record, so a motie's page reads
 * its decision and votes by key and never scans a table of votes.
 */
export function recordKeys(entity: string, r: Json): string[] {
  const keys: string[] = []
  const add = (prefix: string, v: unknown) => {
    const s = typeof v === 'number' ? String(v) : str(v)
    if (s) keys.push(`${prefix}:${s}`)
  }
  // A key names what the record links to; a record is also found by its own id where others point at it
  // (`besluit:<Id>` on a Besluit, as on the Stemmingen of it: the entity tells them apart). A member or a fractie is
  // found by name, folded (`lid:kostic`, `fractie:groenlinks-pvda`).
  if (entity === 'Zaak') {
    add('zaak', r.Nummer)
    add('zaak-id', r.Id)
    for (const d of list(r.Document)) add('kst', (d.HuidigeDocumentVersie as Json | undefined)?.ExterneIdentifier)
  } else if (entity === 'Agendapunt') {
    for (const z of list(r.Zaak)) add('zaak', z.Nummer)
    add('activiteit', r.Activiteit_Id)
    add('agendapunt', r.Id)
  } else if (entity === 'Besluit') {
    add('agendapunt', r.Agendapunt_Id)
    add('besluit', r.Id)
  } else if (entity === 'Stemming') {
    add('besluit', r.Besluit_Id)
    add('fractie', nameKey(r.ActorFractie))
    if (str(r.Persoon_Id)) add('lid', nameKey(r.ActorNaam))
  } else if (entity === 'ZaakActor') {
    add('zaak-id', r.Zaak_Id)
    add('fractie', nameKey(r.ActorFractie))
    if (/indiener/i.test(str(r.Relatie) ?? '')) add('lid', nameKey(r.ActorNaam))
    // The committee a Zaak is given to (`Voortouwcommissie`, `ActorAfkorting` J&V): its page lists the moties.
    if (/commissie/i.test(str(r.Relatie) ?? '')) add('commissie', nameKey(r.ActorAfkorting ?? r.ActorNaam))
  }
  // An Activiteit by its own id (the day of the vote an Agendapunt belongs to), and for the agenda by its month, its
  // committee and the dossiers its subject names (`… (35646)`).
  else if (entity === 'Activiteit') {
    add('activiteit', r.Id)
    // By its number too: a register promise names the debate it was made in so (`ActiviteitNummer: 2024A00101`).
    add('activiteit-nr', r.Nummer)
    add('maand', str(r.Datum)?.slice(0, 7))
    add('commissie', str(r.Voortouwafkorting)?.toLowerCase())
    for (const m of (str(r.Onderwerp) ?? '').matchAll(/\((\d{5}(?:-[A-Z0-9]{1,6})?)\)/g)) add('dossier', m[1])
  }
  // A member by surname with its particle (`naam:van nispen`), and with the first name they go by (`naam:inge van dijk`):
  // a motie is signed so (`Van Nispen`, `Inge van Dijk` beside `Diederik van Dijk`).
  else if (entity === 'Persoon') {
    const surname = [str(r.Tussenvoegsel), str(r.Achternaam)].filter(Boolean).join(' ')
    add('naam', nameKey(surname))
    if (surname) add('naam', nameKey(`${str(r.Roepnaam) ?? ''} ${surname}`.trim()))
  }
  // A written question's records (the questions, a postponement notice, the answer) by their subject, and each kind
  // by its Soort, so the overview of questions reads them without scanning every Document.
  else if (entity === 'Document') {
    const soort = str(r.Soort)
    const key = questionKey(soort, str(r.Onderwerp))
    if (key) {
      add('vragen', key)
      add('soort', soort?.toLowerCase())
    }
  }
  return [...new Set(keys)]
}

/** A name as a key: lower case, accents off, one space (`Kostić` and `kostic` are one member). */
export function nameKey(name: unknown): string | null {
  const s = str(name)
  return s
    ? s
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/\s+/g, ' ')
    : null
}

/** The Zaak a Besluit decides: the one at its place in its Agendapunt's voting list (see {@link besluitOf}). */
export function zaakOfBesluit(agendapunt: Json, besluit: Json): Json | null {
  const zaken = list(agendapunt.Zaak)
  if (zaken.length === 1) return zaken[0] as Json
  const ordered = [...zaken].sort((a, b) => (num(a.Volgnummer) ?? 0) - (num(b.Volgnummer) ?? 0) || String(a.Nummer).localeCompare(String(b.Nummer)))
  const position = num(besluit.AgendapuntZaakBesluitVolgorde)
  return position ? (ordered[position - 1] ?? null) : null
}

/** What a Besluit decided, in the words a reader expects. */
export type MotieResult = 'aangenomen' | 'verworpen' | 'aangehouden' | 'ingetrokken' | 'overgenomen' | 'vervallen' | 'anders'

/** A Besluit's `BesluitSoort`/`BesluitTekst` as a result: `Stemmen - aangenomen` → aangenomen. */
export function resultOf(besluit: Json): MotieResult {
  const text = `${str(besluit.BesluitSoort) ?? ''} ${str(besluit.BesluitTekst) ?? ''}`.toLowerCase()
  for (const r of ['aangenomen', 'verworpen', 'aangehouden', 'ingetrokken', 'overgenomen', 'vervallen'] as const) if (text.includes(r)) return r
  return 'anders'
}

/**
 * Which of an Agendapunt's Besluiten decides this Zaak. An Agendapunt of votes lists every motie of one debate, and
 * its Besluiten say only their position (`AgendapuntZaakBesluitVolgorde`); the Zaak list's own order is not that
 * order. The voting list takes the moties in the order of their paper numbers: position k is the k-th Zaak by its
 * Volgnummer (the ondernummer: `36410-VIII, nr. 59`). On the 36 moties of ../shared/corpus/opendata this names the
 * Besluit the gold names for all 36. A Besluit that is no vote (`Stemmingen - aangehouden`, a procedural note) counts
 * as well: the motie was held, withdrawn or taken over.
 */
export function besluitOf(zaakNummer: string, agendapunt: Json, besluiten: Json[]): Json | null {
  const zaken = list(agendapunt.Zaak)
  const ordered = [...zaken].sort((a, b) => (num(a.Volgnummer) ?? 0) - (num(b.Volgnummer) ?? 0) || String(a.Nummer).localeCompare(String(b.Nummer)))
  const position = ordered.findIndex((z) => z.Nummer === zaakNummer) + 1
  if (position === 0) return null
  // One Zaak on the Agendapunt: its one Besluit, whatever position it gives.
  const mine = besluiten.filter((b) => b.Agendapunt_Id === agendapunt.Id && b.Verwijderd !== true)
  if (zaken.length === 1 && mine.length === 1) return mine[0] as Json
  return mine.find((b) => num(b.AgendapuntZaakBesluitVolgorde) === position) ?? null
}

/** How one fractie voted on a Besluit. */
export interface FractieVote {
  fractie: string
  /** `Voor`, `Tegen`, `Niet deelgenomen`. */
  soort: string
  /** Its seats at the time (`FractieGrootte`). */
  seats: number | null
  /** A member who voted apart from the fractie (a vote per member), or null for the fractie's vote. */
  member: string | null
  /** The fractie said afterwards its vote was a mistake (`Vergissing`): the vote stands, shown as such. */
  mistake: boolean
}

/** A motie's votes: per fractie, with the seats for and against. */
export interface VoteTally {
  votes: FractieVote[]
  seatsFor: number
  seatsAgainst: number
}

/** The Stemming records of one Besluit as a tally; a record marked deleted is left out. */
export function tallyVotes(stemmingen: Json[]): VoteTally {
  const votes: FractieVote[] = []
  let seatsFor = 0
  let seatsAgainst = 0
  for (const s of stemmingen) {
    if (s.Verwijderd === true) continue
    const fractie = str(s.ActorFractie) ?? str(s.ActorNaam) ?? '(onbekend)'
    const soort = str(s.Soort) ?? '(onbekend)'
    const member = str(s.Persoon_Id) ? (str(s.ActorNaam) ?? null) : null
    const seats = member ? 1 : num(s.FractieGrootte)
    votes.push({ fractie, soort, seats, member, mistake: s.Vergissing === true })
    if (soort === 'Voor') seatsFor += seats ?? 0
    if (soort === 'Tegen') seatsAgainst += seats ?? 0
  }
  votes.sort((a, b) => a.fractie.localeCompare(b.fractie, 'nl') || (a.member ?? '').localeCompare(b.member ?? '', 'nl'))
  return { votes, seatsFor, seatsAgainst }
}

/** A member who submitted a motie, with the fractie they were in when they did, where a record says. */
export interface Indiener {
  name: string
  fractie: string | null
}

/**
 * A motie's indieners in signing order: its ZaakActor records (`Indiener`, then `Medeindiener`, each with the
 * fractie at the time) where the store has them; else the names signed under the motie's text, each with the fractie
 * its Persoon record gives now (`people`: the Persoon records by signed name; see {@link currentFractie}).
 */
export function indienersOf(signers: readonly string[], actors: Json[], people: ReadonlyMap<string, Json[]> = new Map()): Indiener[] {
  const submitting = actors.filter((a) => /indiener/i.test(str(a.Relatie) ?? '') && a.Verwijderd !== true)
  submitting.sort((a, b) => rank(a) - rank(b))
  if (submitting.length > 0) return submitting.map((a) => ({ name: str(a.ActorNaam) ?? '(onbekend)', fractie: str(a.ActorFractie) }))
  return signers.map((name) => ({ name, fractie: currentFractie(people.get(name) ?? []) }))
}

/**
 * The fractie a member belongs to now (`Persoon.Fractielabel`), where the Persoon records of their signed name are
 * one person; null for none or for two people of one name. Not the fractie at the time of the motie: that is the
 * ZaakActor's, which wins where the store has it.
 */
export function currentFractie(people: Json[]): string | null {
  const ids = new Set(people.filter((p) => p.Verwijderd !== true).map((p) => str(p.Id)))
  if (ids.size !== 1) return null
  return people.map((p) => str(p.Fractielabel)).find(Boolean) ?? null
}

// The first indiener signs first; medeindieners after, in the order the records give.
const rank = (a: Json) => (/^indiener$/i.test(str(a.Relatie) ?? '') ? 0 : 1)

/** A committee as a ZaakActor names it: `J&V`, `vaste commissie voor Justitie en Veiligheid`. */
export interface Committee {
  afkorting: string | null
  naam: string | null
}

/** The committee a Zaak is given to (its ZaakActor `Voortouwcommissie`), or null. */
export function leadCommittee(actors: Json[]): Committee | null {
  const lead = actors.find((a) => /^voortouwcommissie$/i.test(str(a.Relatie) ?? '') && a.Verwijderd !== true)
  return lead ? { afkorting: str(lead.ActorAfkorting), naam: str(lead.ActorNaam) } : null
}

/**
 * The ministry a motie is for: the sender of a letter that answered it (`Minister van Justitie en Veiligheid`), else
 * the subject of its committee, which the vaste commissies share with the ministries (`vaste commissie voor Justitie
 * en Veiligheid` → `Justitie en Veiligheid`). Null where neither is known.
 */
export function motieMinistry(answeredBy: ReadonlyArray<string | null>, committee: Committee | null): string | null {
  const sender = answeredBy.find(Boolean)
  if (sender) return officeMinistry(sender)
  const m = /\bcommissie voor (.+)$/i.exec(committee?.naam ?? '')
  return m ? (m[1] as string).trim() : null
}

/** The ministry of a member of government's office: `Staatssecretaris van Justitie en Veiligheid` → `Justitie en Veiligheid`. */
const officeMinistry = (sender: string) => sender.replace(/^(?:de\s+)?(?:[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris)\s+(?:van|voor)\s+/, '')

// `Vaststelling van de begrotingsstaten van het Ministerie van Onderwijs, Cultuur en Wetenschap (VIII) voor het jaar
// 2024`, `Jaarverslag en slotwet Ministerie van Justitie en Veiligheid 2024`: a budget's dossier names its ministry.
const BUDGET_MINISTRY = /\bMinisterie\s+van\s+(.+?)(?:\s*\([IVXLC]+[A-Z]?\))?(?:\s+(?:voor|over)\s+het\s+jaar\b|\s+\d{4}\b|\s*\(|\s*$)/u

/**
 * The ministry a motie is for where no letter answered it and no committee is known: the one its dossier's title
 * names (a budget's: `… begrotingsstaten van het Ministerie van Onderwijs, Cultuur en Wetenschap (VIII) …`), else
 * the ministry that sent most of the dossier's stored letters (`senders`: each sender with its number of letters;
 * `Minister van …` and `Staatssecretaris van …` of one ministry count together). Null where neither says.
 */
export function dossierMinistry(title: string | null, senders: ReadonlyArray<{ value: string; count: number }>): string | null {
  const budget = BUDGET_MINISTRY.exec(title ?? '')
  if (budget) return (budget[1] as string).trim()
  const counts = new Map<string, number>()
  for (const s of senders) {
    if (!/^(?:de\s+)?(?:minister|staatssecretaris)\b/i.test(s.value)) continue
    const ministry = officeMinistry(s.value)
    counts.set(ministry, (counts.get(ministry) ?? 0) + s.count)
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  return ranked[0]?.[0] ?? null
}

// `De vaste commissie voor Volksgezondheid, Welzijn en Sport heeft op 18 januari 2024 overleg gevoerd met …` (or `een
// commissiedebat gevoerd`): the opening of a committee's verslag names the committee whose debate it records.
const VERSLAG_OPENING =
  /\b(?:de\s+)?((?:vaste|algemene|tijdelijke)\s+commissie\s+voor\s+[^.]{3,120}?)\s+heeft\s+op\s+\d{1,2}\s+\p{L}+\s+\d{4}\s+(?:overleg|een\s+[\p{L}-]*(?:debat|overleg))\s+gevoerd/iu

/** The committee a verslag of a committee's debate records, from its opening; null for any other paper. */
export function committeeOfVerslag(text: string): string | null {
  return VERSLAG_OPENING.exec(text.slice(0, 2000))?.[1]?.replace(/\s+/g, ' ') ?? null
}

/** The Kabinetsappreciatie of a motie's Zaak, or null where it has none worth showing (`Niet beschikbaar …` kept as given). */
export function appreciatieOf(zaak: Json): string | null {
  return str(zaak.Kabinetsappreciatie)
}

/** A meeting of the Kamer as the agenda shows it. */
export interface Activity {
  id: string
  nummer: string | null
  /** `Commissiedebat`, `Plenair debat (wetgeving)`, `Procedurevergadering` … */
  soort: string | null
  onderwerp: string | null
  /** When it starts and ends (ISO 8601 with offset), or its day alone. */
  start: string | null
  end: string | null
  /** `Gepland`, `Uitgevoerd`, `Geannuleerd`, `Verplaatst` … */
  status: string | null
  besloten: boolean
  commissie: { afkorting: string | null; naam: string | null }
  locatie: string | null
  noot: string | null
  /** The dossiers its subject names. */
  dossiers: string[]
}

/** An Activiteit record as the agenda shows it. */
export function activityOf(r: Json): Activity {
  const onderwerp = str(r.Onderwerp)
  return {
    id: String(r.Id),
    nummer: str(r.Nummer),
    soort: str(r.Soort),
    onderwerp,
    start: str(r.Aanvangstijd) ?? str(r.Datum),
    end: str(r.Eindtijd),
    status: str(r.Status),
    besloten: r.Besloten === true,
    commissie: { afkorting: str(r.Voortouwafkorting), naam: str(r.Voortouwnaam) },
    locatie: str(r.Locatie),
    noot: str(r.Noot),
    dossiers: [...new Set([...(onderwerp ?? '').matchAll(/\((\d{5}(?:-[A-Z0-9]{1,6})?)\)/g)].map((m) => m[1] as string))],
  }
}

/** An item of a meeting's agenda, with the Zaken it puts on the table. */
export interface AgendaItem {
  volgorde: number | null
  onderwerp: string | null
  zaken: Array<{ nummer: string; soort: string | null; titel: string | null }>
}

/** An Agendapunt record as the agenda shows it. */
export function agendaItemOf(r: Json): AgendaItem {
  return {
    volgorde: num(r.Volgorde),
    onderwerp: str(r.Onderwerp),
    zaken: list(r.Zaak).flatMap((z) =>
      str(z.Nummer) ? [{ nummer: str(z.Nummer) as string, soort: str(z.Soort), titel: str(z.Onderwerp) ?? str(z.Titel) }] : [],
    ),
  }
}

/** The Kamerstuk a Zaak's published Document is (`kst-36196-11`), or null. */
export function kstOf(zaak: Json | null | undefined): string | null {
  for (const d of list(zaak?.Document)) {
    const kst = str((d.HuidigeDocumentVersie as Json | undefined)?.ExterneIdentifier)
    if (kst?.startsWith('kst-')) return kst
  }
  return null
}
