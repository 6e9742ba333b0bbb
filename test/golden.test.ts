// Golden tests: one real paper per input form, read whole, compared with
// test/fixtures/<case>/expected.json. After a deliberate change of output,
// regenerate with `UPDATE=1 npx vitest run test/golden.test.ts` and review the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Document } from '../src/model/document.js'
import { createContext, type PipelineContext, readDocument } from '../src/pipeline.js'
import { corpusFile, ROOT, skipWithoutShared } from '../src/test-support/paths.js'

// `shared: true`: the input is in ../shared only (a form the project may not carry).
const cases: Array<{ name: string; input: () => string; shared?: true }> = [
  { name: 'kamerstuk-pdf-text', input: () => join(ROOT, 'examples', '33783-50.txt') },
  { name: 'kamerstuk-pdftotext', input: () => join(ROOT, 'examples', '29984-297.pdf.txt') },
  { name: 'motie-pdf-text', input: () => corpusFile('dev', '36200-IV-49.pdftext.txt'), shared: true },
  { name: 'letterhead-pdf-text', input: () => corpusFile('dev', 'kamerbrief-IenW-2023-02-03-NPCE-circulaire-economie.pdftext.txt'), shared: true },
  { name: 'web-page-text-ob', input: () => join(ROOT, 'examples', '21501-02-1581.obpage.txt') },
  { name: 'web-page-text-tk', input: () => join(ROOT, 'examples', '34700-65.tk-html-text.txt') },
  { name: 'web-page-text-rijksbegroting', input: () => join(ROOT, 'examples', '34775-A-52.rijksbegroting-html-text.txt') },
  { name: 'web-page-html', input: () => join(ROOT, 'test', 'fixtures', 'html-page', 'input.html') },
  { name: 'official-xml-inline-metadata', input: () => corpusFile('raw', '21501-02-3188.xml'), shared: true },
  { name: 'official-xml-no-metadata', input: () => corpusFile('raw', '36410-XVI-96.xml'), shared: true },
  { name: 'pdf', input: () => join(ROOT, 'examples', '32733-36.pdf') },
  { name: 'open-data-zaak', input: () => corpusFile('raw', '36410-XVI-96.zaak.json'), shared: true },
]

/** The Document as compared: everything but the copy of the source text and the open-data record. */
function view(doc: Document): unknown {
  const { source, openData, ...rest } = doc
  return {
    ...rest,
    openData: openData ? Object.keys(openData).sort() : undefined,
    source: { name: source.name, sha256: source.sha256, bytes: source.bytes, runs: source.offsetMap.length / 3 },
  }
}

let ctx: PipelineContext
beforeAll(async () => {
  ctx = await createContext({ pdfEngine: 'js' })
})

describe('golden Documents, one per input form', () => {
  const golden = async ({ name, input }: (typeof cases)[number]) => {
    const file = input()
    const doc = await readDocument(readFileSync(file), basename(file), ctx)
    const expectedFile = join(ROOT, 'test', 'fixtures', name, 'expected.json')
    const got = JSON.parse(JSON.stringify(view(doc)))
    if (process.env.UPDATE === '1' || !existsSync(expectedFile)) {
      if (process.env.CI && !existsSync(expectedFile)) throw new Error(`missing golden file ${expectedFile}`)
      mkdirSync(join(ROOT, 'test', 'fixtures', name), { recursive: true })
      writeFileSync(expectedFile, `${JSON.stringify(got, null, 2)}\n`)
    }
    expect(got).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')))
  }
  it.each(cases.filter((c) => !c.shared))('$name', golden)
  it.skipIf(skipWithoutShared).each(cases.filter((c) => c.shared))('$name', golden)
})
