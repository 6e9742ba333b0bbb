import { MOTIE_FILTERS, type MotieBoard, type MotieBoardInput, type MotieRow } from '../app/motie-board.js'
import { MOTIE_STATUSES, type MotieStatus } from '../link/moties.js'
import { dutchDate, esc, layout, paperHref } from './html.js'

/** How many moties a page of the board shows. */
export const MOTIES_PAGE = 25

/** The statuses as the page says them. */
export const MOTIE_STATUS_NL: Record<MotieStatus, string> = {
  open: 'Open',
  'in-behandeling': 'In behandeling',
  deels: 'Deels uitgevoerd',
  'niet-uitgevoerd': 'Niet uitgevoerd',
  uitgevoerd: 'Uitgevoerd',
}

const ANSWER_NL = { 'carried-out': 'uitgevoerd met', partly: 'deels uitgevoerd met', declines: 'afgewezen in', responds: 'reactie in' } as const

/** The board's address with the same filters and something changed (a status tab, a page). */
function href(f: MotieBoardInput, change: Partial<MotieBoardInput>, path = '/moties'): string {
  const next = { ...f, offset: 0, ...change }
  const p = new URLSearchParams()
  for (const k of MOTIE_FILTERS) if (next[k]) p.set(k, String(next[k]))
  if (next.result !== 'aangenomen') p.set('result', next.result)
  if (next.offset) p.set('offset', String(next.offset))
  const s = p.toString()
  return `${path}${s ? `?${s}` : ''}`
}

/** One motie: status, subject (its page), who submitted it, the vote, and the letter that answered it last. */
function item(m: MotieRow): string {
  const who = m.indieners.map((i) => esc(i.fractie ? `${i.name} (${i.fractie})` : i.name)).join(', ')
  const decided = m.decisions[m.decisions.length - 1]
  const vote = decided?.tally.votes.length ? ` · ${decided.tally.seatsFor} voor, ${decided.tally.seatsAgainst} tegen` : ''
  const last = m.answeredBy[m.answeredBy.length - 1]
  const answer = last
    ? `<p class="evidence">${ANSWER_NL[last.how]} <a href="${esc(paperHref(last.paper.id ?? last.paper.key))}">${esc(last.paper.id ?? last.paper.key)}</a> (${esc(dutchDate(last.paper.date))})</p>`
    : ''
  return `<li class="motie status-${m.status}">
  <p class="meta"><span class="badge motie-${m.status}">${MOTIE_STATUS_NL[m.status]}</span> ${esc(dutchDate(m.date))} · ${who || 'indieners onbekend'}${m.appreciatie ? ` · appreciatie: ${esc(m.appreciatie)}` : ''}${vote}</p>
  <p class="text"><a href="${esc(paperHref(m.id ?? m.key))}">${esc(m.title ?? m.id ?? m.key)}</a></p>
  ${answer}
</li>`
}

/** The moties selected per ministry, each a link that filters the board by it, with how many are still open. */
function ministries(f: MotieBoardInput, board: MotieBoard): string {
  const known = board.byMinistry.filter((m) => m.ministerie !== '(onbekend)')
  if (!known.length || f.ministerie) return ''
  const items = board.byMinistry
    .map((m) =>
      m.ministerie === '(onbekend)'
        ? `<li>ministerie onbekend: ${m.total}</li>`
        : `<li><a href="${esc(href(f, { ministerie: m.ministerie }))}">${esc(m.ministerie)}</a>: ${m.total}${m.open ? ` (${m.open} open)` : ''}</li>`,
    )
    .join('')
  return `<section aria-labelledby="per-ministerie"><h2 id="per-ministerie">Per ministerie</h2><ul class="per-ministry">${items}</ul></section>`
}

