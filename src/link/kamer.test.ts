import { describe, expect, it } from 'vitest'
import { besluitOf, committeeOfVerslag, dossierMinistry, indienersOf, leadCommittee, motieMinistry, recordKeys, resultOf, tallyVotes } from './kamer.js'

// Records in the shapes the Gegevensmagazijn gives (../shared/corpus/opendata), cut to the fields the rules read.
const zaak = (Nummer: string, Volgnummer: number) => ({ Id: `z-${Nummer}`, Nummer, Soort: 'Motie', Volgnummer })

describe('recordKeys: what links a record to others', () => {
  it.each([
    [
      'Zaak',
      { Id: 'z1', Nummer: '2024Z00425', Document: [{ HuidigeDocumentVersie: { ExterneIdentifier: 'kst-36196-11' } }, { HuidigeDocumentVersie: null }] },
      ['zaak:2024Z00425', 'zaak-id:z1', 'kst:kst-36196-11'],
    ],
    [
      'Agendapunt',
      { Id: 'a1', Activiteit_Id: 'act1', Zaak: [zaak('2024Z00425', 11), zaak('2024Z00424', 10)] },
      ['zaak:2024Z00425', 'zaak:2024Z00424', 'activiteit:act1', 'agendapunt:a1'],
    ],
    ['Besluit', { Id: 'b1', Agendapunt_Id: 'a1' }, ['agendapunt:a1', 'besluit:b1']],
    [
      'Stemming (a fractie)',
      { Id: 's1', Besluit_Id: 'b1', ActorFractie: 'GroenLinks-PvdA', ActorNaam: 'GroenLinks-PvdA' },
      ['besluit:b1', 'fractie:groenlinks-pvda'],
    ],
    [
      'Stemming (a member apart)',
      { Id: 's2', Besluit_Id: 'b1', ActorFractie: 'NSC', ActorNaam: 'Omtzigt', Persoon_Id: 'p1' },
      ['besluit:b1', 'fractie:nsc', 'lid:omtzigt'],
    ],
    ['ZaakActor', { Id: 'za1', Zaak_Id: 'z1', ActorNaam: 'Kostić', ActorFractie: 'PvdD', Relatie: 'Indiener' }, ['zaak-id:z1', 'fractie:pvdd', 'lid:kostic']],
    [
      'ZaakActor (a committee)',
      { Id: 'za2', Zaak_Id: 'z1', ActorNaam: 'vaste commissie voor Justitie en Veiligheid', ActorAfkorting: 'J&V', Relatie: 'Voortouwcommissie' },
      ['zaak-id:z1', 'commissie:j&v'],
    ],
    [
      'Activiteit',
      { Id: 'act1', Datum: '2024-01-23T00:00:00+01:00', Voortouwafkorting: 'BuZa', Onderwerp: 'Wetgevingsoverleg (35646) en (36410-VIII)' },
      ['activiteit:act1', 'maand:2024-01', 'commissie:buza', 'dossier:35646', 'dossier:36410-VIII'],
    ],
    ['Persoon', { Id: 'p1', Achternaam: 'Brekelmans' }, ['naam:brekelmans']],
  ])('%s', (entity, record, keys) => {
    expect(recordKeys(entity.replace(/ \(.*\)$/, ''), record)).toEqual(keys)
  })
})

describe('besluitOf: which Besluit of an Agendapunt decides a motie', () => {
  // The Agendapunt lists its Zaken in no particular order; the Besluiten give their place in the voting list.
  const agendapunt = { Id: 'a1', Zaak: [zaak('2024Z11425', 293), zaak('2024Z11420', 289), zaak('2024Z11423', 291), zaak('2024Z11421', 290)] }
  const besluit = (k: number, soort: string) => ({ Id: `b${k}`, Agendapunt_Id: 'a1', AgendapuntZaakBesluitVolgorde: k, BesluitSoort: soort })
  const besluiten = [
    besluit(1, 'Stemmen - verworpen'),
    besluit(2, 'Stemmen - aangenomen'),
    besluit(3, 'Stemmen - aangenomen'),
    besluit(4, 'Stemmen - verworpen'),
  ]

  it.each([
    ['2024Z11420', 'b1'],
    ['2024Z11421', 'b2'],
    ['2024Z11423', 'b3'],
    ['2024Z11425', 'b4'],
  ])('%s is decided by the Besluit at its place by paper number (%s)', (nummer, id) => {
    expect(besluitOf(nummer, agendapunt, besluiten)?.Id).toBe(id)
  })

  it('a Zaak not on the Agendapunt, or a place with no Besluit stored, gives none', () => {
    expect(besluitOf('2099Z00001', agendapunt, besluiten)).toBeNull()
    expect(besluitOf('2024Z11425', agendapunt, besluiten.slice(0, 3))).toBeNull()
  })

  it('a Besluit of another Agendapunt, or one deleted, is not taken', () => {
    const other = [
      { ...besluit(2, 'Stemmen - aangenomen'), Agendapunt_Id: 'a2' },
      { ...besluit(2, 'Stemmen - verworpen'), Verwijderd: true },
    ]
    expect(besluitOf('2024Z11421', agendapunt, other)).toBeNull()
  })

  it('the one Besluit of an Agendapunt with one Zaak, whatever place it gives', () => {
    expect(besluitOf('2024Z05789', { Id: 'a1', Zaak: [zaak('2024Z05789', 743)] }, [besluit(3, 'Stemmen - aangenomen')])?.Id).toBe('b3')
  })
})

