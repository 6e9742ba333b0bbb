import type { SearchResult } from '../search/types.js'
import { dutchDate, esc, layout, paperHref, shownTitle, snippetHtml } from './html.js'

/** What the search form holds. */
export interface SearchForm {
  q: string
  sort: 'relevance' | 'date'
  type?: string
  dossier?: string
  sender?: string
  from?: string
  to?: string
  page: number
}

export const PAGE_SIZE = 10

/** A link to the same search with some fields changed (a facet chosen, another page). */
function href(f: SearchForm, change: { [K in keyof SearchForm]?: SearchForm[K] | undefined }): string {
  const next = { ...f, page: 1, ...change }
  const p = new URLSearchParams()
  for (const k of ['q', 'type', 'dossier', 'sender', 'from', 'to'] as const) if (next[k]) p.set(k, next[k] as string)
  if (next.sort && next.sort !== 'relevance') p.set('sort', next.sort)
  if ((next.page ?? 1) > 1) p.set('page', String(next.page))
  return `/?${p.toString()}`
}

/** The export of a search: every page, in the same order (`/search.csv?q=…`). */
function exportHref(f: SearchForm, format: 'csv' | 'json'): string {
  const query = href(f, {}).slice(2)
  return `/search.${format}${query ? `?${query}` : ''}`
}

const SYNTAX = `<details class="syntax">
<summary>Zo zoekt u</summary>
<dl>
<dt><code>kernwapens</code></dt><dd>woorden worden gestemd: vindt ook <em>kernwapen</em></dd>
<dt><code>"nucleaire ontwapening"</code></dt><dd>een woordgroep</dd>
<dt><code>kernwapens OF ontwapening</code></dt><dd>een van beide (ook <code>OR</code>)</dd>
<dt><code>kernwapens -Iran</code>, <code>kernwapens NIET Iran</code></dt><dd>zonder <em>Iran</em></dd>
<dt><code>toetsing*</code></dt><dd>woorden die zo beginnen</dd>
<dt><code>type:brief dossier:33783 afzender:"Buitenlandse Zaken" van:2022-01-01 tot:2022-12-31</code></dt><dd>filters</dd>
<dt><code>spreker:Wiebes</code>, <code>spreker:PVV</code></dt><dd>debatten waarin deze spreker het woord voert</dd>
<dt><code>33783</code>, <code>33 783</code>, <code>kst-33783-50</code>, <code>Kamerstuk 33 783, nr. 50</code>, <code>2019D21842</code></dt><dd>een dossier of een stuk, zoals u het aanhaalt</dd>
</dl>
</details>`

