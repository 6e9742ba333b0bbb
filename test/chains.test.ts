// Real promise → fulfilment chains (../shared/corpus/chains, issue 24): the promise's paper and then the later paper
// are stored, and the promise is followed. Beside each, the near-miss the same rule must not take.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createContext, type PipelineContext, readDocument } from '../src/pipeline.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import { corpusFile, skipWithoutShared } from '../src/test-support/paths.js'

let ctx: PipelineContext
beforeAll(async () => {
  ctx = await createContext()
})

async function storeWith(...files: string[]): Promise<EmbeddedStore> {
  const store = new EmbeddedStore(':memory:')
  for (const f of files) {
    const bytes = readFileSync(f)
    await store.put(await readDocument(bytes, basename(f), ctx), bytes)
  }
  return store
}
const chain = (name: string) => corpusFile('chains', name)
const promiseOf = async (store: EmbeddedStore, paper: string, words: string, today: string) => {
  const c = (await store.commitments({ paper, limit: 100 }, today)).items.find((x) => x.text.replace(/\s+/g, ' ').includes(words))
  if (!c) throw new Error(`no promise "${words}" in ${paper}`)
  return c
}

describe.skipIf(skipWithoutShared)('real chains of a promise and the paper that keeps or moves it', () => {
  it('26991-554 → 26991-560: cited by number and answered now (`In deze brief reageren wij op de aanbevelingen`), by two ministers where one promised', async () => {
    const store = await storeWith(chain('26991-554.obpage.txt'), chain('26991-560.obpage.txt'))
    const c = await promiseOf(store, 'kst-26991-554', 'kort na de zomer informeren', '2019-12-01')
    expect(c.status).toBe('fulfilled')
    expect(c.evidence.map((e) => [e.paperId, e.reason])).toEqual([['kst-26991-560', 'points-at']])
    expect(c.evidence[0]?.evidence).toMatch(/cites kst-26991-554/)
    expect(c.evidence[0]?.evidence).toMatch(/delivers now: In deze brief reageren wij op de aanbevelingen/)
  })

  it('near miss: an earlier letter of the same dossier (26991-343) is kept by neither later letter', async () => {
    const store = await storeWith(corpusFile('letters', '26991-343.obpage.txt'), chain('26991-554.obpage.txt'), chain('26991-560.obpage.txt'))
    for (const c of (await store.commitments({ paper: 'kst-26991-343', limit: 100 }, '2019-12-01')).items) expect(c.evidence).toEqual([])
  })

  it('28286-611 → 28286-629: `Deze zal ik uw Kamer toesturen …` takes its subject from the sentence before, and the reactie that cites it keeps it', async () => {
    const store = await storeWith(chain('28286-611.obpage.txt'), chain('28286-629.obpage.txt'))
    const c = await promiseOf(store, 'kst-28286-611', 'Deze zal ik uw Kamer toesturen', '2013-06-01')
    expect(c.context).toMatch(/bijeenkomst/)
    expect(c.status).toBe('fulfilled')
    expect(c.evidence.map((e) => e.paperId)).toEqual(['kst-28286-629'])
  })

  it('27925-429 → 27925-436: the eindevaluatie sent by the same ministers written in another order is at least a candidate, never lost', async () => {
    const store = await storeWith(chain('27925-429.obpage.txt'), chain('27925-436.obpage.txt'))
    const c = await promiseOf(store, 'kst-27925-429', 'De evaluatie zal aan het einde van deze zomer', '2011-10-01')
    const link = [...c.evidence, ...c.candidates].find((e) => e.paperId === 'kst-27925-436')
    expect(link?.evidence).toMatch(/same office/)
    expect(link?.evidence).toMatch(/delivers the rapport promised/)
    expect(link?.confidence).toBeGreaterThan(0.5)
  })

  it('31016-58 → 31016-60: moved to January 2014, the promise stays open with the new deadline and its old one kept; the report sent is no delivery', async () => {
    const store = await storeWith(chain('31016-58.obpage.txt'), chain('31016-60.obpage.txt'))
    const c = await promiseOf(store, 'kst-31016-58', 'uiterlijk voor het einde van dit jaar', '2013-12-10')
    expect(c.status).not.toBe('fulfilled')
    expect(c.due).toEqual({ start: '2014-01-01', end: '2014-01-31' })
    // `voor het einde van dit jaar` in a letter of 28 October 2013 is 31 December, not 31 October.
    expect(c.moved).toEqual([{ dueText: 'voor het einde van dit jaar', due: { start: '2013-10-28', end: '2013-12-31' }, by: 'kst-31016-60' }])
    expect(c.postponements.map((e) => e.paperId)).toEqual(['kst-31016-60'])
    // Open, not overdue, on a day after the old deadline and before the new one.
    expect(c.status).toBe('open')
    // One promise, one record: the later letter's own sentence restating it is not a second promise on the board.
    const all = (await store.commitments({ dossier: '31016', limit: 100 }, '2013-12-10')).items
    expect(all.filter((x) => x.text.includes('in januari 2014 een gecombineerde inhoudelijke reactie'))).toEqual([])
  })

  it('near miss: the same postponing letter read before the promise gives the same result', async () => {
    const store = await storeWith(chain('31016-60.obpage.txt'), chain('31016-58.obpage.txt'))
    const c = await promiseOf(store, 'kst-31016-58', 'uiterlijk voor het einde van dit jaar', '2013-12-10')
    expect([c.status, c.due?.end, c.moved?.length]).toEqual(['open', '2014-01-31', 1])
    expect((await store.commitments({ paper: 'kst-31016-60', limit: 100 }, '2013-12-10')).items.map((x) => x.text)).not.toContainEqual(
      expect.stringContaining('in januari 2014 een gecombineerde'),
    )
  })
})

describe.skipIf(skipWithoutShared)('real papers not written to the Kamer (../shared/corpus/raw)', () => {
  it.each([
    ['brief-VWS-aan-VNG-2026-04-22-AZWA-D5-D6.pdf', /addressed to VNG/],
    ['besluitenlijst-BiZa-2009-04-02.pdf', /besluitenlijst/],
  ])('%s is kept as what it is, with no promises on the board and the reason given', async (name, why) => {
    const store = await storeWith(corpusFile('raw', name))
    const [paper] = await store.all()
    const doc = await store.get(paper?.key as string)
    expect(doc?.type).toBe('other')
    expect(doc?.commitments).toEqual([])
    expect(doc?.issues.find((i) => i.code === 'not-to-kamer')?.message).toMatch(why)
    expect((await store.commitments({}, '2026-12-01')).total).toBe(0)
  })
})
