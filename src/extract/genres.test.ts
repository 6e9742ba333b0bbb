// The kinds of paper beside ministers' letters (issue 27), as their real heads are printed: each rule with the
// near-miss it must leave alone. The real papers are scored by `npm run eval` (genres) and test/accuracy.test.ts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createContext, type PipelineContext, readDocument } from '../pipeline.js'
import { sideBySide } from '../structure/index.js'
import { ROOT } from '../test-support/paths.js'
import { findDates } from './dates.js'
import { answerHead, answerTitle, decisionsTitle, letterPurpose, untitledLetter } from './metadata.js'
import { findReferences } from './references.js'

let ctx: PipelineContext
beforeAll(async () => {
  ctx = await createContext()
})
const read = (text: string) => readDocument(new TextEncoder().encode(text), 'x.txt', ctx)

describe('a committee’s verslag: its date and signers are at its head', () => {
  const verslag = (date: string, signers: string) =>
    `35 510 Parlementaire ondervraging kinderopvangtoeslag\n\nNr. 130 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\n${date}\n\nDe vaste commissie voor Financiën heeft een aantal vragen en opmerkingen voorgelegd aan de Staatssecretaris van Financiën over de brief van 10 februari 2023 (Kamerstuk 35 510, nr. 115).\n\n${signers}\n\nInleiding\n\nBijgaand treft u de reactie op de vragen van de commissie.\n\nDe Staatssecretaris van Financiën,\n\nM.L.A. van Rij\n`
  it.each([
    ['Vastgesteld 25 mei 2023', '2023-05-25'],
    ['Vastgesteld16 april 2010', '2010-04-16'],
  ])('%s', async (line, date) => {
    const doc = await read(verslag(line, 'De voorzitter van de commissie, Tielen\n\nDe adjunct-griffier van de commissie, Kruithof'))
    expect(doc.date).toBe(date)
    expect(doc.type).toBe('verslag')
    // The letter printed inside is signed by the staatssecretaris, who is no signer of the verslag.
    expect(doc.signers).toEqual(['Tielen', 'Kruithof'])
    expect(doc.sender).toBeNull()
  })

  it('the office and the name on lines of their own', async () => {
    const doc = await read(verslag('Vastgesteld 25 mei 2023', 'De voorzitter van de commissie,\n\nSmeets\n\nAdjunct-griffier van de commissie,\n\nSjerp'))
    expect(doc.signers).toEqual(['Smeets', 'Sjerp'])
  })

  it('a nota or memorie van antwoord is dated the day it was received', async () => {
    const doc = await read(
      '35 418 Verklaring dat er grond bestaat een voorstel in overweging te nemen\n\nC MEMORIE VAN ANTWOORD\n\nOntvangen 4 september 2020\n\nMet belangstelling heb ik kennis genomen van het voorlopig verslag van de vaste commissie.\n',
    )
    expect(doc.date).toBe('2020-09-04')
    expect(doc.type).toBe('nota')
  })

  it('a letter that mentions when it was received is not dated by that sentence', async () => {
    const doc = await read(
      'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2023\n\nGeachte voorzitter,\n\nOntvangen 7 april 2016 hebben wij uw brief niet.\n\nDe Minister van Financiën,\n\nE. Heinen\n',
    )
    expect(doc.date).toBe('2023-03-03')
  })
})

