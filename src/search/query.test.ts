import { describe, expect, it } from 'vitest'
import { isQueryDate, parseQuery, type QueryError } from './query.js'

describe('parseQuery: citations as people write them', () => {
  it.each([
    ['33783', { dossier: '33783' }, ''],
    ['33 783', { dossier: '33783' }, ''],
    ['kst-33783-50', { paper: 'kst-33783-50' }, ''],
    ['KST-36410-XVI-96', { paper: 'kst-36410-XVI-96' }, ''],
    ['Kamerstuk 33 783, nr. 50', { paper: 'kst-33783-50' }, ''],
    ['Kamerstukken II 2021/22, 33 783, nr. 50 toetsingsconferentie', { paper: 'kst-33783-50' }, 'toetsingsconferentie'],
    ['2019D21842', { paper: '2019D21842' }, ''],
    ['h-tk-20172018-61-10', { paper: 'h-tk-20172018-61-10' }, ''],
    ['kernwapens 33783', { dossier: '33783' }, 'kernwap'],
    // A year is no dossier, nor is a number in a phrase.
    ['begroting 2024', {}, 'begrot 2024'],
  ])('%s', (query, filters, words) => {
    const q = parseQuery(query)
    expect(q.filters).toEqual(filters)
    expect(
      q.must
        .flat()
        .map((t) => (t.kind === 'word' ? t.stem : t.text))
        .join(' '),
    ).toBe(words)
    if (Object.keys(filters).length) expect(q.notes.length).toBeGreaterThan(0)
  })
})

describe('parseQuery: a paper named in its field', () => {
  // The field's value is a citation too; it must reach the field, not be taken out of the query before it.
  it.each([
    ['stuk:kst-33783-50', 'kst-33783-50'],
    ['stuk:"kst-33783-50"', 'kst-33783-50'],
    ['toetsingsconferentie stuk:kst-36410-XVI-96', 'kst-36410-XVI-96'],
    ['paper:2019D21842', '2019D21842'],
  ])('%s', (query, paper) => {
    expect(parseQuery(query).filters.paper).toBe(paper)
  })
})

describe('parseQuery: operators in English and Dutch', () => {
  it('reads OF as OR, NIET as exclusion, EN as the AND it already is', () => {
    const of = parseQuery('kernwapens OF ontwapening')
    expect(of.must).toHaveLength(1)
    expect(of.must[0]).toHaveLength(2)
    const niet = parseQuery('kernwapens NIET Iran')
    expect(niet.must).toHaveLength(1)
    expect(niet.not.map((t) => t.text)).toEqual(['Iran'])
    expect(parseQuery('kernwapens EN lidstaten').must).toHaveLength(2)
  })

  it('says in English and in Dutch what to write instead', () => {
    const error = (q: string) => {
      try {
        parseQuery(q)
      } catch (e) {
        return e as QueryError
      }
      throw new Error(`no error for ${q}`)
    }
    expect(error('OF kernwapens').nl).toBe('OF heeft aan beide kanten een woord nodig, zoals kernwapens OF ontwapening')
    expect(error('van:2022-13-45').message).toBe('van: 2022-13-45 is not a date: write 2022-01-01 (or 2022, or 2022-05)')
    expect(error('van:2022-13-45').nl).toBe('van: 2022-13-45 is geen datum: schrijf 2022-01-01 (of 2022, of 2022-05)')
    expect(error('type:flapdrol').nl).toMatch(/^type: flapdrol is geen soort stuk; de soorten zijn brief, motie, amendement, /)
    expect(error('kleur:rood').nl).toBe('onbekend veld "kleur:"; gebruik type:, dossier:, afzender:, spreker:, stuk:, van: of tot:')
    expect(error('spreker:').message).toBe('spreker: needs a value, as in spreker:Wiebes')
  })
})

describe('isQueryDate', () => {
  it.each([
    ['2022', true],
    ['2022-05', true],
    ['2022-02-28', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2022-13-45', false],
    ['2022-00', false],
    ['22-01-01', false],
  ])('%s', (value, ok) => {
    expect(isQueryDate(value)).toBe(ok)
  })
})
