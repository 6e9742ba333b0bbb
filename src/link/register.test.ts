import { describe, expect, it } from 'vitest'
import type { OpenDataRecord } from '../model/opendata.js'
import { madeToText, registerChains, registerEntry } from './register.js'

const toezegging = (id: string, fields: Record<string, unknown>): OpenDataRecord => ({
  entity: 'Toezegging',
  id,
  modified: '2024-01-19T09:00:00Z',
  deleted: false,
  record: { Id: id, Nummer: `TZ-${id}`, Tekst: 'De minister stuurt de Kamer de cijfers.', ...fields },
})
const none = () => null

describe('a register record read with its links', () => {
  // The register names whom a promise was made to through `ToegezegdAan`; the sync asks for it expanded, and the
  // record it points to is a member, a fractie, or one holding either.
  it.each([
    ['a member with their fractie label', { Roepnaam: 'Jan', Tussenvoegsel: 'van', Achternaam: 'Dijk', Fractielabel: 'SP' }, 'Van Dijk (SP)'],
    ['a member without a fractie', { Achternaam: 'Jansen' }, 'Jansen'],
    ['a fractie', { Afkorting: 'CDA', NaamNL: 'Christen-Democratisch Appèl' }, 'CDA'],
    ['a fractie by its name only', { NaamNL: 'Partij voor de Dieren' }, 'Partij voor de Dieren'],
    ['a record holding a member and their fractie', { Persoon: { Achternaam: 'Kostić' }, Fractie: { Afkorting: 'PvdD' } }, 'Kostić (PvdD)'],
    ['a record holding a fractie', { Fractie: { Afkorting: 'VVD' } }, 'VVD'],
  ])('made to %s', (_, to, shown) => {
    const e = registerEntry(toezegging('1', { ToegezegdAan: [to] }), none)
    expect(e.toegezegdAan.map(madeToText)).toEqual([shown])
    // One record alone, not in a list, reads the same.
    expect(registerEntry(toezegging('1', { ToegezegdAan: to }), none).toegezegdAan).toEqual(e.toegezegdAan)
  })

  it('names no one where the record names no one it can read', () => {
    for (const to of [null, [], [{ Id: 'x' }], 'SP']) expect(registerEntry(toezegging('1', { ToegezegdAan: to }), none).toegezegdAan).toEqual([])
  })

  it('reads the debate from the record, else from the stored activity of its number', () => {
    const meeting = { Id: 'a', Nummer: '2024A00101', Soort: 'Commissiedebat', Onderwerp: 'Jeugdbeleid', Voortouwafkorting: 'VWS' }
    const expanded = registerEntry(toezegging('1', { ActiviteitNummer: '2024A00101', Activiteit: meeting }), none)
    expect(expanded.activiteit).toMatchObject({ nummer: '2024A00101', soort: 'Commissiedebat', commissie: { afkorting: 'VWS' } })
    const stored = registerEntry(toezegging('1', { ActiviteitNummer: '2024A00101' }), none, meeting)
    expect(stored.activiteit).toEqual(expanded.activiteit)
    const missing = registerEntry(toezegging('1', { ActiviteitNummer: '2023A00620' }), none)
    expect([missing.activiteit, missing.activiteitNummer]).toEqual([null, '2023A00620'])
  })

  it('reads the chain both ways, with the number of a record the register holds', () => {
    const first = registerEntry(toezegging('1', {}), none)
    const change = registerEntry(toezegging('2', { IsWijzigingVan: { Id: '1', Nummer: 'TZ-1' } }), none)
    // A key alone, as a record not expanded gives it: the number comes from the record it names.
    const repeat = registerEntry(toezegging('3', { IsHerhalingVan_Id: '2' }), none)
    const addition = registerEntry(toezegging('4', { IsAanvullingOp: [{ Id: 'elders' }] }), none)
    const [a, b, c, d] = registerChains([first, change, repeat, addition])
    expect(a?.chain).toEqual([{ relation: 'gewijzigd-in', id: '2', nummer: 'TZ-2' }])
    expect(b?.chain).toEqual([
      { relation: 'wijziging-van', id: '1', nummer: 'TZ-1' },
      { relation: 'herhaald-in', id: '3', nummer: 'TZ-3' },
    ])
    expect(c?.chain).toEqual([{ relation: 'herhaling-van', id: '2', nummer: 'TZ-2' }])
    // A record this store does not hold keeps its id and has no number.
    expect(d?.chain).toEqual([{ relation: 'aanvulling-op', id: 'elders', nummer: null }])
  })
})