describe('answers to written questions: who answers and when', () => {
  it.each([
    ['Antwoord van Minister Hennis-Plasschaert (Defensie) (ontvangen 2 mei 2017).', 'Minister van Defensie', '2017-05-02'],
    [
      'Antwoord van Staatssecretaris Van der Burg (Justitie en Veiligheid) (ontvangen 4 november 2022)',
      'Staatssecretaris van Justitie en Veiligheid',
      '2022-11-04',
    ],
    [
      'Antwoord van minister Klink (Volksgezondheid, Welzijn en Sport) (ontvangen 23 juli 2010)',
      'Minister van Volksgezondheid, Welzijn en Sport',
      '2010-07-23',
    ],
    ['Antwoord van Minister Dekker (Rechtsbescherming) (ontvangen 19 mei 2020).', 'Minister voor Rechtsbescherming', '2020-05-19'],
    [
      'Antwoord van Staatssecretaris Heijnen (Infrastructuur en Waterstaat), mede namens\nde Ministers voor Volkshuisvesting en Ruimtelijke Ordening, van Landbouw, Natuur en\nVoedselkwaliteit (ontvangen 14 juli 2022). Zie ook Aanhangsel',
      'Staatssecretaris van Infrastructuur en Waterstaat',
      '2022-07-14',
    ],
  ])('%s', (head, sender, date) => {
    expect(answerHead(`Vragen van het lid Popken (PVV) aan de Minister (ingezonden 28 maart 2017).\n\n${head}\n\nVraag 1\n`)).toEqual({ sender, date })
  })

  it.each([
    [
      'Vragen van het lid Eerdmans (JA21) aan de Staatssecretaris van Justitie en Veiligheid over de aantallen asielzoekers die gemeenten moeten opvangen (ingezonden 3 november 2022).',
      'Antwoord op vragen van het lid Eerdmans over de aantallen asielzoekers die gemeenten moeten opvangen',
    ],
    [
      'Vragen van de leden Kuiken (PvdA) en Van Nispen (SP) aan de Minister voor Rechtsbescherming over het bericht «Rechters slaan alarm» (ingezonden 2 maart 2021). Antwoord van Minister Dekker',
      'Antwoord op vragen van de leden Kuiken en Van Nispen over het bericht «Rechters slaan alarm»',
    ],
    ['Vragen van het lid Popken (PVV) aan de Minister van Defensie (ingezonden 28 maart 2017).', null],
  ])('the title of an answer to %j', (head, title) => {
    expect(answerTitle(`${head}\n\nAntwoord van Minister Kamp (Economische Zaken) (ontvangen 20 januari 2015).\n`)).toBe(title)
  })

  it.each([
    [
      'Met het oog op het uitstel wil ik u middels deze brief informeren over de nieuwe data van de conferentie. Daarnaast …',
      'de nieuwe data van de conferentie',
    ],
    ['Met deze brief informeer ik uw Kamer over de stand van zaken rond de stikstofaanpak.', 'de stand van zaken rond de stikstofaanpak'],
    ['In deze brief ga ik in op de motie van het lid Bikker over mantelzorg; ook …', 'de motie van het lid Bikker over mantelzorg'],
    ['Hierbij bied ik u de Startbeslissing alsnog aan.', null],
    ['Op 2 juli jl. aanvaardde Uw Kamer de motie Vliegenthart.', null],
  ])('a letter’s own subject in %j', (text, subject) => {
    expect(letterPurpose(text)).toBe(subject)
  })

  // Letters printed without a title (the Kamer's site reposts them with their number only): named by sender and subject.
  it.each([
    [
      '2019D21842\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 27 mei 2019\n\nOp 25 april heeft u mij een schrijven doorgestuurd van dhr. Sneek (DP Statia) aan uw Kamer over de postvoorziening in Caribisch Nederland. U heeft mij om een reactie op deze brief verzocht.',
      'Staatssecretaris van Economische Zaken en Klimaat',
      'Brief van de staatssecretaris van Economische Zaken en Klimaat over de postvoorziening in Caribisch Nederland',
    ],
    [
      'Geachte Voorzitter,\n\nMet deze brief informeer ik uw Kamer over de stand van zaken rond de stikstofaanpak, zoals toegezegd.',
      'Minister-President, Minister van Algemene Zaken',
      'Brief van de minister van Algemene Zaken over de stand van zaken rond de stikstofaanpak, zoals toegezegd',
    ],
    ['Hierbij stuur ik u de gevraagde informatie over het onderwerp dat ik hiervoor noemde, met de bijlagen.', null, null],
    [
      'In antwoord op het verzoek van het lid van uw Kamer mevrouw Peters (GL) bevestig ik dat de leden elkaar hebben geïnformeerd over het onderwerp van voornoemd VAO.',
      'Minister van Algemene Zaken',
      null,
    ],
    ['Geachte Voorzitter,\n\nIk stuur u hierbij de jaarcijfers van de dienst, met een toelichting per onderdeel en de bijlagen.', null, null],
  ])('an untitled letter %#', (text, sender, title) => {
    expect(untitledLetter(text, sender)).toBe(title)
  })

  it.each([
    [
      'Den Haag, 3 april 2009\nVoortouwcommissie: vaste commissie voor Binnenlandse Zaken en Koninkrijksrelaties Volgcommissie(s): BuZa\nDocument: Besluitenlijst van de procedurevergadering van donderdag 2 april 2009 Besluitenlijst vorige vergadering',
      'Besluitenlijst van de procedurevergadering van donderdag 2 april 2009 (vaste commissie voor Binnenlandse Zaken en Koninkrijksrelaties)',
    ],
    ['Besluitenlijst van de vergadering van 19 maart 2009\nBesluit: vastgesteld.', 'Besluitenlijst van de vergadering van 19 maart 2009'],
    ['In de besluitenlijst staat het niet.', null],
  ])('a besluitenlijst’s title in %j', (text, title) => {
    expect(decisionsTitle(text)).toBe(title)
  })

  it('a letter that speaks of an answer has no answer head', () => {
    expect(answerHead('Het antwoord van de minister op de vragen van het lid Omtzigt volgt spoedig.')).toBeNull()
  })

  it('the paper: sender, date, kind; the member’s question is no promise, the minister’s answer may be one', async () => {
    const doc = await read(
      'Vragen van het lid Popken (PVV) aan de Minister van Defensie over meldingen van bedreiging (ingezonden 28 maart 2017).\n\nAntwoord van Minister Hennis-Plasschaert (Defensie) (ontvangen 2 mei 2017).\n\nVraag 1\n\nKunt u uw Kamer informeren welke vervolgactie u neemt?\n\nAntwoord 1\n\nIk zal uw Kamer voor de zomer informeren over de vervolgacties.\n',
    )
    expect(doc).toMatchObject({ sender: 'Minister van Defensie', date: '2017-05-02', type: 'other' })
    expect(doc.commitments.map((c) => c.text)).toEqual(['Ik zal uw Kamer voor de zomer informeren over de vervolgacties.'])
  })
})

