import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { readSource } from '../read/index.js'
import { type CleanText, type Lexicon, loadDutchLexicon, normalize, toSourceOffset } from './index.js'

let lexicon: Lexicon
beforeAll(async () => {
  lexicon = await loadDutchLexicon()
})

async function clean(text: string): Promise<CleanText & { source: string }> {
  const raw = await readSource(new TextEncoder().encode(text))
  return { ...normalize(raw, { lexicon }), source: raw.text }
}

const PRINTED_HEAD =
  'Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2015–2016\n21 501-02 Raad Algemene Zaken\nNr. 1581 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 29 januari 2016\n'
const BODY = 'Op 19 januari jl. is de Kamer de toezegging gedaan contact te leggen met de\nEuropese Commissie over het verzoek.\n'

describe('page furniture', () => {
  // [furniture line, where it occurs]
  const furniture: Array<[string, string]> = [
    ['kst-21501-02-1581 ISSN 0921 - 7371 ’s-Gravenhage 2016', 'colophon of a printed Kamerstuk, one line'],
    ['kst-31409-383', 'colophon id on its own line'],
    ['ISSN 0921 - 7371', 'colophon ISSN'],
    ['’s-Gravenhage 2023', 'colophon place and year'],
    ['Tweede Kamer, vergaderjaar 2015–2016, 21 501-02, nr. 1581 1', 'running foot with page number'],
    ['Eerste Kamer, vergaderjaar 2013–2014, CII, G 1', 'Eerste Kamer running foot'],
    ['Pagina 2 van 7', 'letterhead page number'],
    ['P agina 6 van 7', 'letterhead page number split by the PDF'],
  ]
  it.each(furniture)('removes %j (%s)', async (line) => {
    const c = await clean(`${PRINTED_HEAD}${BODY}${line}\n`)
    expect(c.text).not.toContain(line.replace('’', "'"))
    expect(c.text).toContain('Europese Commissie over het verzoek.')
  })

  it('reads dossier and nr from the running foot before dropping it', async () => {
    const c = await clean(`Nr. 1581 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n${BODY}Tweede Kamer, vergaderjaar 2015–2016, 21 501-02, nr. 1581 1\n`)
    expect(c.facts).toMatchObject({ dossier: '21501-02', ondernummer: '1581', vergaderjaar: '2015-2016', kamer: 'Tweede Kamer' })
  })

  // A printed Handelingen page's running head, on one line or (as some PDF tools give it) on two.
  const handelingenHeads: Array<[string, string]> = [
    ['one line', 'Tweede Kamer Vragen Kostić 8 februari 2024 TK 45 45-4-1'],
    ['two lines', 'Tweede Kamer Vragen Kostić 8 februari 2024\nTK 45 45-4-1'],
  ]
  it.each(handelingenHeads)('reads the sitting from a Handelingen running head on %s, and drops it', async (_, head) => {
    const body = '(Zie vergadering van 31 januari 2024.)\nMinister Adema:\nVoorzitter. Ik zal de Kamer voor de zomer een brief sturen.\n'
    const c = await clean(`Vragen Kostić\n${body}${head}\nDe voorzitter:\nDank u wel.\n${head.replace('45-4-1', '45-4-2')}\n`)
    expect(c.facts).toEqual({ kamer: 'Tweede Kamer', date: '2024-02-08', vergaderjaar: '2023-2024', paperId: 'h-tk-20232024-45-4' })
    expect(c.text).not.toContain('TK 45')
    expect(c.text).not.toContain('8 februari 2024')
  })

  // A parlementairemonitor.nl copy: its facts above the paper's text, with a soft hyphen in the labels.
  const monitorHead = (kenmerk: string) =>
    `Memorie van toelichting\nInhoudsopgave\n1.\tKerngegevens\n2.\tTekst\nOfficiële titel\tWijziging van de Wet op het financieel toezicht; Memorie van toelichting\nDocument\u00addatum\t13-01-2014\nPublicatie\u00addatum\t13-01-2014\nNummer\tKST33820003\nKenmerk\t${kenmerk}\nExterne link\torigineel bericht\nOriginele document in PDF\n2.\nTekst\n`
  const monitor: Array<[string, Partial<Record<string, string>>]> = [
    ['33820, nr. 3', { paperId: 'kst-33820-3', dossier: '33820', ondernummer: '3' }],
    ['21501-31, nr. 207', { paperId: 'kst-21501-31-207', dossier: '21501-31', ondernummer: '207' }],
    ['36600-B, nr. K', { paperId: 'kst-36600-B-K', dossier: '36600-B', ondernummer: 'K' }],
  ]
  it.each(monitor)('reads a parlementairemonitor.nl copy’s Kenmerk %j as the paper’s own, and drops its facts', async (kenmerk, ids) => {
    const c = await clean(`${monitorHead(kenmerk)}Dit wetsvoorstel strekt tot implementatie van richtlijn 2013/36/EU (Kamerstuk 33 820, nr. 2).\n`)
    expect(c.facts).toEqual({ ...ids, date: '2014-01-13', title: 'Wijziging van de Wet op het financieel toezicht; Memorie van toelichting' })
    for (const gone of ['Kenmerk', 'Kerngegevens', 'KST33820003', 'origineel bericht', 'Inhoudsopgave', 'in PDF']) expect(c.text).not.toContain(gone)
    expect(c.text).toContain('(Kamerstuk 33 820, nr. 2)')
  })

  // An Aanhangsel page's head as PDF tools run it together, and spaced; the years must follow each other.
  const aanhangsel: Array<[string, Record<string, string> | null]> = [
    ['Tweede Kamer der Staten-Generaal2014-20151365', { kamer: 'Tweede Kamer', vergaderjaar: '2014-2015', paperId: 'ah-tk-20142015-1365' }],
    ['Tweede Kamer der Staten-Generaal 2022–2023 591', { kamer: 'Tweede Kamer', vergaderjaar: '2022-2023', paperId: 'ah-tk-20222023-591' }],
    ['Eerste Kamer der Staten-Generaal2000-200112', { kamer: 'Eerste Kamer', vergaderjaar: '2000-2001', paperId: 'ah-ek-20002001-12' }],
    ['Tweede Kamer der Staten-Generaal2014-20161365', null],
  ]
  it.each(aanhangsel)('reads the Aanhangsel head %j', async (head, facts) => {
    const c = await clean(
      `${head}\nVragen van het lid Van Tongeren (GroenLinks) aan de Minister van Economische Zaken over de gaswinning (ingezonden 12 december 2014).\nAntwoord van Minister Kamp (Economische Zaken) (ontvangen 20 januari 2015).\nAanhangsel Handelingen II 2014/15 1\n`,
    )
    if (facts) {
      expect(c.facts).toEqual(facts)
      expect(c.text).not.toContain('Staten-Generaal')
    } else expect(c.facts.paperId).toBeUndefined()
    expect(c.text).not.toContain('Aanhangsel Handelingen II')
  })

  it('drops only the facts block of a parlementairemonitor.nl copy: a list’s numbers further down stay, and a page without the block keeps its lines', async () => {
    const list = 'De maatregelen zijn de volgende.\n1.\nDe eerste maatregel betreft de kapitaaleisen.\n2.\nDe tweede maatregel betreft het toezicht.\n'
    const monitor = await clean(`${monitorHead('33820, nr. 3')}${list}`)
    expect(monitor.facts.paperId).toBe('kst-33820-3')
    expect(monitor.text).toMatch(/1\.\s+De eerste maatregel/)
    expect(monitor.text).toMatch(/2\.\s+De tweede maatregel/)
    // A tweedekamer.nl page (no `1. Kerngegevens`): `Tekst` and `Inhoudsopgave` are its own words.
    const other = await clean(`Naar boven\nInhoudsopgave\nTekst\n${list}`)
    expect(other.text).toContain('Inhoudsopgave')
    expect(other.facts.paperId).toBeUndefined()
  })

  it('keeps a sentence that ends in a date when no sitting numbers follow it', async () => {
    const c = await clean(`${PRINTED_HEAD}Tweede Kamer en regering spraken erover op 8 februari 2024\nTK-leden waren aanwezig.\n`)
    expect(c.text).toContain('8 februari 2024')
    expect(c.facts.date).toBeUndefined()
  })

  it('keeps body lines that only look like furniture', async () => {
    const c = await clean(`${PRINTED_HEAD}De brief van 2 juni is verzonden aan het kst-team.\nPagina 2 van het rapport bevat de cijfers.\n`)
    expect(c.text).toContain('Pagina 2 van het rapport bevat de cijfers.')
  })
})

