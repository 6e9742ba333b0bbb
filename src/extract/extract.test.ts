import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Document } from '../model/document.js'
import { createContext, readDocument } from '../pipeline.js'
import { ROOT } from '../test-support/paths.js'
import { findCommitment, findDue } from './commitments.js'
import { findDates } from './dates.js'
import { findAbbreviations, findEntities } from './entities.js'
import { findFulfilment, findRequest } from './fulfils.js'
import { findReferences } from './references.js'

describe('references: each form a Kamerstuk uses, resolved to canonical ids', () => {
  const cases: Array<[string, Array<string | null>, string?]> = [
    ['ging u op 1 december 2021 reeds een brief (Kamerstuk 33 783, nr.48) toe', ['kst-33783-48']],
    ['zie Kamerstukken II 2021/22, 33 783, nr. 48.', ['kst-33783-48']],
    ['zoals eerder gemeld (Kamerstuk 21 501-02, nr. 2507).', ['kst-21501-02-2507']],
    ['in de verslagen (Kamerstuk 21 501-02, nrs. 2507 en 2510) staat', ['kst-21501-02-2507', 'kst-21501-02-2510']],
    ['(Kamerstukken 21 501-02 en 36 045, nr. 2502)', ['kst-21501-02-2502']],
    ['aangenomen motie (36 410-XVI, nr. 96)', ['kst-36410-XVI-96'], 'motie'],
    ['Kamerstuk 33 000 X, nr. 30', ['kst-33000-X-30']],
    ['de brief kst-33783-48 van mijn ambtsvoorganger', ['kst-33783-48']],
    ['(Handelingen II 2021/22, nr. 50, item 3)', ['h-tk-20212022-50-3'], 'handelingen'],
    ['tijdens een VSO (Handelingen II 2015/16, nr. 43; VSO Raad Algemene Zaken)', [null], 'handelingen'],
    ['Aanhangsel Handelingen II 2021/22, nr. 1234', [null], 'aanhangsel'],
    ['(verzoek met kenmerk 2011Z13771/2011D33912)', ['2011Z13771', '2011D33912']],
    ['de Kamervragen 2022D222 49 van het lid', ['2022D22249'], 'document'],
    ['de motie Vliegenthart (2012–2013, CII, B) om te komen met', [null, 'kst-CII-B']],
    ['In die brief zal ik ingaan op de motie van het lid Knops over dat onderwerp (Kamerstuk 33 000 X, nr. 20).', [null, 'kst-33000-X-20']],
    ['Kamerstuk 32852 nr. 209', ['kst-32852-209']],
    ['zie Kamerstuk 33 783-48 voor de inzet', ['kst-33783-48']],
    // Forms of the held-out letters (issue 14): each one the old rules missed.
    ['(Kamerstuk 29754, nr. 113)', ['kst-29754-113']],
    ['zoals gemeld (29754, nr. 113)', ['kst-29754-113']],
    ['zo mogelijk nog in 2012 (32 543, nr 19).', ['kst-32543-19']],
    ['de verslagen (21501-02-3120) en', ['kst-21501-02-3120']],
    ['de begroting (36600-VIII-120)', ['kst-36600-VIII-120']],
    ['zie 33576-421 voor', ['kst-33576-421']],
    ['(Kamerstuk 33 576, nrs. 100 en 101)', ['kst-33576-100', 'kst-33576-101']],
    ['(kamerstuk 21 501-18, nr. 72)', ['kst-21501-18-72']],
    ['(Kst. 33 576, nr. 421)', ['kst-33576-421']],
    ['de eerste appreciatie van 9 juni jl. (Kamerstuk 34 998, C).', ['kst-34998-C']],
    ['(30 880, nr. AA)', ['kst-30880-AA']],
    ['het artikel «Rabobank: kansen vernieuwing glas» (2013D17498).', ['2013D17498'], 'document'],
    ['aangekondigd in mijn brief d.d. 8 april en', [null], 'brief'],
  ]
  it.each(cases)('%s', (text, targets, kind) => {
    const refs = findReferences(text, '2022-05-27')
    expect(refs.map((r) => r.target)).toEqual(targets)
    if (kind) expect(refs.find((r) => r.target === targets.at(-1))?.kind).toBe(kind)
  })

  it('keeps a letter cited only by its date, with the date, for linking later', () => {
    const [r] = findReferences('Met mijn brief van 8 december jl. heb ik u geïnformeerd', '2017-12-20')
    expect(r).toMatchObject({ target: null, kind: 'brief', date: '2017-12-08' })
  })

  it.each([
    ['Vergaderjaar 2021/22'],
    ['artikel 33 van de Grondwet'],
    ['in 2021/22 en 2022/23'],
    ['het 2010 Actieplan'],
    ['in dossier 21 501-20 Europese Raad'],
    ['de sub-dossiers 21501-02 en 21501-20'],
    ['in de periode 2020-2021'],
  ])('finds no reference in %j', (text) => {
    expect(findReferences(text, null).filter((r) => r.target)).toEqual([])
  })

  it('keeps the id of an Aanhangsel beside its null target', () => {
    const [r] = findReferences('(Aanhangsel Handelingen II 2018/19, nr. 2948)', null)
    expect(r).toMatchObject({ target: null, kind: 'aanhangsel', paper: 'ah-tk-20182019-2948' })
  })

  it('reads `ter vervanging van die gedrukt onder nr. 8` in the paper’s own dossier', () => {
    const refs = findReferences('Ter vervanging van die gedrukt onder nr. 8.', null, { dossier: '36410-XVI' })
    expect(refs.map((r) => r.target)).toEqual(['kst-36410-XVI-8'])
  })

  it('takes no citation from the paper’s own running head', () => {
    const text = 'Tweede Kamer, vergaderjaar 2021–2022, 21 501-02, nr. 3121 en zie 21 501-02, nr. 3120.'
    expect(findReferences(text, null, { id: 'kst-21501-02-3121' }).map((r) => r.target)).toEqual(['kst-21501-02-3120'])
  })

  it('marks a Kamerstuk cited as a motie', () => {
    const [motie] = findReferences('invulling aan de motie Bontenbal/Grinwis (Kamerstukken 32813, nr. 952)', null).filter((r) => r.target)
    expect(motie).toMatchObject({ target: 'kst-32813-952', kind: 'motie' })
  })
})

