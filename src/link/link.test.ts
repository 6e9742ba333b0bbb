import { parseFeed } from '@rowanmanning/feed-parser'
import { XMLParser } from 'fast-xml-parser'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { atom, ics } from '../publish/feeds.js'
import { sameOffice } from './evidence.js'
import { type CommitmentRecord, commitmentId, type LinkProfile, matchFulfilments, movedPromise, subjectTerms } from './fulfilment.js'
import { statusOf, track } from './status.js'

const bz = 'Minister van Buitenlandse Zaken'
const owner = { key: 'kst-33783-50', id: 'kst-33783-50', date: '2022-05-27', sender: bz, dossier: '33783' }
const promise = (text: string, end: string | null = null): CommitmentRecord => ({
  id: commitmentId(owner.key, text),
  paper: owner,
  text,
  actor: null,
  action: 'informeren',
  object: null,
  dueText: end ? 'voor de zomer' : null,
  due: end ? { start: owner.date, end } : null,
})
// The three promises of 33783-50, as the extractor reads them.
const decision = promise('Ik zal uw Kamer t.z.t. informeren over dit besluit.')
const briefing = promise(
  'Het Ministerie van Buitenlandse Zaken verzorgt voor aanvang van de toetsingsconferentie graag een technische ambtelijke briefing voor (deelnemende) Kamerleden.',
  '2022-07-31',
)
const report = promise('Ik zal na afloop van de Toetsingsconferentie rapporteren over de resultaten.', '2022-11-24')
const all = [decision, briefing, report]

const later = (over: Partial<LinkProfile> & { text?: string }): LinkProfile => ({
  key: 'kst-33783-52',
  id: 'kst-33783-52',
  date: '2022-09-30',
  sender: bz,
  dossier: '33783',
  title: null,
  fulfils: [],
  terms: subjectTerms(over.text ?? ''),
  ...over,
})

