import type { AnsweredQuestions } from '../app/questions.js'
import { ANSWER_DAYS, type WrittenQuestions, writtenQuestions } from '../link/questions.js'
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
<dt>Vragen</dt><dd>${w.questions}</dd>
</dl></section>`
}

/** `/vragen`: answers to written questions, newest first, with the days each took; the late ones on their own. */
export function questionsPage(list: AnsweredQuestions[], f: { late?: boolean | undefined; to?: string | undefined }): string {
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
  <button type="submit">Filter</button>
</form>
<h2>${list.length} ${list.length === 1 ? 'antwoord' : 'antwoorden'}</h2>
${items ? `<ol class="items">${items}</ol>` : '<p>Geen antwoorden op schriftelijke vragen opgeslagen.</p>'}`
  return layout({ title: 'Schriftelijke vragen', body })
}
