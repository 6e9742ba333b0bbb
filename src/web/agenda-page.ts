import type { Agenda, AgendaEntry, AgendaInput } from '../app/agenda.js'
import { dossierHref, dutchDate, esc, layout } from './html.js'
import { commissieHref } from './people-page.js'

/** The time of day of a meeting as it was given (`2025-02-04T16:15:00+01:00` → `16:15`), or nothing for a day alone. */
const timeOf = (iso: string | null) => (iso && iso.length > 10 ? iso.slice(11, 16) : '')

/** One meeting: time, committee, kind and subject, its status where it is not as planned, its agenda items. */
function entry(e: AgendaEntry): string {
  const time = [timeOf(e.start), timeOf(e.end)].filter(Boolean).join('–')
  const status = e.status && !['Gepland', 'Uitgevoerd'].includes(e.status) ? ` <span class="badge status-overdue">${esc(e.status)}</span>` : ''
  const dossiers = e.dossiers.map((d) => `<a href="${esc(dossierHref(d))}">dossier ${esc(d)}</a>`).join(', ')
  const items = e.items
    .map((i) => `<li>${esc(i.onderwerp ?? '')}${i.zaken.length ? ` <span class="meta">${i.zaken.map((z) => esc(z.nummer)).join(', ')}</span>` : ''}</li>`)
    .join('')
  return `<li class="activity">
  <p class="meta">${time ? `<time datetime="${esc(e.start)}">${esc(time)}</time> · ` : ''}${e.commissie.afkorting ? `<a href="${esc(commissieHref(e.commissie.afkorting))}">${esc(e.commissie.naam ?? e.commissie.afkorting)}</a>` : esc(e.commissie.naam ?? '')}${e.besloten ? ' · besloten' : ''}${status}</p>
  <p class="text"><strong>${esc(e.soort ?? 'Activiteit')}</strong>: ${esc(e.onderwerp ?? '')}${dossiers ? ` <span class="meta">(${dossiers})</span>` : ''}</p>
  ${e.noot ? `<p class="help">${esc(e.noot)}</p>` : ''}
  ${items ? `<ol class="agenda-items">${items}</ol>` : ''}
</li>`
}

/** `/agenda`: the meetings of the days asked for, per day, with a form and the same agenda as a calendar. */
export function agendaPage(f: AgendaInput, a: Agenda): string {
  const days = new Map<string, AgendaEntry[]>()
  for (const e of a.entries) {
    const day = (e.start ?? a.from).slice(0, 10)
    days.set(day, [...(days.get(day) ?? []), e])
  }
  const query = new URLSearchParams()
  if (f.commissie) query.set('commissie', f.commissie)
  if (f.dossier) query.set('dossier', f.dossier)
  if (f.q) query.set('q', f.q)
  const ics = `/agenda.ics${query.size ? `?${query}` : ''}`
  const sections = [...days]
    .map(
      ([day, list]) =>
        `<section class="agenda-day"><h2><time datetime="${esc(day)}">${esc(dutchDate(day))}</time></h2><ol class="items">${list.map(entry).join('\n')}</ol></section>`,
    )
    .join('\n')
  const body = `<h1>Agenda</h1>
<p class="lead">Wat de Kamer bespreekt: commissiedebatten, plenaire debatten en procedurevergaderingen, met hun agendapunten.</p>
<form class="filters" action="/agenda" method="get">
  <label for="agenda-from">Van</label> <input id="agenda-from" name="from" value="${esc(f.from ?? a.from)}" size="10">
  <label for="agenda-to">Tot en met</label> <input id="agenda-to" name="to" value="${esc(f.to ?? a.to)}" size="10">
  <label for="agenda-commissie">Commissie</label> <input id="agenda-commissie" name="commissie" value="${esc(f.commissie ?? '')}" placeholder="VWS" size="8">
  <label for="agenda-dossier">Dossier</label> <input id="agenda-dossier" name="dossier" value="${esc(f.dossier ?? '')}" placeholder="35646" size="10">
  <label for="agenda-q">Woorden</label> <input id="agenda-q" name="q" value="${esc(f.q ?? '')}" placeholder="stikstof" size="14">
  <button type="submit">Toon</button>
  · <a class="feed" href="${esc(ics)}">In agenda (iCalendar)</a>
</form>
<p>${a.entries.length} ${a.entries.length === 1 ? 'activiteit' : 'activiteiten'} van ${esc(dutchDate(a.from))} tot en met ${esc(dutchDate(a.to))}.</p>
${sections || '<p>Geen activiteiten opgeslagen voor deze dagen. De agenda komt met <code>kamerwacht sync tk</code>.</p>'}`
  return layout({ title: 'Agenda', body, nav: 'agenda', feeds: [{ href: ics, title: 'Agenda', type: 'text/calendar' }] })
}
