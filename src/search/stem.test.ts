import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusFile, skipWithoutShared } from '../test-support/paths.js'
import { scanWords, stem, WORD } from './stem.js'

const scanned = (text: string) => {
  const out: Array<[number, number]> = []
  scanWords(text, (start, end) => {
    out.push([start, end])
    return true
  })
  return out
}
const matched = (text: string) => [...text.matchAll(WORD)].map((m): [number, number] => [m.index ?? 0, (m.index ?? 0) + m[0].length])

describe('scanWords', () => {
  const cases = [
    "'s-Gravenhage, 1 t/m 26 augustus 2022",
    'D66 en de F-35; kst-36410-XVI-96',
    'Oekraïne, geïnformeerd, café, Ölbohrung, naïef — “citaat” … ½ ² ٣',
    'wiskunde 𝑥 en 𝐀𝐁 (wiskundige letters buiten het BMP), 😀 geen letter',
    'een losse \ud800 helft en \udc00 een andere',
    '',
    '   ',
  ]
  it.each(cases)('finds the words of %j as WORD does', (text) => {
    expect(scanned(text)).toEqual(matched(text))
  })

  it.skipIf(skipWithoutShared)('finds the words of every text of the dev corpus as WORD does', () => {
    const dir = corpusFile('dev')
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt'))
    expect(texts.length).toBeGreaterThan(10)
    for (const f of texts) {
      const text = readFileSync(corpusFile('dev', f), 'utf8')
      expect(scanned(text), f).toEqual(matched(text))
    }
  })

  it('stops when the visitor says so', () => {
    let n = 0
    scanWords('een twee drie vier', () => ++n < 2)
    expect(n).toBe(2)
  })
})

describe('stem', () => {
  const cases: Array<[string, string]> = [
    ['kernwapens', 'kernwap'],
    ['Kernwapen', 'kernwap'],
    ['lidstaten', stem('lidstaat')],
    ['Oekraïne', 'oekrain'],
    ['D66', 'd66'],
  ]
  it.each(cases)('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected)
  })
})