describe('matchFulfilments', () => {
  const pointer = (target: string | null, date?: string) => [
    ...(target ? [{ kind: 'reference' as const, text: 'Kamerstuk 33 783, nr. 50', target }] : []),
    ...(date ? [{ kind: 'date' as const, text: '27 mei 2022', date }] : []),
  ]
  // Each case: the promises kept as fact, and those only offered as candidates (below the fact confidence).
  const cases: Array<{ name: string; paper: LinkProfile; facts: CommitmentRecord[]; candidates?: CommitmentRecord[] }> = [
    {
      name: 'a fulfilment sentence naming the paper keeps the promise whose subject it names; the others of that paper are at most candidates',
      paper: later({
        delivers: 'Hierbij bericht ik u over de resultaten van de Toetsingsconferentie.',
        text: 'Verslag van de Toetsingsconferentie en de resultaten.',
        fulfils: [
          {
            text: 'Zoals toegezegd in mijn brief van 27 mei 2022 (Kamerstuk 33 783, nr. 50) bericht ik u hierbij over de resultaten van de Toetsingsconferentie.',
            pointsAt: pointer('kst-33783-50', '2022-05-27'),
          },
        ],
      }),
      facts: [report],
    },
    {
      name: 'the letter of that date from the same office, without a number',
      paper: later({
        text: 'Het besluit over de delegaties.',
        fulfils: [
          { text: 'Zoals toegezegd in mijn brief van 27 mei 2022 informeer ik u over het besluit over de delegaties.', pointsAt: pointer(null, '2022-05-27') },
        ],
        dates: ['2022-05-27'],
      }),
      facts: [decision],
    },
    {
      name: 'a date pointer from another office, in another dossier, points at another letter',
      paper: later({
        sender: 'Minister van Defensie',
        dossier: '36410-X',
        fulfils: [{ text: 'Zoals toegezegd in mijn brief van 27 mei 2022 informeer ik u over het besluit.', pointsAt: pointer(null, '2022-05-27') }],
      }),
      facts: [],
    },
    {
      name: 'the same office and dossier, later, delivering the report promised on its subject: kept without saying so',
      paper: later({
        delivers: 'Hierbij ontvangt u het verslag van de Toetsingsconferentie.',
        opening: 'Hierbij ontvangt u het verslag van de Toetsingsconferentie.',
        text: 'Verslag van de Toetsingsconferentie. De resultaten van de conferentie na afloop van vier weken.',
      }),
      facts: [report],
    },
    {
      name: 'the same office and dossier, later, about something else: nothing',
      paper: later({ text: 'De Nederlandse bijdrage aan het IAEA voor de kerncentrales in Oekraïne.' }),
      facts: [],
    },
    {
      name: 'the same subject in another dossier from another office, without a pointer: nothing',
      paper: later({ dossier: '36410-V', sender: 'Minister van Defensie', text: 'De resultaten van de Toetsingsconferentie na afloop.' }),
      facts: [],
    },
    {
      name: 'a paper older than the promise keeps nothing',
      paper: later({
        date: '2022-01-10',
        fulfils: [{ text: 'Zoals toegezegd (Kamerstuk 33 783, nr. 50) over de resultaten.', pointsAt: pointer('kst-33783-50') }],
      }),
      facts: [],
    },
    {
      name: 'most of the subject words, delivering nothing now, is a candidate, not a fact',
      paper: later({ text: 'De technische ambtelijke briefing voor de deelnemende Kamerleden, voor aanvang van de toetsingsconferentie.' }),
      facts: [],
      candidates: [briefing],
    },
    {
      name: 'a paper that moves the promise (it cites it and promises again, later) keeps it open: a postponement, not a fact',
      paper: later({
        cites: ['kst-33783-50'],
        delivers: 'Hierbij ontvangt u het rapport.',
        text: 'Rapporteren over de resultaten van de Toetsingsconferentie.',
        postpones: {
          text: 'Zoals aangekondigd in mijn brief van 27 mei 2022 rapporteer ik in januari 2023 over de resultaten.',
          dueText: 'in januari 2023',
          due: { start: '2023-01-01', end: '2023-01-31' },
        },
      }),
      facts: [],
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const links = matchFulfilments(all, c.paper)
      expect(links.filter((l) => l.confidence >= 0.7).map((l) => l.commitmentId)).toEqual(c.facts.map((p) => p.id))
      for (const p of c.candidates ?? []) expect(links.find((l) => l.commitmentId === p.id)?.confidence ?? 1, p.text).toBeLessThan(0.7)
      for (const p of c.candidates ?? []) expect(links.some((l) => l.commitmentId === p.id)).toBe(true)
      for (const l of links) expect(l.evidence.length).toBeGreaterThan(10)
    })
  }

  it('a later paper that moves a promise gives its new deadline, and the promise keeps the old one in its history', () => {
    const moving = later({
      cites: ['kst-33783-50'],
      postpones: {
        text: 'Zoals aangekondigd rapporteer ik in januari 2023 over de resultaten van de Toetsingsconferentie.',
        dueText: 'in januari 2023',
        due: { start: '2023-01-01', end: '2023-01-31' },
      },
    })
    const link = matchFulfilments([report], moving).find((l) => l.reason === 'postponed')
    expect(link?.postponement?.due?.end).toBe('2023-01-31')
    const moved = movedPromise(report, link as NonNullable<typeof link>)
    expect(moved?.due?.end).toBe('2023-01-31')
    expect(moved?.moved).toEqual([{ dueText: report.dueText, due: report.due, by: 'kst-33783-52' }])
    // Moving it again by the same paper, or to an earlier date, changes nothing.
    expect(movedPromise(moved as CommitmentRecord, link as NonNullable<typeof link>)).toBeNull()
    // Only the promise the restating sentence is about is moved, not the others of the cited paper.
    expect(
      matchFulfilments(all, moving)
        .filter((l) => l.reason === 'postponed')
        .map((l) => l.commitmentId),
    ).toEqual([report.id])
  })

  it('a later paper that restates a promise with no later date is its second source, not a second promise: nothing moves', () => {
    const restating = later({
      cites: ['kst-33783-50'],
      postpones: { text: 'Zoals toegezegd zal ik uw Kamer informeren over het besluit over de delegaties.', dueText: null, due: null },
    })
    const link = matchFulfilments([decision], restating).find((l) => l.reason === 'postponed')
    expect(link?.postponement).toMatchObject({ due: null, restatedBy: expect.stringMatching(/^kst-33783-52~/) })
    expect(link?.evidence).toMatch(/^restated: /)
    expect(movedPromise(decision, link as NonNullable<typeof link>)).toBeNull()
  })

  it('offices are compared as sets: two ministers written in another order are the same sender', () => {
    expect(sameOffice('Ministers van Defensie en van Buitenlandse Zaken', 'Ministers van Buitenlandse Zaken en van Defensie')).toBe(true)
    expect(sameOffice('Minister voor Medische Zorg', 'Ministers voor Medische Zorg en van Landbouw, Natuur en Voedselkwaliteit')).toBe(true)
    expect(sameOffice('Minister van Defensie', 'Staatssecretaris van Defensie')).toBe(false)
    expect(sameOffice('Minister van Defensie', 'Minister van Financiën')).toBe(false)
    expect(sameOffice('De Nederlandsche Bank', 'de Nederlandsche Bank')).toBe(true)
    expect(sameOffice('De Nederlandsche Bank', 'Minister van Financiën')).toBe(false)
    // A debate that names only the role: any office of that role, no other.
    expect(sameOffice('Staatssecretaris', 'Staatssecretaris van Economische Zaken en Klimaat')).toBe(true)
    expect(sameOffice('Staatssecretaris', 'Minister van Economische Zaken en Klimaat')).toBe(false)
  })

  it('a paper with one promise is kept by a pointer alone', () => {
    const only = promise('Wij zijn voornemens u in het najaar nader te berichten.', '2020-11-30')
    const links = matchFulfilments(
      [only],
      later({ fulfils: [{ text: 'Conform mijn toezegging (Kamerstuk 33 783, nr. 50) stuur ik u deze brief.', pointsAt: pointer('kst-33783-50') }] }),
    )
    expect(links.map((l) => l.commitmentId)).toEqual([only.id])
  })
})

