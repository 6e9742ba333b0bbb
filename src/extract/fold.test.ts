import { describe, expect, it } from 'vitest'
import { MentionFold } from './fold.js'

const mention = (text: string, start: number): { text: string; span: { start: number; end: number }; also?: number[] } => ({
  text,
  span: { start, end: start + text.length },
})

describe('MentionFold keeps a paper’s mentions in proportion to what it says', () => {
  it('keeps the first records of a wording, then only their places, and says so', () => {
    const fold = new MentionFold<ReturnType<typeof mention>>('dates', (m) => m.text, { each: 2, total: 100 })
    for (let i = 0; i < 5; i++) fold.add(mention('1 mei 2022', i * 20))
    fold.add(mention('2 mei 2022', 200))
    expect(fold.kept.map((m) => m.span.start)).toEqual([0, 20, 200])
    expect(fold.kept[1]?.also).toEqual([40, 60, 80])
    expect(fold.kept[0]?.also).toBeUndefined()
    expect(fold.issues()).toEqual([{ code: 'dates-folded', message: '3 repeated dates kept as places of an earlier record (more than 2 of the same words)' }])
  })

  it('keeps at most `total` records; the rest are counted in an issue', () => {
    const fold = new MentionFold<ReturnType<typeof mention>>('references', (m) => m.text, { each: 2, total: 3 })
    for (let i = 0; i < 10; i++) fold.add(mention(`nr. ${i}`, i * 10))
    expect(fold.kept).toHaveLength(3)
    expect(fold.issues()).toEqual([{ code: 'references-capped', message: '7 references left out: a paper keeps at most 3' }])
  })

  it('a paper like any other: every mention a record, no issue', () => {
    const fold = new MentionFold<ReturnType<typeof mention>>('dates', (m) => m.text)
    for (let i = 0; i < 12; i++) fold.add(mention('in 2030', i * 50))
    expect(fold.kept).toHaveLength(12)
    expect(fold.issues()).toEqual([])
  })
})