describe('dates and periods, resolved against the paper’s own date', () => {
  const ref = '2022-05-27'
  const cases: Array<[string, string, string, string]> = [
    ['Den Haag, 27 mei 2022', '27 mei 2022', '2022-05-27', '2022-05-27'],
    ['plaatsvinden van 1 t/m 26 augustus 2022 in het', '1 t/m 26 augustus 2022', '2022-08-01', '2022-08-26'],
    ['van 1 tot en met 5 augustus', '1 tot en met 5 augustus', '2022-08-01', '2022-08-05'],
    ['Op 3 januari jl. stelden de vijf', '3 januari jl.', '2022-01-03', '2022-01-03'],
    ['Op 11 november jl. stuurde ik', '11 november jl.', '2021-11-11', '2021-11-11'],
    ['(d.d. 8 juli 2019)', '8 juli 2019', '2019-07-08', '2019-07-08'],
    ['op 8-7-2019 ontvangen', '8-7-2019', '2019-07-08', '2019-07-08'],
    ['dinsdag 24 september', 'dinsdag 24 september', '2022-09-24', '2022-09-24'],
    ['in augustus 2022', 'augustus 2022', '2022-08-01', '2022-08-31'],
    ['medio 2023', 'medio 2023', '2023-06-01', '2023-07-31'],
    ['eind 2022', 'eind 2022', '2022-11-01', '2022-12-31'],
    ['in het voorjaar van 2023', 'het voorjaar van 2023', '2023-03-01', '2023-05-31'],
    ['in het najaar', 'het najaar', '2022-09-01', '2022-11-30'],
    ['het eerste kwartaal van 2023', 'het eerste kwartaal van 2023', '2023-01-01', '2023-03-31'],
    ['in Q3 2022', 'Q3 2022', '2022-07-01', '2022-09-30'],
    ['voor de zomer', 'de zomer', '2022-06-01', '2022-08-31'],
    ['na het zomerreces', 'het zomerreces', '2022-07-04', '2022-09-01'],
    ['begin volgend jaar', 'begin volgend jaar', '2023-01-01', '2023-02-28'],
    ['in de tweede helft van oktober 2013', 'tweede helft van oktober 2013', '2013-10-16', '2013-10-31'],
    ['bij deze bijeenkomst in 2020 (', '2020', '2020-01-01', '2020-12-31'],
    ['voor de periode 2024-2027, dat', '2024-2027', '2024-01-01', '2027-12-31'],
    ['u de brief in januari tegemoet zien', 'januari', '2023-01-01', '2023-01-31'],
  ]
  it.each(cases)('%s', (text, want, start, end) => {
    const found = findDates(text, ref)
    expect(found.map((d) => [d.text, d.start, d.end])).toContainEqual([want, start, end])
  })

  it.each([
    ['van het 2010 Actieplan'],
    ['Kamerstukken II 2021/22, nr. 5'],
    ['Nationaal Programma Circulaire Economie 2023-2030'],
    ['Vergaderjaar 2022-2023'],
    ['de 47 vragen'],
  ])('finds no date in %j', (text) => {
    expect(findDates(text, ref)).toEqual([])
  })

  it('reads `in januari` in a December letter as next January', () => {
    expect(findDates('kunt u de brief in januari tegemoet zien', '2011-12-19')[0]).toMatchObject({ start: '2012-01-01', end: '2012-01-31' })
  })
})

