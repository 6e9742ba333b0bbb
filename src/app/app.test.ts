import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext, readDocument } from '../pipeline.js'
import { paperKey } from '../store/keys.js'
import { EmbeddedStore } from '../store/sqlite/embedded.js'
import { corpusFile, ROOT } from '../test-support/paths.js'
import { followAgendaQuery } from './agenda.js'
import { board, boardInput, boardRows, dossier, timeline } from './board.js'
import { correct } from './corrections.js'
import { Refusal } from './errors.js'
import { addFollow, followNews, markSeen } from './follows.js'
import { committeeView } from './kamer-people.js'
import { search, searchInput, toSearchRequest } from './search.js'

// The use cases the CLI, the API and the web UI share, on a real SQLite store of five papers.
const TODAY = '2026-11-28'
let store: EmbeddedStore

beforeAll(async () => {
  const ctx = await createContext()
  store = new EmbeddedStore(':memory:')
  for (const f of [corpusFile('dev', '33783-50.txt'), corpusFile('dev', '32733-36.obpage.txt'), join(ROOT, 'test', 'fixtures', 'chains', '33783-52.txt')]) {
    const bytes = readFileSync(f)
    await store.put(await readDocument(bytes, basename(f), { ...ctx, nameHints: true }), bytes)
  }
})
afterAll(async () => store.close())

/** The refusal a promise ends in. */
async function refusal(p: Promise<unknown>): Promise<Refusal> {
  try {
    await p
  } catch (e) {
    if (e instanceof Refusal) return e
    throw e
  }
  throw new Error('expected a refusal')
}

describe('search input: one schema, messages in the edge’s language', () => {
  it.each([
    [{ from: '2022-13-45' }, 'from', /2022-13-45 is not a date: write 2022-01-01/, /2022-13-45 is geen datum: schrijf 2022-01-01/],
    [{ type: 'flapdrol' }, 'type', /flapdrol is not a type of paper/, /flapdrol is geen soort stuk/],
    [{ sort: 'random' }, 'sort', /./, /kies relevance of date/],
    [{ page: '0' }, 'page', /./, /een geheel getal van 1 tot 10000/],
  ])('refuses %j naming the field', (input, field, en, nl) => {
    const e = searchInput('en').safeParse(input)
    const n = searchInput('nl').safeParse(input)
    expect(e.success || n.success).toBe(false)
    expect(e.error?.issues[0]?.path).toEqual([field])
    expect(n.error?.issues[0]?.path).toEqual([field])
    expect(e.error?.issues[0]?.message).toMatch(en)
    expect(n.error?.issues[0]?.message).toMatch(nl)
  })

  it('leaves empty filters out and turns a page into an offset', () => {
    const input = searchInput().parse({ q: 'kernwapens', sender: '  ', dossier: ' 33783 ', page: '3', limit: '10' })
    expect(toSearchRequest(input)).toEqual({ q: 'kernwapens', dossier: '33783', sort: 'relevance', limit: 10, offset: 20 })
  })

  it('answers a malformed query with a refusal in both languages', async () => {
    const e = await refusal(search(store, searchInput().parse({ q: 'van:2022-13-45' })))
    expect(e).toMatchObject({ kind: 'invalid-query', field: 'q' })
    expect(e.message).toBe('invalid q: van: 2022-13-45 is not a date: write 2022-01-01 (or 2022, or 2022-05)')
    expect(e.nl).toBe('van: 2022-13-45 is geen datum: schrijf 2022-01-01 (of 2022, of 2022-05)')
    const found = await search(store, searchInput().parse({ q: 'kernwapens' }))
    expect(found.result.hits[0]?.id).toBe('kst-33783-50')
  })
})

describe('corrections: one rule for every edge', () => {
  const promise = async () => (await board(store, boardInput().parse({ dossier: '33783', status: 'overdue' }), TODAY)).items[0]?.id as string

  it('refuses what is not there and a target that is not stored', async () => {
    expect(await refusal(correct(store, 'kst-1-1~00000000', { action: 'reopen', by: 't' }, TODAY))).toMatchObject({ kind: 'not-found' })
    const id = await promise()
    const e = await refusal(correct(store, id, { action: 'fulfilled-by', target: 'kst-1-1', by: 't' }, TODAY))
    expect(e).toMatchObject({ kind: 'invalid-input', field: 'target', nl: 'Geen stuk kst-1-1 opgeslagen.' })
  })

  it('asks for force before an older paper from another sender keeps a promise, with each reason in both languages', async () => {
    const id = await promise()
    const e = await refusal(correct(store, id, { action: 'fulfilled-by', target: 'kst-32733-36', by: 't' }, TODAY))
    expect(e.kind).toBe('needs-force')
    expect(e.reasons.map((r) => r.en)).toEqual([
      expect.stringMatching(/^kst-32733-36 \(2011-06-28\) is older than the promise \(2022-05-27\)/),
      expect.stringMatching(/^kst-32733-36 is from Minister van Defensie, the promise from /),
    ])
    expect(e.reasons.map((r) => r.nl)).toEqual([
      expect.stringMatching(/^kst-32733-36 \(2011-06-28\) is ouder dan de toezegging \(2022-05-27\)/),
      expect.stringMatching(/^kst-32733-36 komt van Minister van Defensie, de toezegging van /),
    ])
    const forced = await correct(store, id, { action: 'fulfilled-by', target: 'kst-32733-36', force: true, by: 'Redactie' }, TODAY)
    expect(forced).toMatchObject({ correction: { action: 'fulfilled-by', by: 'Redactie' }, commitment: { status: 'fulfilled' } })
    expect((await correct(store, id, { action: 'not-a-commitment', by: 't' }, TODAY)).commitment).toBeNull()
    // `clear` shows a hidden promise again.
    expect((await correct(store, id, { action: 'clear', by: 't' }, TODAY)).commitment?.status).toBe('overdue')
  })
})

