import { createHmac } from 'node:crypto'
import type { TrackedCommitment } from '../link/status.js'
import type { SearchHit } from '../search/types.js'
import { type FollowedItem, followedItem } from '../store/keys.js'
import type { FollowStatus, Store } from '../store/store.js'
import { Refusal } from './errors.js'
import { follow, followedPapers, itemNews, papersSince } from './follows.js'
import { motieFacts } from './moties.js'

/**
 * Alerts: a follow (a saved search or dossier) that names an e-mail address or a webhook gets what is new for it,
 * sent by `kamerwacht alerts`, which runs from cron (every hour, say): each run sends one digest per follow with
 * something new whose interval has passed (`everyHours`: a digest a day, a week; none: every run), nothing when
 * there is nothing. Everyone's follows are sent, each user's to the addresses they gave. A paper is sent once:
 * each follow remembers the store's write counter it was sent up to. A run that fails to deliver leaves the
 * counter, so the next run sends it again.
 *
 * A follow of one promise (`toezegging:ID`) is told twice at most, and never before its deadline: when a letter
 * that keeps it is stored, and when its deadline passes with none. A follow of one motie (`motie:ID`) is told of
 * each decision of the Kamer on it (voted: adopted or not, held, withdrawn), and of each letter stored that carries
 * it out, in part, declines it or answers it. A follow of a member (`lid:Kostić`) is
 * told of their moties, the answers to their written questions, the promises that name them and the debates they
 * speak in; of a committee (`commissie:BuZa`), its moties and the promises of its debates; of a ministry
 * (`ministerie:"Buitenlandse Zaken"`), its letters that make new promises.
 */

/** How alerts leave kamerwacht: an e-mail, and a JSON POST signed with the webhook secret. */
export interface Delivery {
  mail(to: string, subject: string, text: string): Promise<void>
  post(url: string, body: string, signature: string): Promise<void>
}

/** What one run did for one follow. */
export interface AlertReport {
  follow: string
  /** Whose follow ('' the store's own). */
  owner: string
  papers: number
  /** For a followed promise, what was told: kept by a letter, or its deadline passed. */
  promise?: 'met' | 'due'
  /** For a followed motie: a vote on it was told (and perhaps letters), or letters that answer it. */
  motie?: 'answered' | 'voted'
  email: 'sent' | 'failed' | null
  webhook: 'sent' | 'failed' | null
  error?: string
}

/** A webhook's body: the follow, the query, and the papers new for it, each with why it matched (its snippet). */
export interface AlertPayload {
  follow: string
  query: string
  /** For a followed promise: what happened to it (`met`: a letter keeps it; `due`: its deadline passed without one). */
  promise?: { id: string; text: string; event: 'met' | 'due'; due: string | null; paper: string | null; url: string }
  /** For a followed motie: the letters stored since the last alert that carry it out or answer it (in `papers`). */
  motie?: {
    id: string
    title: string | null
    result: string | null
    url: string
    /** The Kamer's decisions on it stored since the last alert: the result, the day, the seats for and against. */
    votes: Array<{ result: string; date: string | null; text: string | null; seatsFor: number; seatsAgainst: number }>
    /** How many decisions on it are stored in all. */
    decisions: number
  }
  /** For a followed member, committee or ministry: who (the papers are theirs: a member's moties, answers and debates; a ministry's letters with new promises). */
  followed?: { kind: 'lid' | 'commissie' | 'ministerie'; name: string }
  /** How many papers are new in all; `papers` holds the newest 100 of them. */
  total: number
  papers: Array<{ id: string; title: string | null; type: string | null; date: string | null; sender: string | null; url: string; snippet: string }>
}

/** `sha256=<hex>` of the body with the secret: the receiver checks it before it trusts the body. */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/** An address that can be mailed (one address, no display name: `naam@ministerie.nl`). */
export const EMAIL = /^[^\s@<>,;"]{1,64}@[^\s@<>,;"]{1,255}\.[a-z]{2,}$/i