describe('commitment ids', () => {
  it('are stable over line breaks and spacing, and differ per promise', () => {
    expect(commitmentId('kst-33783-50', 'Ik zal uw Kamer\nt.z.t.  informeren')).toBe(commitmentId('kst-33783-50', 'Ik zal uw Kamer t.z.t. informeren'))
    expect(decision.id).not.toBe(report.id)
    expect(decision.id).toMatch(/^kst-33783-50~[0-9a-f]{8}$/)
  })
})

describe('status', () => {
  const link = (confidence: number, reason: 'points-at' | 'subject' | 'manual' = 'subject') => ({
    commitmentId: report.id,
    paperKey: 'kst-33783-52',
    reason,
    confidence,
    evidence: 'x',
    paperId: 'kst-33783-52',
    paperDate: '2022-09-30',
    paperTitle: null,
  })
  it.each([
    ['2022-06-01', null, false, 'open'],
    ['2022-06-01', '2022-11-24', false, 'open'],
    ['2022-11-01', '2022-11-24', false, 'due-soon'],
    ['2022-11-24', '2022-11-24', false, 'due-soon'],
    ['2022-11-25', '2022-11-24', false, 'overdue'],
    ['2022-11-25', '2022-11-24', true, 'fulfilled'],
    ['2030-01-01', null, false, 'open'],
  ] as const)('on %s, due %s, kept %s: %s', (today, due, kept, expected) => {
    expect(statusOf(due, kept, today)).toBe(expected)
  })
  it('takes strong links as evidence and weak ones as candidates', () => {
    const t = track(report, [link(0.6), link(0.95, 'points-at')], null, '2026-11-28')
    expect(t?.status).toBe('fulfilled')
    expect(t?.evidence.map((e) => e.confidence)).toEqual([0.95])
    expect(t?.candidates.map((e) => e.confidence)).toEqual([0.6])
    expect(track(report, [link(0.6)], null, '2026-11-28')?.status).toBe('overdue')
  })
  it('follows a manual correction over the automatic links', () => {
    expect(track(report, [link(0.95)], { action: 'reopen', at: '2026-01-01' }, '2026-11-28')?.status).toBe('overdue')
    expect(track(report, [link(0.95)], { action: 'not-a-commitment', at: '2026-01-01' }, '2026-11-28')).toBeNull()
    expect(track(report, [link(1, 'manual')], { action: 'fulfilled-by', target: 'kst-33783-52', at: '2026-01-01' }, '2026-11-28')?.status).toBe('fulfilled')
  })
})

