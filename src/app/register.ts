import { z } from 'zod'
import { committeeOfVerslag } from '../link/kamer.js'
import { compareRegister, type PaperPromise, type RegisterComparison, type RegisterEntry, registerChains, registerEntry } from '../link/register.js'
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../link/status.js'
import { dateField } from '../search/fields.js'
import { fold } from '../search/stem.js'
import type { Store } from '../store/store.js'
import { everyCommitment } from './requests.js'
import { type Lang, text } from './search.js'

/**
 * The register's input, as the CLI (`kamerwacht commitments --compare`), the API (`GET /api/register`) and the web
 * page (`/register`) take it: a status (kamerwacht's for the promises it read, the register's for its own), a
 * ministry, who made them, the committee of the debate they were made in, the fractie or member they were made to,
 * and a day they are due by: the twice-yearly review of one ministry's open promises.
 */
export function registerInput(lang: Lang = 'en') {
  const nl = lang === 'nl'
  return z.object({
    status: z
      .enum(COMMITMENT_STATUSES, { error: nl ? `kies ${COMMITMENT_STATUSES.join(', ')}` : `one of ${COMMITMENT_STATUSES.join(', ')}` })
      .optional()
      .describe('only promises that stand so: open, due-soon, overdue, fulfilled'),
    ministerie: text(120).describe('only promises of this ministry (part of its name: Buitenlandse Zaken)'),
    door: text(120).describe('only promises made by this member of government, by name or office (Hoekstra, staatssecretaris)'),
    commissie: text(120).describe('only promises made in a debate this committee led (its abbreviation or part of its name: VWS, Volksgezondheid)'),
    fractie: text(80).describe('only promises made to this fractie, or to a member of it (SP, GroenLinks-PvdA)'),
    lid: text(80).describe('only promises made to this member (their surname: Westerveld)'),
    voor: dateField('2025-12-31', nl).describe('only promises due on or before this day (the register’s deadline, else the one kamerwacht read)'),
  })
}

/** A register input, checked. */
export type RegisterInput = z.infer<ReturnType<typeof registerInput>>

/** The register beside the papers, and how many register records the store holds in all. */
export interface RegisterView extends RegisterComparison {
  registered: number
}

/**
 * The Kamer's register of promises (its `Toezegging` records) beside the promises kamerwacht read in the papers:
 * the pairs (with kamerwacht's deadline and keeping letter where the register has none: its proposal), the
 * register's records kamerwacht did not find, and the promises it read that the register lacks.
 */
export async function registerComparison(store: Store, input: Partial<RegisterInput>, day: string): Promise<RegisterView> {
  const register = await registerEntries(store)
  const all = compareRegister(register, await paperPromises(store, day))
  // Pairs and paper promises by the status kamerwacht gives them, register entries by the register's.
  let view = input.status ? withStatus(all, input.status, day) : all
  // The register's by its Ministerie, the papers' by their sender's office.
  if (input.ministerie)
    view = cut(
      view,
      containing(input.ministerie, (r) => [r.ministerie]),
      containing(input.ministerie, (p) => [p.sender]),
    )
  // The register's by who made it (`W.B. Hoekstra, minister van Buitenlandse Zaken`), the papers' by the speaker or the office.
  if (input.door)
    view = cut(
      view,
      containing(input.door, (r) => [r.by]),
      containing(input.door, (p) => [p.speaker, p.sender]),
    )
  view = byKamer(view, input)
  // A day, a month or a year, taken whole: `2025` is up to the end of 2025.
  const by = input.voor
  const dueBy = (due: string | null | undefined) => !!by && !!due && due.slice(0, by.length) <= by
  if (by)
    view = cut(
      view,
      (r) => dueBy(r.due),
      (p) => dueBy(p.due),
    )
  return { ...oldestFirst(view), registered: register.length }
}

/**
 * The register's records as entries: each with the stored papers of the letters that kept it, the debate it was
 * made in (expanded in the record, else the stored `Activiteit` of its `ActiviteitNummer`), and its chain read both ways.
 */
async function registerEntries(store: Store): Promise<RegisterEntry[]> {
  const register: RegisterEntry[] = []
  for (const r of await store.openData('Toezegging')) {
    const kept = Array.isArray(r.record.KamerbriefNakoming) ? (r.record.KamerbriefNakoming as Array<Record<string, unknown>>) : []
    const papers = new Map<string, string | null>()
    for (const k of kept)
      if (typeof k.DocumentNummer === 'string') {
        const doc = await store.get(k.DocumentNummer)
        papers.set(k.DocumentNummer, doc ? (doc.id ?? k.DocumentNummer) : null)
      }
    const nummer = typeof r.record.ActiviteitNummer === 'string' && !r.record.Activiteit ? r.record.ActiviteitNummer : null
    const activity = nummer ? ((await store.openDataByKey('Activiteit', `activiteit-nr:${nummer}`))[0]?.record ?? null) : null
    register.push(registerEntry(r, (nr) => papers.get(nr) ?? null, activity))
  }
  return registerChains(register)
}

