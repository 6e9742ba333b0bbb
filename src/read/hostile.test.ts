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

  it('HTML nested 100,000 deep: refused before the walk would overflow the stack', async () => {
    const e = await refused(`<html><body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`)
    expect(e.code).toBe('html-too-deep')
  })

  it('HTML nested as deep as real pages is read', async () => {
    const doc = await readDocument(enc(`<html><body>${'<div>'.repeat(200)}<p>Den Haag, 1 mei 2023</p>${'</div>'.repeat(200)}</body></html>`), 'x.html', ctx)
    expect(doc.text).toContain('Den Haag')
  })

  it('an entity declaration after the first 64 KB is refused like one at the start', async () => {
    const late = `<?xml version="1.0"?>\n<!-- ${'x'.repeat(70_000)} -->\n<!DOCTYPE officiele-publicatie [<!ENTITY x "boem">]>\n<officiele-publicatie><kamerstuk><al>&x; tekst</al></kamerstuk></officiele-publicatie>`
    expect((await refused(late)).code).toBe('xml-entities')
    const external = `<?xml version="1.0"?>\n<!-- ${'x'.repeat(70_000)} -->\n<!DOCTYPE officiele-publicatie SYSTEM "http://example.org/x.dtd">\n<officiele-publicatie/>`
    expect((await refused(external)).code).toBe('xml-external-dtd')
  })
})
