import { type Correction, correctionWarnings, type TrackedCommitment } from '../link/status.js'
import type { Store } from '../store/store.js'
import { HttpError } from './errors.js'

/**
 * Records a correction of a promise, for the API and the web UI alike: 404 for no such promise, 400 for
 * a target that is not stored, 409 when the target is older than the promise or from another sender and
 * the correction is not forced. `clear` also undoes a `not-a-commitment`, which hides the promise.
 */
export async function applyCorrection(
  store: Store,
  id: string,
  body: { action: Correction['action']; target?: string; force?: boolean | undefined; by?: string | undefined },
  day: string,
): Promise<{ correction: Correction; commitment: TrackedCommitment | null }> {
  const current = await store.commitment(id, day)
  const stamp = { at: new Date().toISOString(), by: body.by ?? 'api' }
  if (!current && body.action !== 'clear') throw new HttpError(404, 'not-found', `no commitment ${id}`)
  let correction: Correction
  if (body.action === 'fulfilled-by') {
    const target = body.target ?? ''
    const doc = await store.get(target)
    if (!doc) throw new HttpError(400, 'invalid-input', `invalid target: no paper ${target} is stored`)
    const warnings = current ? correctionWarnings(current, { id: doc.id ?? target, date: doc.date, sender: doc.sender }) : []
    if (warnings.length && !body.force) throw new HttpError(409, 'needs-force', `${warnings.join('; ')}; send "force": true to record it anyway`)
    correction = { action: 'fulfilled-by', target, ...stamp }
  } else correction = { action: body.action, ...stamp }
  if (!(await store.correct(id, correction))) throw new HttpError(404, 'not-found', `no commitment ${id}`)
  return { correction, commitment: await store.commitment(id, day) }
}
