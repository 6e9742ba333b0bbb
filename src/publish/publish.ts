import { createHash } from 'node:crypto'
import type { TrackedCommitment } from '../link/status.js'
import { snippetPlain } from '../search/snippet.js'
import type { Store } from '../store/store.js'
import { atom, type CalendarEvent, ics, tagUri } from './feeds.js'

/** Where links in feeds point: the web UI's base address (`kamerwacht serve`). */
export interface PublishOptions {
  base: string
  today: string
}

const STATUS_NL: Record<TrackedCommitment['status'], string> = { open: 'open', 'due-soon': 'bijna verlopen', overdue: 'verlopen', fulfilled: 'nagekomen' }

const paperUrl = (base: string, idOrKey: string) => `${base}/papers/${encodeURIComponent(idOrKey)}`

/** Atom feed of a saved search: the 50 newest papers that match. */
export async function searchFeed(store: Store, q: string, o: PublishOptions): Promise<string> {
  const result = await store.search({ q, sort: 'date', limit: 50 })
  return atom({
    id: tagUri(`search/${q}`),
    title: `kamerwacht: ${q}`,
    self: `${o.base}/feeds/search.atom?q=${encodeURIComponent(q)}`,
    link: `${o.base}/?q=${encodeURIComponent(q)}`,
    author: 'kamerwacht',
    entries: result.hits.map((h) => ({
      id: tagUri(`paper/${h.id}`),
      title: h.title ?? h.id,
      updated: h.date ?? '1970-01-01',
      link: paperUrl(o.base, h.id),
      summary: snippetPlain(h.snippet),
      ...(h.sender ? { author: h.sender } : {}),
    })),
  })
}

/** Atom feed of a dossier: its papers, newest first. */
export async function dossierFeed(store: Store, dossier: string, o: PublishOptions): Promise<string | null> {
  const view = await store.dossier(dossier, o.today)
  if (!view) return null
  return atom({
    id: tagUri(`dossier/${dossier}`),
    title: `Dossier ${dossier}${view.title ? `: ${view.title}` : ''}`,
    self: `${o.base}/feeds/dossier/${encodeURIComponent(dossier)}.atom`,
    link: `${o.base}/dossiers/${encodeURIComponent(dossier)}`,
    author: 'kamerwacht',
    entries: [...view.papers].reverse().map((p) => ({
      id: tagUri(`paper/${p.id ?? p.key}`),
      title: p.title ?? p.id ?? p.key,
      updated: p.date ?? '1970-01-01',
      link: paperUrl(o.base, p.id ?? p.key),
      summary: p.line,
      ...(p.sender ? { author: p.sender } : {}),
    })),
  })
}

/** Atom feed of promises (of a sender, a dossier or all): one entry per promise, its status in the title. */
export async function commitmentsFeed(store: Store, filter: { sender?: string; dossier?: string }, o: PublishOptions): Promise<string> {
  const list = await store.commitments({ ...filter, limit: 200 }, o.today)
  const what = filter.sender ? `van ${filter.sender}` : filter.dossier ? `in dossier ${filter.dossier}` : ''
  const query = new URLSearchParams(filter as Record<string, string>).toString()
  return atom({
    id: tagUri(`commitments/${query}`),
    title: `Toezeggingen ${what}`.trim(),
    self: `${o.base}/feeds/commitments.atom${query ? `?${query}` : ''}`,
    link: `${o.base}/commitments${query ? `?${query}` : ''}`,
    author: 'kamerwacht',
    entries: list.items.map((c) => ({
      id: tagUri(`commitment/${c.id}`),
      title: `[${STATUS_NL[c.status]}] ${c.text}`,
      updated: c.evidence[0]?.paperDate ?? c.paper.date ?? '1970-01-01',
      link: paperUrl(o.base, c.paper.id ?? c.paper.key),
      summary: [
        c.dueText ? `Termijn: ${c.dueText}${c.due ? ` (uiterlijk ${c.due.end})` : ''}` : 'Geen termijn genoemd',
        ...c.evidence.map((e) => `Nagekomen in ${e.paperId ?? e.paperKey}: ${e.evidence}`),
      ].join('\n'),
      ...(c.paper.sender ? { author: c.paper.sender } : {}),
    })),
  })
}

/** iCalendar of a dossier's dated events and deadlines, or of a sender's deadlines. */
export async function calendar(store: Store, filter: { dossier: string } | { sender: string }, o: PublishOptions): Promise<string> {
  const events: CalendarEvent[] = []
  if ('dossier' in filter) {
    for (const e of await store.timeline(filter.dossier, o.today)) {
      if (e.kind !== 'event' && e.kind !== 'due') continue
      const paper = e.paper.id ?? e.paper.key
      events.push({
        // Stable across runs, so a calendar client updates an event instead of adding it again.
        uid: `${e.kind}-${e.commitmentId ?? `${paper}-${e.date}-${createHash('sha1').update(e.text).digest('hex').slice(0, 8)}`}@kamerwacht`,
        start: e.date,
        end: e.end ?? e.date,
        summary: e.kind === 'due' ? `Termijn toezegging: ${e.text}` : e.text.length > 120 ? `${e.text.slice(0, 119)}…` : e.text,
        description: `${e.text}\n(${paper})`,
        url: paperUrl(o.base, paper),
      })
    }
  } else {
    for (const c of (await store.commitments({ sender: filter.sender, limit: 10_000 }, o.today)).items) {
      if (!c.due) continue
      events.push({
        uid: `due-${c.id}@kamerwacht`,
        start: c.due.end,
        end: c.due.end,
        summary: `[${STATUS_NL[c.status]}] ${c.text.length > 100 ? `${c.text.slice(0, 99)}…` : c.text}`,
        description: `${c.text}\nTermijn: ${c.dueText ?? ''}\n(${c.paper.id ?? c.paper.key})`,
        url: paperUrl(o.base, c.paper.id ?? c.paper.key),
      })
    }
  }
  const name = 'dossier' in filter ? `Dossier ${filter.dossier}` : `Toezeggingen ${filter.sender}`
  return ics(name, events, o.today)
}