describe('follows, dossiers and the board', () => {
  it('refuses a follow without a name or with a query the search refuses, in the search’s words', async () => {
    expect(await refusal(addFollow(store, '', ' ', 'kernwapens'))).toMatchObject({ kind: 'invalid-input', field: 'name' })
    expect(await refusal(addFollow(store, '', 'x', '"nucleaire'))).toMatchObject({ kind: 'invalid-query', field: 'q' })
    const f = await addFollow(store, '', 'npt', ' dossier:33783 ')
    expect(f).toMatchObject({ name: 'npt', query: 'dossier:33783', newCount: 0 })
    expect((await followNews(store, '', 'npt')).result.total).toBe(0)
    await markSeen(store, '', 'npt')
    expect(await refusal(followNews(store, '', 'nope'))).toMatchObject({ kind: 'not-found', nl: 'U volgt niets onder de naam nope.' })
  })

  it('finds a dossier as people write its number, and refuses one with no paper', async () => {
    expect((await dossier(store, '33 783', TODAY)).papers.length).toBe(2)
    expect((await timeline(store, '33783', TODAY)).length).toBeGreaterThan(2)
    expect(await refusal(dossier(store, '99999', TODAY))).toMatchObject({ kind: 'not-found', nl: 'Geen stuk van dossier 99999 opgeslagen.' })
  })

  it('exports every promise of a filter, whatever the page', async () => {
    const input = boardInput().parse({ dossier: '33783', limit: '1' })
    const all = await board(store, { ...input, limit: 500 }, TODAY)
    const rows = await boardRows(store, input, TODAY, 'https://kw.example')
    expect(rows.map((r) => r.id)).toEqual(all.items.map((c) => c.id))
    expect(rows.length).toBeGreaterThan(1)
  })
})

describe('the agenda of a followed search', () => {
  // A follow's page links the agenda (and its calendar) on the follow's dossier and words.
  it.each([
    ['stikstof', 'q=stikstof'],
    ['dossier:33783', 'dossier=33783'],
    ['33783 toetsingsconferentie', 'dossier=33783&q=toetsingsconferentie'],
    ['"nucleaire ontwapening" kernwap*', 'q=nucleaire+ontwapening+kernwap'],
    // Alternatives cannot all be required; a type alone names no subject; a promise is no search.
    ['stikstof OF ammoniak', null],
    ['type:brief', null],
    ['toezegging:kst-33783-50~12995bb5', null],
  ])('%s', (query, expected) => {
    expect(followAgendaQuery(query)).toBe(expected)
  })
})

describe("a committee's page", () => {
  it('lists the promises made in its debates (the verslag that opens with the committee having held it), not those of other papers', async () => {
    const ctx = await createContext()
    const bytes = readFileSync(join(ROOT, 'test', 'fixtures', 'debates', 'commissiedebat.pdf.txt'))
    const debate = await readDocument(bytes, 'commissiedebat.pdf.txt', ctx)
    await store.put(debate, bytes)
    await store.applySync(
      'test:kamer',
      [
        {
          record: {
            entity: 'Activiteit',
            id: 'act-vws',
            modified: '2024-01-19T07:00:00Z',
            deleted: false,
            record: {
              Id: 'act-vws',
              Soort: 'Commissiedebat',
              Onderwerp: 'Jeugdbeleid',
              Aanvangstijd: '2024-01-18T10:00:00+01:00',
              Voortouwafkorting: 'VWS',
              Voortouwnaam: 'vaste commissie voor Volksgezondheid, Welzijn en Sport',
            },
          },
        },
      ],
      null,
    )
    const vws = await committeeView(store, 'VWS', TODAY)
    expect(vws.naam).toBe('vaste commissie voor Volksgezondheid, Welzijn en Sport')
    expect(vws.promises.length).toBe(debate.commitments.length)
    expect(vws.promises.length).toBeGreaterThan(0)
    expect(new Set(vws.promises.map((c) => c.paper.key))).toEqual(new Set([paperKey(debate)]))
    // A committee without records of its meetings has no name to find its debates by; the letters of 33783 are no debate.
    expect((await committeeView(store, 'BuZa', TODAY)).promises).toEqual([])
  })
})
