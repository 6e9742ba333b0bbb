import type { Agenda } from '../app/agenda.js'
import type { CommitteeView, KamerPerson, PersonQuery, VoteRow } from '../app/kamer-people.js'
import type { AnsweredQuestions } from '../app/questions.js'
import type { TrackedCommitment } from '../link/status.js'
import { dutchDate, esc, layout, paperHref, STATUS_NL } from './html.js'

/** A fractie's page address (`/fracties/GroenLinks-PvdA`). */
export const fractieHref = (name: string) => `/fracties/${encodeURIComponent(name)}`
/** A member's page address (`/leden/Kosti%C4%87`). */
export const lidHref = (name: string) => `/leden/${encodeURIComponent(name)}`

const RESULT_NL: Record<string, string> = { aangenomen: 'aangenomen', verworpen: 'verworpen', aangehouden: 'aangehouden', ingetrokken: 'ingetrokken' }

/** A Zaak as a link: to its motie's page where the store has its Kamerstuk, else its subject as text. */
const zaakLink = (motie: string | null, onderwerp: string | null, zaak: string | null) =>
  motie ? `<a href="${esc(paperHref(motie))}">${esc(onderwerp ?? motie)}</a>` : esc(onderwerp ?? zaak ?? '(onbekend)')

function voteItem(v: VoteRow): string {
  return `<tr><td>${esc(dutchDate(v.date))}</td><td>${esc(v.soort)}${v.mistake ? ' <span class="meta">(vergissing)</span>' : ''}</td><td>${esc(RESULT_NL[v.result] ?? v.result)}</td><td>${zaakLink(v.motie, v.onderwerp, v.zaak)}</td></tr>`
}

/** A fractie's or a member's page: the moties submitted, and the votes with a filter by result. */
export function personPage(
  kind: 'fractie' | 'lid',
  p: KamerPerson,
  q: PersonQuery,
  here: string,
  questions: AnsweredQuestions[] = [],
  promises: TrackedCommitment[] = [],
): string {
  const moties = p.moties
    .map(
      (m) =>
        `<li>${esc(dutchDate(m.date))} · ${zaakLink(m.motie, m.onderwerp, m.zaak)}${kind === 'fractie' ? ` <span class="meta">(${esc(m.by)})</span>` : m.relatie && m.relatie !== 'Indiener' ? ` <span class="meta">(${esc(m.relatie.toLowerCase())})</span>` : ''}</li>`,
    )
    .join('')
  const option = (v: string, label: string) => `<option value="${v}"${(q.result ?? '') === v ? ' selected' : ''}>${label}</option>`
  const votesTitle = kind === 'fractie' ? 'Hoe de fractie stemde' : 'Stemmen apart van de fractie'
  const pages = Math.max(1, Math.ceil(p.votes.total / q.limit))
  const page = Math.floor(q.offset / q.limit) + 1
  const pageHref = (offset: number) => {
    const u = new URLSearchParams()
    if (q.result) u.set('result', q.result)
    if (q.from) u.set('from', q.from)
    if (q.to) u.set('to', q.to)
    if (offset) u.set('offset', String(offset))
    return `${here}${u.size ? `?${u}` : ''}`
  }
  const body = `<h1>${esc(p.name)}</h1>
<p class="lead">${kind === 'fractie' ? 'Fractie in de Tweede Kamer' : 'Kamerlid'}${kind === 'lid' ? ` · <a href="${esc(`/?q=${encodeURIComponent(`spreker:"${p.name}"`)}`)}">wat ${esc(p.name)} zei in debatten</a> · <a href="${esc(`/follows?query=${encodeURIComponent(`lid:${p.name}`)}`)}">Volgen</a>` : ''}</p>
<section aria-labelledby="ingediend">
  <h2 id="ingediend">Ingediende moties (${p.moties.length})</h2>
  ${moties ? `<ul>${moties}</ul>` : '<p>Geen opgeslagen moties met indieners (die komen met <code>kamerwacht sync tk</code>: ZaakActor).</p>'}
</section>
${kind === 'lid' ? `${questionsOf(questions)}${promisesNaming(promises)}` : ''}
<section aria-labelledby="stemmen">
  <h2 id="stemmen">${votesTitle} (${p.votes.total})</h2>
  <form class="filters" action="${esc(here)}" method="get">
    <label for="person-result">Besluit</label> <select id="person-result" name="result">${option('', 'alle')}${option('aangenomen', 'aangenomen')}${option('verworpen', 'verworpen')}${option('aangehouden', 'aangehouden')}</select>
    <label for="person-from">Van</label> <input id="person-from" name="from" value="${esc(q.from ?? '')}" placeholder="2024-01-01" size="10">
    <label for="person-to">Tot en met</label> <input id="person-to" name="to" value="${esc(q.to ?? '')}" placeholder="2024-12-31" size="10">
    <button type="submit">Filter</button>
  </form>
  ${p.votes.items.length ? `<div class="table-wrap"><table class="votes-table"><thead><tr><th>Datum</th><th>Stem</th><th>Besluit</th><th>Zaak</th></tr></thead><tbody>${p.votes.items.map(voteItem).join('')}</tbody></table></div>` : '<p>Geen stemmingen opgeslagen.</p>'}
  ${pages > 1 ? `<nav class="pages" aria-label="Pagina's">${page > 1 ? `<a rel="prev" href="${esc(pageHref(q.offset - q.limit))}">← Vorige</a>` : ''} <span>Pagina ${page} van ${pages}</span> ${page < pages ? `<a rel="next" href="${esc(pageHref(q.offset + q.limit))}">Volgende →</a>` : ''}</nav>` : ''}
</section>`
  return layout({ title: p.name, body })
}

