import { describe, expect, it } from 'vitest'
import type { Speaker } from '../model/document.js'
import { createContext, readDocument } from '../pipeline.js'
import { findCommitment } from './commitments.js'
import { acknowledgesPromise, affirms, asksGovernment, chairPromise, pledgesBack } from './spoken.js'

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
    // Real spoken promises that were missed (issue 24; ../shared/corpus/debates).
    'Ik kom daar natuurlijk nog op terug.',
    'Daar krijgt u een brief over.',
    'Dat laat ik graag op niet al te lange termijn aan uw Kamer weten.',
    'dus dat kan ik hem wel toezeggen',
    'Ik zal dit in de gesprekken adresseren en kom daarop terug.',
    'Dus de toezegging is dat ik dit onder de aandacht zal brengen, zodat het wordt meegenomen.',
    'Ik zal dat ook onder de aandacht brengen van de Raad voor de rechtspraak.',
    'Ook deze informatie neem ik mee in de brief over de plastic tasjes.',
    'In aanloop naar de Ecofin kom ik op de gebruikelijke manier met een definitief kabinetsstandpunt naar u toe.',
    'Ik zal vragen of zij schriftelijk op deze motie kan reageren en daarin kan meenemen wat mevrouw Westerveld vroeg.',
    // Raising it with a party (../shared/corpus/debates, a plenary debate of 2015).
    'Ik zal in overleg gaan met de gemeenten over het grootschalig oplaten van ballonnen.',
    'Ik zal de ILT vragen om toe te zien op de vraag van mevrouw Van Tongeren.',
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
    // Real near-misses (issue 24): remarks about the debate's own order, a member's question told by the minister,
    // an assurance, others' acts, a promise not made, something sent already.
    'Ik ga de moties maar gewoon in volgorde van indienen langs.',
    'Nu wil ik ingaan op de vragen van de leden.',
    'Dan kom ik terug op hetgeen waar de heer Nordkamp in zijn interruptie op wees.',
    'Ik zal u kort meenemen in de doorslaggevende redenen om te komen tot het besluit.',
    'Alvorens op de specifieke vragen in te gaan wil ik kort toelichten waarom ik het van belang vind om nader te onderzoeken welke mogelijkheden er zijn.',
    'Hij vraagt of ik kan toezeggen dat Nederland zich blijft inzetten voor transparantie bij de onderhandelingen.',
    'ik kan wel toezeggen dat de normale regels van toepassing zijn',
    'Ik weet dat de Kamer de komende tijd daar nader over wordt geïnformeerd.',
    'Wij begrijpen dat het Schadefonds zelf nog met een reactie daarop komt.',
    'Maar om nu toe te zeggen dat ik dat dan ga doen … Ik hoop dat u mij er ook in vertrouwt.',
    'Deze motie is aan de orde gekomen in de Kamerbrief onveiligheid en dwingende controle, die deze week gestuurd is.',
    // What a motie asks, and a consultation going on now.
    'Dan kom ik op de motie op stuk nr. 170, waarin de regering wordt verzocht om in overleg te gaan.',
    'Wij zijn daarover in overleg met de gemeenten.',
    // Looking into something is no promise to the Kamer (the gold of ../shared/corpus/debates does not count it).
    'We gaan eerst onderzoeken waar de groei in het gespecialiseerde onderwijs precies in zit.',
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

describe('a short yes to what was just asked of the government', () => {
  it.each([
    ['Geen enkel probleem.', true],
    ['Zullen we doen.', true],
    ['Dat is prima, dat zal ik doen.', true],
    ['Ja, dat zeg ik toe.', true],
    ['Jazeker.', true],
    ['Die poging gaan we doen.', true],
    ['Dat vind ik uitstekend.', true],
    // Not a bare yes: a refusal, a yes with a but, or a longer answer whose own words are weighed.
    ['Nee, dat kan ik niet toezeggen.', false],
    ['Ja, maar dat ligt bij de gemeenten.', false],
    ['Dat is een goede vraag.', false],
    ['Ja, en daarom hebben we vorig jaar het programma verlengd met twee jaar en extra geld uitgetrokken.', false],
  ])('%j is a yes: %s', (sentence, yes) => {
    expect(affirms(sentence)).toBe(yes)
  })

  it.each([
    ['Kan de staatssecretaris dat toezeggen?', true],
    ['Is de minister bereid om de regeling te evalueren?', true],
    ['Wil de minister de Kamer daarover voor de zomer informeren?', true],
    ['Ik zou u dan willen verzoeken om ook de technische briefing in de brief op te nemen.', true],
    ['Het eerste deel van de motie vraagt van mij een inspanningsverplichting.', true],
    // Asked to explain, not to act; or no question to the government at all.
    ['Kan de minister uitleggen waarom dat zo lang duurt?', false],
    ['Klopt het dat de minister dit al wist?', false],
    ['Ik dank de staatssecretaris voor de beantwoording.', false],
  ])('%j asks the government to act: %s', (text, asks) => {
    expect(asksGovernment(text)).toBe(asks)
  })

  it('is a promise right after an ask to act, and none after a question to explain', async () => {
    const turn = (label: string, text: string) => `${label}:\n${text}\n`
    const debate = [
      'Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2024–2025\n36 600 Fiscaliteit\nNr. 99 VERSLAG VAN EEN COMMISSIEDEBAT\nVastgesteld 10 juli 2025\n',
      'De vaste commissie voor Financiën heeft op 3 juli 2025 overleg gevoerd met de heer Van Oostenbruggen, staatssecretaris van Financiën.\n',
      turn('Mevrouw Van Eijk (VVD)', 'Het zou fijn zijn als we zicht krijgen op de evaluaties. Kan de staatssecretaris dat toezeggen?'),
      turn('Staatssecretaris Van Oostenbruggen', 'Geen enkel probleem. Volgens mij is dit een nuance in de communicatie.'),
      turn('De heer Stoffer (SGP)', 'Kan de staatssecretaris uitleggen waarom de evaluatie zo lang duurt?'),
      turn('Staatssecretaris Van Oostenbruggen', 'Ja. Er zijn veel landen bij betrokken en die moeten het allemaal eens worden.'),
      turn('De voorzitter', 'Uitstekend. Ik zou u dan willen verzoeken om ook de technische briefing in de brief op te nemen.'),
      turn('Staatssecretaris Van Oostenbruggen', 'Zullen we doen.'),
    ].join('\n')
    const doc = await readDocument(new TextEncoder().encode(debate), 'commissiedebat-fiscaliteit.pdf.txt', await createContext())
    expect(doc.commitments.map((c) => c.text)).toEqual(['Geen enkel probleem.', 'Zullen we doen.'])
    expect(doc.commitments.every((c) => c.features?.some((f) => f.name === 'spoken.answers-ask'))).toBe(true)
  })
})
