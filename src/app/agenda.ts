import { z } from 'zod'
import { type Activity, type AgendaItem, activityOf, agendaItemOf } from '../link/kamer.js'
import { wordsMatcher } from '../link/views.js'
import { type CalendarEvent, ics } from '../publish/feeds.js'
import { dateField } from '../search/fields.js'
import { type ParsedQuery, parseQuery, type Term } from '../search/query.js'
import type { Store } from '../store/store.js'
import { type Lang, text } from './search.js'

/**
 * The agenda's input, as the CLI (`kamerwacht agenda`), the API (`GET /api/agenda`), the web page (`/agenda`) and its
 * calendar (`/agenda.ics`) take it: which days, and whose (a committee) or about what (a dossier, words).
 */
export function agendaInput(lang: Lang = 'en') {
  const nl = lang === 'nl'
  return z.object({
    from: dateField('2025-10-01', nl).describe('from this day (default: today)'),
    to: dateField('2025-11-30', nl).describe('up to this day (default: eight weeks after from)'),
    commissie: text(40).describe('only the meetings of this committee, by its abbreviation (VWS, BuZa, J&V)'),
    dossier: text(40).describe('only the meetings whose subject names this dossier (35646)'),
    q: text(200).describe('only the meetings whose subject, note, agenda items or their Zaken hold these words (each the start of a word: stikstof, jeugd)'),
  })
}

/** An agenda input, checked. */
export type AgendaInput = z.infer<ReturnType<typeof agendaInput>>

/** A meeting with its agenda items. */
export interface AgendaEntry extends Activity {
  items: AgendaItem[]
}

/** The agenda: the days it covers and the meetings in them, first first. */
export interface Agenda {
  from: string
  to: string
  entries: AgendaEntry[]
}

/** How far the agenda looks ahead when no end is given. */
const WEEKS_AHEAD = 8

/**
 * The Kamer's meetings between two days (commissiedebatten, plenaire debatten, procedurevergaderingen …), from the
 * stored Activiteit records, each with its agenda items (Agendapunt records) and the Zaken on them; for a committee
 * or a dossier where asked. A cancelled meeting stays, marked by its status.
 */
export async function agenda(store: Store, input: AgendaInput, today: string): Promise<Agenda> {
  const from = (input.from ?? today).slice(0, 10)
  const to = (input.to ?? addDays(from, WEEKS_AHEAD * 7)).slice(0, 10)
  const keys = input.commissie
    ? [`commissie:${input.commissie.toLowerCase()}`]
    : input.dossier
      ? [`dossier:${input.dossier}`]
      : monthsBetween(from, to).map((m) => `maand:${m}`)
  const seen = new Map<string, Activity>()
  for (const key of keys) for (const r of await store.openDataByKey('Activiteit', key)) seen.set(r.id, activityOf(r.record))
  const within = [...seen.values()].filter((a) => {
    const day = a.start?.slice(0, 10)
    return !!day && day >= from && day <= to && (!input.dossier || a.dossiers.includes(input.dossier))
  })
  within.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || (a.nummer ?? '').localeCompare(b.nummer ?? ''))
  const holds = input.q ? wordsMatcher(input.q) : null
  const entries: AgendaEntry[] = []
  for (const a of within) {
    const items = (await store.openDataByKey('Agendapunt', `activiteit:${a.id}`)).map((r) => agendaItemOf(r.record))
    items.sort((x, y) => (x.volgorde ?? 0) - (y.volgorde ?? 0))
    const entry = { ...a, items }
    if (!holds || holds(entryText(entry))) entries.push(entry)
  }
  return { from, to, entries }
}

/** What a meeting is about, as the words filter reads it: its subject and note, its items and their Zaken. */
function entryText(e: AgendaEntry): string {
  return [e.onderwerp, e.noot, e.soort, ...e.items.flatMap((i) => [i.onderwerp, ...i.zaken.flatMap((z) => [z.nummer, z.titel])])].filter(Boolean).join(' ')
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 864e5).toISOString().slice(0, 10)
}

/** The months two days span, `2025-10` to `2025-12`: the keys the agenda reads its meetings by. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  const end = to.slice(0, 7)
  for (let k = 0; k < 240; k++) {
    const month = `${y}-${String(m).padStart(2, '0')}`
    if (month > end) break
    out.push(month)
    m = m === 12 ? 1 : m + 1
    if (m === 1) y++
  }
  return out
}

/** The agenda as iCalendar: each meeting an event at its times, its agenda items in the description; `base` is the web UI's address. */
export function agendaCalendar(a: Agenda, name: string, base: string, stamp: string): string {
  const events: CalendarEvent[] = a.entries.map((e) => {
    const day = (e.start ?? a.from).slice(0, 10)
    const items = e.items.map((i) => `- ${i.onderwerp ?? ''}${i.zaken.length ? ` (${i.zaken.map((z) => z.nummer).join(', ')})` : ''}`)
    const committee = e.commissie.naam ?? e.commissie.afkorting
    return {
      // The Kamer's own id: a calendar client updates a moved meeting instead of adding it again.
      uid: `activiteit-${e.id}@kamerwacht`,
      start: day,
      end: (e.end ?? day).slice(0, 10),
      ...(e.start && e.start.length > 10 ? { at: { start: e.start, end: e.end } } : {}),
      summary: `${e.status === 'Geannuleerd' ? '[Geannuleerd] ' : ''}${e.soort ?? 'Activiteit'}: ${e.onderwerp ?? ''}`,
      description: [committee, e.besloten ? 'Besloten.' : null, e.noot, ...items].filter(Boolean).join('\n'),
      ...(e.locatie ? { location: e.locatie } : {}),
      url: `${base}/agenda?from=${day}&to=${day}`,
    }
  })
  return ics(name, events, stamp)
}

/**
 * The agenda a followed search points to (its calendar's query string, `q=stikstof`, `dossier=33783`): its dossier,
 * and the words every paper it finds must hold (a group of alternatives, `a OF b`, is left out: the agenda's words
 * must all be there). Null where the search names neither (`type:brief` alone), or follows one promise.
 */
export function followAgendaQuery(query: string): string | null {
  let parsed: ParsedQuery
  try {
    parsed = parseQuery(query)
  } catch {
    return null
  }
  const words = parsed.must.flatMap((group) => (group.length === 1 ? [(group[0] as Term).text.replace(/\*$/, '')] : []))
  const params = new URLSearchParams()
  if (parsed.filters.dossier) params.set('dossier', parsed.filters.dossier)
  if (words.length) params.set('q', words.join(' '))
  return params.size ? params.toString() : null
}