/**
 * Sets where a follow's alerts go: an e-mail address, a webhook URL (http or https), or neither (`null` stops
 * them), and the hours at least between two (`everyHours`: 24 for a digest a day; null: every run of `kamerwacht
 * alerts`). From now on: what is stored already is not sent.
 */
export async function setAlerts(
  store: Store,
  owner: string,
  name: string,
  to: { email: string | null; webhook: string | null; everyHours: number | null },
  now: string,
): Promise<FollowStatus> {
  if (to.email !== null && !EMAIL.test(to.email)) throw new Refusal('invalid-input', `invalid email: ${to.email}`, `Geen e-mailadres: ${to.email}.`, 'email')
  if (to.webhook !== null && !/^https?:\/\/\S+$/i.test(to.webhook))
    throw new Refusal('invalid-input', `invalid webhook: give an http(s) URL, not ${to.webhook}`, `Geen webadres voor de webhook: ${to.webhook}.`, 'webhook')
  if (to.everyHours !== null && !(Number.isInteger(to.everyHours) && to.everyHours >= 1 && to.everyHours <= 24 * 31))
    throw new Refusal('invalid-input', 'invalid every: give whole hours, 1 to 744', 'Geef het aantal uren tussen twee berichten: 1 tot 744.', 'every')
  if (!(await store.setFollowAlerts(owner, name, to))) throw new Refusal('not-found', `no follow ${name}`, `U volgt niets onder de naam ${name}.`, 'name')
  // From this moment: a promise's deadline that passed before is not told, nor a motie's votes stored before.
  const item = followedItem((await follow(store, owner, name))?.query ?? '')
  const told = item?.kind === 'motie' ? String((await motieFacts(store, item.id))?.decisions.length ?? 0) : undefined
  await store.markFollowAlerted(owner, name, await store.writeCounter(), now, told)
  return (await follow(store, owner, name)) as FollowStatus
}

/** Words for an alert interval, in hours: `dag` (a digest a day), `week`, `uur`, or a number of hours. */
const EVERY_WORDS: Record<string, number> = { uur: 1, hour: 1, dag: 24, day: 24, week: 168 }

/** An alert interval as given (`dag`, `week`, `12`) in hours; null for none given (every run). Refused when not one. */
export function everyHoursOf(text: string | undefined): number | null {
  const t = text?.trim().toLowerCase()
  if (!t) return null
  const hours = EVERY_WORDS[t] ?? (/^\d{1,3}$/.test(t) ? Number(t) : Number.NaN)
  if (!(hours >= 1 && hours <= 744))
    throw new Refusal(
      'invalid-input',
      `invalid every: ${text} (give uur, dag, week or hours, 1 to 744)`,
      `Ongeldige tussentijd: ${text} (uur, dag, week of 1 tot 744 uren).`,
      'every',
    )
  return hours
}

/** Sends every follow's alerts that has something new; `base` is the web UI's address for links. */
export async function sendAlerts(
  store: Store,
  deliver: Delivery,
  o: { base: string; secret: string | null; now: string; today: string },
): Promise<AlertReport[]> {
  const out: AlertReport[] = []
  for (const f of await store.follows(null)) {
    if ((!f.email && !f.webhook) || !isDue(f, o.now)) continue
    const upTo = await store.writeCounter()
    const item = followedItem(f.query)
    const payload = !item
      ? await searchNews(store, f, o.base)
      : item.kind === 'toezegging'
        ? await promiseNews(store, f, item, o)
        : item.kind === 'motie'
          ? await motieNews(store, f, item, o)
          : await subjectNews(store, f, item, o)
    const report: AlertReport = {
      follow: f.name,
      owner: f.owner,
      papers: payload?.total ?? 0,
      ...(payload?.promise ? { promise: payload.promise.event } : {}),
      ...(payload?.motie ? { motie: payload.motie.votes.length ? ('voted' as const) : ('answered' as const) } : {}),
      email: null,
      webhook: null,
    }
    out.push(report)
    if (!payload) continue
    try {
      if (f.email) {
        report.email = 'failed'
        await deliver.mail(f.email, subjectOf(payload), digestText(payload))
        report.email = 'sent'
      }
      if (f.webhook) {
        report.webhook = 'failed'
        const body = JSON.stringify(payload)
        await deliver.post(f.webhook, body, o.secret ? signature(body, o.secret) : '')
        report.webhook = 'sent'
      }
      await store.markFollowAlerted(f.owner, f.name, upTo, o.now, payload.motie ? String(payload.motie.decisions) : undefined)
    } catch (e) {
      report.error = e instanceof Error ? e.message : String(e)
    }
  }
  return out
}