describe('resultOf', () => {
  it.each([
    [{ BesluitSoort: 'Stemmen - aangenomen', BesluitTekst: 'Aangenomen.' }, 'aangenomen'],
    [{ BesluitSoort: 'Stemmen - verworpen', BesluitTekst: 'Verworpen.' }, 'verworpen'],
    [{ BesluitSoort: 'Aangehouden (tijdens de vergadering)', BesluitTekst: 'Aangehouden.' }, 'aangehouden'],
    [{ BesluitSoort: 'Ingetrokken', BesluitTekst: null }, 'ingetrokken'],
    [{ BesluitSoort: 'Stemmingen - uitgesteld', BesluitTekst: 'Uitgesteld.' }, 'anders'],
  ])('%j → %s', (besluit, result) => {
    expect(resultOf(besluit)).toBe(result)
  })
})

describe('tallyVotes', () => {
  it('counts the seats for and against per fractie, keeps a mistake as such, and leaves deleted votes out', () => {
    const t = tallyVotes([
      { ActorFractie: 'VVD', Soort: 'Voor', FractieGrootte: 24, Vergissing: false },
      { ActorFractie: 'PVV', Soort: 'Voor', FractieGrootte: 37, Vergissing: true },
      { ActorFractie: 'SP', Soort: 'Tegen', FractieGrootte: 5 },
      { ActorFractie: 'DENK', Soort: 'Niet deelgenomen', FractieGrootte: 3 },
      { ActorFractie: 'D66', Soort: 'Tegen', FractieGrootte: 9, Verwijderd: true },
      // A member who voted apart from the fractie: a vote of one seat, with the member's name.
      { ActorFractie: 'NSC', ActorNaam: 'Omtzigt', Persoon_Id: 'p1', Soort: 'Tegen', FractieGrootte: 20 },
    ])
    expect(t.seatsFor).toBe(61)
    expect(t.seatsAgainst).toBe(6)
    expect(t.votes.map((v) => v.fractie)).toEqual(['DENK', 'NSC', 'PVV', 'SP', 'VVD'])
    expect(t.votes.find((v) => v.fractie === 'PVV')?.mistake).toBe(true)
    expect(t.votes.find((v) => v.fractie === 'NSC')).toMatchObject({ member: 'Omtzigt', seats: 1 })
  })
})

describe('indienersOf', () => {
  it('the ZaakActor records, the indiener first, each with the fractie at the time', () => {
    const actors = [
      { ActorNaam: 'Wilders', ActorFractie: 'PVV', Relatie: 'Medeindiener' },
      { ActorNaam: 'Ellian', ActorFractie: 'VVD', Relatie: 'Indiener' },
      { ActorNaam: 'Minister van Justitie en Veiligheid', ActorFractie: null, Relatie: 'Volgcommissie' },
    ]
    expect(indienersOf(['Ellian', 'Wilders'], actors)).toEqual([
      { name: 'Ellian', fractie: 'VVD' },
      { name: 'Wilders', fractie: 'PVV' },
    ])
  })

  it('without them, the names signed under the motie, fractie unknown', () => {
    expect(indienersOf(['Ellian', 'Wilders'], [])).toEqual([
      { name: 'Ellian', fractie: null },
      { name: 'Wilders', fractie: null },
    ])
  })

  it('without them, each signed name with the fractie its one Persoon record gives now; none where two people share the name', () => {
    const person = (Id: string, Roepnaam: string, Tussenvoegsel: string | null, Achternaam: string, Fractielabel: string | null) => ({
      Id,
      Roepnaam,
      Tussenvoegsel,
      Achternaam,
      Fractielabel,
    })
    const inge = person('p1', 'Inge', 'van', 'Dijk', 'CDA')
    const diederik = person('p2', 'Diederik', 'van', 'Dijk', 'SGP')
    const people = new Map([
      ['Van Nispen', [person('p3', 'Michiel', 'van', 'Nispen', 'SP')]],
      ['Inge van Dijk', [inge]],
      ['Van Dijk', [inge, diederik]],
      ['Helder', [person('p4', 'Lilian', null, 'Helder', null)]],
    ])
    expect(indienersOf(['Van Nispen', 'Inge van Dijk', 'Van Dijk', 'Helder', 'Onbekend'], [], people)).toEqual([
      { name: 'Van Nispen', fractie: 'SP' },
      { name: 'Inge van Dijk', fractie: 'CDA' },
      { name: 'Van Dijk', fractie: null },
      { name: 'Helder', fractie: null },
      { name: 'Onbekend', fractie: null },
    ])
  })
})

