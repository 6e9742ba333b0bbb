// The commitment tracker on real papers: 33783-50 (the Minister's three promises about the NPT
// Review Conference), 35228-6 (a promise for "het najaar" 2020 that nothing keeps), and later
// letters of dossier 33 783 typeset for these tests (test/fixtures/chains/README.md).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createContext, type PipelineContext, readDocument } from '../src/pipeline.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import { corpusFile, ROOT } from '../src/test-support/paths.js'

const TODAY = '2026-11-28'
const BIN = join(ROOT, 'bin', 'kamerwacht.js')
const chain = (name: string) => join(ROOT, 'test', 'fixtures', 'chains', name)
const PROMISES = {
  decision: 'Ik zal uw Kamer t.z.t. informeren over dit besluit.',
  briefing: 'technische ambtelijke briefing',
  report: 'Ik zal na afloop van de Toetsingsconferentie rapporteren over de resultaten.',
}

let ctx: PipelineContext
beforeAll(async () => {
  ctx = { ...(await createContext()), nameHints: true }
})

async function storeWith(files: string[]): Promise<EmbeddedStore> {
  const store = new EmbeddedStore(':memory:')
  for (const f of files) {
    const bytes = readFileSync(f)
    await store.put(await readDocument(bytes, basename(f), ctx), bytes)
  }
  return store
}

const find = async (store: EmbeddedStore, dossier: string, words: string) => {
  const c = (await store.commitments({ dossier, limit: 100 }, TODAY)).items.find((x) => x.text.replace(/\s+/g, ' ').includes(words))
  if (!c) throw new Error(`no commitment with "${words}"`)
  return c
}

describe('the three promises of 33783-50', () => {
  it('are commitments with their due text, open or overdue as their due dates say', async () => {
    const store = await storeWith([corpusFile('dev', '33783-50.txt')])
    const list = await store.commitments({ dossier: '33783' }, TODAY)
    expect(list.total).toBe(3)
    expect(await find(store, '33783', PROMISES.decision)).toMatchObject({ dueText: 't.z.t.', due: null, status: 'open' })
    expect(await find(store, '33783', PROMISES.briefing)).toMatchObject({ dueText: 'voor aanvang van de toetsingsconferentie', status: 'overdue' })
    expect(await find(store, '33783', PROMISES.report)).toMatchObject({ dueText: 'na afloop van de Toetsingsconferentie', status: 'overdue' })
    // On a day before the deadlines, the same promises are open or due soon.
    expect((await find(store, '33783', PROMISES.report)).due?.end).toBe('2022-11-24')
    expect((await store.commitments({ dossier: '33783', status: 'due-soon' }, '2022-07-10')).items.map((c) => c.dueText)).toEqual([
      'voor aanvang van de toetsingsconferentie',
    ])
  })

  it('turn fulfilled when later letters that keep them are stored, with the right evidence; an unrelated letter keeps nothing', async () => {
    const store = await storeWith([corpusFile('dev', '33783-50.txt'), chain('33783-51.txt'), chain('33783-52.txt'), chain('33783-53.txt')])
    const decision = await find(store, '33783', PROMISES.decision)
    expect(decision.status).toBe('fulfilled')
    expect(decision.evidence.map((e) => [e.paperId, e.reason])).toEqual([['kst-33783-51', 'points-at']])
    expect(decision.evidence[0]?.evidence).toContain('Zoals toegezegd in mijn brief van 27 mei 2022')
    const report = await find(store, '33783', PROMISES.report)
    expect(report.status).toBe('fulfilled')
    expect(report.evidence.map((e) => e.paperId)).toEqual(['kst-33783-52'])
    // The briefing is no letter: nothing keeps it, and its deadline has passed.
    expect(await find(store, '33783', PROMISES.briefing)).toMatchObject({ status: 'overdue', evidence: [] })
    // 33783-53 (same sender, same dossier, later, about the IAEA) is no evidence nor candidate for any of them.
    for (const c of (await store.commitments({ dossier: '33783' }, TODAY)).items)
      expect([...c.evidence, ...c.candidates].map((e) => e.paperId)).not.toContain('kst-33783-53')
  })

  it('link the same whichever paper arrives first', async () => {
    const forward = await storeWith([corpusFile('dev', '33783-50.txt'), chain('33783-51.txt'), chain('33783-52.txt'), chain('33783-53.txt')])
    const backward = await storeWith([chain('33783-53.txt'), chain('33783-52.txt'), chain('33783-51.txt'), corpusFile('dev', '33783-50.txt')])
    const view = async (s: EmbeddedStore) =>
      (await s.commitments({ dossier: '33783' }, TODAY)).items.map((c) => [c.id, c.status, c.evidence.map((e) => [e.paperId, e.reason, e.confidence])])
    expect(await view(backward)).toEqual(await view(forward))
  })
})

