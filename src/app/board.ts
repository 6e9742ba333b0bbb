import { z } from 'zod'
import type { CommitmentList, CommitmentQuery, DossierView, TimelineEntry } from '../link/models.js'
import { COMMITMENT_STATUSES } from '../link/status.js'
import { type CommitmentRow, commitmentRow } from '../publish/export.js'
import type { Store } from '../store/store.js'
import { Refusal } from './errors.js'
import { commitmentQuery, everyCommitment } from './requests.js'
import { count, type Lang, text } from './search.js'

/**
 * The one input of the board of promises, as the CLI (`kamerwacht commitments`), the API (`GET
 * /api/commitments`) and the web board (`/commitments`) take it: a status, a sender or dossier, an
 * order, and a page or an offset.
 */
export function boardInput(lang: Lang = 'en') {
  const nl = lang === 'nl'
  return z.object({
    status: z.enum(COMMITMENT_STATUSES, nl ? { error: 'kies open, due-soon, overdue of fulfilled' } : undefined).optional(),
    sender: text(200).describe('only promises of this sender (part of the role)'),
    dossier: text(40).describe('only promises made in this dossier'),
    q: text(200).describe('only promises with these words (each as the start of a word: kernwap finds kernwapens)'),
    sort: z
      .enum(['deadline', 'date'], nl ? { error: 'kies deadline of date' } : undefined)
      .default('deadline')
      .describe('deadline (default): soonest due first, kept last; date: newest first'),
    limit: count(0, 10_000, nl).default(50),
    offset: count(0, 1_000_000, nl).default(0),
    page: count(1, 10_000, nl).optional().describe('page of `limit` promises (1 is the first); replaces offset'),
  })
}

/** A board input, checked. */
export type BoardInput = z.infer<ReturnType<typeof boardInput>>

/** The store's query for a board input: a page becomes an offset. */
export function toCommitmentQuery(i: BoardInput): CommitmentQuery {
  return commitmentQuery({ ...i, offset: i.page ? (i.page - 1) * i.limit : i.offset })
}

/** One page of the board, with the counts per status and sender that come with it. */
export function board(store: Store, input: BoardInput, today: string): Promise<CommitmentList> {
  return store.commitments(toCommitmentQuery(input), today)
}

/** Every promise of the board's filter (all pages), as export rows with links at `base`. */
export async function boardRows(store: Store, input: BoardInput, today: string, base: string): Promise<CommitmentRow[]> {
  const { limit: _l, offset: _o, page: _p, ...filter } = input
  const rows: CommitmentRow[] = []
  for await (const c of everyCommitment(store, commitmentQuery(filter), today)) rows.push(commitmentRow(c, base))
  return rows
}

/** A dossier number as people write it (`33 783`, `21501-02`) as the store keeps it. */
export const dossierNumber = (nr: string) => nr.replace(/\s+/g, '')

// A dossier number as the Kamer writes it: `33783`, `21501-02`, `36410-XVI`, `33000-X`, `35300-XIV`; the Eerste Kamer's
// letter dossiers `CII`, `CXXX`; white space between the parts allowed (`33 783`).
const DOSSIER_NUMBER = /^(?:\d{5}(?:-[0-9A-Z]{1,6}){0,2}|[A-Z]{1,8})$/

/** What is wrong with a dossier number, as a refusal (`abc` is none); null for a number that may name a dossier. */
export function dossierNumberProblem(nr: string): Refusal | null {
  const n = dossierNumber(nr).replace(/^(\d{5})([A-Z])/, '$1-$2')
  if (DOSSIER_NUMBER.test(n)) return null
  return new Refusal(
    'invalid-input',
    `invalid nr: ${nr} is no dossier number: write one as 33783, 21501-02 or 36410-XVI`,
    `nr: ${nr} is geen dossiernummer: schrijf er een als 33783, 21501-02 of 36410-XVI`,
    'nr',
  )
}

const noDossier = (nr: string) => new Refusal('not-found', `no paper of dossier ${nr}`, `Geen stuk van dossier ${nr} opgeslagen.`, 'nr')

/** A dossier at a glance: its papers, counts, promises and citations; `not-found` when none of its papers is stored. */
export async function dossier(store: Store, nr: string, today: string): Promise<DossierView> {
  const problem = dossierNumberProblem(nr)
  if (problem) throw problem
  const view = await store.dossier(dossierNumber(nr), today)
  if (!view) throw noDossier(nr)
  return view
}

/** A dossier's papers, events and promises in date order; `not-found` when none of its papers is stored. */
export async function timeline(store: Store, nr: string, today: string): Promise<TimelineEntry[]> {
  const problem = dossierNumberProblem(nr)
  if (problem) throw problem
  const entries = await store.timeline(dossierNumber(nr), today)
  if (!entries.length) throw noDossier(nr)
  return entries
}
