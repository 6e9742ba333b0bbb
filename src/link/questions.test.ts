import { describe, expect, it } from 'vitest'
import { questionCourse, questionKey, questionMinistry, writtenQuestions } from './questions.js'

// Heads of real answers to written questions (../shared/corpus/genres), as their page text gives them.
describe("written questions and their answer, from an answer paper's head", () => {
  it('one member, answered the next day: within three weeks', () => {
    const q = writtenQuestions(
      'Vragen van het lid Eerdmans (JA21) aan de Staatssecretaris van Justitie en Veiligheid over de aantallen asielzoekers die gemeenten moeten opvangen als gevolg van de dwangwet (ingezonden 3 november 2022).\n\nAntwoord van Staatssecretaris Van der Burg (Justitie en Veiligheid) (ontvangen 4 november 2022)\n\nVraag 1\n\nKlopt het …?\n\nAntwoord 1\n\nNee.\n\nVraag 2, 3 en 5\n\nZo ja …?\n',
    )
    expect(q).toEqual({
      askers: [{ name: 'Eerdmans', fractie: 'JA21' }],
      to: 'de Staatssecretaris van Justitie en Veiligheid',
      subject: 'de aantallen asielzoekers die gemeenten moeten opvangen als gevolg van de dwangwet',
      asked: '2022-11-03',
      answeredBy: 'Staatssecretaris Van der Burg (Justitie en Veiligheid)',
      answered: '2022-11-04',
      days: 1,
      withinThreeWeeks: true,
      questions: 4,
      // Paired by number: the second heading's three questions have no answer in this cut of the paper.
      pairs: [
        { numbers: [1], question: 'Klopt het …?', answer: 'Nee.' },
        { numbers: [2, 3, 5], question: 'Zo ja …?', answer: null },
      ],
      unanswered: [2, 3, 5],
    })
  })

  // The forms an answer numbers its questions in: a heading a line of its own, with or without blank lines around it.
  it.each([
    ['Vraag 1\nKlopt het?\nAntwoord 1\nJa.\nVraag 2\nWaarom?\nAntwoord 2\nDaarom.', [[1], [2]], []],
    ['Vragen 1 en 2\n\nKlopt het? Waarom?\n\nAntwoorden 1 en 2\n\nJa, daarom.', [[1, 2]], []],
    ['Vraag 1 t/m 3\nWie, wat, waar?\nAntwoord op vraag 1 t/m 3\nIk.\nVraag 4\nWanneer?', [[1, 2, 3], [4]], [4]],
    ['Vraag 1\nKlopt het?\nAntwoord\nJa.', [[1]], []],
    // The questions as they were sent: nothing answered yet, so nothing is missing an answer.
    ['Vraag 1\nKlopt het?\nVraag 2\nWaarom?', [[1], [2]], []],
  ])('%#: paired by number', (body, numbers, unanswered) => {
    const q = writtenQuestions(`Vragen van het lid Popken (PVV) aan de Minister van Defensie over meldingen (ingezonden 28 maart 2017).\n${body}`)
    expect(q?.pairs.map((p) => p.numbers)).toEqual(numbers)
    expect(q?.unanswered).toEqual(unanswered)
  })

  it.each([
    [
      'Vragen van de leden Groothuizen (D66) en Van Nispen (SP) aan de Ministers van Justitie en Veiligheid en voor Rechtsbescherming over fundamentele rechten in het strafrecht (ingezonden 8 mei 2020).\nAntwoord van Minister Grapperhaus (Justitie en Veiligheid) en van Minister Dekker\n(Rechtsbescherming) (ontvangen 19 mei 2020).',
      [
        { name: 'Groothuizen', fractie: 'D66' },
        { name: 'Van Nispen', fractie: 'SP' },
      ],
      11,
      true,
    ],
    [
      'Vragen van de leden Bouchallikh, Bromet en Kröger (allen GroenLinks) aan de Staatssecretaris van Infrastructuur en Waterstaat over het bericht dat Nederland geen gezonde leefomgeving biedt aan kinderen (ingezonden 30 mei 2022).\nAntwoord van Staatssecretaris Heijnen (Infrastructuur en Waterstaat), mede namens\nde Minister voor Volkshuisvesting en Ruimtelijke Ordening (ontvangen 14 juli 2022).',
      [
        { name: 'Bouchallikh', fractie: 'GroenLinks' },
        { name: 'Bromet', fractie: 'GroenLinks' },
        { name: 'Kröger', fractie: 'GroenLinks' },
      ],
      45,
      false,
    ],
  ])('%#: askers with their fracties, the days taken', (text, askers, days, within) => {
    const q = writtenQuestions(text)
    expect(q?.askers).toEqual(askers)
    expect(q?.days).toBe(days)
    expect(q?.withinThreeWeeks).toBe(within)
    expect(q?.answeredBy).not.toMatch(/mede namens/)
  })

  it('questions not answered yet have no answer day; a letter that only speaks of questions is none', () => {
    const open = writtenQuestions('Vragen van het lid Popken (PVV) aan de Minister van Defensie over meldingen van bedreiging (ingezonden 28 maart 2017).')
    expect(open).toMatchObject({ asked: '2017-03-28', answered: null, days: null, withinThreeWeeks: null })
    expect(writtenQuestions('Hierbij doe ik u toekomen het antwoord op de vragen van het lid van uw Kamer, de heer W.T. de Boer (GroenLinks).')).toBeNull()
  })
})

