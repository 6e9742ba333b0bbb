// Ministry letters as published today (issue 16): a letterhead PDF read directly gives its date,
// sender, signers and subject, with pdftotext and with pdf.js.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createContext, type PipelineContext, readDocument } from '../src/pipeline.js'
import { hasPoppler, type PdfEngine } from '../src/read/pdf.js'
import { corpusFile, skipWithoutShared } from '../src/test-support/paths.js'

let ctx: PipelineContext
beforeAll(async () => {
  ctx = await createContext()
})

const engines: PdfEngine[] = ['js', ...(hasPoppler() || process.env.CI ? (['poppler'] as const) : [])]

describe.skipIf(skipWithoutShared).each(engines)('a real VWS letterhead PDF of 2025, through %s', (engine) => {
  it('has its date, sender, signer, subject, footnote references and its promise', async () => {
    const bytes = readFileSync(corpusFile('raw', 'kamerbrief-VWS-2025-09-08-aanbieding-AZWA.pdf'))
    const doc = await readDocument(bytes, 'kamerbrief-VWS-2025-09-08-aanbieding-AZWA.pdf', { ...ctx, pdfEngine: engine })
    expect(doc.form).toBe('pdf')
    expect(doc).toMatchObject({
      type: 'brief',
      date: '2025-09-08',
      sender: 'Minister van Volksgezondheid, Welzijn en Sport',
      signers: ['Jan Anthonie Bruijn'],
      title: 'Aanbieding Aanvullend Zorg- en Welzijnsakkoord (AZWA)',
      addressee: 'Voorzitter van de Tweede Kamer der Staten-Generaal',
    })
    // The sidebar (visiting address, kenmerk) is not in the text; the footnotes are, as footnotes.
    expect(doc.text).not.toContain('Parnassusplein')
    expect(doc.references.map((r) => r.target)).toEqual(expect.arrayContaining(['kst-36725-29', 'kst-25424-744', 'kst-29689-1311', 'kst-29689-1313']))
    expect(doc.commitments.map((c) => c.text)).toEqual([
      'Met partijen zal ik tijdens bestuurlijke overleggen de voortgang bewaken en uw Kamer hierover informeren.',
    ])
    expect(doc.fulfils.map((f) => f.text)).toContain('Ik beschouw beide moties hierbij als afgedaan.')
  })
})

describe.skipIf(skipWithoutShared).each(engines)('a real co-signed VWS letterhead PDF of 2026, through %s', (engine) => {
  it('has two signers each with their office, and its subject without the sidebar notice', async () => {
    const bytes = readFileSync(corpusFile('raw', 'kamerbrief-VWS-2026-04-09-voortgang-IZA-AZWA.pdf'))
    const doc = await readDocument(bytes, 'kamerbrief-VWS-2026-04-09-voortgang-IZA-AZWA.pdf', { ...ctx, pdfEngine: engine })
    expect(doc).toMatchObject({
      type: 'brief',
      date: '2026-04-09',
      title: 'Voortgang Integraal Zorgakkoord (IZA) en Aanvullend Zorg- en Welzijnsakkoord (AZWA)',
      sender: 'Minister van Volksgezondheid, Welzijn en Sport',
      signers: ['Sophie Hermans', 'Mirjam Sterk'],
    })
    expect(doc.signatures?.map((s) => s.role)).toEqual(['Minister van Volksgezondheid, Welzijn en Sport', 'Minister van Langdurige Zorg, Jeugd en Sport'])
  })
})

describe.skipIf(skipWithoutShared).each(engines)('a real VWS letter to the VNG, dated by a stamp, through %s', (engine) => {
  it('has the stamp’s date, and is no paper to the Kamer: no promise of it counts, and it says why', async () => {
    const bytes = readFileSync(corpusFile('raw', 'brief-VWS-aan-VNG-2026-04-22-AZWA-D5-D6.pdf'))
    const doc = await readDocument(bytes, 'brief-VWS-aan-VNG-2026-04-22-AZWA-D5-D6.pdf', { ...ctx, pdfEngine: engine })
    expect(doc.date).toBe('2026-04-22')
    expect(doc.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['date-from-stamp', 'not-to-kamer']))
    expect(doc.type).toBe('other')
    expect(doc.commitments).toEqual([])
  })
})
