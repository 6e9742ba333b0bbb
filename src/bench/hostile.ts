import { zip } from './zip.js'

// Inputs built to stall or swell the reader, as they were reported (issue 18): each was quadratic in some
// scan (18–60 s, or 128 MB of output for 64 KB of dates). `scale` 1 gives the reported size; the
// benchmark reads scale 1 and 2 and reports the ratio of the times (linear: about 2; quadratic: about 4).

const enc = (s: string) => new TextEncoder().encode(s)
const n = (count: number, scale: number) => Math.round(count * scale)
// A paper's first line, so that each input is read as a paper and goes through every stage (text with no sign
// of a parliamentary paper is refused before normalizing).
const HEAD = 'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n'

/** One hostile input: what it is (and which scan it stalled), and its bytes at a scale. */
export interface HostileInput {
  name: string
  make: (scale: number) => Uint8Array
}

/** The hostile inputs, at the sizes they were reported at when `scale` is 1. */
export const HOSTILE: HostileInput[] = [
  { name: '100 KB of dots (the sentence splitter)', make: (s) => enc(`${HEAD}Brief\n${'.'.repeat(n(100_000, s))}\nslot.\n`) },
  { name: '300,000 blank lines (the letterhead marks: /m with \\s*)', make: (s) => enc(`${HEAD}Brief\n${'\n'.repeat(n(300_000, s))}tekst\n`) },
  { name: '1 MB of spaces inside a line (collapsing runs of spaces)', make: (s) => enc(`${HEAD}Brief ${' '.repeat(n(1_000_000, s))} tekst\n`) },
  {
    name: '200,000 lines of `woord-` (spelling evidence for line-break hyphens)',
    make: (s) => enc(`${HEAD}Brief\n${'woord-\n'.repeat(n(200_000, s))}slot.\n`),
  },
  {
    name: 'one paragraph of 100,000 line-break hyphens (each dropped from a copy of the paragraph)',
    make: (s) => enc(`${HEAD}Brief\n${'woord-\nbreuk '.repeat(n(100_000, s))}\nslot.\n`),
  },
  {
    name: '20 lines of 100,000 characters of `Kamerstuk 33 783, nr. 5` (contained references)',
    make: (s) => enc(Array.from({ length: 20 }, () => 'Kamerstuk 33 783, nr. 5'.repeat(n(4348, s))).join('\n')),
  },
  { name: '64 KB of dates in one sentence (each date copied its sentence)', make: (s) => enc(`${HEAD}Brief\n${'1 januari 2022 '.repeat(n(4369, s))}\n`) },
  { name: '102 KB of dates in one sentence (a RangeError and a 500 before)', make: (s) => enc(`${HEAD}Brief\n${'1 januari 2022 '.repeat(n(6963, s))}\n`) },
  {
    name: 'a DOCX of 80,000 unclosed `<w:t ` (the body and run patterns)',
    make: (s) =>
      zip({
        'word/document.xml': `<w:document><w:body><w:p><w:r><w:t>Aan de Voorzitter van de Tweede Kamer</w:t></w:r></w:p>${'<w:t '.repeat(n(80_000, s))}</w:body></w:document>`,
      }),
  },
  {
    name: 'a DOCX of 80,000 `<w:body ` without an end',
    make: (s) =>
      zip({ 'word/document.xml': `<w:document>${'<w:body '.repeat(n(80_000, s))}<w:p><w:r><w:t>Aan de Voorzitter van de Tweede Kamer</w:t></w:r></w:p>` }),
  },
  {
    name: '3,000 dates inside 3,000 references (events outside references)',
    make: (s) => enc(`${HEAD}Brief\n${'Kamerstuk 33 783, nr. 5 van 1 januari 2022. '.repeat(n(3000, s))}\n`),
  },
  {
    name: 'XML nested 100,000 deep (a parser limit, once a 500)',
    make: (s) => enc(`<?xml version="1.0"?><officiele-publicatie>${'<al>'.repeat(n(100_000, s))}x${'</al>'.repeat(n(100_000, s))}</officiele-publicatie>`),
  },
  {
    name: 'HTML nested 100,000 deep (the stack, once a 500)',
    make: (s) => enc(`<html><body><p>Tweede Kamer</p>${'<div>'.repeat(n(100_000, s))}x${'</div>'.repeat(n(100_000, s))}</body></html>`),
  },
]