describe('reflow', () => {
  it('bridges a blank line inside a sentence and keeps paragraphs apart (33783-50)', async () => {
    const c = await clean(
      [
        ' Nr. 50  BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN ',
        '',
        'Den Haag, 27 mei 2022 ',
        '',
        'In deze context zal het kabinet tijdens de NPV Toetsingsconferentie in ',
        'augustus 2022 extra nadruk leggen op: ',
        '– Veroordeling van de onaanvaardbare dreigementen van President ',
        '',
        'Putin betreffende mogelijk gebruik van kernwapens. Herbevestiging ',
        'door alle NPV lidstaten dat non-use de norm is. ',
        '',
        'Data ',
        '',
        'De NPV Toetsingsconferentie is herhaaldelijk uitgesteld door COVID-19. ',
      ].join('\n'),
    )
    expect(c.text).toContain('– Veroordeling van de onaanvaardbare dreigementen van President Putin betreffende mogelijk gebruik van kernwapens.')
    expect(c.text).toContain('\n\nData\n\nDe NPV Toetsingsconferentie')
    expect(c.blocks.find((b) => c.text.slice(b.span.start, b.span.end) === 'Data')?.role).toBe('heading')
  })

  it('moves footnotes to the end so a sentence runs on across the page (letterhead)', async () => {
    const c = await clean(
      [
        '> Retouradres Postbus 20401 2500 EK Den Haag',
        'De Voorzitter van de Tweede Kamer',
        'der Staten-Generaal',
        'Datum 30 mei 2023',
        'Betreft Herijkte missies',
        'Geachte Voorzitter,',
        'In de eerdere Kamerbrief Innovatie en Impact, van 11 november jl.1, heb ik de inzet van dit kabinet op',
        'innovatie toegelicht. We gaan daarom door met deze aanpak, en',
        '1 Kamerstuk 33009, nr. 117.',
        'Directoraat-generaal',
        'Bedrijfsleven & Innovatie',
        'Ons kenmerk',
        'DGBI / 26844711',
        'Pagina 1 van 2',
        'Directoraat-generaal',
        'Bedrijfsleven & Innovatie',
        'Ons kenmerk',
        'DGBI / 26844711',
        'we zien ook mogelijkheden om deze verder te verbeteren.',
        'Pagina 2 van 2',
      ].join('\n'),
    )
    expect(c.text).toContain('We gaan daarom door met deze aanpak, en we zien ook mogelijkheden')
    expect(c.text).not.toContain('Directoraat-generaal')
    const note = c.blocks.find((b) => b.role === 'footnote')
    expect(note?.label).toBe('1')
    expect(c.text.slice(note?.span.start, note?.span.end)).toBe('1 Kamerstuk 33009, nr. 117.')
  })

  it('drops the sidebar of a one-page letterhead, which has nothing to repeat', async () => {
    const c = await clean(
      [
        '> Retouradres Postbus 20401 2500 EK Den Haag',
        'De Voorzitter van de Tweede Kamer',
        'der Staten-Generaal',
        'Datum 12 maart 2024',
        'Betreft Voortgang',
        'Geachte voorzitter,',
        'Hierbij informeer ik u over de voortgang van het programma. Het kabinet zet de ingezette lijn voort',
        'en rapporteert over de resultaten in het voorjaar.',
        'Bezoekadres',
        'Bezuidenhoutseweg 73',
        '2594 AC Den Haag',
        'Ons kenmerk',
        'DGBI / 12345678',
        'Pagina 1 van 1',
      ].join('\n'),
    )
    expect(c.text).toContain('Het kabinet zet de ingezette lijn voort en rapporteert over de resultaten in het voorjaar.')
    expect(c.text).not.toContain('Bezuidenhoutseweg')
    expect(c.text).not.toContain('Ons kenmerk')
  })

  // The shape of a letter as ministries publish them today (2025–2026), as pdftotext -raw gives it:
  // the page number at the head, the sidebar between Betreft and the salutation, a role wrapped over
  // two lines over a full name, and footnote numbers on lines of their own.
  const TODAY_LETTER = [
    'Pagina 1 van 2',
    '> Retouradres Postbus 20350 2500 EJ Den Haag',
    'De Voorzitter van de Tweede Kamer',
    'der Staten-Generaal',
    'Postbus 20018',
    '2500 EA DEN HAAG',
    'Datum 8 september 2025',
    'Betreft Aanbieding van het akkoord',
    'Bezoekadres',
    'Parnassusplein 5',
    '2511 VX Den Haag',
    'www.rijksoverheid.nl',
    'Kenmerk',
    '4204015-1087289-PDIZA',
    'Bijlage(n)',
    '1',
    'Geachte voorzitter,',
    'Hierbij bied ik u het akkoord aan, zoals gevraagd in de motie van het lid De Korte1 over de',
    'registratielast.',
    'Pagina 2 van 2',
    'Kenmerk',
    '4204015-1087289-PDIZA',
    'Met partijen zal ik de voortgang bewaken en uw Kamer hierover informeren.',
    'Hoogachtend,',
    'de minister van Volksgezondheid,',
    'Welzijn en Sport,',
    'Sophie Hermans',
    '1',
    'Kst. 36 725, nr. 29.',
  ].join('\n')

  it('reads a letterhead of today: the salutation is no sidebar value, the page number heads the page, footnote numbers stand alone', async () => {
    const c = await clean(TODAY_LETTER)
    const roles = (role: string) => c.blocks.filter((b) => b.role === role).map((b) => c.text.slice(b.span.start, b.span.end))
    expect(roles('salutation')[0]).toBe('Geachte voorzitter,')
    expect(roles('dateline')).toEqual(['Datum 8 september 2025'])
    expect(roles('title')).toEqual(['Betreft Aanbieding van het akkoord'])
    expect(c.text).not.toContain('Parnassusplein')
    expect(c.text).not.toContain('PDIZA')
    expect(roles('footnote')).toEqual(['Kst. 36 725, nr. 29.'])
    expect(c.blocks.find((b) => b.role === 'footnote')?.label).toBe('1')
    expect(roles('signature-role')).toEqual(['de minister van Volksgezondheid,', 'Welzijn en Sport,'])
    expect(roles('signature-name')).toEqual(['Sophie Hermans'])
    expect(c.blocks.find((b) => b.role === 'signature-name')?.page).toBe(2)
  })

  it('drops a sidebar that the PDF put between two lines of a sentence, spaced out and without a label', async () => {
    // As pdftotext gives the IenW letter of 3 February 2023: `… afhankelijk we als Nederland zijn van andere` /
    // the sidebar's postbox, postcode and phone numbers / `landen voor onze grondstoffen`.
    const c = await clean(
      [
        '> Retouradres Postbus 20901 2500 EX Den Haag',
        'De voorzitter van de Tweede Kamer',
        'der Staten-Generaal',
        'Datum 3 februari 2023',
        'Betreft Circulaire economie',
        'Geachte voorzitter,',
        'De oorlog maakt eens te meer duidelijk hoe afhankelijk we als Nederland zijn van andere',
        'Postbus 20901',
        '2 5 00 E X Den Haag',
        'T 0 7 0-456 0000',
        'F 0 7 0-456 1111',
        'landen voor onze grondstoffen. Versnellen van de transitie is daarom hard nodig.',
      ].join('\n'),
    )
    expect(c.text).toContain('hoe afhankelijk we als Nederland zijn van andere landen voor onze grondstoffen.')
    expect(c.text).not.toContain('0 7 0-456')
    // The head keeps its own postal lines: the rule holds in the body only.
    expect(c.text).toContain('> Retouradres Postbus 20901 2500 EX Den Haag')
  })

  it('reads a letterhead date whose label stands on a line of its own', async () => {
    const c = await clean(
      [
        '> Retouradres Postbus 20401 2500 EK Den Haag',
        'De Voorzitter van de Tweede Kamer',
        'der Staten-Generaal',
        'Datum',
        '12 maart 2024',
        'Betreft',
        'Voortgang van het programma',
        'Geachte voorzitter,',
        'Hierbij informeer ik u.',
      ].join('\n'),
    )
    const dateline = c.blocks.find((b) => b.role === 'dateline')
    expect(c.text.slice(dateline?.span.start, dateline?.span.end)).toBe('12 maart 2024')
    const title = c.blocks.find((b) => b.role === 'title')
    expect(c.text.slice(title?.span.start, title?.span.end)).toBe('Voortgang van het programma')
  })

  it('mends words a PDF split with a stray space in letterhead text', async () => {
    const c = await clean(
      '> Retouradres Postbus 20901 2500 EX D en Haag\nDe voorzitter van de Tweede Kamer\nDatum 3 februari 2023\nBetreft NPCE\nGeachte voorzitter,\nHet Ministerie van Inf rastructuur werkt naa r een circulaire economie, zo a ls w e weten (UP V).\n',
    )
    expect(c.text).toContain('Het Ministerie van Infrastructuur werkt naar een circulaire economie, zo als we weten (UPV).')
  })

  it('folds quote, dash, ligature and bullet variants', async () => {
    const c = await clean('Geachte voorzitter,\n\uF0B7 de “of\uFB01ciële” weg\u2011kaart’s\n')
    expect(c.text).toContain('• de "officiële" weg-kaart\'s')
  })
})

