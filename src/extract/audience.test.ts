import { describe, expect, it } from 'vitest'
import type { Commitment } from '../model/document.js'
import { notToKamer } from './audience.js'

type Head = Parameters<typeof notToKamer>[0]
const paper = (over: Partial<Head>): Head => ({
  type: null,
  addressee: null,
  id: null,
  dossier: null,
  sender: null,
  commitments: [],
  text: '',
  ...over,
})
const said = (text: string) => ({ text }) as Commitment

describe('only promises to the Kamer are toezeggingen', () => {
  it.each<[string, Partial<Head>]>([
    ['a letter to the Kamer', { type: 'brief', addressee: 'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal', id: 'kst-33783-50' }],
    ['a letter to a committee', { type: 'brief', addressee: 'de vaste commissie voor Defensie' }],
    ['a Kamerstuk without an addressee', { type: 'brief', id: 'kst-31016-58', dossier: '31016' }],
    ['a debate', { type: 'handelingen' }],
    ['an older letter without its head, whose promise names the Kamer', { commitments: [said('Ik zal uw Kamer voor de zomer informeren.')] }],
  ])('%s is one', (_, over) => {
    expect(notToKamer(paper(over))).toBeNull()
  })

  it.each<[string, Partial<Head>, RegExp]>([
    [
      'a ministry’s letter to the VNG',
      { type: 'brief', sender: 'Minister van Langdurige Zorg, Jeugd en Sport', addressee: 'VNG T.a.v. voorzitter VNG bestuur' },
      /addressed to VNG/,
    ],
    [
      'a committee’s besluitenlijst',
      { text: 'Den Haag, 3 april 2009\n\nBesluitenlijst van de procedurevergadering van donderdag 2 april 2009' },
      /besluitenlijst/,
    ],
    [
      'a page with no sign of a paper',
      { commitments: [said('- 16 december 2008 Samenvoeging van de gemeenten Arcen en Velden en Venlo')] },
      /no sign of a paper/,
    ],
  ])('%s is not', (_, over, why) => {
    expect(notToKamer(paper(over))).toMatch(why)
  })
})