describe("written questions' course from the Kamer's Document records", () => {
  // The subject as the three kinds of record write it (real Onderwerpen of the Gegevensmagazijn).
  it.each([
    ['Schriftelijke vragen', 'Het bericht ’UEFA gaf clubs in Rusland 10,8 miljoen euro, maar weigerde steun aan Oekraïense clubs’.'],
    [
      'Mededeling (uitstel antwoord)',
      "Uitstel beantwoording vragen van de leden Boswijk, Inge van Dijk en Paternotte over het bericht 'UEFA gaf clubs in Rusland 10,8 miljoen euro, maar weigerde steun aan Oekraïense clubs'",
    ],
    [
      'Antwoord schriftelijke vragen',
      "Antwoord op vragen van het lid Boswijk over het bericht 'UEFA gaf clubs in Rusland 10,8 miljoen euro, maar weigerde steun aan Oekraïense clubs' ",
    ],
  ])('%s: one key', (soort, onderwerp) => {
    expect(questionKey(soort, onderwerp)).toBe('het bericht uefa gaf clubs in rusland 10 8 miljoen euro maar weigerde steun aan oekraiense clubs')
  })

  it.each([
    ['Brief regering', 'Uitvoering van de motie van de leden Ellian en Wilders (Kamerstuk 36583-14)'],
    ['Antwoord schriftelijke vragen', 'Antwoord op vragen zonder lid'],
    ['Schriftelijke vragen', 'Gaza'],
  ])('%s %s: no key', (soort, onderwerp) => {
    expect(questionKey(soort, onderwerp)).toBeNull()
  })

  const record = (soort: string, date: string, nummer: string, onderwerp = 'Uitstel beantwoording vragen van het lid Dobbe over het bericht x y z') => ({
    soort,
    onderwerp,
    nummer,
    date: `${date}T00:00:00+02:00`,
  })
  it('counts the days to the answer, and whether a late one was announced within the three weeks', () => {
    const asked = record('Schriftelijke vragen', '2025-08-13', '2025D1', 'Het bericht x y z')
    const late = questionCourse(
      [
        asked,
        record('Mededeling (uitstel antwoord)', '2025-09-02', '2025D2'),
        record('Antwoord schriftelijke vragen', '2025-09-30', '2025D3', 'Antwoord op vragen van het lid Dobbe over het bericht x y z'),
      ],
      '2025-12-01',
    )
    expect(late).toMatchObject({ askers: ['Dobbe'], days: 48, late: true, postponedInTime: true, answer: { nummer: '2025D3', date: '2025-09-30' } })
    const unannounced = questionCourse([asked, record('Mededeling (uitstel antwoord)', '2025-09-10', '2025D2')], '2025-10-01')
    expect(unannounced).toMatchObject({ answer: null, days: 49, late: true, postponedInTime: false })
    expect(
      questionCourse(
        [asked, record('Antwoord schriftelijke vragen', '2025-08-27', '2025D3', 'Antwoord op vragen van het lid Dobbe over het bericht x y z')],
        '2025-12-01',
      ),
    ).toMatchObject({ days: 14, late: false, postponedInTime: null })
  })
})

describe('the ministry written questions were put to', () => {
  // As the heads of real answers write whom they were put to, and who answered (../shared/corpus/genres).
  it.each([
    ['de Minister van Defensie', 'Defensie'],
    ['de Staatssecretaris van Justitie en Veiligheid', 'Justitie en Veiligheid'],
    ['de Ministers van Justitie en Veiligheid en voor Rechtsbescherming', 'Justitie en Veiligheid'],
    [
      'de Staatssecretaris van Infrastructuur en Waterstaat en de Ministers van Infrastructuur en Waterstaat, voor Volkshuisvesting en Ruimtelijke Ordening',
      'Infrastructuur en Waterstaat',
    ],
    ['de Minister van Onderwijs, Cultuur en Wetenschap', 'Onderwijs, Cultuur en Wetenschap'],
    ['de Minister van Volksgezondheid, Welzijn en Sport en de Minister voor Medische Zorg', 'Volksgezondheid, Welzijn en Sport'],
    ['de Minister voor Rechtsbescherming', 'Rechtsbescherming'],
    ['de Minister-President', 'Algemene Zaken'],
    ['Staatssecretaris van Financiën - Fiscaliteit, Belastingdienst en Douane', 'Financiën'],
    ['Minister Hennis-Plasschaert (Defensie)', 'Defensie'],
    ['Minister van Buitenlandse Zaken', 'Buitenlandse Zaken'],
  ])('%s → %s', (to, ministry) => {
    expect(questionMinistry(to)).toBe(ministry)
  })

  it('names none for words that name no office', () => {
    for (const to of [null, '', 'de Kamer', 'het lid Popken']) expect(questionMinistry(to)).toBeNull()
  })
})