describe('commitments beside policy intentions and motie requests', () => {
  const sender = 'Minister van Buitenlandse Zaken'
  const promises: Array<[string, string, string | null]> = [
    ['Ik zal uw Kamer t.z.t. informeren over dit besluit.', 'informeren', 't.z.t.'],
    ['Ik zal na afloop van de Toetsingsconferentie rapporteren over de resultaten.', 'rapporteren', 'na afloop van de Toetsingsconferentie'],
    [
      'Het Ministerie van Buitenlandse Zaken verzorgt voor aanvang van de toetsingsconferentie graag een technische ambtelijke briefing voor (deelnemende) Kamerleden.',
      'briefing',
      'voor aanvang van de toetsingsconferentie',
    ],
    [
      'Ik vertrouw op uw begrip hiervoor en ik zeg u toe dat ik u de antwoorden op de 47 vragen zo spoedig mogelijk zal doen toekomen.',
      'toesturen',
      'zo spoedig mogelijk',
    ],
    ['In verband hiermee kunt u de brief in januari tegemoet zien.', 'toesturen', 'in januari'],
    ['Wij zijn voornemens u in het najaar nader te berichten.', 'berichten', 'in het najaar'],
    ['Ik stel voor u uiterlijk 21 juni nader te berichten.', 'berichten', 'uiterlijk 21 juni'],
    ['Dit kabinet werkt tevens aan een Lange-termijn Ruimtevaartagenda, waarover uw Kamer nog geïnformeerd zal worden.', 'informeren', null],
    [
      'Via deze brief laat ik U weten dat ik Uw Kamer de gevraagde informatie in de tweede helft van oktober 2013 zal toesturen.',
      'toesturen',
      'in de tweede helft van oktober 2013',
    ],
    ['Ik zal de Kamer voor het zomerreces informeren over de uitkomsten.', 'informeren', 'voor het zomerreces'],
  ]
  it.each(promises)('promise: %s', (sentence, action, dueText) => {
    // A deadline in the past is when something happened, not a deadline: date the 2013 letter in 2013.
    const c = findCommitment(sentence, /2013/.test(sentence) ? '2013-09-30' : '2022-05-27', sender)
    expect(c).not.toBeNull()
    expect(c?.action).toBe(action)
    expect(c?.dueText).toBe(dueText)
  })

  const notPromises: Array<[string, string]> = [
    [
      'Nederland zal zich blijven inzetten voor een alomvattende, evenwichtige en inhoudelijke volledige implementatie van het 2010 Actieplan.',
      'policy intention',
    ],
    ['In deze context zal het kabinet tijdens de NPV Toetsingsconferentie in augustus 2022 extra nadruk leggen op:', 'policy intention'],
    ['Met het oog op het uitstel wil ik u middels deze brief informeren over de nieuwe data van de conferentie.', 'this letter informs now'],
    ['Hierbij informeer ik u over de stand van zaken.', 'this letter informs now'],
    ['Daarmee voorkomen we veel onnodig gebruik van grondstoffen en stimuleren we dat bedrijven circulaire producten gaan aanbieden.', 'others will act'],
    [
      'De vaste commissie voor Defensie heeft mij op 23 juni jl. verzocht om informatie over het tijdstip waarop de Kamer zal worden ingelicht.',
      'an answered request',
    ],
    ['De Russische inval markeert een nieuwe realiteit, die ook een weerslag zal hebben op de NPV Toetsingsconferentie.', 'a prediction'],
  ]
  it.each(notPromises)('no promise: %s (%s)', (sentence) => {
    expect(findCommitment(sentence, '2022-05-27', sender)).toBeNull()
  })

  // Real sentences of corpus/letters, one table per form of promise, each beside a near miss of the same form.
  const forms: Array<{ form: string; ref: string; promise: string; dueText: string | null; nearMiss: string }> = [
    // Issue 24: the Kamer as receiver in the passive, and a promise inside a coming paper.
    {
      form: 'the Kamer as receiver of a paper that goes to it (toegaan)',
      ref: '2025-03-01',
      promise: 'Deze geannoteerde agenda gaat uw Kamer uiterlijk begin volgende week toe.',
      dueText: 'volgende week',
      nearMiss: 'De geannoteerde agenda ging uw Kamer vorige week toe.',
    },
    {
      form: 'the Kamer given the chance to speak',
      ref: '2025-03-01',
      promise: 'Voorafgaand aan de besluitvorming zal de Tweede Kamer de gelegenheid worden gegeven zich hierover uit te spreken.',
      dueText: null,
      nearMiss: 'De Tweede Kamer heeft de gelegenheid gehad zich hierover uit te spreken.',
    },
    {
      form: 'a promise inside a coming paper',
      ref: '2025-03-01',
      promise: 'In de geannoteerde agenda voor de Raad zal ik een verslag opnemen van de bespreking.',
      dueText: 'voor de Raad',
      nearMiss: 'In de geannoteerde agenda voor de Raad is een verslag opgenomen van de bespreking.',
    },
    {
      form: 'the Kamer as receiver, present tense with a time ahead',
      ref: '2015-12-01',
      promise: 'De eerste rapportage ontvangt u uiterlijk in maart 2016.',
      dueText: 'uiterlijk in maart 2016',
      nearMiss: 'Hierbij ontvangt u de uitgangspunten voor mijn cultuurbeleid voor de periode 2017–2020.',
    },
    {
      form: 'a standing promise',
      ref: '2016-06-01',
      promise:
        'De rapportage over het hele jaar, inclusief de analyse en duiding, blijft u zoals gebruikelijk ontvangen in het voorjaar van het daaropvolgende jaar.',
      dueText: 'in het voorjaar van het daaropvolgende jaar',
      nearMiss: 'Zoals gebruikelijk zend ik u, mede namens de Staatssecretaris, ook dit voorjaar de Voortgangsrapportage van de projecten toe.',
    },
    {
      form: 'expectation with ability',
      ref: '2019-06-01',
      promise: 'Ik verwacht uw Kamer hierover dit najaar te kunnen informeren.',
      dueText: 'dit najaar',
      nearMiss: 'Ik verwacht dat de sector dit najaar met een plan komt.',
    },
    {
      form: 'ability with a time',
      ref: '2013-03-15',
      promise: 'Deze brief kan ik binnen enkele weken naar uw Kamer verzenden.',
      dueText: 'binnen enkele weken',
      nearMiss: 'Ik kan daarom niet aan het verzoek voldoen deze brief voor dinsdag 19 maart 12:00 uur aan uw Kamer te versturen.',
    },
    {
      form: 'an aim to act before the Kamer (erop gericht)',
      ref: '2009-10-20',
      promise: 'Onze inspanningen zijn erop gericht het wetsvoorstel zo kort mogelijk na dat reces bij uw Kamer in te kunnen dienen.',
      dueText: 'zo kort mogelijk na dat reces',
      nearMiss: 'Ik meld u bij dezen dat indiening nog vóór het komende kerstreces niet haalbaar zal zijn.',
    },
    {
      form: 'a condition in place of a date',
      ref: '2013-04-17',
      promise: 'Ik zal uw Kamer informeren zodra die afstemming gereed is.',
      dueText: 'zodra die afstemming gereed is',
      nearMiss: 'De gevraagde informatie vereist interdepartementale afstemming mede gelet op andere Kamervragen die hiermee verband houden.',
    },
    {
      form: 'the firmer of two deadlines, an event with its date',
      ref: '2018-05-30',
      promise:
        'Ik zal u zo spoedig mogelijk de gevraagde aanvullende informatie doen toekomen, in ieder geval ruimschoots voorafgaand aan het Wetgevingsoverleg over de Jaarverslagen van Infrastructuur en Waterstaat op 20 juni.',
      dueText: 'in ieder geval ruimschoots voorafgaand aan het Wetgevingsoverleg over de Jaarverslagen van Infrastructuur en Waterstaat op 20 juni',
      nearMiss:
        'Op 21 maart jl. heb ik u laten weten dat de omvorming van het CAK op korte termijn plaats zal vinden, zo mogelijk nog in 2012 (32 543, nr 19).',
    },
    {
      form: 'a Kamer item dealt with in a coming paper',
      ref: '2019-04-01',
      promise: 'Wij zullen daarbij aandacht schenken aan de punten die de vaste Kamercommissie in de commissiebrief heeft benoemd.',
      dueText: null,
      nearMiss: 'Ik wil het PBL bedanken voor het opstellen van dit rapport en zal de conclusies hiervan nader bestuderen.',
    },
    {
      form: 'a promise repeated (zoals toegezegd + future) is still a promise',
      ref: '2009-11-16',
      promise: 'Zoals toegezegd zal ik uw Kamer hiervan direct op de hoogte stellen.',
      dueText: 'direct',
      nearMiss: 'Ik heb U kort daarna meegedeeld dat ik de gevraagde informatie in september 2013 aan Uw Kamer zou doen toekomen.',
    },
  ]
  it.each(forms)('$form', ({ ref, promise, dueText, nearMiss }) => {
    const c = findCommitment(promise, ref, sender)
    expect(c, promise).not.toBeNull()
    expect(c?.dueText).toBe(dueText)
    expect(c?.confidence).toBeGreaterThanOrEqual(0.5)
    expect(findCommitment(nearMiss, ref, sender), nearMiss).toBeNull()
  })

  it('explains a reading by named features whose weights make up the confidence', () => {
    const c = findCommitment('Ik zal uw Kamer t.z.t. informeren over dit besluit.', '2022-05-27', sender)
    expect(c?.features.map((f) => f.name)).toEqual(['bias', 'actor.government', 'receiver.kamer', 'act.inform', 'modality.future', 'deadline'])
    const sum = c?.features.reduce((a, f) => a + f.weight, 0) ?? 0
    expect(c?.confidence).toBeCloseTo(1 / (1 + Math.exp(-sum)), 3)
    // Below the threshold a reading is only returned on request (read --explain), with its negative cues.
    const told = 'Op 21 maart jl. heb ik u laten weten dat de omvorming op korte termijn plaats zal vinden.'
    expect(findCommitment(told, '2012-07-02', sender)).toBeNull()
    expect(findCommitment(told, '2012-07-02', sender, true)?.features.map((f) => f.name)).toContain('tense.past-report')
  })

  it.each([
    ['voor het zomerreces', '2023-05-01', { start: '2023-05-01', end: '2023-07-06' }],
    ['na het zomerreces', '2023-05-01', { start: '2023-09-04', end: '2023-10-04' }],
    ['voor het kerstreces', '2024-10-01', { start: '2024-10-01', end: '2024-12-19' }],
    ['voor Prinsjesdag', '2025-04-01', { start: '2025-04-01', end: '2025-09-15' }],
    ['volgende week', '2020-11-18', { start: '2020-11-23', end: '2020-11-29' }],
    ['binnen enkele weken', '2013-03-15', { start: '2013-03-15', end: '2013-04-12' }],
  ])('resolves `Ik zal u %s informeren` in a letter of %s', (words, ref, due) => {
    expect(findDue(`Ik zal u ${words} informeren.`, ref).due).toEqual(due)
  })

  it('keeps a motie’s `verzoekt de regering` apart as a request', () => {
    const s = 'verzoekt de regering in gesprek te gaan met ouders en de Kamer over de uitkomsten hiervan nog voor het zomerreces te informeren,'
    expect(findRequest(s)).toMatchObject({ addressee: 'de regering' })
  })

  it('resolves a due date where the text gives one', () => {
    expect(findDue('Ik zal u uiterlijk 21 juni nader berichten.', '2019-05-27')).toEqual({
      dueText: 'uiterlijk 21 juni',
      due: { start: '2019-05-27', end: '2019-06-21' },
      condition: null,
    })
    expect(findDue('Ik zal uw Kamer t.z.t. informeren.', '2019-05-27')).toEqual({ dueText: 't.z.t.', due: null, condition: null })
  })
})

