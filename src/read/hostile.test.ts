// The hostile inputs of `bench/hostile.ts`, at the sizes they were reported at (issue 18). Each must be
// read, or refused with one line, well inside 10 s, with output linear in its size. The time ratio of
// size doubling is measured by `npm run bench` (scripts/bench-hostile.mjs), never asserted here.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { deflateBombPdf, emptyPagesPdf, HOSTILE } from '../bench/hostile.js'
import { typesetPdf } from '../bench/typeset.js'
import { createContext, type PipelineContext, readDocument } from '../pipeline.js'
import { corpusFile } from '../test-support/paths.js'
import { ReadError } from './errors.js'
import { hasPoppler, type PdfEngine } from './pdf.js'
import { checkPdfInflation } from './pdf-streams.js'

const enc = (s: string) => new TextEncoder().encode(s)

let ctx: PipelineContext
beforeAll(async () => {
  ctx = await createContext()
})

describe('hostile input is read in time and output linear in its size', () => {
  it.each(HOSTILE.map((h) => [h.name, h] as const))(
    '%s',
    async (_name, { make }) => {
      const bytes = await make(1)
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

describe('issue 26: output in proportion to input, PDFs bounded', () => {
  // Carried in examples/, so this runs on a fresh clone too.
  const DEV_LETTER = corpusFile('dev', '33783-50.txt')
  const output = (doc: unknown) => JSON.stringify(doc).length

  it('one date 50,000 times: 32 records and the rest as their places, under 20 MB, said in the issues', async () => {
    const bytes = enc(`Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nBrief\n${'1 januari 2022 '.repeat(50_000)}\n`)
    const doc = await readDocument(bytes, 'x.txt', ctx)
    expect(output(doc)).toBeLessThan(20 * 1024 * 1024)
    expect(doc.dates).toHaveLength(32)
    expect(doc.dates.reduce((n, d) => n + 1 + (d.also?.length ?? 0), 0)).toBe(50_000)
    // Each place is where the same words stand.
    const last = doc.dates.at(-1)
    for (const at of last?.also?.slice(0, 50) ?? []) expect(doc.text.slice(at, at + 14)).toBe('1 januari 2022')
    expect(doc.issues.map((i) => i.code)).toContain('dates-folded')
  })

  it('one citation 80,000 times: one target, its places kept, under 20 MB', async () => {
    const bytes = enc(`Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nBrief\n${`${'Zie Kamerstuk 33 783, nr. 5. '.repeat(10)}\n`.repeat(8_000)}\n`)
    const doc = await readDocument(bytes, 'x.txt', ctx)
    expect(output(doc)).toBeLessThan(20 * 1024 * 1024)
    expect(new Set(doc.references.map((r) => r.target))).toEqual(new Set(['kst-33783-5']))
    // All but the first lines, which are read as the paper's head (where a citation is no reference).
    expect(doc.references.reduce((n, r) => n + 1 + (r.also?.length ?? 0), 0)).toBeGreaterThan(79_900)
    expect(doc.references).toHaveLength(32)
    expect(doc.issues.map((i) => i.code)).toContain('references-folded')
  })

  it('a real letter keeps a record for every mention (none folded)', async () => {
    const doc = await readDocument(enc(readFileSync(DEV_LETTER, 'utf8')), '33783-50.txt', ctx)
    expect(doc.dates.some((d) => d.also)).toBe(false)
    expect(doc.issues.map((i) => i.code).filter((c) => c.endsWith('-folded') || c.endsWith('-capped'))).toEqual([])
  })

  // pdftotext is a dependency CI installs; without it here, only the pdf.js engine is tried (and CI fails).
  const engines: PdfEngine[] = hasPoppler() ? ['poppler', 'js'] : ['js']
  it('poppler-utils is installed where CI runs', () => {
    if (!hasPoppler() && process.env.CI) throw new Error('pdftotext not found: apt-get install poppler-utils')
  })

  it.each(engines)(
    'a PDF whose stream inflates to 1 GiB is refused in one line before it is handed to %s',
    async (pdfEngine) => {
      const bomb = await deflateBombPdf(1024)
      expect(bomb.length).toBeLessThan(8 * 1024 * 1024)
      const started = performance.now()
      const e = await readDocument(bomb, 'bom.pdf', { ...ctx, pdfEngine }).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(ReadError)
      expect((e as ReadError).code).toBe('pdf-too-large')
      expect((e as Error).message).toMatch(/^PDF streams unpack to over 256 MB/)
      expect(performance.now() - started).toBeLessThan(10_000)
    },
    30_000,
  )

  it('a PDF of 10,000 empty pages: poppler reads it, pdf.js (which walks the page tree for each page) refuses it, both at once', async () => {
    const pdf = emptyPagesPdf(10_000)
    for (const pdfEngine of engines) {
      const started = performance.now()
      const outcome = await readDocument(pdf, 'leeg.pdf', { ...ctx, pdfEngine }).then(
        (doc) => doc.text,
        (e: unknown) => e,
      )
      if (pdfEngine === 'poppler') expect(outcome).toContain('Tweede Kamer')
      else expect((outcome as ReadError).message).toMatch(/10000 pages; the pdf.js reader takes at most 2000/)
      expect(performance.now() - started).toBeLessThan(10_000)
    }
  }, 60_000)

  it('a PDF of real text is not taken for a bomb', async () => {
    const pdf = typesetPdf(readFileSync(DEV_LETTER, 'utf8'))
    await expect(checkPdfInflation(pdf)).resolves.toBeUndefined()
  })
})
