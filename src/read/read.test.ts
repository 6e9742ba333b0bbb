import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusFile, needsShared, ROOT, skipWithoutShared } from '../test-support/paths.js'
import { detectForm, repairMojibake } from './detect.js'
import { ReadError, readSource } from './index.js'
import { hasPoppler, type PdfEngine } from './pdf.js'
import { splitLines, wrappedParagraphs } from './raw.js'

const enc = (s: string) => new TextEncoder().encode(s)
const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'bad', name))

describe('detectForm: from content, not the extension', () => {
  const cases: Array<[string, string]> = [
    ['dev/33783-50.txt', 'kamerstuk-pdf-text'],
    ['dev/29984-297.pdf.txt', 'kamerstuk-pdf-text'],
    ['dev/31409-383.pdftext.txt', 'kamerstuk-pdf-text'],
    ['dev/kamerbrief-EZK-2023-05-30-herijkte-missies-innovatiebeleid.pdftext.txt', 'letterhead-pdf-text'],
    ['dev/kamerbrief-IenW-2023-02-03-NPCE-circulaire-economie.pdftext.txt', 'letterhead-pdf-text'],
    ['dev/21501-02-1581.obpage.txt', 'web-page-text'],
    ['dev/34700-65.tk-html-text.txt', 'web-page-text'],
    ['dev/34775-A-52.rijksbegroting-html-text.txt', 'web-page-text'],
    ['dev/32733-36.pdf', 'pdf'],
    ['raw/36410-XVI-96.xml', 'official-xml'],
    ['raw/21501-02-3188.zaak.json', 'open-data'],
  ]
  // The dev letters carried in examples/ run everywhere; the other files need ../shared.
  it.each(cases.filter(([file]) => !needsShared(file)))('%s → %s', (file, form) => {
    expect(detectForm(readFileSync(corpusFile(file))).form).toBe(form)
  })
  it.skipIf(skipWithoutShared).each(cases.filter(([file]) => needsShared(file)))('%s → %s', (file, form) => {
    expect(detectForm(readFileSync(corpusFile(file))).form).toBe(form)
  })

  it.skipIf(skipWithoutShared)('reads Handelingen XML behind a mangled byte-order mark as XML', async () => {
    const xml = readFileSync(corpusFile('raw', 'h-tk-20172018-50-1.xml'))
    const body = xml.subarray(xml[0] === 0xef && xml[1] === 0xbb && xml[2] === 0xbf ? 3 : 0)
    // `ï»¿` written as UTF-8 (a BOM read as Windows-1252 and saved again), a BOM twice, a lone U+FFFD.
    for (const junk of [
      [0xc3, 0xaf, 0xc2, 0xbb, 0xc2, 0xbf],
      [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf],
      [0xef, 0xbf, 0xbd],
    ]) {
      const bytes = new Uint8Array([...junk, ...body])
      expect(detectForm(bytes).form).toBe('official-xml')
      const raw = await readSource(bytes)
      expect(raw.form).toBe('official-xml')
      expect(raw.text).not.toContain('<')
    }
  })

  it('detects HTML by its markup', () => {
    expect(detectForm(enc('<!DOCTYPE html><html><body><div class="stuk"><p>x</p></div></body></html>')).form).toBe('web-page-html')
  })
})

/** Reads `bytes` and returns the ReadError it fails with. */
async function failure(bytes: Uint8Array): Promise<ReadError> {
  try {
    await readSource(bytes)
  } catch (e) {
    if (e instanceof ReadError) return e
    throw e
  }
  throw new Error('expected a ReadError')
}

