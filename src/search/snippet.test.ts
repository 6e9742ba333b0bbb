import { describe, expect, it } from 'vitest'
import { snippet, snippetPlain } from './snippet.js'
import { stem } from './stem.js'

describe('snippet', () => {
  const cases: Array<[string, string, string[], string]> = [
    ['a plural found by its singular', 'De kernwapens van de NAVO.', ['kernwapen'], '<mark>kernwapens</mark>'],
    ['a capital with a diacritic as first letter', 'Éénmalige uitkering aan gemeenten.', ['eenmalige'], '<mark>Éénmalige</mark>'],
    ['a word starting with a digit', 'Zie Kamerstuk 33 783 en de F-35.', ['35'], '<mark>35</mark>'],
    ['undoubled vowels (lidstaat → lidstat)', 'Iedere lidstaat en alle lidstaten.', ['lidstaat'], '<mark>lidstaat</mark> en alle <mark>lidstaten</mark>'],
  ]
  it.each(cases)('marks %s', (_, text, words, marked) => {
    expect(snippet(text, new Set(words.map(stem)), [])).toContain(marked)
  })

  it('marks the words a prefix finds, and leaves other words alone', () => {
    const out = snippet('Grondstoffen en grondwater, geen grondstof-akkoord.', new Set(), ['grondstof'])
    expect(out).toBe('<mark>Grondstoffen</mark> en grondwater, geen <mark>grondstof</mark>-akkoord.')
  })
})

describe('snippets escaped once', () => {
  it('give plain text back for output that escapes for itself (feeds, pages)', () => {
    const text = 'Brief over Agri & Food <concept> en "kernwapens" in de regio.'
    const s = snippet(text, new Set([stem('kernwapens')]), [])
    expect(s).toContain('Agri &amp; Food &lt;concept&gt;')
    expect(snippetPlain(s)).toBe(text)
  })
})