describe('a letter reposted without its head is still a letter to the Kamer', () => {
  it.each([
    ['Geachte Voorzitter,\n\nHet kabinet zet stevig in op perspectief voor boeren, tuinders en vissers; daarover gaat deze brief aan de Kamer.\n', 'brief'],
    ['In antwoord op het verzoek van het lid van uw Kamer mevrouw Peters bevestig ik dat het overleg heeft plaatsgevonden.\n', 'brief'],
  ])('%j', async (text, type) => {
    expect((await read(text)).type).toBe(type)
  })

  it('a footnote marker after `c.s.` ends the sentence; `nr.5` does not', async () => {
    const doc = await read(
      'Geachte Voorzitter,\n\nMet deze brief geven wij tevens gevolg aan de motie Van Campen c.s.1 Uiteraard blijven wij de Kamer informeren over de onderhandelingen. Zie Kamerstuk 21 501-32, nr.5 De rest volgt.\n',
    )
    expect(doc.fulfils.map((f) => f.text)).toEqual(['Met deze brief geven wij tevens gevolg aan de motie Van Campen c.s.1'])
  })
})

describe('references in the forms other papers use', () => {
  const targets = (text: string) => findReferences(text, '2025-05-13').map((r) => r.target ?? r.paper ?? null)
  it.each([
    ['(EK 36 600 B, A en EK 36 600 C, A)', ['kst-36600-B-A', 'kst-36600-C-A']],
    ['de motie Kox c.s. van de Eerste Kamer (35 431, D) en de motie Smeulders c.s. (35 431, nr. 29)', ['kst-35431-D', 'kst-35431-29']],
    ['EK 34 568, H', ['kst-34568-H']],
    ['Zie ook Aanhangsel Handelingen, vergaderjaar 2016–2017, nr. 1651.', ['ah-tk-20162017-1651']],
    ['Zie ook Aanhangsel\nHandelingen, vergaderjaar 2021–2022, nr. 3173.', ['ah-tk-20212022-3173']],
    ['Aanhangsel Handelingen II 2021/22, nr. 1234', ['ah-tk-20212022-1234']],
    ['Kamerstukken 35 234, 35 235, 35 236 en 35 237, nr. 7', ['kst-35234-7']],
    ['Reactie op verzoek commissie over de meevallerformule en twee moties (Kamerstuk 36672-5 en 6)', ['kst-36672-5', 'kst-36672-6']],
    ['Kamerstukken 21 501-20 en 36 045, nr. 2502', ['kst-21501-20-2502']],
    // Near misses: an amount and a page written as Dutch numbers are, a bare number and letter outside brackets.
    ['het bedrag (12.500, A)', []],
    ['(blz. 35, A)', []],
    ['in 35 431, D staat het anders', []],
  ])('%s', (text, want) => {
    expect(targets(text).filter((t) => t !== null)).toEqual(want)
  })

  // Papers cited without a number: what a reader finds is the citation's words, its kind and (for a letter) its date.
  const untargeted = (text: string) => findReferences(text, '2023-06-01').map((r) => [r.text, r.kind, r.date ?? null])
  it.each([
    [
      'zie de voortgangsbrief over de uitwerking van het arbeidsmarktpakket van 3 april jl. voor',
      [['voortgangsbrief over de uitwerking van het arbeidsmarktpakket van 3 april jl.', 'brief', '2023-04-03']],
    ],
    ['zoals gemeld in de op 10 februari 2023 toegezonden brief', [['op 10 februari 2023 toegezonden brief', 'brief', '2023-02-10']]],
    ['Ik verwijs naar mijn brief van heden.', [['brief van heden', 'brief', '2023-06-01']]],
    ['de brief «Mensen met een middeninkomen» aan de Tweede Kamer', [['brief «Mensen met een middeninkomen»', 'brief', null]]],
    ['bij brief (kenmerk BFB 2011-1386M) heb ik', [['brief (kenmerk BFB 2011-1386M)', 'brief', null]]],
    ['de memorie van toelichting bij het wetsvoorstel', [['memorie van toelichting', 'memorie', null]]],
    ['het voorlopig verslag van de vaste commissie voor Binnenlandse Zaken', [['voorlopig verslag van de vaste commissie', 'verslag', null]]],
    ['Naar aanleiding van het verslag van dit wetsvoorstel', [['verslag van dit wetsvoorstel', 'verslag', null]]],
    ['in de reactie op het advies van de Raad van State1 is', [['advies van de Raad van State', 'advies', null]]],
    ['het eindrapport «Ongekend onrecht» van de POK', [['eindrapport «Ongekend onrecht»', 'rapport', null]]],
    ['het eindverslag «(On)zichtbare invloed» dat', [['eindverslag «(On)zichtbare invloed»', 'verslag', null]]],
    ['de 21e Halfjaarsrapportage van afgelopen april', [['21e Halfjaarsrapportage', 'rapport', null]]],
    ['(TK 33 354)', [['TK 33 354', 'kamerstuk', null]]],
    // Near misses: the paper speaking of itself, a report or verslag with nothing that singles it out, a vergaderjaar.
    ['In deze memorie van antwoord gaan wij in op', []],
    ['kennisgenomen van dit eindverslag', []],
    ['de jaarlijkse rapportage en het verslag', []],
    ['TK 2019/20 en EK 36 600 B, A', [['EK 36 600 B, A', 'kamerstuk', null]]],
  ])('%s', (text, want) => {
    expect(untargeted(text)).toEqual(want)
  })
})