describe('fulfilments: a paper keeping a promise or answering a request', () => {
  const cases: Array<[string, string[]]> = [
    ['Hiermee doe ik mijn toezegging gestand.', []],
    ['Zoals toegezegd tijdens het commissiedebat van 3 maart 2022 stuur ik u hierbij het rapport.', ['debate', 'date']],
    ['Met deze brief geef ik uitvoering aan de motie van het lid Van der Graaf (Kamerstuk 35 000, nr. 12).', ['motie', 'motie']],
    ['In antwoord op uw verzoek van 5 april jl. stuur ik u de gevraagde informatie.', ['request', 'date']],
    ['Daarnaast wordt hierbij invulling gegeven aan de motie Bontenbal/Grinwis (Kamerstukken 32813, nr. 952).', ['motie', 'motie']],
  ]
  it.each(cases)('%s', (sentence, kinds) => {
    const f = findFulfilment(sentence, '2022-05-27')
    expect(f).not.toBeNull()
    expect(f?.pointsAt.map((p) => p.kind)).toEqual(kinds)
  })

  // Requests of the Kamer answered (issue 24): who asked, how and when is kept with the answering sentence.
  it.each<[string, { who: string; how: string; on: string | null }]>([
    [
      'Op 6 september jl. heb ik het verzoek gekregen van de vaste commissie voor Financiën om een reactie op het artikel.',
      { who: 'vaste commissie voor Financiën', how: 'commissie', on: '2023-09-06' },
    ],
    [
      'Naar aanleiding van het vragenuur van 7 november 2023 stuur ik u de cijfers over de wachtlijsten.',
      { who: 'de Tweede Kamer', how: 'vragenuur', on: '2023-11-07' },
    ],
    ['Hierbij treft u de evaluatie aan, waar uw Kamer om heeft verzocht.', { who: 'de Kamer', how: 'kamer', on: null }],
    ['In deze brief ga ik in op het verzoek van het lid Van Dijck over de fiscale regeling.', { who: 'Van Dijck', how: 'lid', on: null }],
    ['Met deze brief geef ik uitvoering aan de motie van het lid Van der Graaf over de sluiting.', { who: 'Van der Graaf', how: 'motie', on: null }],
    // Real forms (genres): answers to a committee's questions delivered now, a member's request answered, a motie followed too.
    [
      'Bijgaand treft u de reactie op de op 22 maart 2023 gezonden vragen van de vaste Kamercommissie voor Financiën over de toegezonden brief.',
      { who: 'vaste Kamercommissie voor Financiën', how: 'commissie', on: '2023-03-22' },
    ],
    [
      'In antwoord op het verzoek van het lid van uw Kamer mevrouw Peters (GL) ten behoeve van een VAO JSF, bevestig ik dat het kabinet de fracties heeft geïnformeerd.',
      { who: 'de Kamer', how: 'kamer', on: null },
    ],
    ['Met deze brief geven wij tevens gevolg aan de motie Van Campen c.s.', { who: 'Van Campen', how: 'motie', on: null }],
  ])('a request answered: %s', (sentence, asked) => {
    const f = findFulfilment(sentence, '2023-12-01')
    expect(f?.kind).toBe('kept')
    expect(f?.asked).toEqual(asked)
  })

  it.each([
    ['Ik zal uw Kamer t.z.t. informeren over dit besluit.'],
    ['De NPV Toetsingsconferentie is herhaaldelijk uitgesteld door COVID-19.'],
    // Near misses: a request told without an answer in this paper, a question asked of the Kamer, a reactie promised.
    ['Het verzoek van de vaste commissie zal ik in het najaar beantwoorden.'],
    ['Ik zal u de reactie op de vragen van de vaste commissie voor Financiën na de zomer sturen.'],
    ['In het vragenuur van 7 november werd gesproken over de wachtlijsten.'],
  ])('not a fulfilment: %s', (s) => {
    expect(findFulfilment(s, null)).toBeNull()
  })
})