/** Whether a follow's digest is due: it has no interval, or its last alert is at least that many hours ago. */
function isDue(f: FollowStatus, now: string): boolean {
  if (f.everyHours === null || !f.alertedAt) return true
  return Date.parse(now) - Date.parse(f.alertedAt) >= f.everyHours * 3_600_000
}

/** A followed search's papers stored since its last alert: the newest 100 in full (the follow's page lists them all). */
async function searchNews(store: Store, f: FollowStatus, base: string): Promise<AlertPayload | null> {
  const { hits, total } = await store.search({ q: f.query, sinceSeq: f.alertedSeq, sort: 'date', limit: 100 })
  return hits.length ? alertPayload(f, hits, total, base) : null
}

/**
 * What to tell of a followed promise: a letter that keeps it, stored since the last alert; else its deadline, when
 * it passed since the last alert (or since alerts were set) and nothing keeps it. Nothing before the deadline.
 */
async function promiseNews(store: Store, f: FollowStatus, item: FollowedItem, o: { base: string; today: string }): Promise<AlertPayload | null> {
  const c = await store.commitment(item.id, o.today)
  if (!c) return null
  if (c.status === 'fulfilled') {
    const hits = await papersSince(
      store,
      c.evidence.map((e) => e.paperId ?? e.paperKey),
      f.alertedSeq,
    )
    if (!hits.length) return null
    return { ...alertPayload(f, hits, hits.length, o.base), promise: promiseOf(c, 'met', hits[0]?.id ?? null, o.base) }
  }
  const since = (f.alertedAt ?? f.created).slice(0, 10)
  if (!c.due || c.due.end >= o.today || c.due.end < since) return null
  return { ...alertPayload(f, [], 0, o.base), promise: promiseOf(c, 'due', null, o.base) }
}

/**
 * What to tell of a followed motie: the Kamer's decisions on it stored since the last alert (`told` counts those told
 * before), and the letters stored since that carry it out, in part, decline it or answer it.
 */
async function motieNews(store: Store, f: FollowStatus, item: FollowedItem, o: { base: string }): Promise<AlertPayload | null> {
  const hits = await papersSince(store, await followedPapers(store, item), f.alertedSeq)
  const facts = await motieFacts(store, item.id)
  const decisions = facts?.decisions ?? []
  const fresh = decisions.slice(Math.min(Number(f.told ?? 0) || 0, decisions.length))
  if (!hits.length && !fresh.length) return null
  const votes = fresh.map((d) => ({ result: d.result, date: d.date, text: d.text, seatsFor: d.tally.seatsFor, seatsAgainst: d.tally.seatsAgainst }))
  const motie = {
    id: item.id,
    title: facts?.title ?? null,
    result: facts?.result ?? null,
    url: `${o.base}/papers/${encodeURIComponent(facts?.id ?? item.id)}`,
    votes,
    decisions: decisions.length,
  }
  return { ...alertPayload(f, hits, hits.length, o.base), motie }
}

/** What is new for a followed member, committee or ministry since the last alert: its papers stored since. */
async function subjectNews(store: Store, f: FollowStatus, item: FollowedItem, o: { base: string }): Promise<AlertPayload | null> {
  const hits = await itemNews(store, item, f.alertedSeq)
  if (!hits.length) return null
  return { ...alertPayload(f, hits.slice(0, 100), hits.length, o.base), followed: { kind: item.kind as 'lid' | 'commissie' | 'ministerie', name: item.id } }
}

