import { z } from 'zod'
import { activityOf, committeeOfVerslag, kstOf, type MotieResult, nameKey, resultOf, zaakOfBesluit } from '../link/kamer.js'
import type { TrackedCommitment } from '../link/status.js'
import { dateField } from '../search/fields.js'
import { fold } from '../search/stem.js'
import type { Store } from '../store/store.js'
import { count, type Lang } from './search.js'

type Json = Record<string, unknown>

/** A vote of a fractie (or of a member apart from it) on one Zaak, with what the Kamer decided. */
export interface VoteRow {
  /** The Zaak voted on (`2024Z00425`), its subject, and its Kamerstuk where the store knows it. */
  zaak: string | null
  onderwerp: string | null
  motie: string | null
  soort: string
  /** The fractie said afterwards its vote was a mistake. */
  mistake: boolean
  result: MotieResult
  /** The day of the vote, where its meeting is stored; else the day the vote was recorded. */
  date: string | null
}

/** A motie a fractie's member or a member submitted. */
export interface SubmittedMotie {
  zaak: string | null
  onderwerp: string | null
  motie: string | null
  date: string | null
  /** The member, and Indiener or Medeindiener. */
  by: string
  relatie: string | null
}

/** A fractie or a member as their pages show them: the moties they submitted, and votes. */
export interface KamerPerson {
  name: string
  moties: SubmittedMotie[]
  votes: { total: number; items: VoteRow[] }
}

/**
 * What a fractie's or a member's page takes, as the CLI (`kamerwacht fractie`, `lid`), the API and the web pages do:
 * which votes (by what the Kamer decided, and days), a page of them.
 */
export function personInput(lang: Lang = 'en') {
  const nl = lang === 'nl'
  return z.object({
    result: z
      .enum(['aangenomen', 'verworpen', 'aangehouden', 'ingetrokken', 'overgenomen', 'vervallen', 'anders'], {
        error: nl ? 'kies aangenomen, verworpen, aangehouden of ingetrokken' : 'one of aangenomen, verworpen, aangehouden, ingetrokken',
      })
      .optional()
      .describe('only votes on what the Kamer decided so'),
    from: dateField('2024-01-01', nl).describe('votes from this day'),
    to: dateField('2024-12-31', nl).describe('votes up to this day'),
    limit: count(1, 500, nl).default(50),
    offset: count(0, 1_000_000, nl).default(0),
  })
}

/** A person page's input, checked. */
export type PersonQuery = z.infer<ReturnType<typeof personInput>>

/**
 * A fractie's page: the moties its members submitted (ZaakActor records, with the fractie at the time) and how it
 * voted on each Zaak put to the vote (its Stemming records), newest first, by result and days where asked.
 */
export async function fractieView(store: Store, name: string, q: PersonQuery): Promise<KamerPerson> {
  const key = `fractie:${nameKey(name) ?? ''}`
  return {
    name,
    moties: await submitted(store, key),
    votes: await votesOf(store, key, q, (s) => !s.Persoon_Id),
  }
}

/**
 * A member's page: the moties they submitted (as indiener or medeindiener), and the votes they cast apart from their
 * fractie (a vote per member). Their speaking turns are a search (`spreker:`), which the page links to.
 */
export async function lidView(store: Store, name: string, q: PersonQuery): Promise<KamerPerson> {
  const key = `lid:${nameKey(name) ?? ''}`
  return { name, moties: await submitted(store, key), votes: await votesOf(store, key, q, () => true) }
}

/** The moties a member submitted (as indiener or medeindiener), newest first. */
export function memberMoties(store: Store, name: string): Promise<SubmittedMotie[]> {
  return submitted(store, `lid:${nameKey(name) ?? ''}`)
}

/** The moties of the ZaakActor records under a key that submitted them, newest first. */
function submitted(store: Store, key: string): Promise<SubmittedMotie[]> {
  return zakenOf(store, key, (actor) => /indiener/i.test(String(actor.Relatie ?? '')))
}

/** The Zaken of the ZaakActor records under a key that `keep` takes, newest first. */
async function zakenOf(store: Store, key: string, keep: (actor: Json) => boolean): Promise<SubmittedMotie[]> {
  const out: SubmittedMotie[] = []
  for (const { record: actor } of await store.openDataByKey('ZaakActor', key)) {
    if (!keep(actor)) continue
    const zaak = (await store.openDataByKey('Zaak', `zaak-id:${String(actor.Zaak_Id)}`))[0]?.record
    out.push({
      zaak: typeof zaak?.Nummer === 'string' ? zaak.Nummer : null,
      onderwerp: typeof zaak?.Onderwerp === 'string' ? zaak.Onderwerp : null,
      motie: zaak ? kstOf(zaak) : null,
      date: typeof zaak?.GestartOp === 'string' ? zaak.GestartOp.slice(0, 10) : null,
      by: String(actor.ActorNaam ?? ''),
      relatie: typeof actor.Relatie === 'string' ? actor.Relatie : null,
    })
  }
  return out.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
}

/**
 * The votes under a key, newest first: each Stemming's Besluit, the Agendapunt it decides an item of, the Zaak at
 * its place there, and the meeting's day. Only the page asked for is looked up record by record.
 */
