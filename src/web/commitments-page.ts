import type { CommitmentList, SenderCounts } from '../link/models.js'
import type { CommitmentStatus } from '../link/status.js'
import { correctionForm, correctionNote, postponementNote } from './corrections.js'
import { dossierHref, dutchDate, esc, layout, paperHref, STATUS_NL } from './html.js'

/** What the board's filter form holds. */
export interface BoardForm {
  status?: CommitmentStatus
  sender?: string
  dossier?: string
  /** Words each shown promise holds. */
  q?: string
  /** `deadline` (default): soonest due first; `date`: newest promise first. */
  sort?: 'deadline' | 'date'
  page: number
}

export const BOARD_PAGE = 25
const STATUSES: CommitmentStatus[] = ['open', 'due-soon', 'overdue', 'fulfilled']

function href(f: BoardForm, change: { [K in keyof BoardForm]?: BoardForm[K] | undefined }): string {
  const next = { ...f, page: 1, ...change }
  const p = new URLSearchParams()
  for (const k of ['status', 'q', 'sender', 'dossier'] as const) if (next[k]) p.set(k, next[k] as string)
  if (next.sort === 'date') p.set('sort', 'date')
  if ((next.page ?? 1) > 1) p.set('page', String(next.page))
  const s = p.toString()
  return `/commitments${s ? `?${s}` : ''}`
}

/**
 * The ministry a sender speaks for: `Minister van Buitenlandse Zaken` and `Staatssecretaris van
 * Buitenlandse Zaken` are both `Buitenlandse Zaken`; `Minister-president, minister van Algemene Zaken`
 * is `Algemene Zaken`. A minister `voor` a portfolio (`Minister voor Jeugd, Preventie en Sport`) keeps it:
 * the office does not say which ministry it sits in.
 */
export function ministryOf(sender: string): string {
  return sender.replace(/^minister-president,\s*/i, '').replace(/^(?:minister|staatssecretaris)\s+van\s+/i, '')
}

/** Counts per sender summed per ministry, most open and overdue first. */
function byMinistry(rows: SenderCounts[]): SenderCounts[] {
  const out = new Map<string, SenderCounts>()
  for (const r of rows) {
    const m = ministryOf(r.sender)
    const sum = out.get(m) ?? { sender: m, open: 0, 'due-soon': 0, overdue: 0, fulfilled: 0 }
    for (const s of STATUSES) sum[s] += r[s]
    out.set(m, sum)
  }
  return [...out.values()].sort((a, b) => b.open + b['due-soon'] + b.overdue - (a.open + a['due-soon'] + a.overdue))
}

/**
 * Open and overdue commitments per ministry as a horizontal bar chart in SVG
 * (no script needed): each ministry's name, its bar and its numbers, which a screen reader reads as a list.
 */
function chart(bySender: SenderCounts[]): string {
  const rows = byMinistry(bySender)
  const top = rows.filter((r) => r.open + r['due-soon'] + r.overdue > 0).slice(0, 12)
  if (!top.length) return '<p>Geen open of verlopen toezeggingen.</p>'
  const max = Math.max(...top.map((r) => r.open + r['due-soon'] + r.overdue))
  // The names are HTML text, at the page's own size, wrapping where they must: a name drawn inside the SVG
  // shrank with it (9 px in the board's side column) and had to be cut (`conomische Zaken en Klima…`). Only the
  // bars are SVG (a width as an attribute: the Content-Security-Policy allows no inline style).
  const pct = (n: number) => ((n / max) * 100).toFixed(1)
  const bars = top
    .map((r) => {
      const open = r.open + r['due-soon']
      return `<li><a class="label" href="${esc(`/commitments?sender=${encodeURIComponent(r.sender)}`)}">${esc(r.sender)}</a>
<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="bar-open" x="0" y="0" width="${pct(open)}" height="10"></rect><rect class="bar-overdue" x="${pct(open)}" y="0" width="${pct(r.overdue)}" height="10"></rect></svg>
<span class="n">${open} open · ${r.overdue} verlopen</span></li>`
    })
    .join('\n')
  return `<figure class="chart" aria-labelledby="chart-title">
<figcaption id="chart-title">Open en verlopen toezeggingen per ministerie: <span class="key key-open"></span> open (ook bijna verlopen) <span class="key key-overdue"></span> verlopen</figcaption>
<ul class="bars">${bars}</ul>
</figure>`
}