/** `/moties`: the moties the form selects, oldest open first, with tabs per status and an export. */
export function motiesPage(f: MotieBoardInput, board: MotieBoard): string {
  const all = MOTIE_STATUSES.reduce((n, s) => n + board.counts[s], 0)
  const tab = (s: MotieStatus | undefined, label: string, n: number) =>
    `<a href="${esc(href(f, { status: s }))}"${f.status === s ? ' aria-current="page"' : ''}>${label} (${n})</a>`
  const tabs = [tab(undefined, 'Alle', all), ...MOTIE_STATUSES.map((s) => tab(s, MOTIE_STATUS_NL[s], board.counts[s]))].join(' ')
  const option = (v: string, label: string) => `<option value="${v}"${f.result === v ? ' selected' : ''}>${label}</option>`
  const pages = Math.max(1, Math.ceil(board.total / MOTIES_PAGE))
  const page = Math.floor(f.offset / MOTIES_PAGE) + 1
  const exported = href({ ...f, offset: 0 }, {}, '/moties.csv')
  const feed = href({ ...f, offset: 0 }, {}, '/feeds/moties.atom')
  const body = `<h1>Moties</h1>
<p class="lead">Wat de Kamer de regering vroeg: wie de motie indiende, hoe erover gestemd werd, en of een latere brief haar uitvoert.</p>
<nav class="tabs" aria-label="Status">${tabs}</nav>
<form class="filters" action="/moties" method="get">
  ${f.status ? `<input type="hidden" name="status" value="${esc(f.status)}">` : ''}
  <label for="moties-q">Woorden</label> <input id="moties-q" name="q" type="search" value="${esc(f.q ?? '')}" placeholder="woningbouw">
  <label for="moties-fractie">Fractie</label> <input id="moties-fractie" name="fractie" value="${esc(f.fractie ?? '')}" placeholder="VVD" size="12">
  <label for="moties-indiener">Indiener</label> <input id="moties-indiener" name="indiener" value="${esc(f.indiener ?? '')}" placeholder="Lahlah" size="14">
  <label for="moties-ministerie">Ministerie</label> <input id="moties-ministerie" name="ministerie" value="${esc(f.ministerie ?? '')}" placeholder="Justitie" size="14">
  <label for="moties-commissie">Commissie</label> <input id="moties-commissie" name="commissie" value="${esc(f.commissie ?? '')}" placeholder="J&amp;V" size="8">
  <label for="moties-dossier">Dossier</label> <input id="moties-dossier" name="dossier" value="${esc(f.dossier ?? '')}" placeholder="36583" size="10">
  <label for="moties-from">Van</label> <input id="moties-from" name="from" value="${esc(f.from ?? '')}" placeholder="2024-01-01" size="10">
  <label for="moties-to">Tot en met</label> <input id="moties-to" name="to" value="${esc(f.to ?? '')}" placeholder="2024-12-31" size="10">
  <label for="moties-result">Uitslag</label> <select id="moties-result" name="result">${option('aangenomen', 'aangenomen')}${option('verworpen', 'verworpen')}${option('alle', 'alle')}</select>
  <button type="submit">Filter</button>
  <a class="feed" href="${esc(feed)}">Volgen (Atom)</a>
  · Exporteren: <a class="export" href="${esc(exported)}" download>CSV (Excel)</a>
</form>
${ministries(f, board)}
<section aria-labelledby="moties-lijst" class="list">
  <h2 id="moties-lijst">${board.total} ${board.total === 1 ? 'motie' : 'moties'}${f.status ? ` · ${MOTIE_STATUS_NL[f.status].toLowerCase()}` : ''}</h2>
  ${board.items.length ? `<ol class="items">${board.items.map(item).join('\n')}</ol>` : '<p>Geen moties met deze filters. Uitslagen en stemmingen komen met <code>kamerwacht sync tk</code>.</p>'}
  ${pages > 1 ? `<nav class="pages" aria-label="Pagina's">${page > 1 ? `<a rel="prev" href="${esc(href(f, { offset: f.offset - MOTIES_PAGE }))}">← Vorige</a>` : ''} <span>Pagina ${page} van ${pages}</span> ${page < pages ? `<a rel="next" href="${esc(href(f, { offset: f.offset + MOTIES_PAGE }))}">Volgende →</a>` : ''}</nav>` : ''}
  ${board.considered >= 1000 ? '<p class="help">De nieuwste 1.000 moties van de selectie zijn gewogen; verfijn met woorden, een dossier of data.</p>' : ''}
</section>`
  return layout({ title: 'Moties', body, nav: 'moties', feeds: [{ href: feed, title: 'Moties', type: 'application/atom+xml' }] })
}