describe('dates in the forms answers, verslagen and older letters use', () => {
  const dates = (text: string, ref: string) => findDates(text, ref).map((d) => [d.text, d.start, d.end])
  it.each([
    ['Ik informeer u voor het einde van dit jaar over de uitkomst.', '2013-10-28', [['het einde van dit jaar', '2013-11-01', '2013-12-31']]],
    ['Zoals ik in mijn brief van 6 april schreef, zal ik u binnenkort informeren.', '2016-05-02', [['6 april', '2016-04-06', '2016-04-06']]],
    ['Ik stuur u dit najaar een brief.', '2024-05-02', [['dit najaar', '2024-09-01', '2024-11-30']]],
    ['In maart jl. heeft de Kamer het verslag ontvangen.', '2024-05-02', [['maart jl.', '2024-03-01', '2024-03-31']]],
    ['In maart jl. heeft de Kamer het verslag ontvangen.', '2024-03-12', [['maart jl.', '2023-03-01', '2023-03-31']]],
    ['Ik kom daarop in juni a.s. terug.', '2024-05-02', [['juni a.s.', '2024-06-01', '2024-06-30']]],
    ['Op 27 en 28 oktober 2025 vergadert de Raad.', '2025-09-01', [['27 en 28 oktober 2025', '2025-10-27', '2025-10-28']]],
    // Near misses: a day and month still read alone, a forward-looking day without a citation still read forward.
    ['Op 6 april jl. sprak ik de minister.', '2016-05-02', [['6 april jl.', '2016-04-06', '2016-04-06']]],
    ['Ik zal u op 6 april informeren.', '2016-05-02', [['6 april', '2017-04-06', '2017-04-06']]],
    ['de artikelen 27 en 28 van de wet', '2025-09-01', []],
  ])('%s (%s)', (text, ref, want) => {
    expect(dates(text, ref)).toEqual(want)
  })
})