describe('a Persoon record by the names a motie is signed with', () => {
  it.each([
    [{ Id: 'p1', Roepnaam: 'Inge', Tussenvoegsel: 'van', Achternaam: 'Dijk' }, ['naam:van dijk', 'naam:inge van dijk']],
    [{ Id: 'p2', Roepnaam: 'Ines', Tussenvoegsel: null, Achternaam: 'Kostić' }, ['naam:kostic', 'naam:ines kostic']],
    [{ Id: 'p3', Roepnaam: null, Tussenvoegsel: null, Achternaam: null }, []],
  ])('%j', (record, keys) => {
    expect(recordKeys('Persoon', record)).toEqual(keys)
  })
})

describe('a motie’s committee and ministry', () => {
  const actors = [
    { ActorNaam: 'Ellian', ActorFractie: 'VVD', Relatie: 'Indiener' },
    { ActorNaam: 'vaste commissie voor Justitie en Veiligheid', ActorAfkorting: 'J&V', Relatie: 'Voortouwcommissie' },
  ]
  it('the committee is its ZaakActor Voortouwcommissie', () => {
    expect(leadCommittee(actors)).toEqual({ afkorting: 'J&V', naam: 'vaste commissie voor Justitie en Veiligheid' })
    expect(leadCommittee(actors.slice(0, 1))).toBeNull()
  })
  it.each([
    [['Minister van Justitie en Veiligheid'], null, 'Justitie en Veiligheid'],
    [[null, 'Staatssecretaris van Financiën'], null, 'Financiën'],
    [['Minister voor Rechtsbescherming'], null, 'Rechtsbescherming'],
    [[], { afkorting: 'J&V', naam: 'vaste commissie voor Justitie en Veiligheid' }, 'Justitie en Veiligheid'],
    [[], null, null],
  ])('answered by %j, committee %j: %s', (senders, committee, ministry) => {
    expect(motieMinistry(senders, committee)).toBe(ministry)
  })
  // Dossier titles as the Kamer's Zaak records of real moties give them (../shared/corpus/opendata, Document pages).
  it.each([
    [
      'Vaststelling van de begrotingsstaten van het Ministerie van Onderwijs, Cultuur en Wetenschap (VIII) voor het jaar 2024',
      'Onderwijs, Cultuur en Wetenschap',
    ],
    ['Jaarverslag en slotwet Ministerie van Justitie en Veiligheid 2024', 'Justitie en Veiligheid'],
    [
      'Vaststelling van de begrotingsstaten van het Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (VII) voor het jaar 2025',
      'Binnenlandse Zaken en Koninkrijksrelaties',
    ],
    ['Wijziging van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2025 (wijziging samenhangende met de Voorjaarsnota)', 'Defensie'],
  ])('a budget dossier names its ministry: %s', (title, ministry) => {
    expect(dossierMinistry(title, [{ value: 'Minister van Financiën', count: 9 }])).toBe(ministry)
  })
  it('else the ministry that sent most of the dossier’s letters, its minister and staatssecretaris together', () => {
    const senders = [
      { value: 'Minister van Landbouw, Visserij, Voedselzekerheid en Natuur', count: 3 },
      { value: 'Minister van Volksgezondheid, Welzijn en Sport', count: 4 },
      { value: 'Staatssecretaris van Landbouw, Visserij, Voedselzekerheid en Natuur', count: 2 },
      { value: 'Tweede Kamer der Staten-Generaal', count: 20 },
    ]
    expect(dossierMinistry('Dierziektebeleid', senders)).toBe('Landbouw, Visserij, Voedselzekerheid en Natuur')
    expect(dossierMinistry('Dierziektebeleid', senders.slice(3))).toBeNull()
    expect(dossierMinistry(null, [])).toBeNull()
  })
})

describe('the committee a verslag records', () => {
  it.each([
    [
      'De vaste commissie voor Volksgezondheid, Welzijn en Sport heeft op\n18 januari 2024 overleg gevoerd met mevrouw Van den Berg',
      'vaste commissie voor Volksgezondheid, Welzijn en Sport',
    ],
    [
      'De algemene commissie voor Wonen en Ruimtelijke Ordening heeft op 3 april 2024 een commissiedebat gevoerd over',
      'algemene commissie voor Wonen en Ruimtelijke Ordening',
    ],
    // A letter that speaks of a committee, and a committee that held nothing.
    ['In het overleg dat de vaste commissie voor Defensie heeft gevraagd, zal ik ingaan op', null],
    ['De vaste commissie voor Financiën heeft op 3 april 2024 besloten de brief te agenderen.', null],
  ])('%#: %s', (text, committee) => {
    expect(committeeOfVerslag(text)).toBe(committee)
  })
})
