import { describe, expect, it } from 'vitest'
import { shownTitle } from './titles.js'

describe('shownTitle', () => {
  // [title, dossier title, shown]
  const cases: Array<[string | null, string | null, string | null]> = [
    ['BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN', 'Non-proliferatie', 'Non-proliferatie — Brief van de minister van Buitenlandse Zaken'],
    ['BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN', null, 'Brief van de minister van Buitenlandse Zaken'],
    // The subject a letter gives itself, after its kind.
    [
      'BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN over de nieuwe data van de conferentie',
      null,
      'Brief van de minister van Buitenlandse Zaken over de nieuwe data van de conferentie',
    ],
    ['MOTIE VAN HET LID KRUL', null, 'Motie van het lid Krul'],
    // Not a kind title: as it is.
    ['Voortgang Integraal Zorgakkoord (IZA)', 'Zorg', 'Voortgang Integraal Zorgakkoord (IZA)'],
    ['Antwoord op vragen van het lid Eerdmans over de dwangwet', null, 'Antwoord op vragen van het lid Eerdmans over de dwangwet'],
    [null, null, null],
  ]
  it.each(cases)('%j with %j', (title, dossierTitle, shown) => {
    expect(shownTitle(title, dossierTitle)).toBe(shown)
    // Applied twice, the same.
    expect(shownTitle(shownTitle(title, dossierTitle), dossierTitle)).toBe(shown)
  })
})