describe('people, organisations, places and the paper’s own abbreviations', () => {
  it('finds persons with their role, organisations and countries', () => {
    const found = findEntities(
      'Ambassadeur Gustavo Zlauvinen sprak met het IAEA over Rusland; de heer Asscher vroeg de Europese Commissie om opheldering in New York.',
    )
    expect(found.map((e) => [e.text, e.kind, e.role ?? null])).toEqual([
      ['Gustavo Zlauvinen', 'person', 'Ambassadeur'],
      ['IAEA', 'organisation', null],
      ['Rusland', 'country', null],
      ['Asscher', 'person', 'de heer'],
      ['Europese Commissie', 'organisation', null],
      ['New York', 'place', null],
    ])
  })

  it.each([
    ['de Toetsingsconferentie van het Non-Proliferatieverdrag (NPV) wil ik', 'NPV', 'Non-Proliferatieverdrag'],
    ['van het Planbureau voor de Leefomgeving (PBL) en de', 'PBL', 'Planbureau voor de Leefomgeving'],
    ['de Integrale Circulaire Economie Rapportage 2023 (ICER) van het', 'ICER', 'Integrale Circulaire Economie Rapportage 2023'],
  ])('defines %s', (text, abbreviation, expansion) => {
    expect(findAbbreviations(text)).toMatchObject([{ abbreviation, expansion }])
  })

  it('does not take a bracketed remark for an abbreviation', () => {
    expect(findAbbreviations('het onderwerp risicovermindering (risk reduction).')).toEqual([])
  })
})

