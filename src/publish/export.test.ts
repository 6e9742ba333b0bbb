import { describe, expect, it } from 'vitest'
import { officialHref, spreadsheetText, tweedekamerHref } from './export.js'

describe('spreadsheetText: a paper’s sentence is never a formula in the analyst’s sheet', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","klik")', '\'=HYPERLINK("http://evil.example","klik")'],
    ['+31 70 318 22 11', "'+31 70 318 22 11"],
    ['-1 mld euro', "'-1 mld euro"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['Ik zal uw Kamer informeren.', 'Ik zal uw Kamer informeren.'],
    ['2022-05-27', '2022-05-27'],
    ['', ''],
  ])('%j', (cell, safe) => {
    expect(spreadsheetText(cell)).toBe(safe)
  })
})

describe('official pages of a paper', () => {
  it.each([
    ['kst-33783-50', 'https://zoek.officielebekendmakingen.nl/kst-33783-50.html', null],
    ['h-tk-20172018-61-10', 'https://zoek.officielebekendmakingen.nl/h-tk-20172018-61-10.html', null],
    ['2023D02273', null, 'https://www.tweedekamer.nl/kamerstukken/detail?id=2023D02273&did=2023D02273'],
    ['2024Z11421', null, 'https://www.tweedekamer.nl/kamerstukken/detail?id=2024Z11421'],
    // Near misses: a key of a letter without an id, a number with a digit too many.
    ['brief-2023-05-30-herijkte-missies', null, null],
    ['2023D022731', null, null],
  ])('%s', (id, official, tk) => {
    expect(officialHref(id)).toBe(official)
    expect(tweedekamerHref(id)).toBe(tk)
  })
})
