import {
  appreciatieOf,
  besluitOf,
  type Committee,
  type Indiener,
  indienersOf,
  kstOf,
  leadCommittee,
  type MotieResult,
  nameKey,
  resultOf,
  tallyVotes,
  type VoteTally,
} from '../link/kamer.js'
import type { PaperInfo } from '../link/models.js'
import { type MotieAnswer, motieAnswer, motieNaming, namesMotie } from '../link/moties.js'
import type { Store } from '../store/store.js'

/** A later paper that answers a motie, and how. */
export interface MotieFollowUp {
  paper: PaperInfo
  how: MotieAnswer
  /** The words that say so: the paper's subject (an open-data record's Onderwerp) and the citation. */
  text: string
}

/**
 * The government letters that answer a motie (`kst-36583-14`): the stored papers that cite it by its number
 * (`(Kamerstuk 36583-14)`, `(Kamerstuk 36672-5 en 6)`), kept where the paper is a letter and its words say it
 * carries the motie out, in part, declines it, or responds to it (`Uitvoering van de motie …`, `Reactie op de
 * motie …`). A paper beside a letter (a beslisnota) and a paper that only mentions the motie are left out.
 */
export async function motieFollowUps(store: Store, motie: string, subject?: string | null): Promise<MotieFollowUp[]> {
  const cited = await store.citations(motie)
  const out: MotieFollowUp[] = []
  for (const c of cited?.in ?? []) {
    if (c.paper.type !== 'brief' || c.via !== 'id') continue
    const text = `${c.paper.title ?? ''} ${c.text}`.trim()
    const how = motieAnswer(text)
    if (how) out.push({ paper: c.paper, how, text })
  }
  const naming = motieNaming(subject ?? (await motieSubject(store, motie)) ?? '')
  if (naming) for (const f of await namedFollowUps(store, naming, cited?.paper.date ?? null)) if (!out.some((o) => o.paper.key === f.paper.key)) out.push(f)
  return out
}

/** What a motie asks, as the Kamer words it: its Zaak's subject, or its paper's title where that has the form. */
async function motieSubject(store: Store, motie: string): Promise<string | null> {
  const zaak = (await store.openDataByKey('Zaak', `kst:${motie}`))[0]?.record
  if (typeof zaak?.Onderwerp === 'string') return zaak.Onderwerp
  return (await store.get(motie))?.title ?? null
}

/**
 * Letters that name a motie without its number (`Reactie op de motie van het lid Tielen over onderzoeken of
 * glutenscreening …`): found by the opening words of what it asks, as a phrase, and kept where they also name its
 * movers (see `namesMotie`) in their subject or in the sentence that speaks of the motie, and say how they answer it.
 */
async function namedFollowUps(store: Store, naming: NonNullable<ReturnType<typeof motieNaming>>, since: string | null): Promise<MotieFollowUp[]> {
  const hits = (await store.search({ q: `"${naming.words.replace(/["()]/g, ' ')}"`, type: 'brief', limit: 20, ...(since ? { from: since.slice(0, 10) } : {}) }))
    .hits
  const out: MotieFollowUp[] = []
  for (const hit of hits) {
    const doc = await store.get(hit.id)
    if (!doc) continue
    const sentence = [doc.title ?? '', ...doc.text.split(/(?<=[.!?])\s+/).filter((x) => /\bmotie/i.test(x))].find((x) => namesMotie(x, naming))
    const how = sentence ? motieAnswer(sentence) : null
    if (!sentence || !how) continue
    const key = (await store.citations(hit.id))?.paper ?? {
      key: hit.id,
      id: hit.id,
      type: hit.type,
      date: hit.date,
      sender: hit.sender,
      title: hit.title,
      dossier: doc.dossier,
    }
    out.push({ paper: key, how, text: sentence })
  }
  return out
}

/** One decision on a motie: a Besluit with its result and, for a vote, how each fractie voted. */
export interface MotieDecision {
  besluitId: string
  result: MotieResult
  /** The Besluit's words (`Aangenomen.`, `Aangehouden.`). */
  text: string | null
  /** The day of the vote (its Activiteit), where the store has it. */
  date: string | null
  tally: VoteTally
}

