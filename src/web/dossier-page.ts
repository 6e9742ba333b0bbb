import type { DossierView, TimelineEntry } from '../link/models.js'
import { dutchDate, esc, layout, motieMovers, officialHref, paperHref, STATUS_NL } from './html.js'

const KIND_NL: Record<TimelineEntry['kind'], string> = { paper: 'Stuk', event: 'Genoemde datum', commitment: 'Toezegging', due: 'Termijn', kept: 'Nagekomen' }
// The timeline is of what happened in the dossier: papers, promises, deadlines, promises kept. A date a paper
// mentions in passing is shown only when asked for (its box is unchecked; the script shows them).
const SHOWN: ReadonlySet<TimelineEntry['kind']> = new Set(['paper', 'commitment', 'due', 'kept'])

// Kinds of paper as a count names them: `2 moties, 1 brief`.
const TYPE_NL: Record<string, [string, string]> = {
  brief: ['brief', 'brieven'],
  motie: ['motie', 'moties'],
  verslag: ['verslag', 'verslagen'],
  nota: ['nota', "nota's"],
  amendement: ['amendement', 'amendementen'],
  wetsvoorstel: ['wetsvoorstel', 'wetsvoorstellen'],
  handelingen: ['Handelingen', 'Handelingen'],
  other: ['overig stuk', 'overige stukken'],
}

/** A kind of paper for a count of it, in Dutch: `motie` for 1, `moties` for 2. */
export function typeName(type: string, count: number): string {
  const names = TYPE_NL[type]
  return names ? names[count === 1 ? 0 : 1] : type
}

// One row of the dossier's papers: its subject (a printed kind title in ordinary case, else the first line), its
// id below it (kept on one line), and who sent it or, for a motie, who moved it.
function paperRow(p: DossierView['papers'][number]): string {
  const id = p.id ?? p.key
  const title = p.title ?? (p.line ? (p.line.length > 140 ? `${p.line.slice(0, 139)}…` : p.line) : id)
  const from = p.sender ?? (p.type === 'motie' ? motieMovers(p.title) : null) ?? ''
  return `<tr><td><time datetime="${esc(p.date ?? '')}">${esc(dutchDate(p.date))}</time></td><td><a href="${esc(paperHref(id))}">${esc(title)}</a><br><code class="id">${esc(id)}</code></td><td>${esc(p.type ? typeName(p.type, 1) : '')}</td><td>${esc(from)}</td></tr>`
}

