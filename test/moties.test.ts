// Moties followed to the letters that answer them (issue 28), on the real open-data records of
// ../shared/corpus/opendata: ingested with the CLI into a fresh store, each motie of gold-moties.json looked up.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { motieBoard, motieBoardInput } from '../src/app/motie-board.js'
import { motieFacts, motieFollowUps } from '../src/app/moties.js'
import { questionCourses } from '../src/app/questions.js'
import { createContext, readDocument } from '../src/pipeline.js'
import { buildApp } from '../src/server/app.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import { ROOT, sharedDir, skipWithoutShared } from '../src/test-support/paths.js'

interface GoldMotie {
  id: string
  carriedOutBy?: Array<{ id: string; how: string }>
}

interface GoldFacts extends GoldMotie {
  indieners: string[]
  appreciatie: string
  besluit: string
  besluitId: string
  votes: Record<string, string>
  seatsFor: number
  seatsAgainst: number
}

describe.skipIf(skipWithoutShared)('the letters that answer a motie, from the real open-data records', () => {
  let store: EmbeddedStore
  let gold: GoldMotie[]
  let db: string
  beforeAll(() => {
    const dir = join(sharedDir(), 'corpus', 'opendata')
    gold = JSON.parse(readFileSync(join(dir, 'gold-moties.json'), 'utf8'))
    db = join(mkdtempSync(join(tmpdir(), 'kw-moties-')), 'k.db')
    spawnSync(process.execPath, [join(ROOT, 'bin', 'kamerwacht.js'), 'ingest', dir, '--db', db], { encoding: 'utf8' })
    store = new EmbeddedStore(db)
  })
  afterAll(async () => store?.close())

  it('finds every letter the gold names, reads how it answers, and links no other', async () => {
    let right = 0
    const wrong: string[] = []
    const missed: string[] = []
    for (const m of gold) {
      const want = new Map((m.carriedOutBy ?? []).map((c) => [c.id, c.how]))
      const found = await motieFollowUps(store, m.id)
      for (const f of found) {
        const id = f.paper.id ?? f.paper.key
        if (want.get(id) === f.how) right++
        else wrong.push(`${m.id} → ${id} (${f.how})`)
      }
      for (const id of want.keys()) if (!found.some((f) => (f.paper.id ?? f.paper.key) === id)) missed.push(`${m.id} → ${id}`)
    }
    expect(wrong).toEqual([])
    expect(missed).toEqual([])
    expect(right).toBe(gold.reduce((n, m) => n + (m.carriedOutBy?.length ?? 0), 0))
  })

  it('a motie’s page says what became of it: the letters that answer it, and how', async () => {
    const app = await buildApp({ store, ctx: await createContext(), today: () => '2026-12-07' })
    try {
      const page = (await app.inject({ url: '/papers/kst-36583-14' })).body
      expect(page).toContain('Wat ermee gebeurde (1)')
      expect(page).toMatch(/<span class="badge answer-carried-out">Uitgevoerd<\/span> <a href="\/papers\/2025D40481">/)
      const unanswered = gold.find((m) => !m.carriedOutBy?.length) as GoldMotie
      const other = (await app.inject({ url: `/papers/${unanswered.id}` })).body
      expect(other).toContain('Wat ermee gebeurde (0)')
      expect(other).toContain('Nog geen opgeslagen brief die op deze motie antwoordt.')
    } finally {
      await app.close()
    }
  })

  it('`kamerwacht motie ID` prints who submitted it, the appreciation, the vote, and the letters that answer it', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'kamerwacht.js'), ...args, '--db', db], { encoding: 'utf8' })
    const answered = cli('motie', 'kst-36583-14')
    expect(answered.status).toBe(0)
    expect(answered.stdout).toContain('  submitted   2025-01-21 by Ellian, Wilders\n  appreciated Oordeel Kamer\n')
    expect(answered.stdout).toMatch(/ {2}decided {5}\S+ aangenomen: 114 for, 36 against\n {4}voor {13}BBB, CDA, /)
    expect(answered.stdout).toMatch(/kst-36583-14: answered by 1 letter\n\ncarried out 2025-09-19 {2}2025D40481/)
    const json = JSON.parse(cli('motie', 'kst-36672-6', '--json').stdout)
    expect(json.answeredBy.map((a: { how: string; paper: { id: string } }) => [a.paper.id, a.how])).toEqual([['2025D26431', 'responds']])
    expect(json).toMatchObject({ id: 'kst-36672-6', zaak: '2025Z06104', result: 'aangenomen' })
    // By its Zaak number too.
    expect(cli('motie', '2024Z00425').stdout).toMatch(/^kst-36196-11 \/ 2024Z00425 — Motie van het lid Brekelmans over /)
    const unanswered = gold.find((m) => !m.carriedOutBy?.length) as GoldMotie
    expect(cli('motie', unanswered.id).stdout).toContain(`${unanswered.id}: no stored letter answers it yet\n`)
    const unknown = cli('motie', 'kst-99999-9')
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('no paper or Zaak kst-99999-9')
  })

  it('every motie of the gold with its indieners, appreciation, result, votes per fractie and seats, from the records', async () => {
    const wrong: string[] = []
    for (const m of gold as GoldFacts[]) {
      const f = await motieFacts(store, m.id)
      const decision = f?.decisions.find((d) => d.besluitId === m.besluitId)
      const votes = (decision?.tally.votes ?? []).map((v) => `${v.fractie} ${v.soort}`).sort()
      const got = {
        indieners: f?.indieners.map((i) => i.name),
        appreciatie: f?.appreciatie,
        besluit: decision?.result,
        votes,
        seats: [decision?.tally.seatsFor, decision?.tally.seatsAgainst],
      }
      const want = {
        // The records here hold no ZaakActor, which gives the fractie: the names are read from the motie's own text.
        indieners: m.indieners.map((i) => i.replace(/ \(.*\)$/, '')),
        appreciatie: m.appreciatie,
        besluit: m.besluit.toLowerCase(),
        votes: Object.entries(m.votes)
          .map(([fractie, soort]) => `${fractie} ${soort}`)
          .sort(),
        seats: [m.seatsFor, m.seatsAgainst],
      }
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${m.id}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`)
    }
    expect(wrong).toEqual([])
  })

  it('without ZaakActor records, an indiener’s fractie is the one their Persoon record gives now', async () => {
    // The corpus holds no ZaakActor records, and its Persoon record of Ellian gives no Fractielabel: nothing to show.
    expect((await motieFacts(store, 'kst-36583-14'))?.indieners).toEqual([
      { name: 'Ellian', fractie: null },
      { name: 'Wilders', fractie: null },
    ])
    // The same record as a later sync gives it, with the fractie he sits in; and a second person named Wilders.
    const [ellian] = await store.openDataByKey('Persoon', 'naam:ellian')
    expect(ellian).toBeDefined()
    const later = { ...(ellian as NonNullable<typeof ellian>), modified: '2099-01-01T00:00:00Z', record: { ...ellian?.record, Fractielabel: 'VVD' } }
    const other = (Id: string, Roepnaam: string) => ({
      entity: 'Persoon',
      id: Id,
      modified: '2025-01-01T00:00:00Z',
      deleted: false,
      record: { Id, Roepnaam, Achternaam: 'Wilders', Fractielabel: 'X' },
    })
    await store.applySync('test-persons', [{ record: later }, { record: other('t-2', 'Anna') }, { record: other('t-3', 'Bert') }], null)
    expect((await motieFacts(store, 'kst-36583-14'))?.indieners).toEqual([
      { name: 'Ellian', fractie: 'VVD' },
      { name: 'Wilders', fractie: null },
    ])
  })

  it('a motie’s page shows who submitted it, the appreciation and the vote per fractie', async () => {
    const app = await buildApp({ store, ctx: await createContext(), today: () => '2026-12-07' })
    try {
      const page = (await app.inject({ url: '/papers/kst-36196-11' })).body
      expect(page).toContain('<h2>In de Kamer</h2>')
      expect(page).toContain('door <a href="/leden/Brekelmans">Brekelmans</a>')
      expect(page).toContain('<dt>Appreciatie kabinet</dt><dd>Oordeel Kamer</dd>')
      expect(page).toMatch(/<span class="badge result-aangenomen">Aangenomen<\/span>.*103 zetels voor, 47 tegen/)
      const against = /<dt>Tegen<\/dt><dd>(.*?)<\/dd>/.exec(page)?.[1] ?? ''
      expect(against.replace(/<[^>]+>/g, '')).toBe('D66, DENK, GroenLinks-PvdA, PvdD, SP, Volt')
      expect(against).toContain('<a href="/fracties/GroenLinks-PvdA">GroenLinks-PvdA</a>')
    } finally {
      await app.close()
    }
  })

  it('the moties board: every adopted motie of the gold, those the gold finds carried out as uitgevoerd, in the CLI, the API and the export', async () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'kamerwacht.js'), ...args, '--db', db], { encoding: 'utf8' })
    const adopted = (gold as GoldFacts[]).filter((m) => m.besluit === 'Aangenomen')
    const all = JSON.parse(cli('moties', '--json', '--limit', '500').stdout)
    expect(all.items.map((m: { id: string }) => m.id).sort()).toEqual(adopted.map((m) => m.id).sort())
    const carried = adopted.filter((m) => m.carriedOutBy?.some((c) => c.how === 'carried-out')).map((m) => m.id)
    const done = JSON.parse(cli('moties', '--status', 'uitgevoerd', '--json').stdout)
    expect(done.items.map((m: { id: string }) => m.id).sort()).toEqual(carried.sort())
    expect(done.counts.uitgevoerd).toBe(carried.length)
    // Oldest open first; a bad flag is named.
    const open = JSON.parse(cli('moties', '--status', 'open', '--json').stdout).items.map((m: { date: string }) => m.date)
    expect(open).toEqual([...open].sort())
    const bad = cli('moties', '--status', 'klaar')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--status')
    expect(cli('moties', '--status', 'uitgevoerd').stdout).toMatch(/^3 aangenomen moties uitgevoerd \(all aangenomen moties selected: \d+ open, /)

    const app = await buildApp({ store, ctx: await createContext(), today: () => '2026-12-07' })
    try {
      const api = (await app.inject({ url: '/api/moties?status=uitgevoerd' })).json()
      expect(api.items.map((m: { id: string }) => m.id).sort()).toEqual(carried.sort())
      expect((await app.inject({ url: '/api/moties?status=klaar' })).statusCode).toBe(400)
      const one = await app.inject({ url: '/api/moties/2024Z00425' })
      expect(one.json()).toMatchObject({ id: 'kst-36196-11', appreciatie: 'Oordeel Kamer', result: 'aangenomen', answeredBy: [] })
      expect((await app.inject({ url: '/api/moties/2099Z99999' })).statusCode).toBe(404)
      // Followed as a feed with the same filters: each motie an entry, updated when a letter last answered it.
      const feed = await app.inject({ url: '/feeds/moties.atom?status=uitgevoerd' })
      expect(feed.headers['content-type']).toContain('application/atom+xml')
      expect(feed.body.match(/<entry>/g)).toHaveLength(carried.length)
      expect(feed.body).toContain('<title>[uitgevoerd] Motie van de leden Ellian en Wilders over onderzoeken hoe het aantal criminele kopstukken')
      expect(feed.body).toMatch(/<updated>2025-09-19T00:00:00Z<\/updated>/)
      const csv = await app.inject({ url: '/moties.csv?status=uitgevoerd' })
      expect(csv.headers['content-type']).toContain('text/csv')
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n')
      expect(lines[0]).toBe('Motie;Zaak;Onderwerp;Ingediend;Indieners;Appreciatie;Uitslag;Zetels voor;Zetels tegen;Status;Beantwoord in;Ministerie;Commissie')
      expect(lines).toHaveLength(carried.length + 1)
      expect(lines.find((l) => l.startsWith('kst-36583-14;'))).toContain(';aangenomen;114;36;Uitgevoerd;2025D40481')
    } finally {
      await app.close()
    }
  })

  it('a fractie’s page: how it voted on each motie of the gold, from the records, in the CLI and the API', async () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'kamerwacht.js'), ...args, '--db', db], { encoding: 'utf8' })
    for (const fractie of ['DENK', 'GroenLinks-PvdA']) {
      const view = JSON.parse(cli('fractie', fractie, '--limit', '500', '--json').stdout)
      const wrong: string[] = []
      for (const m of gold as GoldFacts[]) {
        const want = m.votes[fractie]
        if (!want) continue
        const row = view.votes.items.find((v: { motie: string }) => v.motie === m.id)
        if (row?.soort !== want || row?.result !== m.besluit.toLowerCase()) wrong.push(`${m.id}: ${row?.soort}/${row?.result}, gold ${want}/${m.besluit}`)
      }
      expect(wrong).toEqual([])
    }
    const app = await buildApp({ store, ctx: await createContext(), today: () => '2026-12-07' })
    try {
      const rejected = (await app.inject({ url: '/api/fracties/DENK?result=verworpen' })).json()
      expect(rejected.votes.items.length).toBeGreaterThan(0)
      expect(rejected.votes.items.every((v: { result: string }) => v.result === 'verworpen')).toBe(true)
      expect((await app.inject({ url: '/api/fracties/DENK?result=klaar' })).statusCode).toBe(400)
      const page = (await app.inject({ url: '/fracties/DENK' })).body
      expect(page).toContain('<h1>DENK</h1>')
      expect(page).toContain('Hoe de fractie stemde')
    } finally {
      await app.close()
    }
  })

  it('`kamerwacht agenda`: the meetings of the real Activiteit records between two days, per committee or dossier', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'kamerwacht.js'), ...args, '--db', db], { encoding: 'utf8' })
    const day = JSON.parse(cli('agenda', '--from', '2025-02-04', '--to', '2025-02-04', '--json').stdout)
    expect(day.entries.map((e: { soort: string }) => e.soort)).toEqual(['Vragenuur', 'Stemmingen', 'Regeling van werkzaamheden', 'Plenair debat (wetgeving)'])
    const dossier = JSON.parse(cli('agenda', '--dossier', '35646', '--from', '2024-01-01', '--to', '2025-12-31', '--json').stdout)
    expect(dossier.entries.length).toBeGreaterThan(0)
    expect(dossier.entries.every((e: { dossiers: string[] }) => e.dossiers.includes('35646'))).toBe(true)
    const vws = JSON.parse(cli('agenda', '--commissie', 'vws', '--from', '2024-11-01', '--to', '2025-12-31', '--json').stdout)
    expect(vws.entries.length).toBeGreaterThan(0)
    expect(vws.entries.every((e: { commissie: { afkorting: string } }) => e.commissie.afkorting === 'VWS')).toBe(true)
    const starts = vws.entries.map((e: { start: string }) => e.start)
    expect(starts).toEqual([...starts].sort())
    expect(cli('agenda', '--from', '2025-02-04', '--to', '2025-02-04').stdout).toMatch(
      /^4 meetings from 2025-02-04 to 2025-02-04\n\n2025-02-04 14:00 {2}TK {5}Vragenuur/,
    )
    // Words: each the start of a word of the meeting's subject, note, items or their Zaken, in any case.
    const all = JSON.parse(cli('agenda', '--from', '2024-01-01', '--to', '2025-12-31', '--json').stdout).entries
    const zorg = JSON.parse(cli('agenda', '--q', 'zorg', '--from', '2024-01-01', '--to', '2025-12-31', '--json').stdout).entries
    expect(zorg.length).toBeGreaterThan(0)
    expect(zorg.length).toBeLessThan(all.length)
    for (const e of zorg) expect(JSON.stringify(e)).toMatch(/(?<![\p{L}])zorg/iu)
    const older = JSON.parse(cli('agenda', '--q', 'Ouderenzorg', '--from', '2024-01-01', '--to', '2025-12-31', '--json').stdout).entries
    expect(older.map((e: { onderwerp: string }) => e.onderwerp)).toEqual(['Ouderenzorg (incl. ouderenhuisvesting)'])
    const bad = cli('agenda', '--from', '2025-02-30')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--from')
  })

  it('written questions followed through the real Document records: questions, postponement notices and answers joined by subject', async () => {
    const courses = await questionCourses(store, { limit: 1000 }, '2025-10-03')
    // The questions on the UEFA's money for Russian clubs (2025D34948) and their postponement notice (2025D36689).
    const uefa = courses.find((c) => c.question?.nummer === '2025D34948')
    expect(uefa).toMatchObject({ askers: ['Boswijk', 'Inge van Dijk', 'Paternotte'], postponements: [{ nummer: '2025D36689', date: '2025-09-03' }] })
    // One set with all three: asked, postponed, answered, and how long it took.
    const full = courses.filter((c) => c.question && c.postponements.length && c.answer)
    expect(full.length).toBeGreaterThan(0)
    for (const c of full) expect(c.days).toBe(Math.round((Date.parse(c.answer?.date ?? '') - Date.parse(c.question?.date ?? '')) / 864e5))
    // Most postponement notices of these pages find their questions (21 of 29 by an independent count of the subjects).
    expect(courses.filter((c) => c.question && c.postponements.length).length).toBeGreaterThanOrEqual(18)
    expect((await questionCourses(store, { open: true, limit: 1000 }, '2025-10-03')).every((c) => c.answer === null)).toBe(true)
    // On /vragen: the course of each, with the postponement notices between.
    const app = await buildApp({ store, ctx: await createContext(), today: () => '2025-10-03' })
    try {
      const page = (await app.inject({ url: '/vragen' })).body
      expect(page).toMatch(/<h2 id="verloop">Verloop volgens de open data \(\d+\)<\/h2>/)
      expect(page).toContain('gesteld 13 augustus 2025 <code>2025D34948</code> → uitstel 3 september 2025 <code>2025D36689</code> → nog niet beantwoord')
      expect((await app.inject({ url: '/vragen?open=1' })).body).not.toContain('→ beantwoord')
    } finally {
      await app.close()
    }
    // The same on the command line: `kamerwacht vragen`, as JSON and as lines.
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin', 'kamerwacht.js'), ...args, '--db', db], {
        encoding: 'utf8',
        env: { ...process.env, KAMERWACHT_TODAY: '2025-10-03' },
      })
    const json = JSON.parse(cli('vragen', '--open', '--limit', '1000', '--json').stdout)
    expect(json.answers).toEqual([])
    expect(json.courses.length).toBe((await questionCourses(store, { open: true, limit: 1000 }, '2025-10-03')).length)
    expect(cli('vragen', '--limit', '1000').stdout).toContain('asked 2025-08-13 → postponed 2025-09-03 → no answer')
    expect(cli('vragen', '--limit', '0').status).toBe(2)
  })

  it('a letter that names a motie by its mover and subject, without its number, answers it; one on another subject does not', async () => {
    // Letters as a Kamerstuk's page text gives them (see ../shared/corpus/dev/33783-50.txt), without the motie's number.
    const letter = (subject: string, body: string) => ` Nr. 12  BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES 

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal 

Den Haag, 14 maart 2025 

${subject}. ${body}

De Minister van Binnenlandse Zaken en Koninkrijksrelaties, 
J.J.M. Uitermark
`
    const put = async (name: string, text: string) => {
      const raw = new TextEncoder().encode(text)
      await store.put(await readDocument(raw, name, await createContext()), raw)
    }
    await put(
      'brief-werf.txt',
      letter(
        'Gemeentefonds',
        'Met deze brief geef ik uitvoering aan de motie van het lid Van der Werf over waarborgen dat de generieke korting van 10% voor gemeenten geen afbreuk doet aan de effectiviteit van de lokale aanpak.',
      ),
    )
    await put(
      'brief-kroger.txt',
      letter(
        'Dementievriendelijke buurten',
        'In deze brief schets ik de stappen die het kabinet zet voor dementievriendelijke buurten, waarom de motie van het lid Kröger vroeg.',
      ),
    )
    const werf = await motieFollowUps(store, 'kst-29754-737')
    expect(werf.map((f) => [f.paper.date, f.how, f.text])).toEqual([
      [
        '2025-03-14',
        'carried-out',
        'Met deze brief geef ik uitvoering aan de motie van het lid Van der Werf over waarborgen dat de generieke korting van 10% voor gemeenten geen afbreuk doet aan de effectiviteit van de lokale aanpak.',
      ],
    ])
    // The Kröger letter names her, but not the motie's words: no link.
    expect(await motieFollowUps(store, 'kst-36635-4')).toEqual([])
    // A letter of the minister of LVVN in the dossier of the Dierziektebeleid (written for this test), on another subject.
    await put(
      'brief-dierziekten.txt',
      `Tweede Kamer der Staten-Generaal 2
Vergaderjaar 2024–2025
29 683 Dierziektebeleid
Nr. 300 BRIEF VAN DE MINISTER VAN LANDBOUW, VISSERIJ, VOEDSELZEKERHEID EN NATUUR

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 20 maart 2025

In deze brief informeer ik u over de stand van zaken van de vogelgriep in de pluimveehouderij.

De Minister van Landbouw, Visserij, Voedselzekerheid en Natuur,
F.M. Wiersma
`,
    )
    // On the board: the motie is for the ministry whose minister answered it; one nobody answered for the ministry its
    // budget dossier names, or that sent its dossier's letters; the others' ministry unknown.
    const board = await motieBoard(store, motieBoardInput('en').parse({ result: 'alle', limit: 500 }))
    expect(board.items.find((m) => m.id === 'kst-29754-737')?.ministerie).toBe('Binnenlandse Zaken en Koninkrijksrelaties')
    expect(board.items.find((m) => m.id === 'kst-36410-VIII-60')?.ministerie).toBe('Onderwijs, Cultuur en Wetenschap')
    expect(board.items.find((m) => m.id === 'kst-29683-292')?.ministerie).toBe('Landbouw, Visserij, Voedselzekerheid en Natuur')
    expect(board.items.find((m) => m.id === 'kst-29628-1243')?.ministerie).toBeNull()
    expect(board.byMinistry.find((m) => m.ministerie === 'Binnenlandse Zaken en Koninkrijksrelaties')?.total).toBeGreaterThan(0)
    const bzk = await motieBoard(store, motieBoardInput('en').parse({ result: 'alle', ministerie: 'binnenlandse zaken', limit: 500 }))
    expect(bzk.items.length).toBeGreaterThan(0)
    expect(bzk.items.every((m) => m.ministerie === 'Binnenlandse Zaken en Koninkrijksrelaties')).toBe(true)
    expect(bzk.items.length).toBeLessThan(board.items.length)
  })

  it('a letter answering two moties is linked to both (`Kamerstuk 36672-5 en 6`); the beslisnota beside a letter to none', async () => {
    expect((await motieFollowUps(store, 'kst-36672-5')).map((f) => f.paper.id)).toEqual(['2025D26431'])
    expect((await motieFollowUps(store, 'kst-36672-6')).map((f) => f.paper.id)).toEqual(['2025D26431'])
    const ellian = await motieFollowUps(store, 'kst-36583-14')
    expect(ellian.map((f) => [f.paper.id, f.how])).toEqual([['2025D40481', 'carried-out']])
  })
})
