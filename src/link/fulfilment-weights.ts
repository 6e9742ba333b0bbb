// Written by scripts/fit-fulfilment.mjs from scripts/data/fulfilment-pairs.json; do not edit by hand (run `npm run fit`).
// Each weight starts from the hand-set prior argued in that script and is moved by the real pairs of ../shared/corpus.
import type { FulfilmentModel } from './evidence.js'

/** The fitted weights of the fulfilment features (see evidence.ts). */
export const FULFILMENT_WEIGHTS: FulfilmentModel = {
  bias: -6.3,
  weights: {
    'cites.paper': 2.78,
    'cites.date-office': 2.1,
    'says.kept': 1.09,
    'says.kept-this': 2.5,
    'delivers.now': 1.07,
    'delivers.kind': 1.65,
    'subject.share': 2.97,
    'subject.delivery': 2,
    'office.same': 0.74,
    'dossier.same': 0.7,
    'time.in-window': 1,
    postpones: -6.4,
  },
}
