import { describe, expect, it } from 'vitest'
import { withoutNul } from './nul.js'
import type { RawText } from './raw.js'

const raw = (text: string, title?: string): RawText => {
  const lines = []
  let start = 0
  for (const line of text.split('\n')) {
    lines.push({ text: line, start, page: 1 })
    start += line.length + 1
  }
  return { form: 'kamerstuk-pdf-text', text, lines, paragraphLines: false, hints: title ? { title } : {}, issues: [] }
}

describe('withoutNul', () => {
  it.each([
    ['kern\u0000wapens\nde Kamer', 'kernwapens\nde Kamer', 1],
    ['\u0000\u0000begin\nmid\u0000den\neind\u0000', 'begin\nmidden\neind', 4],
    ['geen\nnul', 'geen\nnul', 0],
  ])('%j → %j, each line where the text has it', (input, output, count) => {
    const out = withoutNul(raw(input))
    expect(out.text).toBe(output)
    for (const l of out.lines) expect(out.text.slice(l.start, l.start + l.text.length)).toBe(l.text)
    expect(out.issues.map((i) => i.message)).toEqual(count ? [expect.stringMatching(new RegExp(`^${count} U\\+0000`))] : [])
  })

  it('cleans the metadata a source states too', () => {
    const out = withoutNul(raw('tekst', 'Brief over kern\u0000wapens'))
    expect(out.hints.title).toBe('Brief over kernwapens')
    expect(out.issues[0]?.code).toBe('nul-removed')
  })
})
