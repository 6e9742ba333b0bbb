import type { Section, Span } from '../model/document.js'

/** A sentence of the clean text, within one section. */
export interface Sentence {
  text: string
  span: Span
  section: Section['kind']
  /** Index of the section in the paper's `sections`. */
  sectionIndex: number
}

// Abbreviations that end in a full stop inside a sentence (`t.z.t.`, `d.d.`, `jl.`, `nr.`).
const ABBREVIATIONS = new Set([
  // `Kst. 36 725, nr. 29.`, `Hand. II 2022/23`, `Aanh. Hand.`, `vgl.`: the citation forms of footnotes.
  'kst',
  'hand',
  'aanh',
  'vgl',
  'nr',
  'nrs',
  'jl',
  'j.l',
  't.z.t',
  'd.d',
  'o.a',
  'bijv',
  'bv',
  'm.b.t',
  'i.v.m',
  'e.d',
  'c.s',
  'vs',
  'art',
  'artt',
  'blz',
  'resp',
  'ca',
  'dhr',
  'mevr',
  'drs',
  'mr',
  'dr',
  'ir',
  'prof',
  'ing',
  'z.s.m',
  'a.s',
  'm.i.v',
  'i.c',
  'incl',
  'excl',
  'min',
  'mln',
  'mld',
  'e.a',
  'd.w.z',
  'o.m',
  'p.m',
  'n.a.v',
  'i.o.m',
  'zgn',
  'evt',
  'ong',
])

// Abbreviations a number follows without a space (`nr.5`, `art.12`, `blz.3`): a digit after them is no footnote marker.
const NUMBERED = new Set(['nr', 'nrs', 'art', 'artt', 'blz', 'p', 'pp', 'pag', 'no', 'lid', 'sub', 'vgl', 'zie', 'jo', 'hfst'])

// Sections whose text is prose that can hold references, dates and promises.
const PROSE: ReadonlySet<Section['kind']> = new Set(['header', 'paragraph', 'list-item', 'heading', 'footnote', 'title', 'dateline', 'closing'])

/**
 * Splits the prose sections of a paper into sentences: at `.`, `!` or `?`
 * before a capital, digit, quote or bracket, but not after an abbreviation
 * (`t.z.t.`, `nr.`) or an initial (`W.B. Hoekstra`).
 */
export function sentences(text: string, sections: Section[]): Sentence[] {
  const out: Sentence[] = []
  for (const [sectionIndex, section] of sections.entries()) {
    if (!PROSE.has(section.kind)) continue
    let { start } = section.span
    const { end } = section.span
    // A footnote's number is its label, not part of its first sentence (`13 Dit kabinet werkt tevens …`).
    if (section.kind === 'footnote' && section.label) {
      const lead = new RegExp(`^${section.label.replace(/[^\w]/g, '\\$&')}[.)]?\\s+`).exec(text.slice(start, Math.min(end, start + 12)))
      if (lead) start += lead[0].length
    }
    const block = text.slice(start, end)
    let from = start
    // A footnote marker may follow the full stop: `(CDA).5 De voorgestelde …`.
    // The lookbehind starts a match only at the first mark of a run: else a run of 100,000 dots is tried
    // from each of its dots, each try running to its end (quadratic).
    const re = /(?<![.!?])[.!?]+["'»)]*(?:\d{1,2}(?=\s+\p{Lu}))?(?=\s+["'«(]?[\p{Lu}\d–•-])/gu
    for (let m = re.exec(block); m; m = re.exec(block)) {
      const at = start + m.index
      const stop = at + m[0].length
      if (m[0].startsWith('.') && !m[0].startsWith('..')) {
        // The word before the full stop: an abbreviation or an initial does not end a sentence.
        const before = /(?:^|[\s(])([\p{L}.]+)$/u.exec(text.slice(Math.max(from, at - 20), at))
        const word = before?.[1]?.toLowerCase() ?? ''
        // A footnote marker after it ends the sentence all the same: `de motie Van Campen c.s.1 Uiteraard …`
        // (unless the abbreviation is one a number follows: `nr.5`, `art.12`).
        const footnote = /\d$/.test(m[0]) && !NUMBERED.has(word)
        if (!footnote && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word))) continue
      }
      push(out, text, from, stop, section.kind, sectionIndex)
      from = stop
    }
    push(out, text, from, end, section.kind, sectionIndex)
  }
  return out
}

function push(out: Sentence[], text: string, from: number, to: number, section: Section['kind'], sectionIndex: number): void {
  let a = from
  let b = to
  while (a < b && /\s/.test(text[a] as string)) a++
  while (b > a && /\s/.test(text[b - 1] as string)) b--
  if (b > a) out.push({ text: text.slice(a, b), span: { start: a, end: b }, section, sectionIndex })
}