describe('a footnote’s number is its label, not the start of its sentence', () => {
  it('reads the promise in a footnote without the number (`1 Dit kabinet werkt …`)', async () => {
    // A letterhead letter written for this test, in the layout of the EZK letter of 30 mei 2023.
    const text = [
      '> Retouradres Postbus 20401 2500 EK Den Haag',
      'De Voorzitter van de Tweede Kamer',
      'der Staten-Generaal',
      'Datum 30 mei 2023',
      'Betreft Herijkte missies',
      'Geachte Voorzitter,',
      'Het kabinet werkt aan een sectoragenda voor de maakindustrie en een agenda voor de ruimtevaart1. Dat past',
      'bij de missies.',
      '1 Dit kabinet werkt tevens aan een Lange-termijn Ruimtevaartagenda, waarover uw Kamer nog geïnformeerd zal',
      'worden.',
      'De Minister van Economische Zaken en Klimaat,',
      'M.A.M. Adriaansens',
    ].join('\n')
    const doc = await readDocument(new TextEncoder().encode(text), 'brief.txt', await createContext())
    const note = doc.sections.find((s) => s.kind === 'footnote')
    expect(note?.label).toBe('1')
    expect(doc.commitments.map((c) => c.text)).toEqual([
      'Dit kabinet werkt tevens aan een Lange-termijn Ruimtevaartagenda, waarover uw Kamer nog geïnformeerd zal worden.',
    ])
  })
})