describe('older letters and newer page copies: heads and signatures as they are printed', () => {
  it('a head printed as a table gives the id, the vergaderjaar and the chamber', async () => {
    const doc = await read(
      "Kamerstuk\n| Datum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer | Datum brief |\n|---|---|---|---|---|\n| Tweede Kamer der Staten-Generaal | 1998-1999 | 26494 nr. 1 |\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n's-Gravenhage, 22 april 1999\nHierbij bied ik u, mede namens mijn ambtgenoot van Binnenlandse Zaken en Koninkrijksrelaties, de Notitie inzake aanpak illegaal wapenbezit en -geweld aan, die op 16 april 1999 door het Kabinet werd geaccordeerd.\n",
    )
    expect([doc.id, doc.vergaderjaar, doc.date]).toEqual(['kst-26494-1', '1998-1999', '1999-04-22'])
  })

  it('a reference on the date line (`Kenmerk: 01M411892 ’s-Gravenhage, 22 augustus 2001`) leaves the place and date', async () => {
    const doc = await read(
      "Aan de voorzitter van de Eerste Kamer der Staten-Generaal Binnenhof 21 2500 EA DEN HAAG\n\nKenmerk: 01M411892 's-Gravenhage, 22 augustus 2001\n\nHierbij doe ik u toekomen het antwoord op de vragen van het lid van uw Kamer.\n\nDe MINISTER-PRESIDENT, Minister van Algemene Zaken,\n\nW. Kok\n",
    )
    expect([doc.place, doc.date, doc.sender, doc.signers]).toEqual([
      "'s-Gravenhage",
      '2001-08-22',
      'Minister-President, Minister van Algemene Zaken',
      ['W. Kok'],
    ])
  })

  it('the Minister-President’s two offices on two lines, and a name with its titles run together', async () => {
    const doc = await read(
      'Geachte Voorzitter,\n\nIn antwoord op het verzoek van het lid van uw Kamer mevrouw Peters bericht ik u het volgende.\n\nDE MINISTER-PRESIDENT,\nMinister van Algemene Zaken,\nMr.dr. J.P. Balkenende\n',
    )
    expect([doc.sender, doc.signers]).toEqual(['Minister-President, Minister van Algemene Zaken', ['J.P. Balkenende']])
  })

  it('a date stamped on the letter, where its date line is empty (`2 2 APR. 2026`)', async () => {
    const doc = await read(
      'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n2 2 APR. 2026\n\nDatum\n\nGeachte Voorzitter,\n\nHierbij bied ik u de notitie aan.\n',
    )
    expect(doc.date).toBe('2026-04-22')
    expect(doc.issues.map((i) => i.code)).toContain('date-from-stamp')
    // Near misses: a month in ordinary case is a date in the text, not a stamp; a day that does not exist.
    expect((await read('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nGeachte Voorzitter,\n\nOp 2 apr 2026 sprak ik hen.\n')).date).toBeNull()
    expect((await read('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n3 1 APR. 2026\n\nGeachte Voorzitter,\n\nHierbij.\n')).date).toBeNull()
  })

  it('near miss: a Kenmerk line without a date is no date line', async () => {
    const doc = await read(
      'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nKenmerk: 01M411892 Bijlagen: 2\n\nGeachte Voorzitter,\n\nHierbij bied ik u de notitie aan.\n',
    )
    expect(doc.date).toBeNull()
  })
})

