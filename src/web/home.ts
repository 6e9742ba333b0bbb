import type { TrackedCommitment } from '../link/status.js'
import type { SearchHit } from '../search/types.js'
import type { FollowStatus } from '../store/store.js'
import { dossierHref, dutchDate, esc, paperHref, STATUS_NL, shownTitle } from './html.js'

/** What the home page shows below the search box: the day's work of someone who follows the Kamer. */
export interface HomeBlocks {
  latest: SearchHit[]
  /** Open promises falling due in the coming 30 days, soonest first. */
  dueSoon: TrackedCommitment[]
  /** Promises whose deadline passed unkept, the longest overdue first. */
  overdue: TrackedCommitment[]
  overdueTotal: number
  dueSoonTotal: number
  /** The searches and dossiers followed, with what is new in each. */
  follows: FollowStatus[]
  /** The dossiers with the most stored papers. */
  dossiers: Array<{ dossier: string; count: number }>
}

const promiseItem = (c: TrackedCommitment) => `<li class="item status-${c.status}">
  <p class="meta"><span class="badge status-${c.status}">${STATUS_NL[c.status]}</span> ${c.due ? `uiterlijk ${esc(dutchDate(c.due.end))}` : ''} · ${esc(c.paper.sender ?? c.actor ?? '')}</p>
  <p class="text"><a href="${esc(paperHref(c.paper.id ?? c.paper.key))}">${esc(c.text)}</a></p>
</li>`

/** The blocks of the home page, as HTML (the search form stands above them). */
export function homeBlocks(b: HomeBlocks): string {
  const latest = b.latest
    .map(
      (h) =>
        `<li><a href="${esc(paperHref(h.id))}">${esc(shownTitle(h.title) ?? h.id)}</a> <span class="meta">${esc(dutchDate(h.date))}${h.type ? ` · ${esc(h.type)}` : ''}${h.sender ? ` · ${esc(h.sender)}` : ''}</span></li>`,
    )
    .join('')
  const dossiers = b.dossiers
    .map((d) => `<li><a href="${esc(dossierHref(d.dossier))}">${esc(d.dossier)}</a> <span class="count">${d.count}</span></li>`)
    .join('')
  return `<div class="home">
<section aria-labelledby="nieuw"><h2 id="nieuw">Nieuwste stukken</h2>${latest ? `<ul class="latest">${latest}</ul>` : '<p>Nog geen stukken opgeslagen: <code>kamerwacht ingest</code> of <code>kamerwacht sync</code>.</p>'}</section>
<section aria-labelledby="binnenkort"><h2 id="binnenkort">Binnenkort te doen <span class="count">${b.dueSoonTotal}</span></h2>${b.dueSoon.length ? `<ol class="items">${b.dueSoon.map(promiseItem).join('')}</ol>` : '<p>Geen toezegging valt de komende 30 dagen af.</p>'}${b.dueSoonTotal > b.dueSoon.length ? `<p><a href="/commitments?status=due-soon">Alle ${b.dueSoonTotal}</a></p>` : ''}</section>
<section aria-labelledby="verlopen"><h2 id="verlopen">Verlopen <span class="count">${b.overdueTotal}</span></h2>${b.overdue.length ? `<ol class="items">${b.overdue.map(promiseItem).join('')}</ol>` : '<p>Geen verlopen toezeggingen.</p>'}${b.overdueTotal > b.overdue.length ? `<p><a href="/commitments?status=overdue">Alle ${b.overdueTotal}</a></p>` : ''}</section>
<section aria-labelledby="gevolgd"><h2 id="gevolgd">Gevolgd</h2>${
    b.follows.length
      ? `<ul class="follows">${b.follows.map((f) => `<li><a href="/follows/${encodeURIComponent(f.name)}">${esc(f.name)}</a> <span class="count">${f.newCount} nieuw</span></li>`).join('')}</ul>`
      : '<p>U volgt nog niets: <a href="/follows">volg een zoekvraag of dossier</a>.</p>'
  }</section>
<section aria-labelledby="dossiers"><h2 id="dossiers">Dossiers met de meeste stukken</h2>${dossiers ? `<ul class="dossiers">${dossiers}</ul>` : '<p>Geen.</p>'}</section>
</div>`
}