describe('a promise restated in a later paper', () => {
  it('is one promise: the later letter that says it again (pointing back, no new date) adds no second record', async () => {
    // 33783-51 with its delivery turned into a restated promise, as a letter that only times it again writes it.
    const text = readFileSync(chain('33783-51.txt'), 'utf8').replace(
      /informeer ik u hierbij over het besluit van de Verenigde Naties\s+over de toegestane grootte/,
      'zal ik uw Kamer t.z.t. informeren over het besluit over de toegestane grootte',
    )
    expect(text).toContain('zal ik uw Kamer t.z.t. informeren over het besluit')
    const store = await storeWith([corpusFile('dev', '33783-50.txt')])
    await store.put(await readDocument(new TextEncoder().encode(text), '33783-51.txt', ctx), new TextEncoder().encode(text))
    const said = (await store.commitments({ dossier: '33783', limit: 100 }, TODAY)).items.filter((c) => /informeren over (?:dit|het) besluit/.test(c.text))
    expect(said.map((c) => c.paper.id)).toEqual(['kst-33783-50'])
    // Near miss: the same letter that delivers (`informeer ik u hierbij`) keeps it instead.
    const kept = await storeWith([corpusFile('dev', '33783-50.txt'), chain('33783-51.txt')])
    expect((await find(kept, '33783', PROMISES.decision)).status).toBe('fulfilled')
  })
})

describe('a promise never kept', () => {
  it('ends overdue once its due date has passed (35228-6: "in het najaar" 2020)', async () => {
    const store = await storeWith([corpusFile('dev', '35228-6.obpage.txt')])
    const c = await find(store, '35228', 'in het najaar nader te berichten')
    expect(c).toMatchObject({ status: 'overdue', due: { start: '2020-09-01', end: '2020-11-30' }, evidence: [] })
    expect((await store.commitments({ sender: 'Sociale Zaken', status: 'overdue' }, TODAY)).total).toBe(1)
    expect((await store.commitments({ sender: 'Sociale Zaken', status: 'overdue' }, '2020-09-01')).total).toBe(0)
  })
})

describe('a promise kept by a letter that names it only in a footnote', () => {
  it('ends fulfilled with confidence ≥ 0.9 and the keeping sentence as evidence (35228-6 → 35228-7)', async () => {
    // 35228-7 is written for the tests (test/fixtures/chains/README.md): `Zoals toegezegd in mijn brief van
    // augustus1 bied ik u hierbij de kabinetsreactie aan …`, with `1 Kamerstuk 35 228, nr. 6` as its footnote.
    const store = await storeWith([corpusFile('dev', '35228-6.obpage.txt'), chain('35228-7.obpage.txt')])
    const c = await find(store, '35228', 'in het najaar nader te berichten')
    expect(c.status).toBe('fulfilled')
    expect(c.evidence.map((e) => [e.paperId, e.reason])).toEqual([['kst-35228-7', 'points-at']])
    expect(c.evidence[0]?.confidence).toBeGreaterThanOrEqual(0.9)
    expect(c.evidence[0]?.evidence).toContain('Zoals toegezegd in mijn brief van augustus')
  })

  it('without the footnote the same letter is no pointer, and stays at most a candidate', async () => {
    const text = readFileSync(chain('35228-7.obpage.txt'), 'utf8').replace(/X Noot[\s\S]*$/, '')
    const store = await storeWith([corpusFile('dev', '35228-6.obpage.txt')])
    const doc = await readDocument(new TextEncoder().encode(text), '35228-7.obpage.txt', ctx)
    await store.put(doc, new TextEncoder().encode(text))
    const c = await find(store, '35228', 'in het najaar nader te berichten')
    expect(c.evidence.filter((e) => e.reason === 'points-at')).toEqual([])
  })
})

describe('a promise without a date', () => {
  it('is stale after six months open, and not before', async () => {
    const store = await storeWith([corpusFile('dev', '33783-50.txt')])
    const decision = () => find(store, '33783', PROMISES.decision)
    expect(await decision()).toMatchObject({ dueText: 't.z.t.', due: null, status: 'open', stale: true })
    const early = (await store.commitments({ dossier: '33783', limit: 100 }, '2022-08-01')).items.find((c) => c.text.includes('t.z.t.'))
    expect(early?.stale).toBe(false)
    // A promise with a due date turns overdue instead of stale.
    expect(await find(store, '33783', PROMISES.report)).toMatchObject({ status: 'overdue', stale: false })
  })
})

