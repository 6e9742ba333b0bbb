import { describe, expect, it } from 'vitest'
import type { Section } from '../model/document.js'
import { SPEAKER_LABEL } from '../normalize/patterns.js'
import { findTurns, officesOf, parseLabel } from './turns.js'

describe('parseLabel: the label that opens a turn in the Handelingen', () => {
  it.each([
    ['De voorzitter:', { name: 'voorzitter', role: 'voorzitter' }],
    ['De heer Wörsdörfer (VVD):', { name: 'Wörsdörfer', role: 'kamerlid', party: 'VVD' }],
    ['De heer Van der Lee (GroenLinks):', { name: 'Van der Lee', role: 'kamerlid', party: 'GroenLinks' }],
    ['Mevrouw Van Nieuwenhuizen-Wijbenga (VVD):', { name: 'Van Nieuwenhuizen-Wijbenga', role: 'kamerlid', party: 'VVD' }],
    ["De heer Van 't Wout (VVD):", { name: "Van 't Wout", role: 'kamerlid', party: 'VVD' }],
    ['Mevrouw El Amrani (GroenLinks-PvdA):', { name: 'El Amrani', role: 'kamerlid', party: 'GroenLinks-PvdA' }],
    ['De heer Klein (50PLUS/Klein):', { name: 'Klein', role: 'kamerlid', party: '50PLUS/Klein' }],
    ['Mevrouw Bruins Slot (CDA):', { name: 'Bruins Slot', role: 'kamerlid', party: 'CDA' }],
    ['Staatssecretaris Keijzer:', { name: 'Keijzer', role: 'staatssecretaris' }],
    ['Minister Wiebes:', { name: 'Wiebes', role: 'minister' }],
    ['Minister-president Rutte:', { name: 'Rutte', role: 'minister-president' }],
    ['Minister Yeşilgöz-Zegerius:', { name: 'Yeşilgöz-Zegerius', role: 'minister' }],
    // The older form names the office after the name.
    [
      'De heer Rutte, minister-president, minister van Algemene Zaken:',
      { name: 'Rutte', role: 'minister-president', function: 'minister-president, minister van Algemene Zaken' },
    ],
  ])('%s', (label, speaker) => {
    expect(parseLabel(label)).toEqual(speaker)
  })

  it('is no label without its colon, for an office without a name, or for words that are no name', () => {
    expect(SPEAKER_LABEL.test('De heer Graus (PVV) zei dat')).toBe(false)
    expect(SPEAKER_LABEL.test('Minister van Buitenlandse Zaken:')).toBe(false)
    expect(parseLabel('Minister van Buitenlandse Zaken')).toBeNull()
    expect(parseLabel('Conclusie: de motie is overbodig')).toBeNull()
  })

  it('gives a member of government the office the presence list names, and the chair the name of its head', () => {
    const offices = officesOf(
      'Aanwezig zijn 142 leden der Kamer, te weten: Agema en Arib,\nen mevrouw Van Ark, staatssecretaris van Sociale Zaken en Werkgelegenheid, de heer Grapperhaus, minister van Justitie en Veiligheid, en de heer Rutte, minister-president, minister van Algemene Zaken.',
    )
    expect([...offices]).toEqual([
      ['Van Ark', 'staatssecretaris van Sociale Zaken en Werkgelegenheid'],
      ['Grapperhaus', 'minister van Justitie en Veiligheid'],
      ['Rutte', 'minister-president, minister van Algemene Zaken'],
    ])
    expect(parseLabel('Staatssecretaris Van Ark:', offices)).toEqual({
      name: 'Van Ark',
      role: 'staatssecretaris',
      function: 'staatssecretaris van Sociale Zaken en Werkgelegenheid',
    })
    expect(parseLabel('De voorzitter:', offices, 'Arib')).toEqual({ name: 'Arib', role: 'voorzitter' })
    // A committee report names the offices in its opening sentence, with commas inside a ministry's name.
    expect([...officesOf('heeft overleg gevoerd met mevrouw Van Engelshoven, Minister van Onderwijs, Cultuur en Wetenschap, over:')]).toEqual([
      ['Van Engelshoven', 'minister van Onderwijs, Cultuur en Wetenschap'],
    ])
  })
})

describe('findTurns', () => {
  const paragraphs = (text: string): Section[] => {
    const out: Section[] = []
    let at = 0
    for (const p of text.split('\n\n')) {
      out.push({ kind: 'paragraph', span: { start: at, end: at + p.length } })
      at += p.length + 2
    }
    return out
  }

  it('splits a debate into turns at each label, inline or on its own line, the label a section of its own', () => {
    const text =
      'De voorzitter:\n\nIk open de vergadering.\n\nDe heer Graus (PVV): Dank u wel.\n\nMinister Wiebes:\n\nIk kom erop terug.\n\nDat doe ik schriftelijk.'
    const { turns, sections } = findTurns(text, paragraphs(text))
    expect(turns.map((t) => [t.label, text.slice(t.span.start, t.span.end)])).toEqual([
      ['De voorzitter', 'De voorzitter:\n\nIk open de vergadering.'],
      ['De heer Graus (PVV)', 'De heer Graus (PVV): Dank u wel.'],
      ['Minister Wiebes', 'Minister Wiebes:\n\nIk kom erop terug.\n\nDat doe ik schriftelijk.'],
    ])
    expect(sections.filter((s) => s.kind === 'speaker').map((s) => text.slice(s.span.start, s.span.end))).toEqual([
      'De voorzitter:',
      'De heer Graus (PVV):',
      'Minister Wiebes:',
    ])
    expect(sections.some((s) => s.kind === 'paragraph' && text.slice(s.span.start, s.span.end) === 'Dank u wel.')).toBe(true)
  })

  it('finds no debate in a letter that quotes a speaker or two', () => {
    const text = 'Geachte voorzitter,\n\nMinister Wiebes: dat is de lijn.\n\nDe heer Graus (PVV): akkoord.\n\nHoogachtend,'
    expect(findTurns(text, paragraphs(text)).turns).toEqual([])
  })

  it('marks a member breaking into a speech as an interruption, not the speaker who answers', () => {
    const text = 'Minister Wiebes:\n\nEen.\n\nDe heer Graus (PVV):\n\nEen vraag.\n\nMinister Wiebes:\n\nTwee.\n\nDe voorzitter:\n\nDank u.'
    expect(findTurns(text, paragraphs(text)).turns.map((t) => [t.label, t.interruption])).toEqual([
      ['Minister Wiebes', false],
      ['De heer Graus (PVV)', true],
      ['Minister Wiebes', false],
      ['De voorzitter', false],
    ])
  })
})
