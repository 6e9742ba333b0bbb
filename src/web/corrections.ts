import type { TrackedCommitment } from '../link/status.js'
import { dutchDate, esc } from './html.js'

const ACTION_NL: Record<string, string> = {
  'fulfilled-by': 'gemarkeerd als nagekomen',
  reopen: 'heropend',
  'not-a-commitment': 'gemarkeerd als geen toezegging',
  clear: 'teruggezet naar automatisch',
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
