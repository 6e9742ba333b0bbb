import { describe, expect, it } from 'vitest'
import type { Speaker } from '../model/document.js'
import { findCommitment } from './commitments.js'
import { acknowledgesPromise, chairPromise, pledgesBack } from './spoken.js'

const REF = '2022-12-15'
const spoken = (sentence: string) => findCommitment(sentence, REF, 'Minister Wiebes', false, true)

describe('promises made aloud by a member of government', () => {
  it.each([
    'Ik zeg toe dat ik de Kamer voor de zomer een brief stuur over de stikstofregels.',
    'Ik zeg de Kamer toe dat ik de evaluatie voor 1 juli stuur.',
    'Ik kom daar schriftelijk op terug.',
    'Ik kom daar in de brief voor de zomer op terug.',
    'Ik zal de Kamer voor het commissiedebat informeren over de uitkomsten.',
    'Ik wil de heer Wörsdörfer toezeggen dat ik op de inzichten uit dit onderzoek terugkom in het plan van aanpak.',
    'Ik stuur de Kamer voor de kerst een overzicht van de subsidies.',
    'Dat kan ik toezeggen: ik informeer de Kamer voor 1 maart over de uitkomst.',
    'Ik ga u daarover voor de zomer een brief sturen.',
    'Wij komen daar voor het kerstreces op terug.',
    'De Kamer krijgt van mij voor de zomer een brief over de uitvoering.',
    'U ontvangt voor het zomerreces een brief over de stand van zaken.',
    'Ik zal in de volgende voortgangsrapportage ingaan op de wachtlijsten.',
    'Ik zal de Kamer een overzicht geven van alle regelingen.',
    'Ik zal de heer Omtzigt daarover schriftelijk informeren.',
    'Ik kijk of ik de Kamer daarover voor de begroting kan informeren.',
  ])('%s', (sentence) => {
    expect(spoken(sentence)?.confidence ?? 0).toBeGreaterThanOrEqual(0.5)
  })

  it.each([
    // Put off within the debate, or turning back to a point of it.
    'Ik kom daar zo meteen op terug.',
    'Daar kom ik in de tweede termijn op terug.',
    'Ik kom terug op het amendement op stuk nr. 8 van de heer Klaver.',
    // Refused, hedged, told in the past, or a motie described.
    'Ik kan niet toezeggen dat de termijn wordt verkort.',
    'Misschien moet ik daar apart op terugkomen.',
    'Ik heb de Kamer vorige week een brief gestuurd over de subsidies.',
    'In de motie wordt de regering verzocht de Kamer jaarlijks te informeren.',
    // A policy intention promises the Kamer nothing.
    'Ik ga met de sector in gesprek over de regels.',
  ])('not: %s', (sentence) => {
    expect(spoken(sentence)).toBeNull()
  })
})

describe('the debate around a promise', () => {
  it('joins `Dat zeg ik toe.` to the sentence before it, and no longer sentence', () => {
    expect(pledgesBack('Dat zeg ik toe.')).toBe(true)
    expect(pledgesBack('Dit is een toezegging.')).toBe(true)
    expect(pledgesBack('Die toezegging doe ik graag.')).toBe(true)
    expect(pledgesBack('Dat zeg ik toe, en ik stuur de Kamer daarnaast voor de zomer een brief over de uitvoering.')).toBe(false)
    expect(pledgesBack('Ik zeg toe dat ik de brief stuur.')).toBe(false)
  })

  it('hears the chair or a member name a promise just made', () => {
    for (const s of [
      'U hebt een toezegging, mijnheer Segers.',
      'Dank voor die toezegging.',
      'Dat is een heldere toezegging.',
      'De minister-president heeft een toezegging gedaan.',
    ])
      expect(acknowledgesPromise(s), s).toBe(true)
    for (const s of ['Ik wil een toezegging van de minister.', 'Die toezegging is nooit nagekomen, voorzitter.']) expect(acknowledgesPromise(s), s).toBe(false)
  })

  it("reads the chair's summary of promises, naming the member of government by role or ministry", () => {
    const speakers: Speaker[] = [
      { name: 'Van den Berg', role: 'minister', function: 'minister voor Jeugd, Preventie en Sport' },
      { name: 'Hoekman', role: 'staatssecretaris', function: 'staatssecretaris van Volksgezondheid, Welzijn en Sport' },
      { name: 'Jansen', role: 'kamerlid', party: 'SP' },
    ]
    expect(chairPromise('De minister zegt toe de Kamer voor 1 juni te informeren.', false, speakers)?.speaker?.name).toBe('Van den Berg')
    expect(chairPromise('– De staatssecretaris stuurt de Kamer in het voorjaar een brief.', true, speakers)?.speaker?.name).toBe('Hoekman')
    expect(chairPromise('– De Kamer ontvangt voor de zomer een brief van de staatssecretaris.', true, speakers)?.speaker?.name).toBe('Hoekman')
    // Outside a list of promises, the chair telling what a minister does is no promise.
    expect(chairPromise('De minister stuurt vandaag niemand naar Brussel.', false, speakers)).toBeNull()
  })
})