describe('answers to Kamervragen: the member asks, the government answers', () => {
  // Written in the layout of the Aanhangsel (`Vraag 1` … `Antwoord 1`); the question alone reads as a promise (no `?`).
  const paper = [
    'Vragen van het lid Jansen (SP) aan de minister van Volksgezondheid, Welzijn en Sport over de wachtlijsten in de jeugdzorg (ingezonden 3 maart 2025).',
    'Antwoord van minister Van den Berg (Volksgezondheid, Welzijn en Sport) (ontvangen 24 maart 2025)',
    'Vraag 1',
    'Wilt u de Kamer voor de zomer informeren over de wachtlijsten per regio en daarbij aangeven welke vervolgactie u neemt',
    'Antwoord 1',
    'Ja. Ik zal de Kamer voor de zomer informeren over de wachtlijsten per regio.',
    'Vraag 2',
    'Kunt u deze vragen binnen drie weken beantwoorden?',
    'Antwoord 2',
    'Ja.',
  ].join('\n\n')

  it("takes the government's answer as a promise and never the member's question", async () => {
    const question = 'Wilt u de Kamer voor de zomer informeren over de wachtlijsten per regio en daarbij aangeven welke vervolgactie u neemt'
    expect(findCommitment(question, '2025-03-24', null)?.confidence ?? 0).toBeGreaterThanOrEqual(0.5)
    const doc = await readDocument(new TextEncoder().encode(paper), 'ah-vragen-jeugdzorg.txt', await createContext())
    expect(doc.commitments.map((c) => c.text)).toEqual(['Ik zal de Kamer voor de zomer informeren over de wachtlijsten per regio.'])
  })
})

