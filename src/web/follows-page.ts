import { followAgendaQuery } from '../app/agenda.js'
import type { SearchResult } from '../search/types.js'
import { followedItem } from '../store/keys.js'
import type { FollowStatus } from '../store/store.js'
import { dutchDate, esc, layout, paperHref, shownTitle } from './html.js'

const when = (at: string | null) => (at ? `${dutchDate(at.slice(0, 10))} ${at.slice(11, 16)}` : 'nog niet')

/** The follows page: each saved search or dossier with what is new since the last visit; adding one when signed in. */
export function followsPage(follows: FollowStatus[], signedIn: boolean, error: string | null = null, prefill = ''): string {
  const rows = follows
    .map(
      (f) =>
        `<li><a href="/follows/${encodeURIComponent(f.name)}">${esc(f.name)}</a> <span class="badge${f.newCount ? '' : ' stale'}">${f.newCount} nieuw</span> <code>${esc(f.query)}</code> <span class="meta">gezien: ${esc(when(f.seenAt))}</span>${
          signedIn
            ? ` <form class="inline" method="post" action="/follows/${encodeURIComponent(f.name)}/remove"><button class="link">Niet meer volgen</button></form>`
            : ''
        }</li>`,
    )
    .join('')
  const add = signedIn
    ? `<form class="follow-add" method="post" action="/follows">
  <label for="name">Naam</label> <input id="name" name="name" required maxlength="60" placeholder="npv">
  <label for="query">Zoekvraag, dossier of toezegging</label> <input id="query" name="query" required maxlength="1000" placeholder="dossier:33783" value="${esc(prefill)}">
  <button type="submit">Volgen</button>
</form>`
    : '<p class="help"><a href="/login?back=/follows">Aanmelden</a> om te volgen, of op de opdrachtregel: <code>kamerwacht follow add npv dossier:33783</code>.</p>'
  const body = `<h1>Gevolgd</h1>
<p class="lead">Zoekvragen, dossiers en toezeggingen die u volgt, met wat er sinds uw laatste bezoek nieuw (of opnieuw gelezen) is.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
${rows ? `<ul class="follows">${rows}</ul>` : '<p>U volgt nog niets.</p>'}
${add}`
  return layout({ title: 'Gevolgd', body, nav: 'follows' })
}

/** Where all a follow's papers are: its search with its feed, or (a followed promise) the page of the paper that made it. */
function allOf(f: FollowStatus): string {
  const item = followedItem(f.query)
  if (item?.kind === 'toezegging')
    return `<a href="${esc(paperHref(item.id.split('~')[0] as string))}">de toezegging</a> (alleen brieven die haar nakomen of kunnen nakomen)`
  if (item) return `<a href="${esc(paperHref(item.id))}">de motie</a> (alleen brieven die haar uitvoeren of erop antwoorden)`
  const agenda = followAgendaQuery(f.query)
  return `<a href="/?q=${encodeURIComponent(f.query)}&amp;sort=date">alle stukken</a> · <a class="feed" href="/feeds/search.atom?q=${encodeURIComponent(f.query)}">Atom</a>${
    agenda ? ` · <a href="/agenda?${esc(agenda)}">agenda</a> (<a class="feed" href="/agenda.ics?${esc(agenda)}">iCalendar</a>)` : ''
  }`
}

/** One follow: the papers new since the last visit, and a button to mark them seen. */
export function followPage(f: FollowStatus, result: SearchResult, signedIn: boolean): string {
  const hits = result.hits
    .map(
      (h) =>
        `<li><a href="${esc(paperHref(h.id))}">${esc(shownTitle(h.title) ?? h.id)}</a> <span class="meta">${esc(dutchDate(h.date))}${h.type ? ` · ${esc(h.type)}` : ''} · <code>${esc(h.id)}</code></span></li>`,
    )
    .join('')
  const body = `<h1>Gevolgd: ${esc(f.name)}</h1>
<p class="lead"><code>${esc(f.query)}</code> · ${result.total} nieuw sinds ${esc(when(f.seenAt))} · ${allOf(f)}</p>
${hits ? `<ul class="latest">${hits}</ul>` : '<p>Niets nieuws.</p>'}
${signedIn ? `<form method="post" action="/follows/${encodeURIComponent(f.name)}/seen"><button>Gezien</button></form>` : ''}`
  return layout({ title: `Gevolgd: ${f.name}`, body, nav: 'follows' })
}
