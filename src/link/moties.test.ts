import { describe, expect, it } from 'vitest'
import { motieAnswer } from './moties.js'

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