/** The promise as an alert tells it, with the page of the paper it was made in. */
function promiseOf(c: TrackedCommitment, event: 'met' | 'due', paper: string | null, base: string): NonNullable<AlertPayload['promise']> {
  return { id: c.id, text: c.text, event, due: c.due?.end ?? null, paper, url: `${base}/papers/${encodeURIComponent(c.paper.id ?? c.paper.key)}` }
}

/** How a digest names what it is about. */
const ABOUT: Record<NonNullable<AlertPayload['followed']>['kind'], (name: string) => string> = {
  lid: (name) => `het Kamerlid ${name}`,
  commissie: (name) => `de commissie ${name}`,
  ministerie: (name) => `nieuwe toezeggingen van ${name}`,
}

function subjectOf(p: AlertPayload): string {
  if (p.followed) return `kamerwacht: ${p.total} ${p.total === 1 ? 'nieuw stuk' : 'nieuwe stukken'}: ${ABOUT[p.followed.kind](p.followed.name)} (${p.follow})`
  if (p.motie?.votes.length) return `kamerwacht: motie ${p.motie.votes.at(-1)?.result} (${p.follow})`
  if (p.motie) return `kamerwacht: ${p.total === 1 ? 'een brief' : `${p.total} brieven`} over de motie die u volgt (${p.follow})`
  if (p.promise?.event === 'met') return `kamerwacht: toezegging nagekomen (${p.follow})`
  if (p.promise) return `kamerwacht: toezegging verlopen op ${p.promise.due} (${p.follow})`
  return `kamerwacht: ${p.total} ${p.total === 1 ? 'nieuw stuk' : 'nieuwe stukken'} voor ${p.follow}`
}

function alertPayload(f: FollowStatus, hits: SearchHit[], total: number, base: string): AlertPayload {
  return {
    follow: f.name,
    query: f.query,
    total,
    papers: hits.map((h) => ({
      id: h.id,
      title: h.title,
      type: h.type,
      date: h.date,
      sender: h.sender,
      url: `${base}/papers/${encodeURIComponent(h.id)}`,
      snippet: h.snippet.replace(/<\/?mark>/g, ''),
    })),
  }
}

/** The e-mail: each paper on a few lines, with why it matched (the words of its snippet) and its link. */
function digestText(p: AlertPayload): string {
  const lines = p.motie
    ? [
        `Over de motie die u volgt ("${p.follow}"):`,
        `  ${p.motie.title ?? p.motie.id}`,
        `  ${p.motie.url}`,
        ...p.motie.votes.map(
          (v) => `  ${v.date ?? ''} ${v.result}${v.seatsFor || v.seatsAgainst ? `: ${v.seatsFor} zetels voor, ${v.seatsAgainst} tegen` : ''}`,
        ),
        '',
      ]
    : p.promise
      ? [
          p.promise.event === 'met'
            ? `De toezegging die u volgt ("${p.follow}") is nagekomen:`
            : `De toezegging die u volgt ("${p.follow}") is op ${p.promise.due} verlopen, zonder brief die haar nakomt:`,
          `  ${p.promise.text}`,
          `  ${p.promise.url}`,
          '',
        ]
      : p.followed
        ? [`Nieuw voor "${p.follow}", ${ABOUT[p.followed.kind](p.followed.name)}:`, '']
        : [`Nieuw voor "${p.follow}" (${p.query}):`, '']
  for (const x of p.papers) lines.push(`${x.date ?? ''}  ${x.title ?? x.id}${x.sender ? ` — ${x.sender}` : ''}`, `  ${x.snippet}`, `  ${x.url}`, '')
  if (p.total > p.papers.length) lines.push(`… en ${p.total - p.papers.length} meer: kamerwacht follow new ${p.follow}`, '')
  lines.push('— kamerwacht. Stoppen: kamerwacht follow alert NAAM --off')
  return lines.join('\n')
}
