import { beforeAll, describe, expect, it } from 'vitest'
import { type BreakDecision, decideBreak } from './dehyphenate.js'
import { type Lexicon, loadDutchLexicon } from './lexicon.js'

let lexicon: Lexicon
beforeAll(async () => {
  lexicon = await loadDutchLexicon()
})

// Real line breaks from Kamerstukken and Handelingen: [left, right, word after, decision, why].
const cases: Array<[string, string, string | undefined, BreakDecision, string]> = [
  ['Buiten', 'landse', 'Zaken', 'join', 'typesetter break in a dictionary word (33783-50)'],
  ['toegangsbe', 'perkingen', 'rondom', 'join', 'compound only Hunspell knows'],
  ['Kamer', 'leden', undefined, 'join', 'Kamerleden'],
  ['Toetsingsconfe', 'rentie', 'verwijs', 'join', 'unknown left part'],
  ['wapen', 'wedlopen', 'te', 'join', 'compound of two words the dictionary knows whole'],
  ['interna', 'tionale', 'veiligheidsomgeving', 'join', 'internationale'],
  ['Eurowob-ver', 'zoek', 'van', 'join', 'break after an earlier real hyphen: only the last part counts'],
  ['door', 'vertaling', 'van', 'join', 'particle prefix'],
  ['energie', 'akkoord', 'afgesproken', 'join', 'both spellings known, no vowel clash'],
  ['NPV', 'lidstaten', 'dat', 'keep', 'acronym before a compound'],
  ['VN', 'hoofdkantoor', 'te', 'keep', 'acronym (pdftotext default mode wrongly gives VNhoofdkantoor)'],
  ['CO2', 'reductie', 'van', 'keep', 'digit in the left part'],
  ['PvdA', 'fractie', 'heeft', 'keep', 'capital inside the left part'],
  ['Noord', 'Holland', undefined, 'keep', 'capital after the hyphen'],
  ['Berndsen', 'Jansen', undefined, 'keep', 'double surname'],
  ['buiten', 'Europees', undefined, 'keep', 'capital after the hyphen'],
  ['zee', 'eend', undefined, 'keep', 'vowel clash'],
  ['economie', 'opgave', undefined, 'keep', 'vowel clash, both spellings known'],
  ['olie', 'industrie', undefined, 'keep', 'vowel clash'],
  ['vice', 'voorzitter', undefined, 'keep', 'prefix the Kamer hyphenates'],
  ['oud', 'minister', undefined, 'keep', 'prefix the Kamer hyphenates'],
  ['financieel', 'economische', undefined, 'keep', 'two whole words in a coordinating compound'],
  ['zwart', 'witte', 'besluit', 'keep', 'two colours side by side'],
  ['energie', 'en', 'klimaatpakket', 'keep-space', 'elided compound part: energiepakket'],
  ['Klimaat', 'en', 'Energiepakket', 'keep-space', 'elision with capitals'],
  ['partij', 'en', 'bij', 'join', 'en ends the word: 48 partijen bij betrokken'],
  ['https://single-market-economy.ec.europa.eu/sectors/raw', 'materials', undefined, 'keep', 'URLs break at their own hyphens'],
  ['COVID', '19', undefined, 'keep', 'digit after the hyphen'],
]

describe('decideBreak', () => {
  it.each(cases)('%s- / %s → %s', (left, right, after, want) => {
    expect(decideBreak(left, right, lexicon, undefined, after)).toBe(want)
  })

  it('lets the paper’s own spelling decide where the dictionary knows both', () => {
    const joined = (w: string) => w === 'energieakkoord'
    const hyphened = (w: string) => w === 'energie-akkoord'
    expect(decideBreak('energie', 'akkoord', lexicon)).toBe('join')
    expect(decideBreak('energie', 'akkoord', lexicon, { has: hyphened })).toBe('keep')
    expect(decideBreak('energie', 'akkoord', lexicon, { has: joined })).toBe('join')
  })
})
