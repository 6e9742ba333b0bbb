// DOCX, as the Tweede Kamer API serves some papers. No real DOCX is in the corpus: the archives
// here are built by the test (a ZIP writer in a few lines) around a short letter written for it.
import { beforeAll, describe, expect, it } from 'vitest'
import { zip } from '../bench/zip.js'
import { createContext, type PipelineContext, readDocument } from '../pipeline.js'
import { docxParagraphs, zipEntry } from './docx.js'
import { ReadError } from './errors.js'
import { readSource } from './index.js'

const para = (...runs: string[]) =>
  `<w:p><w:pPr><w:pStyle w:val="Standaard"/></w:pPr>${runs.map((r) => `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`).join('')}</w:p>`
const LETTER = [
  para('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal'),
  para('Den Haag, 3 maart 2023'),
  para(
    'Hierbij informeer ik uw Kamer over de voortgang van het Nationaal Programma Circulaire Economie. Ik zal uw Kamer ',
    'voor de zomer van 2023 informeren over de ',
    'uitwerking &amp; de planning.',
  ),
  '<w:p><w:r><w:t>De minister</w:t></w:r><w:r><w:tab/><w:t>van Infrastructuur en Waterstaat,</w:t></w:r></w:p>',
  '<w:p/>',
  para('M.G.J. Harbers'),
]
const DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${LETTER.join('')}<w:sectPr/></w:body></w:document>`

let ctx: PipelineContext
beforeAll(async () => {
  ctx = await createContext()
})

describe('DOCX', () => {
  it('takes one line per paragraph, runs joined, entities decoded, empty paragraphs left out', () => {
    expect(docxParagraphs(DOCUMENT)).toEqual([
      'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
      'Den Haag, 3 maart 2023',
      'Hierbij informeer ik uw Kamer over de voortgang van het Nationaal Programma Circulaire Economie. Ik zal uw Kamer voor de zomer van 2023 informeren over de uitwerking & de planning.',
      'De minister van Infrastructuur en Waterstaat,',
      'M.G.J. Harbers',
    ])
  })

  it('reads a letter in a DOCX, deflated or stored, through the whole pipeline', async () => {
    for (const stored of [false, true]) {
      const bytes = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': DOCUMENT, 'word/styles.xml': '<w:styles/>' }, stored)
      const doc = await readDocument(bytes, 'brief.docx', ctx)
      expect(doc.form).toBe('docx')
      expect(doc.date).toBe('2023-03-03')
      expect(doc.commitments.map((c) => c.dueText)).toEqual(['voor de zomer van 2023'])
      expect(doc.text).toContain('uitwerking & de planning')
    }
  })

  it('refuses other archives, damaged ones and ones that unpack too large, in one line each', async () => {
    const fail = (bytes: Uint8Array, limits?: { maxTextBytes: number; maxPdfBytes: number }) =>
      readSource(bytes, limits ? { limits } : {}).then(
        () => null,
        (e: unknown) => (e instanceof ReadError ? e.code : String(e)),
      )
    expect(await fail(zip({ 'xl/workbook.xml': '<workbook/>' }))).toBe('zip-not-docx')
    const whole = zip({ 'word/document.xml': DOCUMENT })
    expect(await fail(whole.subarray(0, whole.length - 30))).toBe('zip-corrupt')
    expect(await fail(whole, { maxTextBytes: 100, maxPdfBytes: 1e6 })).toBe('too-large')
    expect(zipEntry(whole, 'word/other.xml', 1e6)).toBeNull()
  })
})

describe('character references that name no character', () => {
  it.each([
    ['kern&#99999999;wapens', 'kern\uFFFDwapens'],
    ['kern&#xD800;wapens', 'kern\uFFFDwapens'],
    ['kern&#x1F600;wapens', 'kern😀wapens'],
    ['kern&#0;wapens', 'kern\u0000wapens'],
  ])('%j reads as %j, never a RangeError', (run, text) => {
    const doc = `<w:document xmlns:w="x"><w:body>${para(run)}</w:body></w:document>`
    expect(docxParagraphs(doc)).toEqual([text])
  })
})