/** The dossier page: counts, feed links and a visual timeline of papers, events and commitments, grouped by year. */
export function dossierPage(view: DossierView, timeline: TimelineEntry[]): string {
  const nr = view.dossier
  const k = view.counts
  const years = new Map<string, TimelineEntry[]>()
  for (const e of timeline) {
    const y = e.date.slice(0, 4)
    const list = years.get(y) ?? []
    list.push(e)
    years.set(y, list)
  }
  const kinds = [...new Set(timeline.map((e) => e.kind))]
  const filters = kinds
    .map(
      (kind) =>
        `<label><input type="checkbox"${SHOWN.has(kind) ? ' checked' : ''} data-kind="${kind}"> <span class="dot kind-${kind}" aria-hidden="true"></span>${KIND_NL[kind]}</label>`,
    )
    .join(' ')
  const entry = (e: TimelineEntry) => {
    const when = e.end ? `${dutchDate(e.date)} – ${dutchDate(e.end)}` : dutchDate(e.date)
    const paper = e.paper.id ?? e.paper.key
    const status = e.status ? ` <span class="badge status-${e.status}">${esc(STATUS_NL[e.status])}</span>` : ''
    const text = e.kind === 'paper' ? `<a href="${esc(paperHref(paper))}">${esc(e.text)}</a>` : esc(e.text.length > 300 ? `${e.text.slice(0, 299)}…` : e.text)
    return `<li class="entry kind-${e.kind}" data-kind="${e.kind}"${SHOWN.has(e.kind) ? '' : ' hidden'}>
  <span class="dot kind-${e.kind}" aria-hidden="true"></span>
  <p class="when"><time datetime="${esc(e.date)}">${esc(when)}</time> · ${KIND_NL[e.kind]}${status}</p>
  <p class="what">${text}</p>
  ${e.kind === 'paper' ? '' : `<p class="from">${e.kind === 'kept' ? 'nagekomen in' : 'uit'} <a href="${esc(paperHref(paper))}">${esc(paper)}</a></p>`}
</li>`
  }
  // A year whose only entries are dates mentioned in passing (hidden until asked for) shows no empty heading.
  const line = [...years]
    .map(
      ([y, entries]) =>
        `<li class="year"${entries.some((e) => SHOWN.has(e.kind)) ? '' : ' hidden'}><h3>${esc(y)}</h3><ol class="entries">${entries.map(entry).join('\n')}</ol></li>`,
    )
    .join('\n')
  const papers = view.papers.map(paperRow).join('\n')
  const outside = view.citesOutside
    .slice(0, 30)
    .map((c) => {
      const official = c.paper ? null : officialHref(c.target)
      const name = c.paper
        ? `<a href="${esc(paperHref(c.target))}">${esc(c.target)}</a>`
        : official
          ? `<a class="official" href="${esc(official)}" rel="noopener">${esc(c.target)}</a>`
          : esc(c.target)
      return `<li>${name} <span class="count">${c.count}×</span></li>`
    })
    .join('')
  // Papers of this dossier cited but not stored: linked to the official publication.
  const missing = view.citesMissing
    .map((c) => {
      const official = officialHref(c.target)
      return `<li>${official ? `<a class="official" href="${esc(official)}" rel="noopener">${esc(c.target)}</a>` : esc(c.target)} <span class="count">${c.count}×</span></li>`
    })
    .join('')
  const citedFrom = view.citedFrom
    .map((c) => `<li><a href="${esc(paperHref(c.paper.id ?? c.paper.key))}">${esc(c.paper.id ?? c.paper.key)}</a> → ${esc(c.target)}</li>`)
    .join('')
  const atom = `/feeds/dossier/${encodeURIComponent(nr)}.atom`
  const ics = `/feeds/dossier/${encodeURIComponent(nr)}.ics`
  const body = `<h1>Dossier ${esc(nr)}${view.title ? `: ${esc(view.title)}` : ''}</h1>
<p class="summary">${k.papers} ${k.papers === 1 ? 'stuk' : 'stukken'} (${k.byType.map((t) => `${t.count} ${esc(typeName(t.value, t.count))}`).join(', ')}) ·
toezeggingen: ${Object.entries(k.commitments)
    .map(([s, n]) => `${n} ${esc(STATUS_NL[s]?.toLowerCase())}`)
    .join(', ')} ·
<a class="feed" href="${esc(atom)}">Volgen (Atom)</a> · <a class="feed" href="${esc(ics)}">Agenda (iCalendar)</a> · <a href="/commitments?dossier=${encodeURIComponent(nr)}">Toezeggingen</a></p>

<section aria-labelledby="stukken">
  <h2 id="stukken">Stukken</h2>
  <div class="table-wrap"><table class="papers"><caption class="visually-hidden">Stukken in dossier ${esc(nr)}</caption>
  <thead><tr><th scope="col">Datum</th><th scope="col">Stuk</th><th scope="col">Soort</th><th scope="col">Afzender of indieners</th></tr></thead>
  <tbody>${papers}</tbody></table></div>
</section>
<section aria-labelledby="ontbrekend"><h2 id="ontbrekend">Aangehaalde stukken van dit dossier die niet zijn opgeslagen</h2>${missing ? `<ul>${missing}</ul>` : '<p>Geen.</p>'}</section>
<section class="timeline" aria-labelledby="tijdlijn">
  <h2 id="tijdlijn">Tijdlijn</h2>
  <fieldset class="kinds"><legend>Tonen</legend>${filters}</fieldset>
  <ol class="years">${line}</ol>
</section>
<section aria-labelledby="buiten"><h2 id="buiten">Verwijst buiten het dossier naar</h2>${outside ? `<ul>${outside}</ul>` : '<p>Niets.</p>'}</section>
<section aria-labelledby="binnen"><h2 id="binnen">Aangehaald van buiten</h2>${citedFrom ? `<ul>${citedFrom}</ul>` : '<p>Door geen opgeslagen stuk.</p>'}</section>`
  return layout({
    title: `Dossier ${nr}`,
    body,
    nav: 'dossier',
    feeds: [
      { href: atom, title: `Dossier ${nr}`, type: 'application/atom+xml' },
      { href: ics, title: `Agenda dossier ${nr}`, type: 'text/calendar' },
    ],
  })
}
