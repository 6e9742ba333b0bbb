import type { PaperInfo } from '../link/models.js'
import { type MotieAnswer, motieAnswer } from '../link/moties.js'
import type { Store } from '../store/store.js'

/** A later paper that answers a motie, and how. */
export interface MotieFollowUp {
  paper: PaperInfo
  how: MotieAnswer
  /** The words that say so: the paper's subject (an open-data record's Onderwerp) and the citation. */
  text: string
}

/**
 * The government letters that answer a motie (`kst-36583-14`): the stored papers that cite it by its number
 * (`(Kamerstuk 36583-14)`, `(Kamerstuk 36672-5 en 6)`), kept where the paper is a letter and its words say it
 * carries the motie out, in part, declines it, or responds to it (`Uitvoering van de motie …`, `Reactie op de
 * motie …`). A paper beside a letter (a beslisnota) and a paper that only mentions the motie are left out.
 */
export async function motieFollowUps(store: Store, motie: string): Promise<MotieFollowUp[]> {
  const cited = await store.citations(motie)
  const out: MotieFollowUp[] = []
  for (const c of cited?.in ?? []) {
    if (c.paper.type !== 'brief' || c.via !== 'id') continue
    const text = `${c.paper.title ?? ''} ${c.text}`.trim()
    const how = motieAnswer(text)
    if (how) out.push({ paper: c.paper, how, text })
  }
  return out
}
