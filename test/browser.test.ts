// The web UI in a real browser: Debian's Chromium driven by playwright-core, against the real
// server on loopback with a real SQLite store. Screenshots go to test-artifacts/screenshots/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addUser } from '../src/app/users.js'
import { createContext, readDocument } from '../src/pipeline.js'
import { buildApp } from '../src/server/app.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import { corpusFile, ROOT } from '../src/test-support/paths.js'
import { TEST_ACTIVITEIT, TEST_TOEZEGGINGEN } from '../src/test-support/replay.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// Writes (corrections in the UI) need the server's token, typed once into /login.
const TOKEN = 'browser-test-token'
const SHOTS = join(ROOT, 'test-artifacts', 'screenshots')
const available = existsSync(CHROMIUM)
// In CI a missing browser fails the run; on a developer's machine without Chromium the suite says why it is skipped.
if (!available && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium package`)
if (!available) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`)

let app: FastifyInstance
let store: EmbeddedStore
let browser: BrowserContext
let page: Page
let base: string

beforeAll(async () => {
  if (!available) return
  const ctx = await createContext()
  store = new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'kw-browser-')), 'k.db'))
  const files = [
    ...['33783-50.txt', '32733-36.obpage.txt', '35228-6.obpage.txt', '21501-02-1581.obpage.txt', 'CII-G.obpage.txt'].map((f) => corpusFile('dev', f)),
    ...['33783-51.txt', '33783-52.txt', '33783-53.txt'].map((f) => join(ROOT, 'test', 'fixtures', 'chains', f)),
    join(ROOT, 'test', 'fixtures', 'debates', 'tweeminutendebat.obpage.txt'),
  ]
  for (const f of files) {
    const bytes = readFileSync(f)
    await store.put(await readDocument(bytes, basename(f), { ...ctx, nameHints: true }), bytes)
  }
  // A motie of the dossier (written here, as a printed motie reads): its row names its movers.
  const motie = new TextEncoder().encode(
    'Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2022–2023\n\n33 783 Non-proliferatie\n\nNr. 54 MOTIE VAN DE LEDEN VAN DER PLAS EN KOSTIĆ\n\nVoorgesteld 6 oktober 2022\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\nverzoekt de regering, de Kamer voor het einde van het jaar te informeren over de inzet bij de Toetsingsconferentie,\n\nen gaat over tot de orde van de dag.\n\nVan der Plas\nKostić\n',
  )
  await store.put(await readDocument(motie, 'kst-33783-54.txt', ctx), motie)
  // The Kamer's records of that motie (written here in the open data's shapes): its Zaak, the vote on it, and who moved it.
  const at = { GewijzigdOp: '2022-10-11T16:00:00+02:00', ApiGewijzigdOp: '2022-10-11T14:00:00Z', Verwijderd: false }
  const record = (entity: string, r: Record<string, unknown>) => ({
    record: { entity, id: String(r.Id), modified: at.ApiGewijzigdOp, deleted: false, record: { ...r, ...at } },
  })
  const vote = (k: number, fractie: string, soort: string, seats: number) =>
    record('Stemming', { Id: `s${k}`, Besluit_Id: 'b1', ActorFractie: fractie, Soort: soort, FractieGrootte: seats, Vergissing: k === 3 })
  await store.applySync(
    'test:kamer',
    [
      record('Zaak', {
        Id: 'z1',
        Nummer: '2022Z19000',
        Soort: 'Motie',
        Onderwerp: 'Motie van de leden Van der Plas en Kostić over de Kamer voor het einde van het jaar informeren over de inzet',
        Kabinetsappreciatie: 'Oordeel Kamer',
        GestartOp: '2022-10-06T00:00:00+02:00',
        Document: [{ Id: 'd1', HuidigeDocumentVersie: { ExterneIdentifier: 'kst-33783-54' } }],
      }),
      record('ZaakActor', { Id: 'za1', Zaak_Id: 'z1', ActorNaam: 'Van der Plas', ActorFractie: 'BBB', Relatie: 'Indiener' }),
      record('ZaakActor', { Id: 'za2', Zaak_Id: 'z1', ActorNaam: 'Kostić', ActorFractie: 'PvdD', Relatie: 'Medeindiener' }),
      record('ZaakActor', {
        Id: 'za3',
        Zaak_Id: 'z1',
        ActorNaam: 'vaste commissie voor Buitenlandse Zaken',
        ActorAfkorting: 'BuZa',
        Relatie: 'Voortouwcommissie',
      }),
      record('Agendapunt', { Id: 'a1', Activiteit_Id: 'act1', Zaak: [{ Id: 'z1', Nummer: '2022Z19000', Volgnummer: 54 }] }),
      record('Activiteit', { Id: 'act1', Datum: '2022-10-11T00:00:00+02:00', Soort: 'Stemmingen' }),
      record('Besluit', { Id: 'b1', Agendapunt_Id: 'a1', BesluitSoort: 'Stemmen - aangenomen', BesluitTekst: 'Aangenomen.', AgendapuntZaakBesluitVolgorde: 1 }),
      vote(1, 'VVD', 'Voor', 34),
      vote(2, 'D66', 'Voor', 24),
      vote(3, 'PVV', 'Tegen', 17),
      vote(4, 'GroenLinks-PvdA', 'Niet deelgenomen', 17),
      // Two meetings in the week after the tests' today: a committee debate with its items, and one cancelled.
      record('Activiteit', {
        Id: 'act2',
        Nummer: '2026A01234',
        Soort: 'Commissiedebat',
        Onderwerp: 'Non-proliferatie en ontwapening (33783)',
        Datum: '2026-12-02T00:00:00+01:00',
        Aanvangstijd: '2026-12-02T10:00:00+01:00',
        Eindtijd: '2026-12-02T13:00:00+01:00',
        Status: 'Gepland',
        Besloten: false,
        Voortouwafkorting: 'BuZa',
        Voortouwnaam: 'vaste commissie voor Buitenlandse Zaken',
        Locatie: 'Thorbeckezaal',
      }),
      record('Agendapunt', {
        Id: 'ap2',
        Activiteit_Id: 'act2',
        Volgorde: 1,
        Onderwerp: 'Inzet bij de Toetsingsconferentie',
        Zaak: [{ Id: 'z2', Nummer: '2022Z09999' }],
      }),
      record('Agendapunt', { Id: 'ap3', Activiteit_Id: 'act2', Volgorde: 2, Onderwerp: 'Rondvraag', Zaak: [] }),
      // The register's records written for the tests (src/test-support/replay.ts): one the promise of 33783-50 answers.
      ...TEST_TOEZEGGINGEN.map((t) => record('Toezegging', t)),
      record('Activiteit', TEST_ACTIVITEIT),
      record('Activiteit', {
        Id: 'act3',
        Soort: 'Procedurevergadering',
        Onderwerp: 'Procedurevergadering Buitenlandse Zaken',
        Datum: '2026-12-03T00:00:00+01:00',
        Aanvangstijd: '2026-12-03T16:00:00+01:00',
        Status: 'Geannuleerd',
        Besloten: true,
        Voortouwafkorting: 'BuZa',
        Voortouwnaam: 'vaste commissie voor Buitenlandse Zaken',
      }),
    ],
    null,
  )
  app = await buildApp({ store, ctx, today: () => '2026-11-28', token: TOKEN })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  mkdirSync(SHOTS, { recursive: true })
  browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kw-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
  })
  page = browser.pages()[0] ?? (await browser.newPage())
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await store?.close()
})

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })

