import { followAgendaQuery } from '../app/agenda.js'
import type { SearchResult } from '../search/types.js'
import { followedItem } from '../store/keys.js'
import type { FollowStatus } from '../store/store.js'
import { dutchDate, esc, layout, paperHref, shownTitle } from './html.js'

const when = (at: string | null) => (at ? `${dutchDate(at.slice(0, 10))} ${at.slice(11, 16)}` : 'nog niet')

/** Whose follows a page shows: a signed-in user's (with a way out), or the store's own. */
function whose(user: string | null): string {
  return user
    ? `<p class="meta">Aangemeld als <strong>${esc(user)}</strong>: dit zijn uw eigen volglijsten. <form class="inline" method="post" action="/logout"><button class="link">Afmelden</button></form></p>`
    : ''
}

/**
 * The follows page: each saved search or dossier with what is new since the last visit; adding one when the viewer
 * may (a signed-in user their own, the editor the store's own). `user` is the signed-in user, if any.
 */
export function followsPage(follows: FollowStatus[], signedIn: boolean, error: string | null = null, prefill = '', user: string | null = null): string {
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
${whose(user)}
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
  if (item?.kind === 'lid')
    return `<a href="/leden/${encodeURIComponent(item.id)}">het Kamerlid</a> (moties, antwoorden op vragen, toezeggingen aan en debatten met ${esc(item.id)})`
  if (item?.kind === 'commissie')
    return `<a href="/commissies/${encodeURIComponent(item.id)}">de commissie</a> (haar moties en de toezeggingen in haar debatten)`
  if (item?.kind === 'ministerie')
    return `<a href="/commitments?sender=${encodeURIComponent(item.id)}">de toezeggingen van ${esc(item.id)}</a> (brieven met nieuwe toezeggingen)`
  if (item) return `<a href="${esc(paperHref(item.id))}">de motie</a> (alleen brieven die haar uitvoeren of erop antwoorden)`
  const agenda = followAgendaQuery(f.query)
  return `<a href="/?q=${encodeURIComponent(f.query)}&amp;sort=date">alle stukken</a> · <a class="feed" href="/feeds/search.atom?q=${encodeURIComponent(f.query)}">Atom</a>${
    agenda ? ` · <a href="/agenda?${esc(agenda)}">agenda</a> (<a class="feed" href="/agenda.ics?${esc(agenda)}">iCalendar</a>)` : ''
  }`
}

/** An interval in hours as a word, where it has one. */
const PER: Record<number, string> = { 1: 'uur', 24: 'dag', 168: 'week' }

/** Words for an alert interval in hours, as the form offers them. */
const EVERY_CHOICES: Array<[string, string]> = [
  ['', 'bij elke verzending'],
  ['1', 'hoogstens eens per uur'],
  ['24', 'hoogstens eens per dag'],
  ['168', 'hoogstens eens per week'],
]

/** Where a follow's alerts go, and a form to change that (e-mail and interval; a webhook is set on the command line). */
function alertsBlock(f: FollowStatus, signedIn: boolean, error: string | null): string {
  const now =
    f.email || f.webhook
      ? `Berichten gaan naar ${[f.email, f.webhook]
          .filter(Boolean)
          .map((x) => `<code>${esc(x)}</code>`)
          .join(' en ')}${f.everyHours ? `, hoogstens eens per ${PER[f.everyHours] ?? `${f.everyHours} uur`}` : ''}.`
      : 'Geen berichten per e-mail.'
  if (!signedIn) return `<p class="meta">${now}</p>`
  const options = EVERY_CHOICES.map(([v, label]) => `<option value="${v}"${String(f.everyHours ?? '') === v ? ' selected' : ''}>${label}</option>`).join('')
  return `<section class="alerts"><h2>Berichten</h2><p class="meta">${now}</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/follows/${encodeURIComponent(f.name)}/alerts">
  <label for="email">E-mailadres</label> <input id="email" name="email" type="email" maxlength="320" value="${esc(f.email ?? '')}" placeholder="naam@ministerie.nl">
  <label for="every">Hoe vaak</label> <select id="every" name="every">${options}</select>
  <button type="submit">Opslaan</button> <span class="help">Leeg adres: geen berichten. Een toezegging meldt zich pas als ze is nagekomen of haar termijn voorbij is.</span>
</form></section>`
}

/** One follow: the papers new since the last visit, a button to mark them seen, and where its alerts go. */
export function followPage(f: FollowStatus, result: SearchResult, signedIn: boolean, error: string | null = null): string {
  const hits = result.hits
    .map(
      (h) =>
        `<li><a href="${esc(paperHref(h.id))}">${esc(shownTitle(h.title) ?? h.id)}</a> <span class="meta">${esc(dutchDate(h.date))}${h.type ? ` · ${esc(h.type)}` : ''} · <code>${esc(h.id)}</code></span></li>`,
    )
    .join('')
  const body = `<h1>Gevolgd: ${esc(f.name)}</h1>
<p class="lead"><code>${esc(f.query)}</code> · ${result.total} nieuw sinds ${esc(when(f.seenAt))} · ${allOf(f)}</p>
${hits ? `<ul class="latest">${hits}</ul>` : '<p>Niets nieuws.</p>'}
${signedIn ? `<form method="post" action="/follows/${encodeURIComponent(f.name)}/seen"><button>Gezien</button></form>` : ''}
${alertsBlock(f, signedIn, error)}`
  return layout({ title: `Gevolgd: ${f.name}`, body, nav: 'follows' })
}
