// Accuracy on the real corpus as a test: the independent scorer (../shared/eval/score.mjs)
// must find the levels issue 2 asks for. `npm run eval` prints the full report.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { typesetLetterheadCorpus } from '../src/bench/typeset.js'
import { createContext, type PipelineContext, readDocument } from '../src/pipeline.js'
import { sharedDir, skipWithoutShared } from '../src/test-support/paths.js'

let ctx: PipelineContext
beforeAll(async () => {
  ctx = await createContext()
})

interface F1 {
  f1: number
}
interface Summary {
  coverage: number
  metadata: number
  joins: number
  references: F1
  dates: F1
  commitments: F1 & { due: number }
  fulfils: F1
}

async function score(
  corpus: string,
  dir = join(sharedDir(), 'corpus', corpus),
): Promise<Summary & { forms: Record<string, { documents: number; metadata: number }> }> {
  const out = mkdtempSync(join(tmpdir(), `kw-acc-${corpus}-`))
  for (const f of readdirSync(dir).filter((f) => !f.endsWith('.gold.json') && !f.endsWith('.joins.json') && !f.endsWith('.tsv') && !f.endsWith('.md'))) {
    const doc = await readDocument(readFileSync(join(dir, f)), f, ctx)
    writeFileSync(join(out, `${f}.json`), JSON.stringify(doc))
  }
  const r = spawnSync(process.execPath, [join(sharedDir(), 'eval', 'score.mjs'), dir, out, '--json'], { encoding: 'utf8' })
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

describe.skipIf(skipWithoutShared)('accuracy against the gold annotations', () => {
  it('dev: coverage 100%, metadata ≥ 97%, joins ≥ 99%; references F1 ≥ 0.95, dates ≥ 0.93, commitments ≥ 0.90 (due ≥ 90%), fulfils ≥ 0.85', async () => {
    const s = await score('dev')
    expect(s.coverage).toBe(1)
    expect(s.metadata).toBeGreaterThanOrEqual(0.97)
    expect(s.joins).toBeGreaterThanOrEqual(0.99)
    expect(s.references.f1).toBeGreaterThanOrEqual(0.95)
    expect(s.dates.f1).toBeGreaterThanOrEqual(0.93)
    expect(s.commitments.f1).toBeGreaterThanOrEqual(0.9)
    expect(s.commitments.due).toBeGreaterThanOrEqual(0.9)
    expect(s.fulfils.f1).toBeGreaterThanOrEqual(0.85)
  })

  it('letters (36 real letters the rules were generalised on, issue 14): metadata ≥ 97%, references F1 ≥ 0.95, commitments ≥ 0.90 (due ≥ 90%), fulfils ≥ 0.85', async () => {
    const s = await score('letters')
    expect(s.coverage).toBe(1)
    expect(s.metadata).toBeGreaterThanOrEqual(0.97)
    expect(s.references.f1).toBeGreaterThanOrEqual(0.95)
    expect(s.commitments.f1).toBeGreaterThanOrEqual(0.9)
    expect(s.commitments.due).toBeGreaterThanOrEqual(0.9)
    expect(s.fulfils.f1).toBeGreaterThanOrEqual(0.85)
  })

  it('debates (9 real debate records with gold spoken promises, issue 24): all read, spoken promises F1 ≥ 0.65, due text ≥ 80%', async () => {
    const s = await score('debates')
    expect(s.coverage).toBe(1)
    expect(s.metadata).toBe(1)
    expect(s.commitments.f1).toBeGreaterThanOrEqual(0.65)
    expect(s.commitments.due).toBeGreaterThanOrEqual(0.8)
  })

  it('genres (24 real answers, verslagen, nota’s and older letters, issue 27): metadata ≥ 97%, references F1 ≥ 0.92, no member’s question a promise', async () => {
    const s = await score('genres')
    expect(s.coverage).toBe(1)
    expect(s.metadata).toBeGreaterThanOrEqual(0.97)
    expect(s.references.f1).toBeGreaterThanOrEqual(0.92)
    expect(s.fulfils.f1).toBeGreaterThanOrEqual(0.85)
  })

  it('dev-stress: joins ≥ 98.5% (the rest are gold entries no text can satisfy; see docs/accuracy.md)', async () => {
    const s = await score('dev-stress')
    expect(s.coverage).toBe(1)
    expect(s.joins).toBeGreaterThanOrEqual(0.985)
  })

  it('dev letterhead letters typeset as PDFs and read as PDFs (issue 16): metadata ≥ 95%', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-acc-letterhead-'))
    expect(typesetLetterheadCorpus(join(sharedDir(), 'corpus', 'dev'), dir)).toBeGreaterThanOrEqual(2)
    const s = await score('letterhead-pdf', dir)
    expect(s.coverage).toBe(1)
    expect(s.forms.pdf?.documents).toBeGreaterThanOrEqual(2)
    expect(s.forms.pdf?.metadata).toBeGreaterThanOrEqual(0.95)
  })
})
