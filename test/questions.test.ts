// Written questions followed to their answer (issue 29), on real answers of ../shared/corpus/genres: who asked whom,
// the days the answer took beside the three weeks the Kamer's rules give.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answeredQuestions } from '../src/app/questions.js'
import { createContext, readDocument } from '../src/pipeline.js'
import { buildApp } from '../src/server/app.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import { corpusFile, skipWithoutShared } from '../src/test-support/paths.js'

const ANSWERS = ['ah-tk-20222023-591', 'tk-2020D19385', 'tk-2022D31072', 'ah-tk-20162017-1741']

describe.skipIf(skipWithoutShared)('answers to written questions, from real papers', () => {
  let store: EmbeddedStore
  beforeAll(async () => {
    store = new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'kw-questions-')), 'k.db'))
    const ctx = await createContext()
    // A letter beside them that speaks of questions without being an answer's head.
    for (const name of [...ANSWERS, 'nb-2001-08-22-az-antwoord-vragen-ek']) {
      const raw = readFileSync(corpusFile('genres', `${name}.obpage.txt`))
      await store.put(await readDocument(raw, `${name}.obpage.txt`, ctx), new Uint8Array(raw))
    }
  })
  afterAll(async () => store?.close())

  it('lists each answer with who asked, the days it took and whether that was within three weeks, newest first', async () => {
    const list = await answeredQuestions(store, { limit: 50 })
    expect(list.map((q) => [q.asked, q.answered, q.days, q.withinThreeWeeks])).toEqual([
      ['2022-11-03', '2022-11-04', 1, true],
      ['2022-05-30', '2022-07-14', 45, false],
      ['2020-05-08', '2020-05-19', 11, true],
      ['2017-03-28', '2017-05-02', 35, false],
    ])
    expect(list[2]?.askers).toEqual([
      { name: 'Groothuizen', fractie: 'D66' },
      { name: 'Van Nispen', fractie: 'SP' },
    ])
    expect((await answeredQuestions(store, { late: true, limit: 50 })).map((q) => q.days)).toEqual([45, 35])
    expect((await answeredQuestions(store, { to: 'defensie', limit: 50 })).map((q) => q.asked)).toEqual(['2017-03-28'])
  })

  it('shows them on /vragen and on each answer’s page', async () => {
    const app = await buildApp({ store, ctx: await createContext(), today: () => '2026-12-07' })
    try {
      const late = (await app.inject({ url: '/vragen?late=1' })).body
      expect(late).toContain('<h2>2 antwoorden</h2>')
      expect(late).toContain('45 dagen <span class="badge status-overdue">later dan 21 dagen</span>')
      const key = (await answeredQuestions(store, { limit: 1 }))[0]?.paper as string
      const page = (await app.inject({ url: `/papers/${encodeURIComponent(key)}` })).body
      expect(page).toContain('<h2>Schriftelijke vragen</h2>')
      expect(page).toContain('<dt>Gesteld door</dt><dd><a href="/leden/Eerdmans">Eerdmans</a> (JA21)</dd>')
      expect(page).toContain('1 dag <span class="badge status-fulfilled">binnen drie weken</span>')
      // A member's page lists the questions they asked.
      const member = (await app.inject({ url: '/leden/Van%20Nispen' })).body
      expect(member).toContain('<h2 id="vragen">Schriftelijke vragen (1)</h2>')
      expect(member).toContain(
        'fundamentele rechten in het strafrecht</a> <span class="meta">(aan de Ministers van Justitie en Veiligheid en voor Rechtsbescherming; antwoord na 11 dagen)</span>',
      )
    } finally {
      await app.close()
    }
  })
})
