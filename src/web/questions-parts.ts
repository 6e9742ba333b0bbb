import type { AnsweredQuestions, MinistryQuestions } from '../app/questions.js'
import { ANSWER_DAYS, type QuestionCourse, type WrittenQuestions, writtenQuestions } from '../link/questions.js'
import { dutchDate, esc, layout, paperHref } from './html.js'
import { lidHref } from './people-page.js'

/** Who asked, with links to their pages and fracties as given. */
const askers = (w: WrittenQuestions) =>
  w.askers.map((a) => `<a href="${esc(lidHref(a.name))}">${esc(a.name)}</a>${a.fractie ? ` (${esc(a.fractie)})` : ''}`).join(', ')

/** The days an answer took, beside the three weeks the Kamer's rules give. */
const delay = (w: WrittenQuestions) =>
  w.days === null
    ? 'nog niet beantwoord'
    : `${w.days} ${w.days === 1 ? 'dag' : 'dagen'} <span class="badge ${w.withinThreeWeeks ? 'status-fulfilled' : 'status-overdue'}">${w.withinThreeWeeks ? 'binnen drie weken' : `later dan ${ANSWER_DAYS} dagen`}</span>`

/** Whether each numbered question got an answer: `alle beantwoord`, or the numbers that did not. */
function answeredAll(w: WrittenQuestions): string {
  if (w.unanswered.length) return ` · <strong>zonder antwoord: ${w.unanswered.length === 1 ? 'vraag' : 'vragen'} ${esc(w.unanswered.join(', '))}</strong>`
  return w.pairs.some((p) => p.answer !== null) ? ' · alle beantwoord' : ''
}

/** For an answer to written questions: who asked whom, when, who answered, and how long it took. Empty for other papers. */
export function questionsSection(text: string): string {
  const w = writtenQuestions(text)
  if (!w) return ''
  return `<section class="questions"><h2>Schriftelijke vragen</h2><dl class="facts">
<dt>Gesteld door</dt><dd>${askers(w)}</dd>
<dt>Aan</dt><dd>${esc(w.to ?? '')}</dd>
<dt>Ingezonden</dt><dd>${esc(dutchDate(w.asked))}</dd>
<dt>Beantwoord</dt><dd>${w.answered ? `${esc(dutchDate(w.answered))}${w.answeredBy ? ` door ${esc(w.answeredBy)}` : ''}` : '—'}</dd>
<dt>Duur</dt><dd>${delay(w)}</dd>
<dt>Vragen</dt><dd>${w.questions}${answeredAll(w)}</dd>
</dl></section>`
}

/**
 * The unanswered questions per ministry, as a table: how many, how many past the three weeks, of which no postponement
 * came in time, and the oldest; each ministry links to its own open questions.
 */
function perMinistrySection(rows: MinistryQuestions[]): string {
  if (!rows.length) return ''
  const row = (m: MinistryQuestions) => {
    const link =
      m.ministerie === '(onbekend)' ? esc(m.ministerie) : `<a href="/vragen?open=1&amp;to=${encodeURIComponent(m.ministerie)}">${esc(m.ministerie)}</a>`
    return `<tr><th scope="row">${link}</th><td>${m.open}</td><td>${m.late}</td><td>${m.unannounced}</td><td>${esc(dutchDate(m.oldest))}</td></tr>`
  }
  return `<section aria-labelledby="per-ministerie"><h2 id="per-ministerie">Onbeantwoord per ministerie</h2>
<p class="help">Vragen zonder antwoord in de open data, naar het ministerie aan wie ze gesteld zijn (gelezen uit een opgeslagen stuk van de vragen).</p>
<div class="table-wrap"><table class="counts"><thead><tr><th scope="col">Ministerie</th><th scope="col">Open</th><th scope="col">Later dan drie weken</th><th scope="col">Zonder uitstel op tijd</th><th scope="col">Oudste</th></tr></thead>
<tbody>${rows.map(row).join('')}</tbody></table></div></section>`
}