describe.skipIf(!available)('web UI in Chromium', () => {
  it('search for a word of 33783-50, open the result: the promise is highlighted and kst-33783-48 is referenced', async () => {
    await page.goto(`${base}/`)
    // "/" focuses the search box (progressive JavaScript).
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q')
    await page.getByLabel('Zoekvraag').fill('toetsingsconferentie')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\?q=toetsingsconferentie/)
    await shot('1-search')
    expect(await page.locator('ol.hits li.hit').count()).toBeGreaterThanOrEqual(3)
    await page.getByRole('link', { name: 'Brief van de minister van Buitenlandse Zaken' }).first().waitFor()
    const hrefs = await page.locator('ol.hits li.hit h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(hrefs).toContain('/papers/kst-33783-50')
    await page.locator('a[href="/papers/kst-33783-50"]').first().click()
    await page.waitForURL(/\/papers\/kst-33783-50$/)
    const promise = page.locator('mark.commitment', { hasText: 'Ik zal uw Kamer t.z.t. informeren over dit besluit.' })
    await expect.poll(() => promise.count()).toBe(1)
    expect(await promise.isVisible()).toBe(true)
    // Highlighted: the mark has a background colour of its own.
    const background = await promise.evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(background).not.toBe('rgba(0, 0, 0, 0)')
    const ref = page.locator('.clean [data-target="kst-33783-48"]')
    expect(await ref.textContent()).toBe('Kamerstuk 33 783, nr.48')
    expect(await page.locator('aside.panel').textContent()).toContain('kst-33783-48')
    // Citations in: 33783-51 and 33783-52 cite it, as links.
    await page.locator('aside.panel a[href="/papers/kst-33783-52"]').first().waitFor()
    await shot('2-paper')
  })

  it('finds a debate by speaker, and shows its turns with speakers and roles, the promises marked and attributed', async () => {
    await page.goto(`${base}/?q=${encodeURIComponent('spreker:"De Vries" evaluatie')}`)
    expect(await page.locator('ol.hits li.hit').count()).toBe(1)
    await page.locator('a[href="/papers/h-tk-20222023-38-12"]').first().click()
    await page.waitForURL(/\/papers\/h-tk-20222023-38-12$/)
    const headings = page.locator('.clean h3.speaker')
    expect(await headings.count()).toBe(13)
    expect(await headings.nth(5).textContent()).toMatch(/^Staatssecretaris De Vries\s+staatssecretaris$/)
    expect(await page.locator('.clean h3.speaker.interruption').count()).toBe(2)
    // The five promises are marked in the staatssecretaris's turns, and the panel says who made them, to whom.
    // (A promise with a date inside is marked in pieces around the date: counted by its anchor.)
    const promises = await page.locator('.clean mark.commitment').evaluateAll((ms) => new Set(ms.map((m) => m.id)).size)
    expect(promises).toBe(5)
    expect(await page.locator('.speaker-of', { hasText: 'Gezegd door Staatssecretaris De Vries, aan Bakker' }).count()).toBe(1)
    expect(await page.locator('ul.speakers li').allInnerTexts()).toEqual([
      expect.stringMatching(/^De voorzitter voorzitter · 5 beurten$/),
      expect.stringMatching(/^Mevrouw Van Dijk \(CDA\) Kamerlid · 2 beurten$/),
      expect.stringMatching(/^De heer Bakker \(VVD\) Kamerlid · 2 beurten$/),
      expect.stringMatching(/^Staatssecretaris De Vries staatssecretaris · 4 beurten$/),
    ])
    await shot('debate')
  })

  it('understands citations in the search box, Dutch operators, and names a bad date in Dutch', async () => {
    for (const [q, note] of [
      ['33783', '33783 gelezen als dossier:33783'],
      ['33 783', '33783 gelezen als dossier:33783'],
      ['kst-33783-50', '"kst-33783-50" gelezen als stuk:kst-33783-50'],
      ['Kamerstuk 33 783, nr. 50', '"Kamerstuk 33 783, nr. 50" gelezen als stuk:kst-33783-50'],
    ]) {
      await page.goto(`${base}/`)
      await page.getByLabel('Zoekvraag').fill(q as string)
      await page.keyboard.press('Enter')
      await page.waitForURL(/\?q=/)
      expect(await page.locator('ol.hits li.hit h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), q).toContain('/papers/kst-33783-50')
      expect(await page.locator('p.notes').textContent(), q).toContain(note)
    }
    await shot('search-citation')
    await page.goto(`${base}/?q=${encodeURIComponent('toetsingsconferentie NIET kernwapens')}`)
    expect(await page.locator('ol.hits a[href="/papers/kst-33783-50"]').count()).toBe(0)
    const bad = await page.goto(`${base}/?q=kernwapens&from=2022-13-45`)
    expect(bad?.status()).toBe(400)
    expect(await page.getByRole('alert').textContent()).toBe('from: 2022-13-45 is geen datum: schrijf 2022-01-01 (of 2022, of 2022-05)')
    await page.goto(`${base}/?q=${encodeURIComponent('type:flapdrol')}`)
    expect(await page.getByRole('alert').textContent()).toMatch(/^type: flapdrol is geen soort stuk; de soorten zijn brief, motie/)
  })

  it('serves the API reference at /docs from this server alone, linked from every page, and suggests a query for a search that finds nothing', async () => {
    const elsewhere: string[] = []
    const problems: string[] = []
    const watch = (r: { url(): string }) => {
      if (!r.url().startsWith(base)) elsewhere.push(r.url())
    }
    const complain = (m: { type(): string; text(): string }) => {
      if (m.type() === 'error') problems.push(m.text())
    }
    page.on('request', watch)
    page.on('console', complain)
    try {
      await page.goto(`${base}/`)
      await page.getByRole('link', { name: 'API-documentatie' }).click()
      await page.waitForURL(/\/docs$/)
      // Swagger UI has read /openapi.json: the search operation is listed.
      await page.locator('.opblock-summary-path', { hasText: '/api/search' }).first().waitFor()
      expect(await page.title()).toBe('API-documentatie · kamerwacht')
      await shot('docs')
      // A misspelled word: the store's own spelling offered, as a link that finds it.
      await page.goto(`${base}/?q=kernwapnes`)
      expect(await page.locator('p.suggest').textContent()).toContain('Bedoelde u kernwapens (1 stuk)?')
      await page.locator('p.suggest a').first().click()
      // 33783-50, titled by the subject its opening gives (its copy here has no head with the dossier's title).
      expect(await page.locator('main h2 a').first().textContent()).toBe(
        'Brief van de minister van Buitenlandse Zaken over de nieuwe data van de conferentie in augustus 2022 en de mogelijkheid tot parlementaire participatie',
      )
      // A word that starts longer words: offered as a prefix.
      await page.goto(`${base}/?q=ontwapen`)
      expect(await page.locator('p.suggest').textContent()).toContain('ontwapen* (2 stukken, woorden die zo beginnen)')
    } finally {
      page.off('request', watch)
      page.off('console', complain)
    }
    expect(elsewhere).toEqual([])
    expect(problems).toEqual([])
  })

  it('scrolls no page sideways, at 1366 px or at 390 px', async () => {
    const pages = [
      '/',
      '/?q=toetsingsconferentie',
      '/papers/kst-33783-50',
      '/papers/kst-33783-50?view=source',
      '/papers/h-tk-20222023-38-12',
      '/dossiers/33783',
      '/commitments',
      '/commitments?status=overdue',
      '/follows',
      '/login',
    ]
    const wide: string[] = []
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 })
      for (const path of pages) {
        await page.goto(`${base}${path}`)
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
        if (scroll > client) wide.push(`${path} at ${width}: ${scroll} px wide`)
      }
      await page.goto(`${base}/commitments`)
      await shot(`commitments-${width}`)
      await page.goto(`${base}/dossiers/33783`)
      await shot(`dossier-${width}`)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    expect(wide).toEqual([])
    // The chart's labels are text of the page, inside the chart, at both widths; its counts say what they count.
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${base}/commitments`)
      const outside = await page.locator('.chart').evaluate((chart) => {
        const edge = chart.getBoundingClientRect().right + 1
        return Array.from(chart.querySelectorAll('.label'))
          .filter((l) => l.getBoundingClientRect().right > edge)
          .map((l) => l.textContent)
      })
      expect(outside).toEqual([])
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    expect(await page.locator('.chart .n').first().textContent()).toMatch(/^\d+ open · \d+ verlopen$/)
  })

  it('lists the board as a work list, soonest deadline first, and exports what it shows for Dutch Excel and as JSON', async () => {
    await page.goto(`${base}/commitments`)
    const dues = await page
      .locator('ol.items li.item')
      .evaluateAll((items) => items.map((li) => /uiterlijk (\d+ \S+ \d{4})/.exec(li.querySelector('.due')?.textContent ?? '')?.[1] ?? null))
    const ids = await page.locator('ol.items li.item .id code').allInnerTexts()
    // Kept promises last; before them, those with a deadline, the soonest (the longest overdue) first.
    const statuses = await page.locator('ol.items li.item').evaluateAll((items) => items.map((li) => li.getAttribute('data-status')))
    const kept = statuses.indexOf('fulfilled')
    expect(kept).toBeGreaterThan(0)
    expect(statuses.slice(kept).every((s) => s === 'fulfilled')).toBe(true)
    const parse = (d: string) =>
      Date.parse(
        d.replace(
          /(\d+) (\S+) (\d{4})/,
          (_, day, month, year) =>
            `${year}-${String(['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'].indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`,
        ),
      )
    const dated = dues
      .slice(0, kept)
      .filter((d): d is string => !!d)
      .map(parse)
    expect(dated).toEqual([...dated].sort((a, b) => a - b))
    expect(dues.slice(0, kept).indexOf(null)).toBeGreaterThan(dues.slice(0, kept).findLastIndex((d) => d !== null))
    // The CSV link exports the same promises in the same order, with a BOM and `;` for Dutch Excel.
    const csvHref = await page.locator('a.export', { hasText: 'CSV' }).getAttribute('href')
    const bytes = new Uint8Array(await (await fetch(`${base}${csvHref}`)).arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).trim().split('\n')
    // One language in the sheet: Dutch headers, statuses and yes/no.
    expect(lines[0]).toBe(
      'id;status;verouderd;stuk;datum stuk;afzender;gezegd door;toezegging;termijn (tekst);uiterlijk;nagekomen in;bewijs;link;officiële publicatie',
    )
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(ids)
    expect(lines.slice(1).map((l) => l.split(';')[1])).toContain('verlopen')
    expect(lines.slice(1).join('\n')).not.toMatch(/;(?:overdue|due-soon|fulfilled);/)
    const json = (await (await fetch(`${base}/commitments.json?status=overdue`)).json()) as Array<{ status: string; link: string }>
    expect(json.length).toBeGreaterThan(0)
    expect(json.every((r) => r.status === 'overdue' && r.link.endsWith(`/papers/${r.link.split('/papers/')[1]}`))).toBe(true)
    // By the date of the promise instead, newest first.
    await page.selectOption('#sort', 'date')
    await page.waitForURL(/sort=date/)
    const byDate = await page.locator('ol.items li.item .id code').allInnerTexts()
    expect(byDate).not.toEqual(ids)
    await shot('board-by-deadline')
  })

  it('opens on a home page with the newest papers, what falls due and what is overdue', async () => {
    await page.goto(`${base}/`)
    const latest = page.locator('.home ul.latest li')
    expect(await latest.count()).toBe(8)
    // The newest first: the debate of December 2022 heads the list; titles are subjects, not capitals.
    expect(await latest.first().textContent()).toContain('Betaaltermijnen mkb')
    expect(await page.locator('.home ul.latest').textContent()).not.toMatch(/BRIEF VAN/)
    expect(await page.locator('#verlopen').textContent()).toMatch(/^Verlopen \d+$/)
    expect(await page.locator('section[aria-labelledby="verlopen"] li.item').count()).toBeGreaterThan(0)
    expect(await page.locator('section[aria-labelledby="binnenkort"]').textContent()).toContain('Binnenkort te doen')
    expect(await page.locator('ul.dossiers a[href="/dossiers/33783"]').count()).toBe(1)
    await shot('home')
  })

  it('lets a signed-in user correct a promise and undo it, asking first about a paper that cannot keep it', async () => {
    // Signed out: no correction forms, a link to sign in.
    await page.goto(`${base}/commitments?status=overdue`)
    expect(await page.locator('form.correct').count()).toBe(0)
    await page.getByRole('link', { name: 'Aanmelden' }).click()
    await page.getByLabel('Token').fill('wrong')
    await page.getByRole('button', { name: 'Aanmelden' }).click()
    expect(await page.getByRole('alert').textContent()).toBe('Onjuist token.')
    await page.getByLabel('Token').fill(TOKEN)
    await page.getByRole('button', { name: 'Aanmelden' }).click()
    await page.waitForURL(/\/commitments\?status=overdue$/)
    const briefing = page.locator('li.item', { hasText: 'technische ambtelijke briefing' })
    expect(await briefing.getAttribute('data-status')).toBe('overdue')
    // A paper older than the promise and from another sender: asked about, with the reasons in Dutch, and cancelled.
    await briefing.locator('summary').click()
    await briefing.getByLabel('Nagekomen door').fill('kst-32733-36')
    await briefing.getByRole('button', { name: 'Nagekomen' }).click()
    expect(await page.getByRole('alert').textContent()).toMatch(
      /kst-32733-36 \(2011-06-28\) is ouder dan de toezegging \(2022-05-27\).*komt van Minister van Defensie/,
    )
    await shot('correction-confirm')
    await page.getByRole('link', { name: 'Annuleren' }).click()
    // A later letter of the same minister: recorded at once, with who and when.
    await page.goto(`${base}/commitments`)
    const item = page.locator('li.item', { hasText: 'technische ambtelijke briefing' })
    await item.locator('summary').click()
    await item.getByLabel('Nagekomen door').fill('kst-33783-53')
    await item.getByRole('button', { name: 'Nagekomen' }).click()
    await page.waitForURL(/\/commitments$/)
    const kept = page.locator('li.item', { hasText: 'technische ambtelijke briefing' })
    expect(await kept.getAttribute('data-status')).toBe('fulfilled')
    expect(await kept.locator('.correction').textContent()).toMatch(/^Met de hand gemarkeerd als nagekomen door kst-33783-53, door web, /)
    await shot('correction-made')
    // Undone: back to automatic matching, overdue again.
    await kept.locator('summary').click()
    await kept.getByRole('button', { name: 'Correctie ongedaan maken' }).click()
    await page.waitForURL(/\/commitments$/)
    expect(await page.locator('li.item', { hasText: 'technische ambtelijke briefing' }).getAttribute('data-status')).toBe('overdue')
    // A form posted from another site's page is refused, even with the cookie (which SameSite=Strict keeps home).
    const cookie = (await browser.cookies()).find((c) => c.name === 'kw_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
    const id = await kept.locator('.id code').textContent()
    const forged = await fetch(`${base}/commitments/${encodeURIComponent(id ?? '')}/correction`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `kw_session=${cookie?.value}`,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      body: 'action=not-a-commitment',
    })
    expect(forged.status).toBe(403)
    await page.getByRole('button', { name: 'Afmelden' }).click()
    await page.goto(`${base}/commitments`)
    expect(await page.locator('form.correct').count()).toBe(0)
  })

  it('follows a search: a new paper shows as new on the follows page and the home page until seen', async () => {
    await page.goto(`${base}/login?back=/follows`)
    await page.getByLabel('Token').fill(TOKEN)
    await page.getByRole('button', { name: 'Aanmelden' }).click()
    await page.waitForURL(/\/follows$/)
    // From a search's results: "Volgen" fills in the query.
    await page.goto(`${base}/?q=${encodeURIComponent('jeugdhulp')}`)
    await page.getByRole('link', { name: 'Volgen', exact: true }).click()
    expect(await page.getByLabel('Zoekvraag, dossier of toezegging').inputValue()).toBe('jeugdhulp')
    await page.getByLabel('Naam').fill('jeugd')
    await page.getByRole('button', { name: 'Volgen' }).click()
    await page.waitForURL(/\/follows$/)
    expect(await page.locator('ul.follows li', { hasText: 'jeugd' }).textContent()).toContain('0 nieuw')
    // A paper on the subject arrives.
    const bytes = readFileSync(join(ROOT, 'test', 'fixtures', 'debates', 'commissiedebat.pdf.txt'))
    await store.put(await readDocument(bytes, 'commissiedebat.pdf.txt', await createContext()), bytes)
    await page.goto(`${base}/`)
    expect(await page.locator('section[aria-labelledby="gevolgd"] li', { hasText: 'jeugd' }).textContent()).toContain('1 nieuw')
    await page.goto(`${base}/follows/jeugd`)
    expect(await page.locator('ul.latest a').allTextContents()).toEqual(['Jeugdbeleid — Verslag van een commissiedebat'])
    await shot('follow-new')
    await page.getByRole('button', { name: 'Gezien' }).click()
    await page.waitForURL(/\/follows\/jeugd$/)
    expect(await page.locator('main').textContent()).toContain('Niets nieuws.')
  })

  it('signs a user in with her own token: her follows, her alerts, at 1366 px and at 390 px; then signs her out', async () => {
    const { token } = await addUser(store, 'anna', 'anna@example.org', '2026-11-28T08:00:00Z')
    await page.context().clearCookies()
    await page.goto(`${base}/login?back=/follows`)
    await page.getByLabel('Token').fill(token)
    await page.getByRole('button', { name: 'Aanmelden' }).click()
    await page.waitForURL(/\/follows$/)
    expect(await page.locator('main').textContent()).toContain('Aangemeld als anna')
    // The store's own follows (the editor's) are not hers: she has none yet.
    expect(await page.locator('ul.follows li').count()).toBe(0)
    await page.getByLabel('Naam').fill('npv')
    await page.getByLabel('Zoekvraag, dossier of toezegging').fill('dossier:33783')
    await page.getByRole('button', { name: 'Volgen' }).click()
    await page.waitForURL(/\/follows$/)
    await page.locator('ul.follows a', { hasText: 'npv' }).click()
    await page.waitForURL(/\/follows\/npv$/)
    await page.getByLabel('E-mailadres').fill('anna@example.org')
    await page.getByLabel('Hoe vaak').selectOption({ label: 'hoogstens eens per dag' })
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/follows\/npv$/)
    expect(await page.locator('section.alerts').textContent()).toContain('Berichten gaan naar anna@example.org, hoogstens eens per dag.')
    expect((await store.follows('anna')).map((f) => [f.name, f.email, f.everyHours])).toEqual([['npv', 'anna@example.org', 24]])
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 })
      for (const path of ['/follows', '/follows/npv']) {
        await page.goto(`${base}${path}`)
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
        expect(scroll, `${path} at ${width}`).toBeLessThanOrEqual(client)
      }
      await shot(`follow-user-${width}`)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${base}/follows`)
    await page.getByRole('button', { name: 'Afmelden' }).click()
    await page.goto(`${base}/follows`)
    expect(await page.locator('main').textContent()).not.toContain('Aangemeld als')
    expect(await page.locator('ul.follows li', { hasText: 'dossier:33783' }).count()).toBe(0)
  })

  it('has a favicon, a print style, and shows a text source in the browser', async () => {
    const icon = await fetch(`${base}/favicon.ico`)
    expect(icon.status).toBe(200)
    expect(icon.headers.get('content-type')).toMatch(/^image\//)
    const css = await (await fetch(`${base}/static/app.css`)).text()
    expect(css).toContain('@media print')
    const source = await fetch(`${base}/api/papers/kst-33783-50/source`)
    expect(source.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/)
    expect(source.headers.get('content-disposition') ?? '').not.toMatch(/^attachment/)
  })

  it('switches to the original text and back', async () => {
    await page.goto(`${base}/papers/kst-33783-50`)
    await page.getByRole('link', { name: 'Oorspronkelijke tekst' }).click()
    await page.waitForURL(/view=source/)
    expect(await page.locator('pre.source').textContent()).toContain('Buiten-\nlandse')
    await page.getByRole('link', { name: 'Opgeschoonde tekst' }).click()
    expect(await page.locator('.clean').textContent()).toContain('Buitenlandse Zaken')
  })

  it('renders the dossier timeline, whose kinds can be hidden', async () => {
    await page.goto(`${base}/dossiers/33783`)
    const entries = page.locator('.timeline li.entry')
    expect(await entries.count()).toBeGreaterThan(10)
    expect(await page.locator('.timeline li.entry.kind-paper').count()).toBe(5)
    expect(await page.locator('.timeline li.entry.kind-kept').count()).toBe(2)
    expect(await page.locator('.timeline').textContent()).toContain('1 t/m 26 augustus 2022')
    // Papers first, then the timeline; a date mentioned in passing is shown only when asked for.
    const order = await page.locator('main h2').allTextContents()
    expect(order.indexOf('Stukken')).toBeLessThan(order.indexOf('Tijdlijn'))
    const events = page.locator('.timeline li.entry.kind-event')
    expect(await events.first().isVisible()).toBe(false)
    // No year heading without an entry shown under it (a year of dates mentioned in passing only).
    const emptyYears = () =>
      page.locator('.timeline li.year').evaluateAll((ys) => ys.filter((y) => y.checkVisibility() && !y.querySelector('.entry:not([hidden])')).length)
    expect(await emptyYears()).toBe(0)
    const yearsBefore = await page.locator('.timeline li.year:visible').count()
    await page.getByRole('checkbox', { name: 'Genoemde datum' }).check()
    expect(await events.first().isVisible()).toBe(true)
    expect(await page.locator('.timeline li.year:visible').count()).toBeGreaterThan(yearsBefore)
    await page.getByRole('checkbox', { name: 'Genoemde datum' }).uncheck()
    expect(await emptyYears()).toBe(0)
    await page.getByRole('checkbox', { name: 'Genoemde datum' }).check()
    // The papers by their titles (a printed kind title in ordinary case), kinds counted in Dutch plurals, a motie's movers.
    expect(await page.locator('p.summary').textContent()).toMatch(/4 brieven, 1 motie/)
    const rows = page.locator('table.papers tbody tr')
    expect(await rows.locator('td:nth-child(2) a').allTextContents()).toContain('Brief van de minister van Buitenlandse Zaken')
    const motieRow = rows.filter({ hasText: 'kst-33783-54' })
    expect(await motieRow.locator('td:nth-child(2) a').textContent()).toBe('Motie van de leden Van der Plas en Kostić')
    expect(await motieRow.locator('td:nth-child(4)').textContent()).toBe('Van der Plas en Kostić')
    // The earlier paper of the dossier it cites is missing from the store, linked to the official record.
    expect(await page.locator('section[aria-labelledby="ontbrekend"] a.official').getAttribute('href')).toBe(
      'https://zoek.officielebekendmakingen.nl/kst-33783-48.html',
    )
    expect(await page.locator('section[aria-labelledby="buiten"]').textContent()).not.toContain('kst-33783-48')
    await shot('3-dossier')
  })

  it('filters the commitments board by status and sender, with a chart per ministry', async () => {
    await page.goto(`${base}/commitments`)
    expect(await page.locator('.chart svg rect.bar-overdue').count()).toBeGreaterThan(0)
    // Each ministry's name whole, at a legible size, within the chart's column.
    const labels = page.locator('.chart .label')
    expect(await labels.count()).toBeGreaterThan(0)
    for (const l of await labels.all()) {
      expect(await l.textContent()).not.toContain('…')
      const size = await l.evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize))
      expect(size).toBeGreaterThanOrEqual(12)
      const [box, chartBox] = [await l.boundingBox(), await page.locator('.chart').boundingBox()]
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual((chartBox?.x ?? 0) + (chartBox?.width ?? 0) + 1)
    }
    await shot('4-commitments')
    await page
      .getByRole('navigation', { name: 'Status' })
      .getByRole('link', { name: /Verlopen/ })
      .click()
    await page.waitForURL(/status=overdue/)
    const statuses = await page.locator('ol.items li.item').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-status')))
    expect(statuses.length).toBeGreaterThan(0)
    expect(new Set(statuses)).toEqual(new Set(['overdue']))
    await page
      .getByRole('navigation', { name: 'Status' })
      .getByRole('link', { name: /Nagekomen/ })
      .click()
    await page.waitForURL(/status=fulfilled/)
    expect(await page.locator('ol.items li.item .evidence').count()).toBe(2)
    await page.getByRole('textbox', { name: 'Afzender' }).fill('Defensie')
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.waitForURL(/sender=Defensie/)
    expect(await page.locator('ol.items li.item').count()).toBe(0)
    await page.getByRole('navigation', { name: 'Status' }).getByRole('link', { name: /Alle/ }).click()
    const senders = await page.locator('ol.items li.item .meta').allTextContents()
    expect(senders.length).toBeGreaterThan(0)
    for (const s of senders) expect(s).toContain('Defensie')
    await shot('5-commitments-filtered')
  })

  it('shows what it knows of a paper cited but not stored, instead of a dead end', async () => {
    const r = await page.goto(`${base}/papers/kst-33783-48`)
    expect(r?.status()).toBe(200)
    expect(await page.locator('p.lead').textContent()).toContain('Dit stuk is niet opgeslagen. Eén opgeslagen stuk haalt het aan')
    expect(await page.getByRole('link', { name: '33783' }).getAttribute('href')).toBe('/dossiers/33783')
    expect(await page.getByRole('link', { name: 'Lees het in de officiële publicatie' }).getAttribute('href')).toBe(
      'https://zoek.officielebekendmakingen.nl/kst-33783-48.html',
    )
    const citing = page.locator('section[aria-labelledby="aangehaald"] li')
    expect(await citing.count()).toBe(1)
    expect(await citing.locator('a').getAttribute('href')).toBe('/papers/kst-33783-50')
    expect(await citing.locator('q').textContent()).toBe('Kamerstuk 33 783, nr.48')
    // A paper nobody cites is still not found.
    expect((await page.goto(`${base}/papers/kst-99999-1`))?.status()).toBe(404)
  })

  it('searches between dates from the form and exports the results it finds', async () => {
    await page.goto(`${base}/?q=kamer`)
    const total = async () => Number(await page.locator('p.total strong').textContent())
    const all = await total()
    expect(all).toBeGreaterThan(2)
    await page.getByRole('textbox', { name: 'Van' }).fill('2022')
    await page.getByRole('textbox', { name: 'Tot en met' }).fill('2022-12-31')
    await page.getByRole('button', { name: 'Zoek' }).click()
    await page.waitForURL(/from=2022/)
    const in2022 = await total()
    expect(in2022).toBeGreaterThan(0)
    expect(in2022).toBeLessThan(all)
    for (const d of await page.locator('article .meta time, .hit .meta time, main time').allTextContents()) expect(d).toMatch(/2022/)
    // The dates stay in the form; the export has what the page found, every page, in Dutch for Excel.
    expect(await page.getByRole('textbox', { name: 'Van' }).inputValue()).toBe('2022')
    const csv = await (await fetch(`${base}${await page.locator('a.export', { hasText: 'CSV' }).getAttribute('href')}`)).text()
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
    expect(lines[0]).toBe('id;titel;soort;datum;afzender;link;officiële publicatie')
    expect(lines.length - 1).toBe(in2022)
    for (const l of lines.slice(1)) expect(l.split(';')[3]).toMatch(/^2022-/)
    const json = (await (await fetch(`${base}${await page.locator('a.export', { hasText: 'JSON' }).getAttribute('href')}`)).json()) as Array<{
      id: string
      official: string | null
    }>
    expect(json.map((r) => r.id)).toEqual(lines.slice(1).map((l) => l.split(';')[0]))
    // An empty range is named, in Dutch.
    await page.getByRole('textbox', { name: 'Van' }).fill('2023')
    await page.getByRole('textbox', { name: 'Tot en met' }).fill('2022')
    await page.getByRole('button', { name: 'Zoek' }).click()
    expect(await page.locator('p.error').textContent()).toContain('het datumbereik is leeg')
  })

  it('filters the board by words in the promise, and exports what it shows', async () => {
    await page.goto(`${base}/commitments`)
    const before = await page.locator('ol.items li.item').count()
    await page.getByRole('searchbox', { name: 'Woorden' }).fill('briefing')
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.waitForURL(/q=briefing/)
    const items = page.locator('ol.items li.item')
    expect(await items.count()).toBeGreaterThan(0)
    expect(await items.count()).toBeLessThan(before)
    for (const t of await items.allTextContents()) expect(t.toLowerCase()).toContain('briefing')
    // The export is of the same promises; the words stay in the form.
    expect(await page.getByRole('searchbox', { name: 'Woorden' }).inputValue()).toBe('briefing')
    const csv = await (await fetch(`${base}${await page.locator('a.export', { hasText: 'CSV' }).getAttribute('href')}`)).text()
    expect(csv.trim().split('\n').length - 1).toBe(await items.count())
    await page.getByRole('searchbox', { name: 'Woorden' }).fill('qqqqzz')
    await page.getByRole('button', { name: 'Filter' }).click()
    expect(await items.count()).toBe(0)
  })

  it('shows a motie in the Kamer and on the moties board, at 1366 px and at 390 px', async () => {
    const wide: string[] = []
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${base}/papers/kst-33783-54`)
      const facts = page.locator('section.motie-facts')
      await facts.waitFor()
      expect(await facts.locator('dd').first().textContent()).toBe('6 oktober 2022 door Van der Plas (BBB), Kostić (PvdD)')
      expect(await facts.locator('.badge.result-aangenomen').textContent()).toBe('Aangenomen')
      expect(await facts.locator('.decision .meta').textContent()).toBe('58 zetels voor, 17 tegen')
      expect(await facts.locator('dl.votes dd').allTextContents()).toEqual(['D66, VVD', 'PVV (vergissing)', 'GroenLinks-PvdA'])
      // What it asks of the government is marked in its text.
      // (A date inside it cuts it in pieces, each marked.)
      expect((await page.locator('.paper-layout mark.request').allTextContents()).join('')).toBe(
        'verzoekt de regering, de Kamer voor het einde van het jaar te informeren over de inzet bij de Toetsingsconferentie,',
      )
      expect(await page.locator('.legend mark.request').textContent()).toBe('verzoek')
      await shot(`motie-${width}`)
      for (const path of ['/papers/kst-33783-54', '/moties', '/moties?status=open&result=alle']) {
        await page.goto(`${base}${path}`)
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
        if (scroll > client) wide.push(`${path} at ${width}: ${scroll} px wide`)
      }
      await page.goto(`${base}/moties`)
      await shot(`moties-${width}`)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    expect(wide).toEqual([])
    // The board: the motie open (no letter answers it yet), the tabs counting, the filters narrowing, the menu leading there.
    await page.goto(`${base}/`)
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Moties' }).click()
    await page.waitForURL(/\/moties$/)
    expect(await page.locator('ol.items li.motie').count()).toBe(1)
    expect(await page.locator('li.motie .badge').textContent()).toBe('Open')
    expect(await page.getByRole('navigation', { name: 'Status' }).getByRole('link', { name: 'Open (1)' }).count()).toBe(1)
    await page.getByLabel('Fractie').fill('PVV')
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.waitForURL(/fractie=PVV/)
    expect(await page.locator('ol.items li.motie').count()).toBe(0)
    expect(await page.locator('section.list p').first().textContent()).toContain('Geen moties met deze filters')
    await page.getByLabel('Fractie').fill('pvdd')
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.waitForURL(/fractie=pvdd/)
    await page.locator('li.motie a', { hasText: 'Motie van de leden Van der Plas en Kostić' }).click()
    await page.waitForURL(/\/papers\/kst-33783-54/)
    // Every name links to its page: the member's moties, the fractie's votes.
    await page.locator('section.motie-facts').getByRole('link', { name: 'Kostić' }).click()
    await page.waitForURL(/\/leden\/Kosti/)
    expect(await page.locator('h1').textContent()).toBe('Kostić')
    expect(await page.locator('#ingediend + ul li').allTextContents()).toEqual([
      '6 oktober 2022 · Motie van de leden Van der Plas en Kostić over de Kamer voor het einde van het jaar informeren over de inzet (medeindiener)',
    ])
    await page.goBack()
    await page.locator('section.motie-facts dl.votes').getByRole('link', { name: 'PVV' }).click()
    await page.waitForURL(/\/fracties\/PVV/)
    expect(await page.locator('table.votes-table tbody tr td').allTextContents()).toEqual([
      '11 oktober 2022',
      'Tegen (vergissing)',
      'aangenomen',
      'Motie van de leden Van der Plas en Kostić over de Kamer voor het einde van het jaar informeren over de inzet',
    ])
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 })
      for (const path of ['/fracties/PVV', '/leden/Kosti%C4%87']) {
        await page.goto(`${base}${path}`)
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
        expect(scroll, `${path} at ${width}`).toBeLessThanOrEqual(client)
      }
      await shot(`fractie-${width}`)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    // A member named in a debate's promise has it on their page (`Ik wil de heer Bakker toezeggen …`).
    await page.goto(`${base}/leden/Bakker`)
    expect(await page.locator('#toezeggingen + ul li a').allTextContents()).toEqual([
      'Ik wil de heer Bakker toezeggen dat ik in de brief over het mkb-actieplan inga op de rol van de accountant.',
    ])
    // A bad date in the form is named in Dutch, on a page of its own.
    const bad = await page.goto(`${base}/moties?from=2022-13-45`)
    expect(bad?.status()).toBe(400)
    expect(await page.locator('main').textContent()).toMatch(/datum/i)
  })

  it('shows the agenda of the coming weeks, per day, with a calendar to subscribe to, at 1366 px and at 390 px', async () => {
    const wide: string[] = []
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${base}/agenda`)
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
      if (scroll > client) wide.push(`/agenda at ${width}: ${scroll} px wide`)
      await shot(`agenda-${width}`)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    expect(wide).toEqual([])
    expect(await page.locator('section.agenda-day h2').allTextContents()).toEqual(['2 december 2026', '3 december 2026'])
    const debate = page.locator('li.activity').first()
    expect(await debate.locator('.meta').first().textContent()).toBe('10:00–13:00 · vaste commissie voor Buitenlandse Zaken')
    expect(await debate.locator('ol.agenda-items li').allTextContents()).toEqual(['Inzet bij de Toetsingsconferentie 2022Z09999', 'Rondvraag'])
    await debate.getByRole('link', { name: 'dossier 33783' }).waitFor()
    expect(await page.locator('li.activity').nth(1).locator('.badge').textContent()).toBe('Geannuleerd')
    // The calendar of one committee: each meeting at its times (in UTC), the cancelled one said so.
    const ics = await (await fetch(`${base}/agenda.ics?commissie=BuZa`)).text()
    expect(ics).toContain('DTSTART:20261202T090000Z\r\nDTEND:20261202T120000Z\r\nSUMMARY:Commissiedebat: Non-proliferatie en ontwapening (33783)')
    expect(ics).toContain('SUMMARY:[Geannuleerd] Procedurevergadering')
    expect(ics).toContain('LOCATION:Thorbeckezaal')
    // Another committee has none in these weeks; the form names a bad day in Dutch.
    await page.getByLabel('Commissie').fill('VWS')
    await page.getByRole('button', { name: 'Toon' }).click()
    await page.waitForURL(/commissie=VWS/)
    expect(await page.locator('main').textContent()).toContain('Geen activiteiten opgeslagen voor deze dagen.')
    expect((await page.goto(`${base}/agenda?from=2026-02-30`))?.status()).toBe(400)
    // A committee's name leads to its page: its coming meetings and the moties given to it.
    await page.goto(`${base}/agenda`)
    await page.locator('li.activity').first().getByRole('link', { name: 'vaste commissie voor Buitenlandse Zaken' }).click()
    await page.waitForURL(/\/commissies\/BuZa$/)
    expect(await page.locator('h1').textContent()).toBe('vaste commissie voor Buitenlandse Zaken')
    expect(await page.locator('#komend').textContent()).toBe('De komende weken (2)')
    expect(await page.locator('#commissie-moties + ul li').allTextContents()).toEqual([
      '6 oktober 2022 · Motie van de leden Van der Plas en Kostić over de Kamer voor het einde van het jaar informeren over de inzet',
    ])
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${base}/commissies/BuZa`)
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
      expect(scroll, `/commissies/BuZa at ${width}`).toBeLessThanOrEqual(client)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it("sets the Kamer's register beside the promises read, with kamerwacht's proposal, at 1366 px and at 390 px", async () => {
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${base}/register`)
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
      expect(scroll, `/register at ${width}`).toBeLessThanOrEqual(client)
      await shot(`register-${width}`)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    // The register's promise on the Toetsingsconferentie and the one read in 33783-50: one pair, kept by a later letter.
    const pair = page.locator('#in-beide + ol li.pair').filter({ hasText: 'TZ202205-001' })
    expect(await pair.count()).toBe(1)
    expect(await pair.locator('p.text').nth(1).textContent()).toContain('Ik zal uw Kamer t.z.t. informeren over dit besluit')
    expect(await pair.locator('.candidate').textContent()).toBe('Voorstel van kamerwacht: nagekomen met kst-33783-51')
    expect(await page.locator('#alleen-register').textContent()).toMatch(/Alleen in het register \(\d+\)/)
    // By ministry, and exported for the review.
    await page.getByLabel('Ministerie').fill('Defensie')
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.waitForURL(/ministerie=Defensie/)
    // The form's blank fields (`status=`) are fields not filled in, not a refusal.
    expect(await page.locator('h1').textContent()).toBe('Register van toezeggingen')
    expect(await page.getByLabel('Ministerie').inputValue()).toBe('Defensie')
    expect(await page.locator('#in-beide + ol li.pair').count()).toBe(0)
    const bytes = Buffer.from(await (await fetch(`${base}/register.csv?ministerie=Buitenlandse%20Zaken`)).arrayBuffer())
    // A byte-order mark first, so Dutch Excel reads it as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = bytes.subarray(3).toString('utf8')
    expect(csv.split('\n')[0]).toBe(
      'Waar;Nummer;Ministerie;Status register;Termijn register;Tekst;Stuk;Status kamerwacht;Termijn kamerwacht;Nagekomen volgens kamerwacht;Commissie;Activiteit;Toegezegd aan;Keten',
    )
    expect(csv).toMatch(/beide;TZ202205-001;Buitenlandse Zaken;Openstaand;/)
    // The same through the API, by kamerwacht's status.
    const api = await (await fetch(`${base}/api/register?status=fulfilled`)).json()
    expect(api.agree.map((a: { register: { nummer: string } }) => a.register.nummer)).toEqual(['TZ202205-001'])
    expect(api.agree[0].paper.keptBy).toEqual(['kst-33783-51'])
    expect((await fetch(`${base}/api/register?status=klaar`)).status).toBe(400)
    // By who made it (the register's Naam and Functie) and by the day they are due (a year taken whole).
    const nrs = async (q: string) => {
      const r = await (await fetch(`${base}/api/register?${q}`)).json()
      return [...r.agree.map((a: { register: { nummer: string } }) => a.register.nummer), ...r.onlyRegister.map((e: { nummer: string }) => e.nummer)].sort()
    }
    expect(await nrs('door=Weerwind')).toEqual(['TZ202301-014', 'TZ202306-020'])
    expect(await nrs('door=rechtsbescherming')).toEqual(['TZ202301-014', 'TZ202306-020'])
    expect(await nrs('voor=2023')).toEqual(['TZ202301-014'])
    expect(await nrs('voor=2024-06-01')).toEqual(['TZ202301-014', 'TZ202306-020', 'TZ202401-101'])
    // By the committee whose debate it was made in, and by the fractie or member it was made to.
    expect(await nrs('commissie=J%26V')).toEqual(['TZ202301-014'])
    expect(await nrs('fractie=SP')).toEqual(['TZ202401-101'])
    expect(await nrs('lid=jansen')).toEqual(['TZ202401-101'])
    const jansen = await (await fetch(`${base}/api/register?lid=jansen`)).json()
    expect([...jansen.agree.map((a: { register: unknown }) => a.register), ...jansen.onlyRegister][0]).toMatchObject({
      activiteit: { nummer: '2024A00101', commissie: { afkorting: 'VWS' } },
      toegezegdAan: [{ lid: 'Jansen', fractie: 'SP' }],
    })
    expect((await fetch(`${base}/api/register?voor=2024-13-01`)).status).toBe(400)
    // Oldest first, what has been open longest leading a review: the register's by the day made, the papers' by their day.
    const whole = await (await fetch(`${base}/api/register`)).json()
    const papersDays = whole.onlyPapers.map((p: { date: string }) => p.date)
    expect(papersDays.length).toBeGreaterThan(1)
    for (const days of [whole.onlyRegister.map((e: { made: string }) => e.made), papersDays]) expect(days).toEqual([...days].sort())
    // A record shows its debate with the committee's page, whom it was made to, and its chain as links on the page.
    await page.goto(`${base}/register`)
    const record = (nummer: string) => page.locator('li', { has: page.locator('code', { hasText: new RegExp(`^${nummer}$`) }) })
    const changed = record('TZ202301-014')
    expect(await changed.locator('p.kamer').textContent()).toBe(
      'Gedaan in: Commissiedebat Kansspelen van de vaste commissie voor Justitie en Veiligheid (19 januari 2023) · Toegezegd aan: CDA · Gewijzigd in TZ202306-020',
    )
    await changed.getByRole('link', { name: 'TZ202306-020' }).click()
    await page.waitForURL(/#tz-/)
    expect(await page.locator(':target').textContent()).toContain('TZ202306-020')
    await page.getByLabel('Toegezegd aan fractie').fill('SP')
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.waitForURL(/fractie=SP/)
    const toJansen = record('TZ202401-101')
    expect(await toJansen.locator('p.kamer a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/commissies/VWS',
      '/leden/Jansen',
      '/fracties/SP',
    ])
    expect(await page.locator('li:has(p.kamer)').count()).toBe(1)
    await page.goto(`${base}/register?door=Hoekstra`)
    expect(await page.getByLabel('Gedaan door').inputValue()).toBe('Hoekstra')
    expect(await page.locator('#in-beide + ol li.pair').count()).toBe(1)
    await page.goto(`${base}/commitments`)
    await page.getByRole('link', { name: 'Het register van de griffie ernaast' }).click()
    await page.waitForURL(/\/register$/)
  })

  it('can be used with the keyboard alone: a skip link first, then the navigation', async () => {
    await page.goto(`${base}/`)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud')
  })
})
