import { type Correction, correctionWarnings, type TrackedCommitment } from '../link/status.js'
import type { Store } from '../store/store.js'
import { Refusal } from './errors.js'

/** A correction as an edge receives it: the action, the paper that keeps the promise, whether to force, who. */
export interface CorrectionInput {
  action: Correction['action']
  target?: string | undefined
  force?: boolean | undefined
  by: string
}

/**
 * The one correction rule, for the CLI, the API and the web UI: a promise that is not there is
 * `not-found` (except for `clear`, which also shows a hidden one again); a target that is not stored
 * is `invalid-input`; a target older than the promise or from another sender is `needs-force`, with
 * the reasons, until forced. A correction is kept with who made it and when, and survives re-ingest.
 */
export async function correct(
  store: Store,
  id: string,
  input: CorrectionInput,
  day: string,
): Promise<{ correction: Correction; commitment: TrackedCommitment | null }> {
  const current = await store.commitment(id, day)
  const stamp = { at: new Date().toISOString(), by: input.by }
  const missing = () => new Refusal('not-found', `no commitment ${id}`, `Geen toezegging ${id}.`, 'id')
  if (!current && input.action !== 'clear') throw missing()
  let correction: Correction
  if (input.action === 'fulfilled-by') {
    const target = input.target?.trim() ?? ''
    const doc = target ? await store.get(target) : null
    if (!doc)
      throw new Refusal(
        'invalid-input',
        `invalid target: no paper ${target || '(none given)'} is stored`,
        target ? `Geen stuk ${target} opgeslagen.` : 'Geef het stuk dat de toezegging nakomt (kst-33783-52).',
        'target',
      )
    const reasons = current ? correctionWarnings(current, { id: doc.id ?? target, date: doc.date, sender: doc.sender }) : []
    if (reasons.length && !input.force)
      throw new Refusal(
        'needs-force',
        `${reasons.map((r) => r.en).join('; ')}; send "force": true to record it anyway`,
        reasons.map((r) => r.nl).join('; '),
        'target',
        reasons,
      )
    correction = { action: 'fulfilled-by', target, ...stamp }
  } else correction = { action: input.action, ...stamp }
  if (!(await store.correct(id, correction))) throw missing()
  return { correction, commitment: await store.commitment(id, day) }
}