/** A member's written questions that the store holds an answer to, with the days each answer took. */
function questionsOf(list: AnsweredQuestions[]): string {
  const items = list
    .map(
      (a) =>
        `<li>${esc(dutchDate(a.asked))} · <a href="${esc(paperHref(a.paper))}">${esc(a.subject ?? a.title ?? a.paper)}</a> <span class="meta">(aan ${esc(a.to ?? '')}; ${a.days === null ? 'nog niet beantwoord' : `antwoord na ${a.days} ${a.days === 1 ? 'dag' : 'dagen'}`})</span></li>`,
    )
    .join('')
  return `<section aria-labelledby="vragen"><h2 id="vragen">Schriftelijke vragen (${list.length})</h2>${items ? `<ul>${items}</ul>` : '<p>Geen opgeslagen antwoorden op vragen van dit lid.</p>'}</section>`
}

/** A committee's page address (`/commissies/BuZa`). */
export const commissieHref = (afkorting: string) => `/commissies/${encodeURIComponent(afkorting)}`

/** A committee's page: its meetings of the coming weeks, and the moties given to it. */
export function committeePage(v: CommitteeView, meetings: Agenda): string {
  const naam = v.naam ?? meetings.entries.find((e) => e.commissie.naam)?.commissie.naam ?? null
  const agenda = meetings.entries
    .map(
      (e) =>
        `<li>${esc(dutchDate(e.start))}${e.start && e.start.length > 10 ? ` ${esc(e.start.slice(11, 16))}` : ''} · <strong>${esc(e.soort ?? 'Activiteit')}</strong>: ${esc(e.onderwerp ?? '')}${e.status && !['Gepland', 'Uitgevoerd'].includes(e.status) ? ` <span class="badge status-overdue">${esc(e.status)}</span>` : ''}</li>`,
    )
    .join('')
  const moties = v.moties.map((m) => `<li>${esc(dutchDate(m.date))} · ${zaakLink(m.motie, m.onderwerp, m.zaak)}</li>`).join('')
  const body = `<h1>${esc(naam ?? `Commissie ${v.afkorting}`)}</h1>
<p class="lead">Commissie <code>${esc(v.afkorting)}</code> van de Tweede Kamer · <a href="${esc(`/agenda?commissie=${encodeURIComponent(v.afkorting)}`)}">volledige agenda</a> · <a href="${esc(`/agenda.ics?commissie=${encodeURIComponent(v.afkorting)}`)}">in agenda (iCalendar)</a> · <a href="${esc(`/follows?query=${encodeURIComponent(`commissie:${v.afkorting}`)}`)}">Volgen</a></p>
<section aria-labelledby="komend"><h2 id="komend">De komende weken (${meetings.entries.length})</h2>${agenda ? `<ul>${agenda}</ul>` : '<p>Geen activiteiten opgeslagen voor de komende weken.</p>'}</section>
<section aria-labelledby="commissie-moties"><h2 id="commissie-moties">Moties bij deze commissie (${v.moties.length})</h2>${moties ? `<ul>${moties}</ul>` : '<p>Geen opgeslagen moties met deze commissie als voortouw (die komen met <code>kamerwacht sync tk</code>: ZaakActor).</p>'}</section>
<section aria-labelledby="commissie-toezeggingen"><h2 id="commissie-toezeggingen">Toezeggingen in haar debatten (${v.promises.length})</h2>${
    v.promises.length
      ? `<ul>${v.promises.map(promiseItem).join('')}</ul>`
      : '<p>Geen opgeslagen verslagen van debatten van deze commissie met toezeggingen.</p>'
  }</section>`
  return layout({ title: naam ?? v.afkorting, body })
}

/** A promise in a list: its status, the day of its paper, its words linking to the paper. */
function promiseItem(c: TrackedCommitment): string {
  return `<li><span class="badge status-${c.status}">${esc(STATUS_NL[c.status])}</span> ${esc(dutchDate(c.paper.date))} · <a href="${esc(paperHref(c.paper.id ?? c.paper.key))}">${esc(c.text)}</a></li>`
}

/** The promises that name a member: made to them in a debate (`Ik wil de heer Bakker toezeggen …`), or about them. */
function promisesNaming(list: TrackedCommitment[]): string {
  const items = list.map(promiseItem).join('')
  return `<section aria-labelledby="toezeggingen"><h2 id="toezeggingen">Toezeggingen die dit lid noemen (${list.length})</h2>${items ? `<ul>${items}</ul>` : '<p>Geen.</p>'}</section>`
}