async function votesOf(store: Store, key: string, q: PersonQuery, keep: (s: Json) => boolean): Promise<KamerPerson['votes']> {
  const stemmingen = (await store.openDataByKey('Stemming', key)).map((r) => r.record).filter(keep)
  // Unfiltered, only the page is looked up (a fractie votes thousands of times a year), newest first by the day
  // each vote was recorded; a filter on result or days needs every vote looked up.
  if (!q.result && !q.from && !q.to) {
    const recorded = (s: Json) => String(s.GewijzigdOp ?? '')
    stemmingen.sort((a, b) => recorded(b).localeCompare(recorded(a)))
    const items: VoteRow[] = []
    for (const s of stemmingen.slice(q.offset, q.offset + q.limit)) items.push(await voteRow(store, s))
    return { total: stemmingen.length, items }
  }
  const rows: VoteRow[] = []
  for (const s of stemmingen) {
    const row = await voteRow(store, s)
    if (q.result && row.result !== q.result) continue
    if ((q.from && (row.date ?? '') < q.from) || (q.to && (row.date ?? '') > q.to)) continue
    rows.push(row)
  }
  rows.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || (a.zaak ?? '').localeCompare(b.zaak ?? ''))
  return { total: rows.length, items: rows.slice(q.offset, q.offset + q.limit) }
}

async function voteRow(store: Store, s: Json): Promise<VoteRow> {
  const besluit = (await store.openDataByKey('Besluit', `besluit:${String(s.Besluit_Id)}`))[0]?.record
  const agendapunt = besluit ? (await store.openDataByKey('Agendapunt', `agendapunt:${String(besluit.Agendapunt_Id)}`))[0]?.record : undefined
  const zaak = agendapunt && besluit ? zaakOfBesluit(agendapunt, besluit) : null
  const nummer = typeof zaak?.Nummer === 'string' ? zaak.Nummer : null
  const stored = nummer ? (await store.openDataByKey('Zaak', `zaak:${nummer}`))[0]?.record : undefined
  const activiteit = agendapunt ? (await store.openDataByKey('Activiteit', `activiteit:${String(agendapunt.Activiteit_Id)}`))[0]?.record : undefined
  const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : null)
  return {
    zaak: nummer,
    // The Agendapunt's list may hold the Zaak's number alone (as `sync tk` asks for it): its subject is the stored Zaak's.
    onderwerp: [zaak?.Onderwerp, stored?.Onderwerp, zaak?.Titel].find((v): v is string => typeof v === 'string') ?? null,
    motie: stored ? kstOf(stored) : null,
    soort: String(s.Soort ?? '(onbekend)'),
    mistake: s.Vergissing === true,
    result: besluit ? resultOf(besluit) : 'anders',
    date: day(activiteit?.Datum) ?? day(s.GewijzigdOp),
  }
}

/** A committee's page: the moties given to it (`Voortouwcommissie`) and its meetings of the coming weeks. */
export interface CommitteeView {
  afkorting: string
  /** Its name as the Kamer's records give it (`vaste commissie voor Volksgezondheid, Welzijn en Sport`), where they do. */
  naam: string | null
  moties: SubmittedMotie[]
  /** The promises made in its debates, newest first. */
  promises: TrackedCommitment[]
}

/**
 * A committee: the moties given to it, newest first, and the promises made in its debates (its agenda is
 * `app/agenda.ts` with the committee's abbreviation). Its name comes from its meetings' records.
 */
export async function committeeView(store: Store, afkorting: string, today: string): Promise<CommitteeView> {
  const meeting = (await store.openDataByKey('Activiteit', `commissie:${afkorting.toLowerCase()}`))[0]
  const naam = meeting ? activityOf(meeting.record).commissie.naam : null
  return {
    afkorting,
    naam,
    moties: await zakenOf(store, `commissie:${nameKey(afkorting) ?? ''}`, () => true),
    promises: naam ? await committeePromises(store, naam, today) : [],
  }
}

/**
 * The promises made in a committee's debates: those of the papers that open as the verslag of one does, `De vaste
 * commissie voor Volksgezondheid, Welzijn en Sport heeft op 18 januari 2024 overleg gevoerd met …` (or `een
 * commissiedebat gevoerd`), the newest 50 such papers.
 */
async function committeePromises(store: Store, naam: string, today: string): Promise<TrackedCommitment[]> {
  const bare = naam.replace(/^(?:de\s+)?/i, '')
  // The verslag's opening names the committee just before `heeft op …` (`… de vaste commissie voor Defensie heeft op …`).
  const opens = (text: string) => !!bare && fold(committeeOfVerslag(text) ?? '').endsWith(fold(bare))
  const { hits } = await store.search({ q: `"${bare.replace(/"/g, '')}" gevoerd`, sort: 'date', limit: 50 })
  const out: TrackedCommitment[] = []
  for (const hit of hits) {
    const doc = await store.get(hit.id)
    if (!doc || !opens(doc.text)) continue
    out.push(...(await store.commitments({ paper: hit.id, limit: 200, sort: 'date' }, today)).items)
  }
  return out.sort((a, b) => (b.paper.date ?? '').localeCompare(a.paper.date ?? ''))
}
