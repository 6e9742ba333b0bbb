import { describe, expect, it } from 'vitest'
import { openDataList, zaakRecords } from './opendata.js'

// Two records of each list, with the fields the real pages of ../shared/corpus/opendata have (values cut short).
const page = (records: object[]) => JSON.stringify(records)
const twice = (r: object) => page([r, { ...r, Id: `${(r as { Id: string }).Id}-2` }])

describe('openDataList: the entity of each record of a list that does not name it', () => {
  it.each([
    ['Vergadering', { Id: 'v', Aanvangstijd: null, Datum: '2024-01-23', Soort: 'Plenair', Titel: 'Vergadering', VergaderingNummer: 39, Zaal: 'Plenaire zaal' }],
    ['Agendapunt', { Id: 'a', Aanvangstijd: null, Nummer: '2024P11802', Onderwerp: 'Stemmingen', Status: 'Vrijgegeven', Volgorde: 14, Rubriek: null }],
    [
      'Activiteit',
      {
        Id: 'act',
        Aanvangstijd: '2024-01-23T14:00:00',
        Nummer: '2024A00001',
        Onderwerp: 'Stemmingen',
        Soort: 'Stemmingen',
        Status: 'Uitgevoerd',
        DatumSoort: 'Dag',
      },
    ],
    ['Fractie', { Id: 'f', Nummer: 59468, Afkorting: 'NSC', NaamNL: 'Nieuw Sociaal Contract', AantalZetels: 19 }],
    ['FractieZetelPersoon', { Id: 'fzp', Functie: 'Lid', Van: '2023-12-06', TotEnMet: null }],
    ['Persoon', { Id: 'p', Achternaam: 'Brekelmans', Functie: 'Tweede Kamerlid', Van: null }],
    ['Zaak', { Id: 'z', Nummer: '2024Z00425', Soort: 'Motie', Status: 'Vrijgegeven', Afgedaan: true }],
    ['Toezegging', { Id: 't', Nummer: 'TZ202401-001', Tekst: 'De minister zegt toe …', Ministerie: 'BZ', Status: 'Open' }],
    ['ZaakActor', { Id: 'za', Zaak_Id: 'z', ActorNaam: 'Brekelmans', ActorFractie: 'VVD', Relatie: 'Indiener' }],
    ['Stemming', { Id: 's', Besluit_Id: 'b', Soort: 'Voor', FractieGrootte: 24, ActorFractie: 'VVD' }],
    ['Besluit', { Id: 'b', Agendapunt_Id: 'a', BesluitSoort: 'Stemmen - aangenomen', AgendapuntZaakBesluitVolgorde: 1 }],
  ])('%s', (entity, record) => {
    expect(openDataList(twice(record))?.map((r) => r.entity)).toEqual([entity, entity])
  })

  it('keeps records expanded in a Stemming as records of their own, each once, the Stemming without them', () => {
    const besluit = {
      Id: 'b',
      Agendapunt_Id: 'a',
      BesluitSoort: 'Stemmen - aangenomen',
      Agendapunt: { Id: 'a', Volgorde: 1, Zaak: [{ Id: 'z', Nummer: '2024Z00425' }] },
    }
    const vote = (id: string, fractie: string) => ({
      Id: id,
      Besluit_Id: 'b',
      ActorFractie: fractie,
      Soort: 'Voor',
      Besluit: besluit,
      Fractie: { Id: `f-${fractie}`, AantalZetels: 3 },
      Persoon: null,
    })
    const list = openDataList(
      JSON.stringify({
        '@odata.context': 'https://…/$metadata#Stemming(Besluit(Agendapunt(Zaak())),Fractie,Persoon)',
        value: [vote('s1', 'SP'), vote('s2', 'SGP')],
      }),
    )
    expect(list?.map((r) => `${r.entity} ${r.record.Id}`)).toEqual(['Agendapunt a', 'Besluit b', 'Fractie f-SP', 'Stemming s1', 'Fractie f-SGP', 'Stemming s2'])
    const stemming = list?.find((r) => r.entity === 'Stemming')?.record
    expect(stemming).not.toHaveProperty('Besluit')
    expect(stemming).not.toHaveProperty('Persoon')
    expect(stemming?.Besluit_Id).toBe('b')
    // The Agendapunt keeps its Zaak list: which moties it puts to the vote.
    expect(list?.find((r) => r.entity === 'Agendapunt')?.record.Zaak).toEqual([{ Id: 'z', Nummer: '2024Z00425' }])
  })
})

describe('zaakRecords: a file of one Zaak with its Documents', () => {
  const doc = (Id: string, kst: string | null) => ({ Id, DocumentNummer: `D-${Id}`, Soort: 'Motie', HuidigeDocumentVersie: { ExterneIdentifier: kst } })
  it('gives the Zaak and its Document published as a Kamerstuk', () => {
    const z = zaakRecords(
      JSON.stringify({ Id: 'z', Nummer: '2024Z00425', Kabinetsappreciatie: 'Oordeel Kamer', Document: [doc('d0', null), doc('d1', 'kst-36196-11')] }),
    )
    expect(z?.zaak.Kabinetsappreciatie).toBe('Oordeel Kamer')
    expect(z?.document?.Id).toBe('d1')
  })

  it('is null for a Document record, a list, or JSON of no Zaak', () => {
    expect(zaakRecords(JSON.stringify(doc('d1', 'kst-36196-11')))).toBeNull()
    expect(zaakRecords('[]')).toBeNull()
    expect(zaakRecords('{"a": 1}')).toBeNull()
    expect(zaakRecords('not json')).toBeNull()
  })
})

describe('a JSON list that is no open data', () => {
  it('is refused as what it is, not as a page of records to ingest', async () => {
    const { readOpenData } = await import('./opendata.js')
    const list = JSON.stringify([
      { zaak: '2024Z00425', besluit: 'Aangenomen' },
      { zaak: '2024Z00508', besluit: 'Aangenomen' },
    ])
    expect(() => readOpenData(list)).toThrow('JSON list of 2 items that are not Tweede Kamer open-data records (they have no Id)')
  })
})
