import { parseFeed } from '@rowanmanning/feed-parser'
import { XMLParser } from 'fast-xml-parser'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { atom, ics } from './feeds.js'
import { type CommitmentRecord, commitmentId, type LinkProfile, matchFulfilments, subjectTerms } from './fulfilment.js'
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
  const cases: Array<{ name: string; paper: LinkProfile; expect: Array<[CommitmentRecord, string, boolean]> }> = [
    {
      name: 'a fulfilment sentence naming the paper keeps the promise whose subject it names',
      paper: later({
        fulfils: [
          {
            text: 'Zoals toegezegd in mijn brief van 27 mei 2022 (Kamerstuk 33 783, nr. 50) bericht ik u hierbij over de resultaten van de Toetsingsconferentie.',
            pointsAt: pointer('kst-33783-50', '2022-05-27'),
          },
        ],
      }),
      expect: [[report, 'points-at', true]],
    },
    {
      name: 'the letter of that date from the same sender, without a number',
      paper: later({
        fulfils: [
          { text: 'Zoals toegezegd in mijn brief van 27 mei 2022 informeer ik u over het besluit over de delegaties.', pointsAt: pointer(null, '2022-05-27') },
        ],
      }),
      expect: [[decision, 'points-at', true]],
    },
    {
      name: 'a date pointer from another sender points at another letter',
      paper: later({
        sender: 'Minister van Defensie',
        fulfils: [{ text: 'Zoals toegezegd in mijn brief van 27 mei 2022 informeer ik u over het besluit.', pointsAt: pointer(null, '2022-05-27') }],
      }),
      expect: [],
    },
    {
      name: 'same sender and dossier, later, about the same subject: kept without saying so',
      paper: later({ text: 'Verslag van de Toetsingsconferentie. De resultaten van de conferentie na afloop van vier weken.' }),
      expect: [[report, 'subject', true]],
    },
    {
      name: 'same sender and dossier, later, about something else: nothing',
      paper: later({ text: 'De Nederlandse bijdrage aan het IAEA voor de kerncentrales in Oekraïne.' }),
      expect: [],
    },
    {
      name: 'the same subject in another dossier, without a pointer: nothing',
      paper: later({ dossier: '36410-V', text: 'De resultaten van de Toetsingsconferentie na afloop.' }),
      expect: [],
    },
    {
      name: 'a paper older than the promise keeps nothing',
      paper: later({
        date: '2022-01-10',
        fulfils: [{ text: 'Zoals toegezegd (Kamerstuk 33 783, nr. 50) over de resultaten.', pointsAt: pointer('kst-33783-50') }],
      }),
      expect: [],
    },
    {
      name: 'most of the subject words without naming what was promised (no report, reaction, bill or answers) is a candidate, not a fact',
      paper: later({ text: 'De technische ambtelijke briefing voor de deelnemende Kamerleden, voor aanvang van de toetsingsconferentie.' }),
      expect: [[briefing, 'subject', false]],
    },
    {
      name: 'a weak subject match is a candidate, not a fact',
      paper: later({ text: 'Een technische briefing over ontwapening met een ambtelijke toelichting.' }),
      expect: [[briefing, 'subject', false]],
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const links = matchFulfilments(all, c.paper)
      expect(links.map((l) => [l.commitmentId, l.reason, l.confidence >= 0.7])).toEqual(c.expect.map(([p, r, fact]) => [p.id, r, fact]))
      for (const l of links) expect(l.evidence.length).toBeGreaterThan(10)
    })
  }

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