/** `/vragen`: answers to written questions, newest first, with the days each took; the late ones on their own. */
export function questionsPage(
  list: AnsweredQuestions[],
  f: { late?: boolean | undefined; to?: string | undefined; open?: boolean | undefined },
  courses: QuestionCourse[] = [],
  perMinistry: MinistryQuestions[] = [],
): string {
  const items = list
    .map(
      (q) => `<li><p class="meta">${esc(dutchDate(q.answered ?? q.asked))} · ${askers(q)} aan ${esc(q.to ?? '')} · ${delay(q)}</p>
  <p class="text"><a href="${esc(paperHref(q.paper))}">${esc(q.subject ?? q.title ?? q.paper)}</a></p></li>`,
    )
    .join('\n')
  const body = `<h1>Schriftelijke vragen</h1>
<p class="lead">Antwoorden op vragen van Kamerleden: wie vroeg wie, en hoe lang het antwoord duurde naast de termijn van drie weken.</p>
<form class="filters" action="/vragen" method="get">
  <label for="vragen-to">Aan</label> <input id="vragen-to" name="to" value="${esc(f.to ?? '')}" placeholder="Defensie">
  <label><input type="checkbox" name="late" value="1"${f.late ? ' checked' : ''}> alleen later dan drie weken</label>
  <label><input type="checkbox" name="open" value="1"${f.open ? ' checked' : ''}> alleen onbeantwoorde</label>
  <button type="submit">Filter</button>
</form>
${
  // Only the unanswered asked for: the answers read from papers are left out.
  f.open
    ? ''
    : `<h2>${list.length} ${list.length === 1 ? 'antwoord' : 'antwoorden'}</h2>
${items ? `<ol class="items">${items}</ol>` : '<p>Geen antwoorden op schriftelijke vragen opgeslagen.</p>'}`
}
${perMinistrySection(perMinistry)}
${courseSection(courses, f.open)}`
  return layout({ title: 'Schriftelijke vragen', body })
}

/** The stages of one set of questions: asked, each postponement notice, answered (or not yet). */
function stages(c: QuestionCourse): string {
  const at = (label: string, x: { nummer: string | null; date: string | null }) =>
    `${label} ${esc(dutchDate(x.date))}${x.nummer ? ` <code>${esc(x.nummer)}</code>` : ''}`
  return [
    c.question ? at('gesteld', c.question) : 'gesteld: onbekend',
    ...c.postponements.map((p) => at('uitstel', p)),
    c.answer ? at('beantwoord', c.answer) : 'nog niet beantwoord',
  ].join(' → ')
}

/** How long, and whether a late answer was announced: `34 dagen · later dan 21 dagen · uitstel op tijd gemeld`. */
function courseDelay(c: QuestionCourse): string {
  if (c.days === null) return ''
  const badge = c.late ? '<span class="badge status-overdue">later dan drie weken</span>' : '<span class="badge status-fulfilled">binnen drie weken</span>'
  const notice = c.late ? (c.postponedInTime ? ' · uitstel op tijd gemeld' : ' · <strong>geen uitstel gemeld binnen drie weken</strong>') : ''
  return ` · ${c.days} ${c.days === 1 ? 'dag' : 'dagen'}${c.answer ? '' : ' tot nu'} ${badge}${notice}`
}

/** Written questions followed through the Kamer's records: questions, postponement notices and answer, joined. */
function courseSection(courses: QuestionCourse[], open: boolean | undefined): string {
  const items = courses
    .map(
      (c) => `<li><p class="text">${esc(c.subject)}</p>
  <p class="meta">${c.askers.length ? `${c.askers.map((a) => `<a href="${esc(lidHref(a))}">${esc(a)}</a>`).join(', ')} · ` : ''}${c.to ? `aan ${esc(c.to)} · ` : ''}${stages(c)}${courseDelay(c)}</p></li>`,
    )
    .join('\n')
  return `<section aria-labelledby="verloop"><h2 id="verloop">Verloop volgens de open data (${courses.length})</h2>
<p class="help">De vragen, de uitstelberichten en het antwoord zoals de Kamer ze als Document registreert, bij elkaar gezet op hun onderwerp${
    open ? '; alleen vragen zonder antwoord' : ''
  }. <a href="/vragen?open=1">Alleen onbeantwoorde</a>.</p>
${items ? `<ol class="items">${items}</ol>` : '<p>Geen vragen, uitstelberichten of antwoorden uit de open data opgeslagen (die komen met <code>kamerwacht sync tk</code>).</p>'}</section>`
}
