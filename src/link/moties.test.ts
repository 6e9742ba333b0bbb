import { describe, expect, it } from 'vitest'
import { motieAnswer, motieNaming, namesMotie } from './moties.js'

describe('how a paper answers a motie it cites', () => {
  it.each([
    ['Uitvoering van de motie van het lid Lahlah over een overgangsperiode van een jaar (Kamerstuk 24587-1013)', 'carried-out'],
    ['Met deze brief geef ik uitvoering aan de motie van het lid Knops.', 'carried-out'],
    ['Hiermee beschouw ik de motie van de leden Bontenbal en Grinwis als afgedaan.', 'carried-out'],
    ['Reactie op de gewijzigde motie van het lid Van Kent over een compensatieregeling (Kamerstuk 32043-635)', 'responds'],
    ['Reactie op verzoek commissie over de meevallerformule en twee moties (Kamerstuk 36672-5 en 6)', 'responds'],
    ['Gedeeltelijke uitvoering van de motie van het lid Omtzigt', 'partly'],
    ['Het kabinet kan geen uitvoering geven aan de motie van het lid Dassen.', 'declines'],
    // Near misses: a paper beside the letter, a motie only mentioned, a motie submitted.
    ['Beslisnota bij Kamerbrief Uitvoering van de motie van de leden Ellian en Wilders (Kamerstuk 36583-14)', null],
    ['Lijst van ingediende moties bij het tweeminutendebat Asiel', null],
    ['Motie van het lid Lahlah over een overgangsperiode', null],
  ])('%s → %s', (text, want) => {
    expect(motieAnswer(text)).toBe(want)
  })
})

describe('a letter that names a motie without its number', () => {
  // The motie's subject as its Zaak gives it (../shared/corpus/opendata), and the letters' subjects.
  const ellian = motieNaming(
    'Motie van de leden Ellian en Wilders over onderzoeken hoe het aantal criminele kopstukken dat door dezelfde advocaat wordt bijgestaan, beperkt kan worden',
  )
  const kostic = motieNaming('Motie van het lid Kostić c.s. over alle juridische mogelijkheden aangrijpen om uitvoering te geven aan de wens van de Kamer')

  it('reads who moved it and the opening of what it asks', () => {
    expect(ellian).toEqual({ movers: ['Ellian', 'Wilders'], words: 'onderzoeken hoe het aantal criminele kopstukken' })
    expect(kostic?.movers).toEqual(['Kostić'])
    // A subject without `over …`, or with too few words to be a strict test, names nothing.
    expect(motieNaming('MOTIE VAN HET LID BREKELMANS')).toBeNull()
    expect(motieNaming('Motie van het lid Dassen over stikstof')).toBeNull()
  })

  it.each([
    [
      'Uitvoering van de motie van de leden Ellian en Wilders over onderzoeken hoe het aantal criminele kopstukken dat door dezelfde advocaat wordt bijgestaan',
      true,
    ],
    // Accents and line breaks as a letter may give them.
    [
      'Aanvullende informatie over de uitvoering van de motie van het lid Kostic c.s. over alle juridische\nmogelijkheden aangrijpen om uitvoering te geven',
      true,
    ],
    // Another mover with the same subject words, the same mover on another subject, the subject in other words.
    ['Uitvoering van de motie van het lid Van Nispen over onderzoeken hoe het aantal criminele kopstukken kan dalen', false],
    ['Reactie op de motie van de leden Ellian en Wilders over de rechtspositie van advocaten', false],
    ['Brief over het beperken van het aantal criminele kopstukken per advocaat (motie Ellian/Wilders)', false],
  ])('%s → %s', (text, want) => {
    const naming = text.includes('Kostic') ? kostic : ellian
    expect(naming && namesMotie(text, naming)).toBe(want)
  })
})