describe('offset map', () => {
  it('maps every copied character back to the same character in the source', async () => {
    const c = await clean(
      `${PRINTED_HEAD}Met verwijzing naar het verzoek van de Vaste Kamercommissie Buiten-\nlandse Zaken om de ﬁnale lijst van de NPV-\nlidstaten te informeren.\n`,
    )
    expect(c.text).toContain('Kamercommissie Buitenlandse Zaken om de finale lijst van de NPV-lidstaten te informeren.')
    for (let i = 0; i < c.text.length; i++) {
      const ch = c.text[i] as string
      if (!/\p{L}/u.test(ch)) continue
      const src = c.source[toSourceOffset(c.offsetMap, i)] as string
      // The ligature `ﬁ` became `fi`: both letters map to the one source character.
      expect(src === 'ﬁ' ? 'fi'.includes(ch) : src === ch).toBe(true)
    }
  })
})

describe('property: normalizing keeps every word of the source, in order', () => {
  const words = [
    'de',
    'minister',
    'zal',
    'uw',
    'Kamer',
    'informeren',
    'over',
    'toetsingsconferentie',
    'het',
    'kabinet',
    'verwacht',
    'begroting',
    'lidstaten',
    'veiligheid',
    'nucleaire',
    'ontwapening',
    'brief',
    'en',
    'van',
  ]
  const letters = (s: string) => s.replace(/[^\p{L}]/gu, '')
  it('holds for wrapped, hyphen-broken text with blank lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...words), { minLength: 5, maxLength: 120 }),
        fc.integer({ min: 25, max: 70 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        async (ws, width, cuts) => {
          // Typeset: wrap at `width`, break some long words over the line with a hyphen, add blank lines.
          const lines: string[] = []
          let line = ''
          ws.forEach((w, k) => {
            const cut = cuts[k % Math.max(cuts.length, 1)] ?? 0
            if (line.length + w.length + 1 > width && w.length > 6 && cut % 3 === 0) {
              const at = 3 + (cut % (w.length - 5))
              lines.push(`${line} ${w.slice(0, at)}-`.trim())
              line = w.slice(at)
            } else if (line.length + w.length + 1 > width) {
              lines.push(line)
              if (cut % 7 === 1) lines.push('')
              line = w
            } else line = line ? `${line} ${w}` : w
          })
          lines.push(`${line}.`)
          const c = await clean(lines.join('\n'))
          expect(letters(c.text)).toBe(letters(ws.join(' ')))
        },
      ),
      { numRuns: 150 },
    )
  })
})