/** The commitments board: counts per status as tabs, filters, the list with evidence, and a chart per ministry. */
export function commitmentsPage(
  f: BoardForm,
  list: CommitmentList,
  chartRows: SenderCounts[],
  writable: boolean,
  signedIn = false,
  here = '/commitments',
): string {
  const tabs = [
    `<a href="${esc(href(f, { status: undefined }))}"${f.status ? '' : ' aria-current="true"'}>Alle <span class="count">${STATUSES.reduce((n, s) => n + list.counts.byStatus[s], 0)}</span></a>`,
    ...STATUSES.map(
      (s) =>
        `<a class="status-${s}" href="${esc(href(f, { status: s }))}"${f.status === s ? ' aria-current="true"' : ''}>${STATUS_NL[s]} <span class="count">${list.counts.byStatus[s]}</span></a>`,
    ),
  ].join('')
  const items = list.items
    .map(
      (c) => `<li class="item status-${c.status}" data-status="${c.status}">
  <p class="meta"><span class="badge status-${c.status}">${STATUS_NL[c.status]}</span>${c.stale ? ' <span class="badge stale" title="Langer dan zes maanden open zonder datum">verouderd</span>' : ''} ${esc(dutchDate(c.paper.date))} · ${esc(c.paper.sender ?? (c.actor ? `gezegd door ${c.actor}` : ''))}${c.paper.dossier ? ` · dossier <a href="${esc(dossierHref(c.paper.dossier))}">${esc(c.paper.dossier)}</a>` : ''}</p>
  <p class="text"><a href="${esc(paperHref(c.paper.id ?? c.paper.key))}">${esc(c.text)}</a></p>
  <p class="due">${c.dueText ? `Termijn: ${esc(c.dueText)}${c.due ? ` (uiterlijk ${esc(dutchDate(c.due.end))})` : ''}` : 'Geen termijn genoemd'}</p>
  ${c.evidence.map((e) => `<p class="evidence">Nagekomen in <a href="${esc(paperHref(e.paperId ?? e.paperKey))}">${esc(e.paperId ?? e.paperKey)}</a> (${esc(dutchDate(e.paperDate))}, ${e.reason === 'manual' ? 'met de hand' : `zekerheid ${Math.round(e.confidence * 100)}%`})</p>`).join('')}
  ${c.candidates.map((e) => `<p class="candidate">Mogelijk nagekomen in <a href="${esc(paperHref(e.paperId ?? e.paperKey))}">${esc(e.paperId ?? e.paperKey)}</a> (zekerheid ${Math.round(e.confidence * 100)}%)</p>`).join('')}
  ${postponementNote(c)}
  ${correctionNote(c)}
  <p class="id"><code>${esc(c.id)}</code></p>
  ${signedIn ? correctionForm(c, here) : ''}
</li>`,
    )
    .join('\n')
  const pages = Math.max(1, Math.ceil(list.total / BOARD_PAGE))
  const query = new URLSearchParams()
  if (f.sender) query.set('sender', f.sender)
  if (f.dossier) query.set('dossier', f.dossier)
  const atom = `/feeds/commitments.atom${query.size ? `?${query}` : ''}`
  // The export is of what is shown: the same filters, status and order, every page.
  const shown = new URLSearchParams(query)
  if (f.q) shown.set('q', f.q)
  if (f.status) shown.set('status', f.status)
  if (f.sort === 'date') shown.set('sort', 'date')
  const exported = shown.size ? `?${shown}` : ''
  const ics = f.sender ? `/feeds/commitments.ics?sender=${encodeURIComponent(f.sender)}` : null
  const body = `<h1>Toezeggingen</h1>
<p class="lead">Wat het kabinet de Kamer beloofde, gelezen uit de stukken zelf, en of een later stuk het nakwam. <a href="/register">Het register van de griffie ernaast</a>.${writable ? (signedIn ? ' U bent aangemeld en kunt corrigeren. <form class="inline" method="post" action="/logout"><button class="link">Afmelden</button></form>' : ` <a href="/login?back=${encodeURIComponent(here)}">Aanmelden</a> om te corrigeren.`) : ''}</p>
<nav class="tabs" aria-label="Status">${tabs}</nav>
<form class="filters" action="/commitments" method="get">
  ${f.status ? `<input type="hidden" name="status" value="${esc(f.status)}">` : ''}
  <label for="board-q">Woorden</label> <input id="board-q" name="q" type="search" value="${esc(f.q ?? '')}" placeholder="kernwapens">
  <label for="sender">Afzender</label> <input id="sender" name="sender" value="${esc(f.sender ?? '')}" placeholder="Buitenlandse Zaken">
  <label for="dossier">Dossier</label> <input id="dossier" name="dossier" value="${esc(f.dossier ?? '')}" placeholder="33783" size="10">
  <label for="sort">Volgorde</label> <select id="sort" name="sort"><option value="deadline"${f.sort !== 'date' ? ' selected' : ''}>termijn</option><option value="date"${f.sort === 'date' ? ' selected' : ''}>datum van de toezegging</option></select>
  <button type="submit">Filter</button>
  <a class="feed" href="${esc(atom)}">Volgen (Atom)</a>${ics ? ` · <a class="feed" href="${esc(ics)}">Termijnen in agenda (iCalendar)</a> · <a href="${esc(`/follows?query=${encodeURIComponent(`ministerie:"${f.sender}"`)}`)}">Nieuwe toezeggingen van ${esc(f.sender)} volgen</a>` : ''}
  · Exporteren: <a class="export" href="${esc(`/commitments.csv${exported}`)}" download>CSV (Excel)</a> <a class="export" href="${esc(`/commitments.json${exported}`)}" download>JSON</a>
</form>
<div class="board-layout">
<section aria-labelledby="lijst" class="list">
  <h2 id="lijst">${list.total} ${list.total === 1 ? 'toezegging' : 'toezeggingen'}${f.status ? ` · ${STATUS_NL[f.status]?.toLowerCase()}` : ''}</h2>
  <ol class="items">${items}</ol>
  ${pages > 1 ? `<nav class="pages" aria-label="Pagina's">${f.page > 1 ? `<a rel="prev" href="${esc(href(f, { page: f.page - 1 }))}">← Vorige</a>` : ''} <span>Pagina ${f.page} van ${pages}</span> ${f.page < pages ? `<a rel="next" href="${esc(href(f, { page: f.page + 1 }))}">Volgende →</a>` : ''}</nav>` : ''}
</section>
<section aria-labelledby="per-ministerie" class="per-sender">
  <h2 id="per-ministerie">Open en verlopen per ministerie</h2>
  <p class="help">Minister en staatssecretarissen van een ministerie samen; een naam opent hun toezeggingen.</p>
  ${chart(chartRows)}
</section>
</div>`
  return layout({ title: 'Toezeggingen', body, nav: 'commitments', feeds: [{ href: atom, title: 'Toezeggingen', type: 'application/atom+xml' }] })
}