describe('a co-signed letterhead letter: two signers side by side, the sidebar notice apart from the subject', () => {
  // As pdftotext -raw gives such a PDF: the sidebar's lines after the head, the two signature columns line by line.
  const letter = (names: string) =>
    [
      'Pagina 1 van 2',
      '> Retouradres Postbus 20350 2500 EJ Den Haag',
      'De Voorzitter van de Tweede Kamer',
      'der Staten-Generaal',
      'Postbus 20018',
      '2500 EA DEN HAAG',
      'Datum 9 april 2026',
      'Betreft Voortgang Integraal Zorgakkoord (IZA) en Aanvullend',
      'Zorg- en Welzijnsakkoord (AZWA)',
      'Bezoekadres',
      'Parnassusplein 5',
      '2511 VX Den Haag',
      'Kenmerk',
      '4367005-1095964-PDIZA',
      'Correspondentie uitsluitend',
      'richten aan het retouradres',
      'met vermelding van de',
      'datum en het kenmerk van',
      'deze brief.',
      'Geachte voorzitter,',
      'Met deze brief informeert het kabinet uw Kamer over de voortgang van de afspraken die gemaakt zijn in het IZA en het AZWA.',
      'Hoogachtend,',
      'de minister van Volksgezondheid, de minister van Langdurige Zorg,',
      'Welzijn en Sport, Jeugd en Sport,',
      names,
      '',
    ].join('\n')

  it('reads each signer with their own office, and the subject without the notice', async () => {
    const doc = await read(letter('Sophie Hermans Mirjam Sterk'))
    expect(doc.title).toBe('Voortgang Integraal Zorgakkoord (IZA) en Aanvullend Zorg- en Welzijnsakkoord (AZWA)')
    expect(doc.signers).toEqual(['Sophie Hermans', 'Mirjam Sterk'])
    expect(doc.signatures).toEqual([
      { name: 'Sophie Hermans', role: 'Minister van Volksgezondheid, Welzijn en Sport' },
      { name: 'Mirjam Sterk', role: 'Minister van Langdurige Zorg, Jeugd en Sport' },
    ])
    expect(doc.sender).toBe('Minister van Volksgezondheid, Welzijn en Sport')
  })

  it('parts names with a particle where only one way makes two names', () => {
    expect(
      sideBySide('de minister van Volksgezondheid, de minister van Langdurige Zorg,\nWelzijn en Sport, Jeugd en Sport,', 'Hugo de Jonge Conny Helder')?.map(
        (s) => s.name,
      ),
    ).toEqual(['Hugo de Jonge', 'Conny Helder'])
  })

  it('near misses: one office, or names that part in more than one way, stay as printed', () => {
    expect(sideBySide('de minister van Volksgezondheid,\nWelzijn en Sport,', 'Sophie Hermans')).toBeNull()
    expect(sideBySide('de minister van Financiën, de staatssecretaris van Financiën,', 'Jan Piet Klaas Kees Jan')).toBeNull()
  })
})

describe('a web copy’s dossier title', () => {
  // The sample papers' web copies: officielebekendmakingen.nl runs Kamer, vergaderjaar, dossier and number together
  // (`Eerste Kamer der Staten-Generaal2013-2014CII nr. G`), then the dossier line; rijksbegroting.nl prints the
  // dossier's title as the page's own, then `34775 A 52 BRIEF VAN …`.
  it.each([
    ['CII-G.obpage.txt', 'kst-CII-G', 'Nota «Bestuur in samenhang. De bestuurlijke organisatie in Nederland.»'],
    ['34775-A-52.rijksbegroting-html-text.txt', 'kst-34775-A-52', 'Vaststelling begroting Infrastructuurfonds 2018'],
  ])('%s', async (file, id, dossierTitle) => {
    const doc = await readDocument(new Uint8Array(readFileSync(join(ROOT, 'examples', file))), file, ctx)
    expect(doc.id).toBe(id)
    expect(doc.dossierTitle).toBe(dossierTitle)
    expect(doc.title).toMatch(/^BRIEF VAN DE MINISTER/)
  })
})