describe('bad input gets one clear line, bounded in time and memory', () => {
  it('empty file', async () => {
    expect((await failure(new Uint8Array())).message).toBe('empty file')
    expect((await failure(enc('  \n\n '))).code).toBe('empty')
  })

  it('binary file', async () => {
    const e = await failure(randomBytes(4096))
    expect(e.code).toBe('binary')
    expect(e.message).not.toContain('\n')
  })

  it('50 MB of random text is refused by size before any parsing', async () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz      \n'
    const big = new Uint8Array(50 * 1024 * 1024)
    const seed = randomBytes(65536)
    for (let i = 0; i < big.length; i++) big[i] = letters.charCodeAt((seed[i & 65535] as number) % letters.length)
    const heapBefore = process.memoryUsage().heapUsed
    const e = await failure(big)
    expect(e.code).toBe('too-large')
    expect(e.message).toMatch(/50\.0 MB, over the 25\.0 MB limit/)
    // Refused without decoding 50 MB into a string (that alone would be 100 MB of heap).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024)
  })

  it('a long text without paragraphs (8 MB of words) is read in time linear in its size', async () => {
    // Regression: two steps once looked at the whole paragraph (or every role-like line) per line: quadratic.
    const words = ['de', 'minister', 'zal', 'kamer', 'begroting', 'lidstaten', 'veiligheid', 'nucleaire', 'brief', 'het']
    const lines: string[] = []
    for (let i = 0; lines.length * 70 < 8 * 1024 * 1024; i++) lines.push(Array.from({ length: 10 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' '))
    const raw = await readSource(enc(lines.join('\n')))
    const { normalize, loadDutchLexicon } = await import('../normalize/index.js')
    const clean = normalize(raw, { lexicon: await loadDutchLexicon() })
    expect(clean.text.length).toBeGreaterThan(7 * 1024 * 1024)
  }, 60_000)

  it.skipIf(skipWithoutShared)('truncated XML', async () => {
    const xml = readFileSync(corpusFile('raw', '36410-XVI-96.xml'), 'utf8')
    const e = await failure(enc(xml.slice(0, Math.floor(xml.length / 2))))
    expect(e.code).toBe('xml-invalid')
    expect(e.message).toMatch(/^XML is not well-formed: /)
  })

  it('XML with an external entity (XXE) is refused without opening the file', async () => {
    const xxe =
      '<?xml version="1.0"?>\n<!DOCTYPE officiele-publicatie [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<officiele-publicatie><kamerstuk><al>&x;</al></kamerstuk></officiele-publicatie>'
    const e = await failure(enc(xxe))
    expect(e.code).toBe('xml-entities')
    expect(e.message).not.toContain('root:')
  })

  it('XML with exponential entity expansion ("billion laughs") is refused at once', async () => {
    const lol = ['<!ENTITY a "lol">']
    for (let i = 1; i < 10; i++) lol.push(`<!ENTITY ${String.fromCharCode(97 + i)} "${`&${String.fromCharCode(96 + i)};`.repeat(10)}">`)
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE officiele-publicatie [${lol.join('')}]>\n<officiele-publicatie><al>&j;</al></officiele-publicatie>`
    const started = Date.now()
    const e = await failure(enc(bomb))
    expect(e.code).toBe('xml-entities')
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('XML that is no official publication', async () => {
    expect((await failure(enc('<?xml version="1.0"?><rss><channel/></rss>'))).message).toBe(
      'XML root <rss> is not an official publication (<officiele-publicatie>) or a Tweede Kamer report (<vlosCoreDocument>)',
    )
  })

  it.skipIf(skipWithoutShared)('JSON that is no open-data record, and an OData page of many records', async () => {
    expect((await failure(enc('{"hello": 1}'))).code).toBe('open-data-unknown')
    expect((await failure(readFileSync(corpusFile('raw', 'odata-Zaak-page-506.json')))).message).toMatch(/holds 250 records/)
    expect((await failure(enc('{"broken": '))).code).toBe('json-invalid')
  })

  const engines: PdfEngine[] = ['js', ...(hasPoppler() || process.env.CI ? (['poppler'] as const) : [])]
  describe.each(engines)('PDF through %s', (engine) => {
    it('corrupt PDF', async () => {
      const e = await readSource(fixture('corrupt.pdf'), { pdfEngine: engine }).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(ReadError)
      expect((e as ReadError).code).toMatch(/^pdf-(corrupt|no-text)$/)
      expect((e as ReadError).message).not.toContain('\n')
    })

    it('password-protected PDF', async () => {
      const e = await readSource(fixture('password.pdf'), { pdfEngine: engine }).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(ReadError)
      expect((e as ReadError).code).toBe('pdf-encrypted')
      expect((e as ReadError).message).toBe('PDF is password-protected; kamerwacht cannot read encrypted papers')
    })
  })
})

describe('a Handelingen item without its own title', () => {
  // The sitting's opening and closing have no <item-titel>: the Kamer's sites call them Opening and Sluiting.
  it.each([
    ['opening', 'Opening'],
    ['sluiting', 'Sluiting'],
  ])('<%s> is titled %s', async (tag, title) => {
    const xml = `<?xml version="1.0"?>\n<officiele-publicatie><handelingen><vergadering><vergadering-nummer>50e vergadering</vergadering-nummer><vergaderdatum>Donderdag 8 februari 2018</vergaderdatum></vergadering><${tag}><nr>1</nr><tekst><al-groep><al>Voorzitter: Arib</al></al-groep></tekst></${tag}></handelingen></officiele-publicatie>`
    expect((await readSource(new TextEncoder().encode(xml))).hints.title).toBe(title)
  })

  it('an item with its own title keeps it', async () => {
    const xml =
      '<?xml version="1.0"?>\n<officiele-publicatie><handelingen><agendapunt><nr>3</nr><item-titel>Vragenuur</item-titel><tekst><al-groep><al>Ik geef het woord.</al></al-groep></tekst></agendapunt></handelingen></officiele-publicatie>'
    expect((await readSource(new TextEncoder().encode(xml))).hints.title).toBe('Vragenuur')
  })
})

describe('PDF engines give the same text', () => {
  it.runIf(hasPoppler() || process.env.CI)('pdftotext -raw and pdf.js agree on a typeset Kamerstuk', async () => {
    const pdf = readFileSync(corpusFile('dev', '32733-36.pdf'))
    const a = await readSource(pdf, { pdfEngine: 'poppler' })
    const b = await readSource(pdf, { pdfEngine: 'js' })
    const lines = (t: string) =>
      t
        .split(/\n|\f/)
        .map((l) => l.trim())
        .filter(Boolean)
    expect(lines(b.text)).toEqual(lines(a.text))
  })
})

describe('repairMojibake: UTF-8 once decoded as Windows-1252 and written out again', () => {
  it.each([
    [
      'Ik heb uw Kamer geÃ¯nformeerd over de brief van de heer WÃ¶rsdÃ¶rfer â€“ zie ook ons overleg.',
      'Ik heb uw Kamer geïnformeerd over de brief van de heer Wörsdörfer – zie ook ons overleg.',
    ],
    // Latin-1 as the wrong decoding: the C1 controls stand for the bytes.
    ['WÃ¶rsdÃ¶rfer, geÃ¯nformeerd, â\u0080\u0093 en CafÃ©', 'Wörsdörfer, geïnformeerd, – en Café'],
  ])('%s', (broken, whole) => {
    expect(repairMojibake(broken)).toBe(whole)
  })

  it('leaves text alone that has few of its marks, or that is no valid UTF-8 once encoded back', () => {
    for (const text of ['SÃO PAULO en Ã¶ in één woord', 'WÃ¶rsdÃ¶rfer WÃ¶rsdÃ¶rfer WÃ¶rsdÃ¶rfer en Łódź', 'Ã Ã Ã Ã']) expect(repairMojibake(text)).toBe(text)
  })
})

describe('web page copies: one paragraph a line, or wrapped', () => {
  // Whole page copies of the corpus: the tweedekamer.nl copies wrap at about 90–110 characters, the
  // officielebekendmakingen.nl copies give one paragraph a line.
  it.skipIf(skipWithoutShared).each([
    ['genres/tk-2022D31072.obpage.txt', false],
    ['genres/29826-216.obpage.txt', false],
    ['genres/35510-130.obpage.txt', true],
    ['letters/32123-VIII-15.obpage.txt', true],
  ])('%s: paragraph lines %s', async (file, paragraphLines) => {
    const raw = await readSource(readFileSync(corpusFile(file)))
    expect(raw.form).toBe('web-page-text')
    expect(raw.paragraphLines).toBe(paragraphLines)
  })

  it('a parlementairemonitor.nl copy is a web page: its facts block says so', async () => {
    const page =
      'Memorie van toelichting\nInhoudsopgave\n1.\tKerngegevens\n2.\tTekst\nKenmerk\t33820, nr. 3\nExterne link\torigineel bericht\n2.\nTekst\nMEMORIE VAN TOELICHTING\nDit wetsvoorstel strekt tot implementatie van de richtlijn.\n'
    expect((await readSource(new TextEncoder().encode(page))).form).toBe('web-page-text')
    // A printed paper whose table of contents has a `Kerngegevens` chapter somewhere is not.
    const printed =
      'Tweede Kamer der Staten-Generaal\nVergaderjaar 2013–2014\n33 820 Wijziging van de Wet\nNr. 3 MEMORIE VAN TOELICHTING\nInhoud: 1. Kerngegevens van het voorstel\n'
    expect((await readSource(new TextEncoder().encode(printed))).form).toBe('kamerstuk-pdf-text')
  })

  it('a page whose sentences run on over lines is wrapped; one whose lines end their sentences is not', () => {
    const wrapped = [
      'Voor het behalen van de energie- en klimaatdoelen van Nederland is tijdige realisatie van',
      'energie-infrastructuur cruciaal. De Delta Rhine Corridor is één van deze cruciale projecten en',
      'het kabinet zal rond de zomer van 2025 besluiten over het vervolg van het project met de',
      'initiatiefnemers, na overleg met de regio en de netbeheerders, zoals ik u eerder schreef in',
      'mijn brief van 27 juni jl.',
    ].join('\n')
    expect(wrappedParagraphs(splitLines(wrapped))).toBe(true)
    const oneALine = [
      'Voor het behalen van de energie- en klimaatdoelen van Nederland is tijdige realisatie van energie-infrastructuur cruciaal.',
      'De Delta Rhine Corridor is één van deze cruciale infrastructuurprojecten waarover ik uw Kamer eerder heb geïnformeerd.',
      'Het kabinet zal rond de zomer van 2025 besluiten over het vervolg van het project met de initiatiefnemers.',
      'Stand van zaken',
      'in de regio wordt overlegd met de netbeheerders over de planning van de leidingen en kabels.',
    ].join('\n')
    expect(wrappedParagraphs(splitLines(oneALine))).toBe(false)
  })
})