describe('the citation graph', () => {
  it('links references both ways, and a reference to a paper not yet stored once it arrives', async () => {
    const store = await storeWith([chain('33783-52.txt')])
    const before = await store.citations('kst-33783-52')
    expect(before?.out.find((r) => r.target === 'kst-33783-50')).toMatchObject({ paper: null, via: null })
    const bytes = readFileSync(corpusFile('dev', '33783-50.txt'))
    await store.put(await readDocument(bytes, '33783-50.txt', ctx), bytes)
    const after = await store.citations('kst-33783-52')
    expect(after?.out.find((r) => r.kind === 'kamerstuk')).toMatchObject({ target: 'kst-33783-50', paper: { id: 'kst-33783-50' }, via: 'id' })
    expect(after?.out.find((r) => r.kind === 'brief')).toMatchObject({ date: '2022-05-27', paper: { id: 'kst-33783-50' }, via: 'date' })
    expect((await store.citations('kst-33783-50'))?.in.map((c) => [c.paper.id, c.via])).toEqual([['kst-33783-52', 'id']])
  })

  it('matches a letter cited only by its date to the one letter of that date from the same sender', async () => {
    // 33783-50 cites `Kamerbrief «Inzet Nederland tijdens de Tiende NPV Toetsingsconferentie» van 1 december 2021`.
    const store = await storeWith([corpusFile('dev', '33783-50.txt')])
    const inzet = (text: string) => {
      const letter = readFileSync(chain('33783-53.txt'), 'utf8').replace('Nr. 53', 'Nr. 48').replace('14 oktober 2022', '1 december 2021')
      return readDocument(new TextEncoder().encode(letter + text), '33783-48.txt', ctx)
    }
    const d1 = await inzet('')
    await store.put(d1, new TextEncoder().encode(d1.source.text))
    const byDate = async () => (await store.citations('kst-33783-50'))?.out.find((r) => r.kind === 'brief')
    expect(await byDate()).toMatchObject({ date: '2021-12-01', via: 'date', paper: { id: 'kst-33783-48' } })
    // 33783-50 cites it both ways and is listed once; a letter that names it by date alone is listed by date.
    const later = readFileSync(chain('33783-53.txt'), 'utf8').replace('Nr. 53', 'Nr. 49').replace('Met deze brief', 'Na mijn brief van 1 december 2021')
    const d2 = await readDocument(new TextEncoder().encode(later), '33783-49.txt', ctx)
    await store.put(d2, new TextEncoder().encode(later))
    expect((await store.citations('kst-33783-48'))?.in.map((c) => [c.paper.id, c.via])).toEqual([
      ['kst-33783-50', 'id'],
      ['kst-33783-49', 'date'],
    ])
    // A second letter of the Minister that day: the date alone no longer says which.
    const other = await readDocument(
      new TextEncoder().encode(readFileSync(chain('33783-53.txt'), 'utf8').replace('Nr. 53', 'Nr. 47').replace('14 oktober 2022', '1 december 2021')),
      '33783-47.txt',
      ctx,
    )
    await store.put(other, new TextEncoder().encode(`${other.source.text} `))
    expect(await byDate()).toMatchObject({ via: null, paper: null })
  })
})

describe('dossier and timeline', () => {
  it('list the papers in order, with counts, events, promises, deadlines and kept promises', async () => {
    const store = await storeWith([corpusFile('dev', '33783-50.txt'), chain('33783-52.txt'), chain('33783-53.txt')])
    const view = await store.dossier('33783', TODAY)
    expect(view?.papers.map((p) => p.id)).toEqual(['kst-33783-50', 'kst-33783-52', 'kst-33783-53'])
    expect(view?.papers[0]?.line).toMatch(/^Met het oog op het herhaaldelijk uitstel/)
    expect(view?.counts.commitments).toEqual({ open: 1, 'due-soon': 0, overdue: 1, fulfilled: 1 })
    // An earlier paper of the dossier that is not stored is missing from it, not outside it.
    expect(view?.citesMissing.map((c) => c.target)).toContain('kst-33783-48')
    expect(view?.citesOutside.map((c) => c.target)).not.toContain('kst-33783-48')
    const t = await store.timeline('33783', TODAY)
    expect(t.map((e) => e.date)).toEqual([...t.map((e) => e.date)].sort())
    expect(t.find((e) => e.kind === 'event' && e.date === '2022-08-01' && e.end === '2022-08-26')?.text).toContain('1 t/m 26 augustus 2022')
    expect(t.filter((e) => e.kind === 'commitment')).toHaveLength(3)
    expect(t.find((e) => e.kind === 'due' && e.date === '2022-11-24')).toMatchObject({ status: 'fulfilled' })
    expect(t.find((e) => e.kind === 'kept')).toMatchObject({ date: '2022-09-30', paper: { id: 'kst-33783-52' } })
    // The dateline and the date naming a cited letter are no events.
    expect(t.filter((e) => e.kind === 'event').map((e) => e.text)).not.toContain('Den Haag, 27 mei 2022')
    expect(await store.timeline('99999', TODAY)).toEqual([])
  })
})