/** What the Kamer's records say of a motie: who submitted it, the government's appreciation, and how it was decided. */
export interface MotieFacts {
  /** The motie's Kamerstuk (`kst-36196-11`) and its Zaak number (`2024Z00425`), where known. */
  id: string | null
  zaak: string | null
  title: string | null
  /** The day it was submitted (`GestartOp`, or the paper's date). */
  date: string | null
  indieners: Indiener[]
  /** `Oordeel Kamer`, `Ontraden`, `Overgenomen` … as the Zaak gives it. */
  appreciatie: string | null
  /** Every Besluit on it, in the order of their votes: a motie held (`aangehouden`) is voted on later. */
  decisions: MotieDecision[]
  /** The last decision's result: what became of it in the Kamer. */
  result: MotieResult | null
  /** The committee it is given to (ZaakActor `Voortouwcommissie`), where the store has it. */
  commissie: Committee | null
  /** Its dossier and the dossier's title, as its paper gives them (`36410-VIII`, `Vaststelling van de begrotingsstaten …`). */
  dossier: string | null
  dossierTitle: string | null
}

/** The Persoon records of each name signed under a motie (`Van Nispen`, `Inge van Dijk`), by that name. */
async function peopleNamed(store: Store, names: readonly string[]): Promise<Map<string, Array<Record<string, unknown>>>> {
  const out = new Map<string, Array<Record<string, unknown>>>()
  for (const name of names)
    out.set(
      name,
      (await store.openDataByKey('Persoon', `naam:${nameKey(name) ?? ''}`)).map((r) => r.record),
    )
  return out
}

/**
 * A motie's facts from the stored open-data records (a Zaak, its Agendapunten, their Besluiten, the Stemmingen and
 * the ZaakActoren) and its paper (the names signed under it). `motie` is its Kamerstuk id or its Zaak number. Null
 * when the store has neither a paper nor a Zaak of it.
 */
export async function motieFacts(store: Store, motie: string): Promise<MotieFacts | null> {
  const byNumber = /^\d{4}Z\d{5}$/.test(motie)
  const zaakRecord = (await store.openDataByKey('Zaak', byNumber ? `zaak:${motie}` : `kst:${motie}`))[0]?.record ?? null
  const id = byNumber ? kstOf(zaakRecord) : motie
  const paper = id ? await store.get(id) : null
  if (!zaakRecord && !paper) return null
  const nummer = typeof zaakRecord?.Nummer === 'string' ? zaakRecord.Nummer : null
  const actors = zaakRecord && typeof zaakRecord.Id === 'string' ? await store.openDataByKey('ZaakActor', `zaak-id:${zaakRecord.Id}`) : []
  const decisions = nummer ? await decisionsOf(store, nummer) : []
  return {
    id,
    zaak: nummer,
    // The Zaak's subject says what the motie asks (`Motie van het lid Graus over …`); the paper's printed title only who moved it.
    title: (typeof zaakRecord?.Onderwerp === 'string' ? zaakRecord.Onderwerp : null) ?? paper?.title ?? null,
    date: (typeof zaakRecord?.GestartOp === 'string' ? zaakRecord.GestartOp.slice(0, 10) : null) ?? paper?.date ?? null,
    indieners: indienersOf(
      paper?.signers ?? [],
      actors.map((a) => a.record),
      actors.length ? new Map() : await peopleNamed(store, paper?.signers ?? []),
    ),
    appreciatie: zaakRecord ? appreciatieOf(zaakRecord) : null,
    decisions,
    result: decisions[decisions.length - 1]?.result ?? null,
    commissie: leadCommittee(actors.map((a) => a.record)),
    dossier: paper?.dossier ?? null,
    dossierTitle: paper?.dossierTitle ?? (typeof zaakRecord?.Titel === 'string' ? zaakRecord.Titel : null),
  }
}

/** The Besluiten on a Zaak, from each Agendapunt that puts it to the vote, with their votes; oldest first. */
async function decisionsOf(store: Store, nummer: string): Promise<MotieDecision[]> {
  const out: MotieDecision[] = []
  for (const { record: agendapunt } of await store.openDataByKey('Agendapunt', `zaak:${nummer}`)) {
    const besluiten = (await store.openDataByKey('Besluit', `agendapunt:${String(agendapunt.Id)}`)).map((b) => b.record)
    const besluit = besluitOf(nummer, agendapunt, besluiten)
    if (!besluit) continue
    const stemmingen = (await store.openDataByKey('Stemming', `besluit:${String(besluit.Id)}`)).map((s) => s.record)
    const activiteit = (await store.openDataByKey('Activiteit', `activiteit:${String(agendapunt.Activiteit_Id)}`))[0]?.record
    out.push({
      besluitId: String(besluit.Id),
      result: resultOf(besluit),
      text: typeof besluit.BesluitTekst === 'string' ? besluit.BesluitTekst : null,
      date: typeof activiteit?.Datum === 'string' ? activiteit.Datum.slice(0, 10) : null,
      tally: tallyVotes(stemmingen),
    })
  }
  return out.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
}
