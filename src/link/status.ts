import { sameOffice } from './evidence.js'
import type { CommitmentRecord, FulfilmentLink } from './fulfilment.js'
import { FACT_CONFIDENCE } from './fulfilment.js'

/** A promise's state on a day: open, due within 30 days, past its deadline unkept, or kept. */
export const COMMITMENT_STATUSES = ['open', 'due-soon', 'overdue', 'fulfilled'] as const
/** See {@link COMMITMENT_STATUSES}. */
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number]

/** A correction a user made by hand (`kamerwacht commitment ID --reopen`); it outlives re-ingest. */
export type Correction = (
  | { action: 'fulfilled-by'; target: string }
  | { action: 'reopen' }
  | { action: 'not-a-commitment' }
  /** Undoes the correction before it: back to automatic matching (kept, so who undid what and when stays known). */
  | { action: 'clear' }
) & {
  /** When, as an ISO timestamp. */
  at: string
  /** Who: the user on the command line (`--by`, else the login name), `api` or the name sent with the token. */
  by?: string
}

/** One reason a paper may not keep a promise, in English (CLI, API) and Dutch (the web UI). */
export interface CorrectionWarning {
  en: string
  nl: string
}

/**
 * Why a paper may not keep a promise it is marked as keeping: it is older than the promise, or from
 * another sender. A correction with such warnings is recorded only when forced (`--force`).
 */
export function correctionWarnings(
  promise: { paper: { date: string | null; sender: string | null } },
  target: { id: string; date: string | null; sender: string | null },
): CorrectionWarning[] {
  const out: CorrectionWarning[] = []
  const made = promise.paper.date?.slice(0, 10)
  const day = target.date?.slice(0, 10)
  if (made && day && day < made)
    out.push({
      en: `${target.id} (${day}) is older than the promise (${made}): a paper cannot keep a promise made after it`,
      nl: `${target.id} (${day}) is ouder dan de toezegging (${made}): een stuk kan geen toezegging nakomen die na het stuk is gedaan`,
    })
  // Offices compared as sets: `Ministers van Defensie en van Buitenlandse Zaken` keeps a promise of the Minister van Defensie.
  if (promise.paper.sender && target.sender && !sameOffice(promise.paper.sender, target.sender))
    out.push({
      en: `${target.id} is from ${target.sender}, the promise from ${promise.paper.sender}`,
      nl: `${target.id} komt van ${target.sender}, de toezegging van ${promise.paper.sender}`,
    })
  return out
}

/** A link as shown: the fulfilling paper's id and date beside the reason and confidence. */
export interface Evidence extends FulfilmentLink {
  paperId: string | null
  paperDate: string | null
  paperTitle: string | null
}

/** A commitment with its status and why. */
export interface TrackedCommitment extends CommitmentRecord {
  status: CommitmentStatus
  /** The links taken as fact (confidence ≥ 0.7, or a manual one). */
  evidence: Evidence[]
  /** Weaker matches, shown for a person to judge. */
  candidates: Evidence[]
  /** Later papers that moved the promise to a later deadline (`stuur ik u in januari 2014 …`); its old deadlines are in `moved`. */
  postponements: Evidence[]
  correction: Correction | null
  /**
   * Open for more than {@link STALE_DAYS} days with no date to fall due by (`zo spoedig mogelijk`,
   * `t.z.t.`, a condition): such a promise never turns overdue, so it is flagged instead.
   */
  stale: boolean
}

/** Days after which an open promise without a due date is `stale`: six months. */
export const STALE_DAYS = 183

/** Whether an open promise with no due date has waited longer than {@link STALE_DAYS} on `today`. */
export function isStale(status: CommitmentStatus, due: { end: string } | null, made: string | null, today: string): boolean {
  if (status !== 'open' || due || !made) return false
  return (Date.parse(today) - Date.parse(made.slice(0, 10))) / dayMs > STALE_DAYS
}

/** Days before a due date's end at which an open promise is `due-soon`. */
export const DUE_SOON_DAYS = 30

const dayMs = 86_400_000

/**
 * The status of a promise on `today` (ISO date): a manual correction first;
 * then `fulfilled` by a link taken as fact; else `overdue` when the end of
 * its due period has passed, `due-soon` within {@link DUE_SOON_DAYS} of it,
 * and `open` otherwise (also when no due date can be resolved: `t.z.t.`).
 * Returns null for a promise a person marked as not a commitment.
 */
export function track(c: CommitmentRecord, links: Evidence[], correction: Correction | null, today: string): TrackedCommitment | null {
  if (correction?.action === 'not-a-commitment') return null
  const sorted = [...links].sort((a, b) => b.confidence - a.confidence || (a.paperDate ?? '').localeCompare(b.paperDate ?? ''))
  const reopened = correction?.action === 'reopen'
  const evidence = reopened ? [] : sorted.filter((l) => l.reason === 'manual' || l.confidence >= FACT_CONFIDENCE)
  const candidates = sorted.filter((l) => !evidence.includes(l) && l.reason !== 'manual' && l.reason !== 'postponed')
  const postponements = sorted.filter((l) => l.reason === 'postponed')
  const status = statusOf(c.due?.end ?? null, evidence.length > 0, today)
  return { ...c, status, evidence, candidates, postponements, correction, stale: isStale(status, c.due, c.paper.date, today) }
}

/** The status rule on its own, for stores that count statuses without loading whole records. */
export function statusOf(dueEnd: string | null, kept: boolean, today: string): CommitmentStatus {
  if (kept) return 'fulfilled'
  if (dueEnd && dueEnd < today) return 'overdue'
  if (dueEnd && (Date.parse(dueEnd) - Date.parse(today)) / dayMs <= DUE_SOON_DAYS) return 'due-soon'
  return 'open'
}

/** Zero for every status. */
export function noCounts(): Record<CommitmentStatus, number> {
  return { open: 0, 'due-soon': 0, overdue: 0, fulfilled: 0 }
}

/** Now as an ISO time: noon of `KAMERWACHT_TODAY` when set (see {@link today}), else the clock's. */
export function now(): string {
  return process.env.KAMERWACHT_TODAY && today() === process.env.KAMERWACHT_TODAY ? `${today()}T12:00:00.000Z` : new Date().toISOString()
}

/** Today as an ISO date, or `KAMERWACHT_TODAY` when set (for reproducible reports and tests). */
export function today(): string {
  const fixed = process.env.KAMERWACHT_TODAY
  return fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : new Date().toISOString().slice(0, 10)
}