describe('feeds', () => {
  const feed = atom({
    id: 'tag:kamerwacht.nl,2026:dossier/33783',
    title: 'Dossier 33783: Non-proliferatie & ontwapening',
    self: 'http://127.0.0.1:8080/feeds/dossier/33783.atom',
    author: 'kamerwacht',
    entries: [
      {
        id: 'tag:kamerwacht.nl,2026:paper/kst-33783-50',
        title: 'Brief <NPV>',
        updated: '2022-05-27',
        link: 'http://127.0.0.1:8080/papers/kst-33783-50',
        summary: 'Toetsingsconferentie 1 t/m 26 augustus',
      },
      { id: 'tag:kamerwacht.nl,2026:paper/kst-33783-52', title: 'Resultaten', updated: '2022-09-30', author: bz },
    ],
  })

  it('Atom has the elements RFC 4287 requires', () => {
    const doc = new XMLParser({ ignoreAttributes: false }).parse(feed) as {
      feed: { '@_xmlns': string; id: string; title: string; updated: string; author: { name: string }; entry: Array<Record<string, unknown>> }
    }
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(doc.feed.id).toMatch(/^tag:/)
    expect(doc.feed.title).toContain('&')
    expect(doc.feed.updated).toBe('2022-09-30T00:00:00Z')
    expect(doc.feed.author.name).toBe('kamerwacht')
    for (const e of doc.feed.entry) {
      expect(e.id).toMatch(/^tag:/)
      expect(e.title).toBeTruthy()
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/)
    }
  })

  it('Atom parses in a feed parser', () => {
    const parsed = parseFeed(feed)
    expect(parsed.meta.type).toBe('atom')
    expect(parsed.title).toBe('Dossier 33783: Non-proliferatie & ontwapening')
    expect(parsed.items.map((i) => i.title)).toEqual(['Brief <NPV>', 'Resultaten'])
    expect(parsed.items[0]?.url).toBe('http://127.0.0.1:8080/papers/kst-33783-50')
    expect(parsed.items[0]?.published ?? parsed.items[0]?.updated).toEqual(new Date('2022-05-27T00:00:00Z'))
  })

  it('iCalendar parses in ical.js, with escaped text, folded lines and all-day spans', () => {
    const long = `Vanaf 1 t/m 26 augustus 2022, in New York; de Toetsingsconferentie van het Non-Proliferatieverdrag — ${'ë'.repeat(60)}`
    const out = ics(
      'Dossier 33783',
      [
        { uid: 'event-1@kamerwacht', start: '2022-08-01', end: '2022-08-26', summary: long, url: 'http://127.0.0.1:8080/papers/kst-33783-50' },
        { uid: 'due-1@kamerwacht', start: '2022-11-24', end: '2022-11-24', summary: 'Termijn: rapporteren over de resultaten' },
      ],
      '2026-11-28',
    )
    for (const line of out.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    const cal = new ICAL.Component(ICAL.parse(out))
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events.map((e) => e.uid)).toEqual(['event-1@kamerwacht', 'due-1@kamerwacht'])
    expect(events[0]?.summary).toBe(long)
    expect(events[0]?.startDate.toString()).toBe('2022-08-01')
    expect(events[0]?.endDate.toString()).toBe('2022-08-27')
    expect(events[0]?.startDate.isDate).toBe(true)
    expect(events[1]?.endDate.toString()).toBe('2022-11-25')
  })

  it('iCalendar writes no control character raw: NUL and BEL are dropped, a bare CR cannot start a line of its own', () => {
    const hostile = 'Termijn\u0000 voor\u0007 de zomer\rBEGIN:VEVENT\r\nUID:injected\nEND:VEVENT'
    const out = ics(
      'Dossier 1',
      [{ uid: 'due-1@kamerwacht', start: '2022-11-24', end: '2022-11-24', summary: hostile, url: 'http://x/papers/a\r\nX-EVIL:1' }],
      '2026-11-28',
    )
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for exactly those
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/)
    expect(out.split('\r\n').filter((l) => l.startsWith('BEGIN:VEVENT'))).toHaveLength(1)
    const events = new ICAL.Component(ICAL.parse(out)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events.map((e) => e.uid)).toEqual(['due-1@kamerwacht'])
    expect(events[0]?.summary).toBe('Termijn voor de zomer\nBEGIN:VEVENT\nUID:injected\nEND:VEVENT')
    expect(out.split('\r\n').some((l) => l.startsWith('X-EVIL'))).toBe(false)
  })
})
