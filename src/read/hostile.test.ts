// The hostile inputs of `bench/hostile.ts`, at the sizes they were reported at (issue 18). Each must be
// read, or refused with one line, well inside 10 s, with output linear in its size. The time ratio of
// size doubling is measured by `npm run bench` (scripts/bench-hostile.mjs), never asserted here.
import { beforeAll, describe, expect, it } from 'vitest'
import { HOSTILE } from '../bench/hostile.js'
import { createContext, type PipelineContext, readDocument } from '../pipeline.js'
import { ReadError } from './errors.js'

const enc = (s: string) => new TextEncoder().encode(s)

let ctx: PipelineContext
beforeAll(async () => {
  ctx = await createContext()
})

describe('hostile input is read in time and output linear in its size', () => {
  it.each(HOSTILE.map((h) => [h.name, h] as const))(
    '%s',
    async (_name, { make }) => {
      const bytes = make(1)
      const started = performance.now()
      let size = 0
      try {
        size = JSON.stringify(await readDocument(bytes, 'hostile.txt', ctx)).length
      } catch (e) {
        // Refused is fine, with one line of its own.
        expect(e).toBeInstanceOf(ReadError)
        expect((e as Error).message).not.toContain('\n')
      }
      // Generous: each took 0.3–2.5 s here, and 18–60 s (or ran out of memory) when a scan was quadratic.
      expect(performance.now() - started).toBeLessThan(10_000)
      expect(size).toBeLessThan(40 * bytes.length + 100_000)
    },
    30_000,
  )
})

describe('nesting and declarations a parser cannot take are refused with one line', () => {
  const refused = async (text: string) => {
    try {
      await readDocument(enc(text), 'x', ctx)
    } catch (e) {
      expect(e).toBeInstanceOf(ReadError)
      return e as ReadError
    }
    throw new Error('read, not refused')
  }

  it('XML nested 100,000 deep: the parser limit is the input’s fault (422), not a crash (500)', async () => {
    const e = await refused(`<?xml version="1.0"?><officiele-publicatie>${'<al>'.repeat(100_000)}x${'</al>'.repeat(100_000)}</officiele-publicatie>`)
    expect(e.code).toBe('xml-invalid')
    expect(e.message).toMatch(/nested/)
  })

  it('XML of 100,000 unclosed elements: refused in one short line, not the parser’s 800 KB quote of the input', async () => {
    const e = await refused(`<?xml version="1.0"?><officiele-publicatie>${'<a>'.repeat(100_000)}`)
    expect(e.code).toBe('xml-invalid')
    expect(e.message.length).toBeLessThanOrEqual(300)
    expect(e.message).toMatch(/^XML is not well-formed: /)
  })

  it('HTML nested 100,000 deep: refused before the walk would overflow the stack', async () => {
    const e = await refused(`<html><body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`)
    expect(e.code).toBe('html-too-deep')
  })

  it('HTML nested as deep as real pages is read', async () => {
    const doc = await readDocument(
      enc(`<html><body>${'<div>'.repeat(200)}<p>Aan de Voorzitter van de Tweede Kamer</p><p>Den Haag, 1 mei 2023</p>${'</div>'.repeat(200)}</body></html>`),
      'x.html',
      ctx,
    )
    expect(doc.text).toContain('Den Haag')
  })

  it('an entity declaration after the first 64 KB is refused like one at the start', async () => {
    const late = `<?xml version="1.0"?>\n<!-- ${'x'.repeat(70_000)} -->\n<!DOCTYPE officiele-publicatie [<!ENTITY x "boem">]>\n<officiele-publicatie><kamerstuk><al>&x; tekst</al></kamerstuk></officiele-publicatie>`
    expect((await refused(late)).code).toBe('xml-entities')
    const external = `<?xml version="1.0"?>\n<!-- ${'x'.repeat(70_000)} -->\n<!DOCTYPE officiele-publicatie SYSTEM "http://example.org/x.dtd">\n<officiele-publicatie/>`
    expect((await refused(external)).code).toBe('xml-external-dtd')
  })
})

describe('what is no parliamentary paper is refused with one line, never stored (issue 16)', () => {
  const refusedAs = async (text: string) => {
    try {
      await readDocument(enc(text), 'x.txt', ctx)
    } catch (e) {
      expect(e).toBeInstanceOf(ReadError)
      return (e as ReadError).message
    }
    return 'read'
  }

  it.each([
    [
      'a CSV table',
      'id,title,date\n1,Brief over kernwapens,2022-05-27\n2,"Motie van het lid, Sjoerdsma",2022-06-01\n3,Verslag,2022-06-02\n',
      /comma-separated \(CSV\) table/,
    ],
    [
      'a CSV table whose quoted fields hold line breaks and the Kamer',
      'task,text,sentence\n20,"stuk nr. 12","In stemming komt het\namendement van de Tweede Kamer."\n21,"nr. 5","De minister zegt,\nen zo voort."\n22,"nr. 6","x"\n',
      /comma-separated \(CSV\) table/,
    ],
    ['a TSV table', 'dossier\tnr\ttitel\n33783\t50\tBrief van de minister\n33783\t48\tVerslag\n36410\t96\tMotie\n', /tab-separated \(TSV\) table/],
    ['a semicolon table', 'a;b;c\n1;2;3\n4;5;6\n7;8;9\n', /semicolon-separated table/],
    ['text with no sign of a paper', 'Boodschappenlijst\n\nMelk, brood en kaas.\nOok nog appels halen bij de markt.\n', /no sign of a parliamentary paper/],
  ])('%s', async (_what, text, message) => {
    expect(await refusedAs(text)).toMatch(message)
  })

  it('a file the Kamer’s open data vouches for (sync tk: an annex that is a table) is read, not refused', async () => {
    const annex = 'jaar;bedrag;regeling\n2022;1200;subsidie A\n2023;1400;subsidie B\n2024;1500;subsidie C\n'
    expect(await refusedAs(annex)).toMatch(/semicolon-separated table/)
    const doc = await readDocument(enc(annex), 'bijlage.txt', { ...ctx, vouched: true })
    expect(doc.text).toContain('subsidie B')
  })

  it('a letter with commas in every line is still a letter', async () => {
    const letter =
      'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 3 maart 2023\nHierbij, zoals toegezegd, informeer ik u, mede namens de minister, over de voortgang.\nDe planning, de kosten en, tot slot, de risico’s komen aan bod.\nIk zal uw Kamer, zodra dat kan, nader informeren.\n'
    expect(await refusedAs(letter)).toBe('read')
  })
})
