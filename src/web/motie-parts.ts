import type { MotieDecision, MotieFacts } from '../app/moties.js'
import type { MotieResult } from '../link/kamer.js'
import { dutchDate, esc } from './html.js'
import { fractieHref, lidHref } from './people-page.js'

const RESULT_NL: Record<MotieResult, string> = {
  aangenomen: 'Aangenomen',
  verworpen: 'Verworpen',
  aangehouden: 'Aangehouden',
  ingetrokken: 'Ingetrokken',
  overgenomen: 'Overgenomen',
  vervallen: 'Vervallen',
  anders: 'Besluit',
}

const VOTE_NL: Record<string, string> = { Voor: 'Voor', Tegen: 'Tegen', 'Niet deelgenomen': 'Niet deelgenomen' }

/**
 * A motie in the Kamer, from its open-data records: who submitted it (with their fractie where a record gives it),
 * the government's appreciation, and each decision with the vote per fractie and the seats for and against.
 */
export function motieFactsSection(f: MotieFacts): string {
  const who = f.indieners
    .map((i) => `<a href="${esc(lidHref(i.name))}">${esc(i.name)}</a>${i.fractie ? ` (<a href="${esc(fractieHref(i.fractie))}">${esc(i.fractie)}</a>)` : ''}`)
    .join(', ')
  const rows = [
    ['Ingediend', `${f.date ? `<time datetime="${esc(f.date)}">${esc(dutchDate(f.date))}</time>` : ''}${who ? ` door ${who}` : ''}`],
    ['Appreciatie kabinet', esc(f.appreciatie ?? 'niet bekend')],
    f.zaak ? ['Zaak', `<code>${esc(f.zaak)}</code>`] : null,
  ].filter((r): r is string[] => r !== null)
  const dl = rows.map(([k, v]) => `<dt>${k}</dt><dd>${v || '—'}</dd>`).join('')
  const decisions = f.decisions.map(decisionPart).join('')
  return `<section class="motie-facts"><h2>In de Kamer</h2><dl class="facts">${dl}</dl>${
    decisions || '<p>Geen besluit opgeslagen (stemmingen komen met <code>kamerwacht sync tk</code>).</p>'
  }</section>`
}

/** One Besluit: its result and day, the seats, and who voted how. */
function decisionPart(d: MotieDecision): string {
  const seats = d.tally.votes.length ? ` <span class="meta">${d.tally.seatsFor} zetels voor, ${d.tally.seatsAgainst} tegen</span>` : ''
  const day = d.date ? ` op <time datetime="${esc(d.date)}">${esc(dutchDate(d.date))}</time>` : ''
  const groups = ['Voor', 'Tegen', 'Niet deelgenomen']
    .map((soort) => {
      const who = d.tally.votes
        .filter((v) => v.soort === soort)
        .map(
          (v) =>
            `${v.member ? `<a href="${esc(lidHref(v.member))}">${esc(v.member)}</a> (${esc(v.fractie)})` : `<a href="${esc(fractieHref(v.fractie))}">${esc(v.fractie)}</a>`}${v.mistake ? ' <span class="meta">(vergissing)</span>' : ''}`,
        )
      return who.length ? `<dt>${VOTE_NL[soort]}</dt><dd>${who.join(', ')}</dd>` : ''
    })
    .join('')
  return `<p class="decision"><span class="badge result-${d.result}">${RESULT_NL[d.result]}</span>${day}${seats}</p>${groups ? `<dl class="votes">${groups}</dl>` : ''}`
}