/**
 * The comparison cut to the committee, fractie and member asked for: the register's records by the committee that
 * led their debate and by whom they were made to (`ToegezegdAan`); the papers' promises by the committee of the
 * verslag they stand in and by the member or fractie the debate says they were made to.
 */
function byKamer(view: RegisterComparison, input: Partial<RegisterInput>): RegisterComparison {
  let out = view
  if (input.commissie)
    out = cut(
      out,
      containing(input.commissie, (r) => [r.activiteit?.commissie.afkorting, r.activiteit?.commissie.naam]),
      containing(input.commissie, (p) => [p.commissie]),
    )
  if (input.fractie) {
    const want = fold(input.fractie)
    out = cut(
      out,
      (r) => r.toegezegdAan.some((t) => !!t.fractie && fold(t.fractie) === want),
      (p) => !!p.to && fold(p.to) === want,
    )
  }
  if (input.lid)
    out = cut(
      out,
      containing(input.lid, (r) => r.toegezegdAan.map((t) => t.lid)),
      containing(input.lid, (p) => [p.to]),
    )
  return out
}

/** Each list oldest promise first (by the day it was made; the undated last): what has been open longest leads a review. */
function oldestFirst(c: RegisterComparison): RegisterComparison {
  const by =
    <T>(made: (t: T) => string | null | undefined) =>
    (a: T, b: T) =>
      (made(a) ?? '9999').localeCompare(made(b) ?? '9999')
  return {
    agree: [...c.agree].sort(by((a) => a.register.made ?? a.paper.date)),
    onlyRegister: [...c.onlyRegister].sort(by((r) => r.made)),
    onlyPapers: [...c.onlyPapers].sort(by((p) => p.date)),
  }
}

/** Every promise in the store with the paragraph it stands in, for comparing with the register. */
async function paperPromises(store: Store, day: string): Promise<PaperPromise[]> {
  const out: PaperPromise[] = []
  const docs = new Map<string, Awaited<ReturnType<Store['get']>>>()
  for await (const c of everyCommitment(store, {}, day)) {
    if (!docs.has(c.paper.key)) docs.set(c.paper.key, await store.get(c.paper.key))
    const doc = docs.get(c.paper.key)
    const found = doc?.commitments.find((x) => x.text === c.text)
    const at = found?.span.start ?? -1
    const section = doc?.sections.find((s) => s.span.start <= at && at < s.span.end)
    out.push({
      id: c.id,
      text: c.text,
      paper: c.paper.id ?? c.paper.key,
      // A promise made aloud has the speaker's office for its sender, where the debate names it (see `commitmentRecords`).
      sender: c.paper.sender,
      ...(found?.speaker ? { speaker: c.actor ?? found.speaker.name } : {}),
      date: c.paper.date,
      status: c.status,
      context: doc && section ? doc.text.slice(section.span.start, section.span.end) : c.text,
      due: c.due?.end ?? null,
      keptBy: c.evidence.map((e) => e.paperId ?? e.paperKey),
      to: found?.to ?? null,
      commissie: doc ? committeeOfVerslag(doc.text) : null,
    })
  }
  return out
}

/** The comparison cut to one status. */
function withStatus(c: RegisterComparison, status: CommitmentStatus, day: string): RegisterComparison {
  const soon = new Date(Date.parse(day) + 30 * 864e5).toISOString().slice(0, 10)
  const registerStatus = (r: RegisterEntry): CommitmentStatus => {
    if (r.status?.toLowerCase() === 'voldaan') return 'fulfilled'
    if (r.due && r.due < day) return 'overdue'
    if (r.due && r.due <= soon) return 'due-soon'
    return 'open'
  }
  return {
    agree: c.agree.filter((a) => a.paper.status === status),
    onlyRegister: c.onlyRegister.filter((r) => registerStatus(r) === status),
    onlyPapers: c.onlyPapers.filter((p) => p.status === status),
  }
}

/** The comparison cut by a test of register records and one of paper promises; a pair stays when either side passes. */
function cut(c: RegisterComparison, onRegister: (r: RegisterEntry) => boolean, onPaper: (p: PaperPromise) => boolean): RegisterComparison {
  return {
    agree: c.agree.filter((a) => onRegister(a.register) || onPaper(a.paper)),
    onlyRegister: c.onlyRegister.filter(onRegister),
    onlyPapers: c.onlyPapers.filter(onPaper),
  }
}

/** Whether one of the fields holds the words (any case, accents folded): `buitenlandse zaken` in `Ministerie van Buitenlandse Zaken`. */
function containing<T>(words: string, fields: (t: T) => Array<string | null | undefined>): (t: T) => boolean {
  const want = fold(words)
  return (t) => fields(t).some((s) => !!s && fold(s).includes(want))
}
