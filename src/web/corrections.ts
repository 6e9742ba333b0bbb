import type { TrackedCommitment } from '../link/status.js'
import { dutchDate, esc, paperHref } from './html.js'

const ACTION_NL: Record<string, string> = {
  'fulfilled-by': 'gemarkeerd als nagekomen',
  reopen: 'heropend',
  'not-a-commitment': 'gemarkeerd als geen toezegging',
  clear: 'teruggezet naar automatisch',
}

/**
 * Where a later paper moved a promise (`Zoals aangekondigd … stuur ik u in januari 2014 …`): the paper and the deadline
 * it had before, as the board and the paper page show it.
 */
export function postponementNote(c: TrackedCommitment): string {
  return (c.moved ?? [])
    .map((m) => {
      const by = c.postponements.find((e) => e.paperKey === m.by)
      const paper = by?.paperId ?? m.by
      const before = m.dueText ? `${m.dueText}${m.due ? ` (uiterlijk ${dutchDate(m.due.end)})` : ''}` : 'zonder termijn'
      return `<p class="evidence">Uitgesteld in <a href="${esc(paperHref(paper))}">${esc(paper)}</a>${by?.paperDate ? ` (${esc(dutchDate(by.paperDate))})` : ''}; eerdere termijn: ${esc(before)}</p>`
    })
    .join('')
}

/** Who corrected a promise, and when, as the board and the paper page show it. */
export function correctionNote(c: TrackedCommitment): string {
  const k = c.correction
  if (!k || k.action === 'clear') return ''
  return `<p class="correction">Met de hand ${esc(ACTION_NL[k.action])}${k.action === 'fulfilled-by' ? ` door ${esc(k.target)}` : ''}${k.by ? `, door ${esc(k.by)}` : ''}, ${esc(dutchDate(k.at.slice(0, 10)))}</p>`
}

/**
 * The correction form of one promise, for a signed-in user: mark it kept by a paper, reopen it, say it
 * is no promise, or undo a correction. `back` is where the page returns to after it.
 */
export function correctionForm(c: TrackedCommitment, back: string): string {
  const undo = c.correction && c.correction.action !== 'clear'
  return `<form class="correct" method="post" action="/commitments/${encodeURIComponent(c.id)}/correction">
  <input type="hidden" name="back" value="${esc(back)}">
  <details><summary>Corrigeren</summary>
  <label>Nagekomen door <input name="target" placeholder="kst-33783-52" size="18"></label>
  <button name="action" value="fulfilled-by">Nagekomen</button>
  <button name="action" value="reopen">Heropenen</button>
  <button name="action" value="not-a-commitment">Geen toezegging</button>
  ${undo ? '<button name="action" value="clear">Correctie ongedaan maken</button>' : ''}
  </details>
</form>`
}
