// Written by scripts/fit-fulfilment.mjs from scripts/data/fulfilment-pairs.json; do not edit by hand (run `npm run fit`).
// The hand-set prior argued in that script: fitted on the real pairs of ../shared/corpus, the weights did no better
// across dossiers (see `npm run eval`), so the reasoned ones are kept until more chains are annotated.
import type { FulfilmentModel } from './evidence.js'

/** The weights of the fulfilment features (see evidence.ts). */
export const FULFILMENT_WEIGHTS: FulfilmentModel = {
  bias: -6,
  weights: {
    'cites.paper': 3,
    'cites.date-office': 2.5,
    'says.kept': 1.5,
    'says.kept-this': 2.5,
    'delivers.now': 1.5,
    'delivers.kind': 1.5,
    'subject.share': 3,
    'subject.delivery': 2,
    'office.same': 1,
    'dossier.same': 1,
    'time.in-window': 1,
    postpones: -6,
  },
}