describe('kamerwacht commitment, commitments, dossier, timeline, feed', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'kw-track-')), 'k.db')
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, KAMERWACHT_TODAY: TODAY } })

  it('a manual correction survives re-ingest and reindex', () => {
    expect(run('ingest', corpusFile('dev', '33783-50.txt'), chain('33783-52.txt'), '-q').status).toBe(0)
    const list = JSON.parse(run('commitments', '--dossier', '33783', '--json').stdout)
    const briefing = list.items.find((c: { text: string }) => c.text.includes('briefing'))
    expect(briefing.status).toBe('overdue')
    const marked = run('commitment', briefing.id, '--fulfilled-by', 'kst-33783-52', '--json')
    expect(marked.status, marked.stderr).toBe(0)
    expect(JSON.parse(marked.stdout)).toMatchObject({ status: 'fulfilled', evidence: [{ reason: 'manual', paperId: 'kst-33783-52' }] })
    expect(run('reindex', '-q').status).toBe(0)
    expect(run('ingest', chain('33783-51.txt'), '-q').status).toBe(0)
    expect(JSON.parse(run('commitment', briefing.id, '--json').stdout)).toMatchObject({ status: 'fulfilled', correction: { action: 'fulfilled-by' } })
    expect(JSON.parse(run('commitment', briefing.id, '--reopen', '--json').stdout)).toMatchObject({ status: 'overdue' })
    const hidden = run('commitment', briefing.id, '--not-a-commitment')
    expect(hidden.stdout).toContain('not a commitment')
    expect(JSON.parse(run('commitments', '--dossier', '33783', '--json').stdout).total).toBe(2)
    // Every correction can be undone: --clear returns it to automatic matching, hidden or not, with who and when.
    const cleared = run('commitment', briefing.id, '--clear', '--by', 'Analist', '--json')
    expect(cleared.status, cleared.stderr).toBe(0)
    expect(JSON.parse(cleared.stdout)).toMatchObject({ status: 'overdue', correction: { action: 'clear', by: 'Analist' } })
    expect(JSON.parse(run('commitments', '--dossier', '33783', '--json').stdout).total).toBe(3)
  })

  it('asks for --force before a paper older than the promise, or from another sender, is marked as keeping it', () => {
    expect(run('ingest', corpusFile('dev', '32733-36.obpage.txt'), '-q').status).toBe(0)
    const briefing = JSON.parse(run('commitments', '--dossier', '33783', '--json').stdout).items.find((c: { text: string }) => c.text.includes('briefing'))
    const refused = run('commitment', briefing.id, '--fulfilled-by', 'kst-32733-36')
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('kst-32733-36 (2011-06-28) is older than the promise (2022-05-27)')
    expect(refused.stderr).toContain('kst-32733-36 is from Minister van Defensie, the promise from Minister van Buitenlandse Zaken')
    expect(refused.stderr).toContain('add --force to record it anyway')
    expect(JSON.parse(run('commitment', briefing.id, '--json').stdout).status).toBe('overdue')
    const forced = run('commitment', briefing.id, '--fulfilled-by', 'kst-32733-36', '--force', '--by', 'Analist', '--json')
    expect(JSON.parse(forced.stdout)).toMatchObject({ status: 'fulfilled', correction: { action: 'fulfilled-by', by: 'Analist' } })
    expect(run('commitment', briefing.id, '--clear').status).toBe(0)
  })

  it('refuses a correction naming a paper that is not stored, or two corrections at once', () => {
    const list = JSON.parse(run('commitments', '--json').stdout)
    const id = list.items[0].id
    const r = run('commitment', id, '--fulfilled-by', 'kst-1-1')
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('no paper kst-1-1')
    expect(run('commitment', id, '--reopen', '--not-a-commitment').status).toBe(2)
    expect(run('commitment', 'kst-1-1~00000000').stderr).toContain('no commitment')
    expect(run('commitments', '--status', 'late').status).toBe(2)
  })

  it('prints a dossier, a timeline and feeds', () => {
    expect(run('dossier', '33 783').stdout).toContain('kst-33783-52')
    const t = JSON.parse(run('timeline', '33783', '--json').stdout)
    expect(t.some((e: { kind: string }) => e.kind === 'due')).toBe(true)
    expect(run('feed', 'dossier', '33783').stdout).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
    expect(run('feed', 'dossier', '33783', '--ics').stdout).toContain('BEGIN:VCALENDAR')
    expect(run('feed', 'commitments', '--sender', 'Buitenlandse Zaken', '--ics').stdout).toContain('DTSTART;VALUE=DATE:2022')
    expect(run('feed', 'search', 'toetsingsconferentie').stdout).toContain('kst-33783-52')
    expect(run('feed', 'podcast').status).toBe(2)
    expect(run('dossier', '99999').status).toBe(1)
  })
})