/** The search page: form with the syntax explained, facets, results with snippets, sort and pages. */
export function searchPage(f: SearchForm, result: SearchResult | null, error: string | null, notes: string[] = [], home = ''): string {
  const facet = (title: string, field: 'type' | 'sender' | 'dossier' | 'from', values: Array<{ value: string; count: number }>) => {
    if (!values.length) return ''
    const items = values
      .map((v) => {
        const change = field === 'from' ? { from: `${v.value}-01-01`, to: `${v.value}-12-31` } : { [field]: v.value }
        return `<li><a href="${esc(href(f, change))}">${esc(v.value)}</a> <span class="count">${v.count}</span></li>`
      })
      .join('')
    return `<section class="facet" aria-label="${esc(title)}"><h3>${esc(title)}</h3><ul>${items}</ul></section>`
  }
  const active = (['type', 'dossier', 'sender', 'from', 'to'] as const)
    .filter((k) => f[k])
    .map((k) => `<a class="chip" href="${esc(href(f, { [k]: undefined }))}" aria-label="Filter ${k} verwijderen">${k}: ${esc(f[k])} ✕</a>`)
    .join(' ')
  let body = `<h1>Zoeken in Kamerstukken</h1>
<form class="search" role="search" action="/" method="get">
  <label for="q">Zoekvraag</label>
  <div class="row">
    <input id="q" name="q" type="search" value="${esc(f.q)}" placeholder='kernwapens, "nucleaire ontwapening", type:brief' autocomplete="off" aria-describedby="q-help">
    <label for="sort" class="inline">Volgorde</label>
    <select id="sort" name="sort"><option value="relevance"${f.sort === 'relevance' ? ' selected' : ''}>relevantie</option><option value="date"${f.sort === 'date' ? ' selected' : ''}>datum</option></select>
    <button type="submit">Zoek</button>
  </div>
  <div class="row dates">
    <label for="from" class="inline">Van</label> <input id="from" name="from" value="${esc(f.from ?? '')}" placeholder="2022-01-01" size="10" inputmode="numeric" aria-describedby="dates-help">
    <label for="to" class="inline">Tot en met</label> <input id="to" name="to" value="${esc(f.to ?? '')}" placeholder="2022-12-31" size="10" inputmode="numeric" aria-describedby="dates-help">
    <span id="dates-help" class="help">een dag (2022-05-27), een maand (2022-05) of een jaar (2022)</span>
  </div>
  ${(['type', 'dossier', 'sender'] as const).map((k) => (f[k] ? `<input type="hidden" name="${k}" value="${esc(f[k])}">` : '')).join('')}
  <p id="q-help" class="help">Druk op <kbd>/</kbd> om hier te zoeken.</p>
  ${SYNTAX}
</form>`
  if (error) body += `<p class="error" role="alert">${esc(error)}</p>`
  // How the query was read where it was not taken word for word: `33783 gelezen als dossier:33783`.
  if (notes.length) body += `<p class="notes">${notes.map(esc).join('; ')}.</p>`
  // Nothing found, and the store's own words suggest another query: each as a link, with what it finds.
  const suggestions = (result?.suggestions ?? [])
    .map(
      (s) =>
        `<a href="${esc(href(f, { q: s.q }))}">${esc(s.q)}</a> (${s.total} ${s.total === 1 ? 'stuk' : 'stukken'}${s.why === 'prefix' ? ', woorden die zo beginnen' : ''})`,
    )
    .join(' of ')
  if (result && result.total === 0 && !error && suggestions) body += `<p class="suggest" role="status">Geen stukken gevonden. Bedoelde u ${suggestions}?</p>`
  else if (result && result.total === 0 && !error)
    body += `<p class="hint" role="status">Geen stukken gevonden. Probeer minder of andere woorden, een woord met <code>*</code> (<code>kernwap*</code>), of een dossier of stuk zoals u het aanhaalt: <code>33783</code>, <code>kst-33783-50</code>.</p>`
  if (result) {
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE))
    const hits = result.hits
      .map(
        (h) => `<li class="hit">
  <h2><a href="${esc(paperHref(h.id))}">${esc(shownTitle(h.title) ?? h.id)}</a></h2>
  <p class="meta"><span class="type">${esc(h.type ?? '')}</span> · ${esc(dutchDate(h.date))} · ${esc(h.sender ?? '')} · <code>${esc(h.id)}</code></p>
  <p class="snippet">${snippetHtml(h.snippet)}</p>
</li>`,
      )
      .join('\n')
    const feed = `/feeds/search.atom?q=${encodeURIComponent(f.q)}`
    body += `<div class="results-layout">
<aside class="facets" aria-label="Verfijnen">
  <h2 class="visually-hidden">Verfijnen</h2>
  ${facet('Soort', 'type', result.facets.type)}
  ${facet('Jaar', 'from', result.facets.year)}
  ${facet('Afzender', 'sender', result.facets.sender)}
  ${facet('Dossier', 'dossier', result.facets.dossier)}
</aside>
<section class="results" aria-live="polite" aria-label="Resultaten">
  <p class="total"><strong>${result.total}</strong> ${result.total === 1 ? 'stuk' : 'stukken'} ${active ? `· ${active}` : ''} ${f.q ? `· <a href="${esc(`/follows?query=${encodeURIComponent(f.q)}`)}">Volgen</a> · <a href="${esc(feed)}" class="feed">Atom</a>` : ''}${result.total > 0 ? ` · Exporteren: <a class="export" href="${esc(exportHref(f, 'csv'))}" download>CSV (Excel)</a> <a class="export" href="${esc(exportHref(f, 'json'))}" download>JSON</a>` : ''}</p>
  <ol class="hits" start="${(f.page - 1) * PAGE_SIZE + 1}">${hits}</ol>
  ${
    pages > 1
      ? `<nav class="pages" aria-label="Pagina's">${f.page > 1 ? `<a rel="prev" href="${esc(href(f, { page: f.page - 1 }))}">← Vorige</a>` : ''} <span>Pagina ${f.page} van ${pages}</span> ${f.page < pages ? `<a rel="next" href="${esc(href(f, { page: f.page + 1 }))}">Volgende →</a>` : ''}</nav>`
      : ''
  }
</section>
</div>`
  } else if (!error) {
    body += `<p class="lead">Zoek in brieven, moties, verslagen en debatten van de Tweede Kamer. Of bekijk de <a href="/commitments">toezeggingen</a> van het kabinet.</p>${home}`
  }
  const feeds = result && f.q ? [{ href: `/feeds/search.atom?q=${encodeURIComponent(f.q)}`, title: `Zoekvraag ${f.q}`, type: 'application/atom+xml' }] : []
  return layout({ title: f.q ? `Zoeken: ${f.q}` : 'Zoeken', body, nav: 'search', feeds })
}
