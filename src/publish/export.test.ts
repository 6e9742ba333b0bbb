import { describe, expect, it } from 'vitest'
import { spreadsheetText } from './export.js'

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