describe('33783-50, the letter every part of kamerwacht starts from', () => {
  let doc: Document
  beforeAll(async () => {
    doc = await readDocument(readFileSync(join(ROOT, 'examples', '33783-50.txt')), '33783-50.txt', await createContext())
  })

  it('has its three promises with due text, and spans that point back into the source', () => {
    expect(doc.commitments.map((c) => c.dueText)).toEqual(['t.z.t.', 'voor aanvang van de toetsingsconferentie', 'na afloop van de Toetsingsconferentie'])
    for (const c of doc.commitments) {
      expect(doc.text.slice(c.span.start, c.span.end)).toBe(c.text)
      // The source has line breaks and hyphens where the clean text has none; its first and last words are the same.
      const src = doc.source.text.slice(c.sourceSpan.start, c.sourceSpan.end)
      expect(src.split(/\s+/)[0]).toBe(c.text.split(' ')[0])
      expect(src.trim().endsWith(c.text.slice(-6))).toBe(true)
    }
    // The conference (1 t/m 26 augustus 2022) gives the report after it a due period.
    expect(doc.commitments[2]?.due).toEqual({ start: '2022-08-27', end: '2022-11-24' })
  })

  it('resolves Kamerstuk 33 783, nr.48 and puts 1 t/m 26 augustus 2022 on the timeline', () => {
    expect(doc.references[0]).toMatchObject({ text: 'Kamerstuk 33 783, nr.48', target: 'kst-33783-48', rule: 'reference.kamerstuk' })
    expect(doc.dates.find((d) => d.text === '1 t/m 26 augustus 2022')).toMatchObject({ start: '2022-08-01', end: '2022-08-26', precision: 'day' })
    expect(doc.glossary).toMatchObject([{ abbreviation: 'NPV', expansion: 'Non-Proliferatieverdrag' }])
  })
})
