// Written questions followed to their answer (issue 29), on real answers of ../shared/corpus/genres: who asked whom,
// the days the answer took beside the three weeks the Kamer's rules give.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answeredQuestions, openByMinistry, questionCourses } from '../src/app/questions.js'
import type { OpenDataRecord } from '../src/model/opendata.js'
import { createContext, readDocument } from '../src/pipeline.js'
import { buildApp } from '../src/server/app.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import { joinOpenData } from '../src/sync/content.js'
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
      // Each of its four numbered questions has its answer.
      expect(page).toContain('<dt>Vragen</dt><dd>4 · alle beantwoord</dd>')
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

/** The questions as they were sent: a real answer's paper without its answers (its head `Antwoord van …` and each `Antwoord N`). */
function questionsOnly(answer: string): string {
  let skipping = false
  const kept: string[] = []
  for (const para of answer.split(/\n\s*\n/)) {
    if (/^Antwoord\b/.test(para.trim())) skipping = true
    else if (/^Vraag\s+\d/.test(para.trim())) skipping = false
    if (!skipping) kept.push(para)
  }
  return kept.join('\n\n')
}

describe.skipIf(skipWithoutShared)('unanswered written questions per ministry', () => {
  it('reads whom each set was put to from a stored paper of it, and counts the unanswered per ministry', async () => {
    const store = new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'kw-questions-')), 'k.db'))
    const ctx = await createContext()
    // Document records of our own making, with the subjects and days of real answers (../shared/corpus/genres), as
    // the Kamer's open data writes each kind; the papers stored with them are those answers' real text.
    const record = (id: string, fields: Record<string, unknown>): OpenDataRecord => ({
      entity: 'Document',
      id,
      modified: '2025-01-01T00:00:00Z',
      deleted: false,
      record: { Id: id, ...fields },
    })
    const withPaper = async (r: OpenDataRecord, text: string) => {
      const raw = Buffer.from(text)
      const doc = joinOpenData(await readDocument(raw, `${r.record.DocumentNummer}.txt`, ctx), r.record)
      return { record: r, paper: { doc, raw: new Uint8Array(raw), content: 'ok' as const } }
    }
    const real = (name: string) => readFileSync(corpusFile('genres', `${name}.obpage.txt`), 'utf8')
    try {
      await store.applySync(
        'test',
        [
          // Popken's questions to Defensie, answered: the answer's paper is stored.
          {
            record: record('q1', {
              Soort: 'Schriftelijke vragen',
              DocumentNummer: '2017D08001',
              Onderwerp: 'Tientallen meldingen bij defensie van bedreiging militairen',
              Datum: '2017-03-28T00:00:00',
            }),
          },
          await withPaper(
            record('a1', {
              Soort: 'Antwoord schriftelijke vragen',
              DocumentNummer: '2017D12001',
              Onderwerp: 'Antwoord op vragen van het lid Popken over tientallen meldingen bij defensie van bedreiging militairen',
              Datum: '2017-05-02T00:00:00',
            }),
            real('ah-tk-20162017-1741'),
          ),
          // Eerdmans' questions, not answered yet: the questions' own paper is stored.
          await withPaper(
            record('q2', {
              Soort: 'Schriftelijke vragen',
              DocumentNummer: '2022D45001',
              Onderwerp: 'De aantallen asielzoekers die gemeenten moeten opvangen als gevolg van de dwangwet',
              Datum: '2022-11-03T00:00:00',
            }),
            questionsOnly(real('ah-tk-20222023-591')),
          ),
          // Groothuizen's and Van Nispen's, postponed in time and not answered; no paper of theirs is stored.
          {
            record: record('q3', {
              Soort: 'Schriftelijke vragen',
              DocumentNummer: '2020D17001',
              Onderwerp: 'Fundamentele rechten in het strafrecht',
              Datum: '2020-05-08T00:00:00',
            }),
          },
          {
            record: record('p3', {
              Soort: 'Mededeling (uitstel antwoord)',
              DocumentNummer: '2020D18001',
              Onderwerp: 'Uitstel beantwoording vragen van de leden Groothuizen en Van Nispen over fundamentele rechten in het strafrecht',
              Datum: '2020-05-25T00:00:00',
            }),
          },
        ],
        null,
      )
      const today = '2022-12-15'
      const courses = await questionCourses(store, { limit: 100 }, today)
      const of = (nummer: string) => courses.find((c) => c.question?.nummer === nummer)
      expect(of('2017D08001')).toMatchObject({ to: 'de Minister van Defensie', ministerie: 'Defensie', answer: { nummer: '2017D12001' } })
      expect(of('2022D45001')).toMatchObject({ to: 'de Staatssecretaris van Justitie en Veiligheid', ministerie: 'Justitie en Veiligheid', answer: null })
      expect(of('2020D17001')).toMatchObject({ to: null, ministerie: null, postponedInTime: true })
      expect(openByMinistry(courses)).toEqual([
        { ministerie: '(onbekend)', open: 1, late: 1, unannounced: 0, oldest: '2020-05-08' },
        { ministerie: 'Justitie en Veiligheid', open: 1, late: 1, unannounced: 1, oldest: '2022-11-03' },
      ])
      expect((await questionCourses(store, { to: 'defensie', limit: 100 }, today)).map((c) => c.question?.nummer)).toEqual(['2017D08001'])
      // On /vragen: the table per ministry, each linking to its own unanswered questions.
      const app = await buildApp({ store, ctx, today: () => today })
      try {
        const page = (await app.inject({ url: '/vragen' })).body
        expect(page).toContain(
          '<tr><th scope="row"><a href="/vragen?open=1&amp;to=Justitie%20en%20Veiligheid">Justitie en Veiligheid</a></th><td>1</td><td>1</td><td>1</td><td>3 november 2022</td></tr>',
        )
        const jv = (await app.inject({ url: '/vragen?open=1&to=Justitie%20en%20Veiligheid' })).body
        expect(jv).toContain('Verloop volgens de open data (1)')
        expect(jv).toContain('aan de Staatssecretaris van Justitie en Veiligheid · gesteld 3 november 2022')
        // The same through the API, one input for every edge (app/questions.ts).
        const api = (await app.inject({ url: '/api/vragen?open=1&to=justitie' })).json()
        expect(api.answers).toEqual([])
        expect(api.courses.map((c: { question: { nummer: string } }) => c.question.nummer)).toEqual(['2022D45001'])
        expect(api.openByMinistry).toEqual([{ ministerie: 'Justitie en Veiligheid', open: 1, late: 1, unannounced: 1, oldest: '2022-11-03' }])
        expect((await app.inject({ url: '/api/vragen?open=misschien' })).statusCode).toBe(400)
        expect((await app.inject({ url: '/vragen?limit=0' })).body).toContain('een geheel getal van 1 tot 10000')
      } finally {
        await app.close()
      }
    } finally {
      await store.close()
    }
  })
})
