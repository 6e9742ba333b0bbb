// Debates (issue 15): turns with their speakers and roles, and the promises members of government
// make aloud, in every form a debate record comes in. The written debates are invented in the official
// layouts (test/fixtures/debates/README.md); the real ones are ../shared/corpus/raw's Handelingen and VLOS.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { typesetPdf } from '../src/bench/typeset.js'
import type { Document, SpeakerRole } from '../src/model/document.js'
import { createContext, type PipelineContext, readDocument } from '../src/pipeline.js'
import { hasPoppler } from '../src/read/pdf.js'
import { corpusFile, ROOT, skipWithoutShared } from '../src/test-support/paths.js'

let ctx: PipelineContext
beforeAll(async () => {
  ctx = await createContext()
})

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'debates', name), 'utf8')
const read = (bytes: Uint8Array | string, name: string) => readDocument(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, name, ctx)

/** A turn of the gold: label, role, fractie and whether it interrupts. */
type GoldTurn = [label: string, role: SpeakerRole, party?: string, interruption?: boolean]
/** A promise of the gold: words of its sentence, who made it, to whom. */
type GoldPromise = [words: string, actor: string, to: string | null]

const PLENARY_TURNS: GoldTurn[] = [
  ['De voorzitter', 'voorzitter'],
  ['Mevrouw Van Dijk (CDA)', 'kamerlid', 'CDA'],
  ['De voorzitter', 'voorzitter'],
  ['De heer Bakker (VVD)', 'kamerlid', 'VVD'],
  ['De voorzitter', 'voorzitter'],
  ['Staatssecretaris De Vries', 'staatssecretaris'],
  ['Mevrouw Van Dijk (CDA)', 'kamerlid', 'CDA', true],
  ['Staatssecretaris De Vries', 'staatssecretaris'],
  ['De heer Bakker (VVD)', 'kamerlid', 'VVD', true],
  ['Staatssecretaris De Vries', 'staatssecretaris'],
  ['De voorzitter', 'voorzitter'],
  ['Staatssecretaris De Vries', 'staatssecretaris'],
  ['De voorzitter', 'voorzitter'],
]
const PLENARY_PROMISES: GoldPromise[] = [
  ['Ik zeg de Kamer toe dat ik voor de zomer een evaluatie', 'Staatssecretaris De Vries', null],
  ['Ik zal de Kamer voor het commissiedebat Mkb-beleid informeren', 'Staatssecretaris De Vries', null],
  ['Ik neem de gemeenten mee in de evaluatie en kom daar schriftelijk op terug', 'Staatssecretaris De Vries', 'Van Dijk'],
  ['Ik wil de heer Bakker toezeggen', 'Staatssecretaris De Vries', 'Bakker'],
  ['Ik stuur de Kamer binnen drie maanden de cijfers', 'Staatssecretaris De Vries', null],
]
// What is said in the debate and is no promise of the government: a Kamerlid's own plan, a Kamerlid telling
// what was promised before, a point put off to later in the debate, a promise refused.
const PLENARY_NOT: string[] = [
  'Ik zal daarom samen met de heer Bakker een motie indienen',
  'De staatssecretaris zegde in het commissiedebat toe',
  'Over de monitor kom ik zo meteen te spreken',
  'Ik kan niet toezeggen',
  'Wij gaan daar zelf ook met ondernemers over in gesprek',
]

/** The plenary debate as the Handelingen XML of officielebekendmakingen.nl has it, built from its page text. */
function asHandelingenXml(page: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const body = page.slice(page.indexOf('De voorzitter:'))
  const turns = body.split(/\n\n(?=(?:De voorzitter|Mevrouw [^\n]+|De heer [^\n]+|Staatssecretaris [^\n]+):\n)/)
  const spreker = (label: string) => {
    const m = /^(De|De heer|Mevrouw|Staatssecretaris) (.+?)(?: \((.+)\))?$/.exec(label) as RegExpExecArray
    return `<spreker><voorvoegsels>${m[1]}</voorvoegsels><naam><achternaam>${esc(m[2] as string)}</achternaam></naam>${m[3] ? ` (<politiek>${esc(m[3])}</politiek>)` : ''}:</spreker>`
  }
  const beurten = turns.map((t) => {
    const [label, ...rest] = t.split(/:\n\n/)
    const paras = rest.join(':\n\n').trim().split(/\n\n/)
    return `<spreekbeurt nieuw="ja">${spreker(label as string)}<tekst status="goed">${paras.map((p) => `<al-groep><al>${esc(p)}</al></al-groep>`).join('')}</tekst></spreekbeurt>`
  })
  return `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie>
  <metadata><meta name="OVERHEIDop.externMetadataRecord" scheme="" content="https://zoek.officielebekendmakingen.nl/h-tk-20222023-38-12/metadata.xml" /></metadata>
  <handelingen>
    <vergadering><vergadering-nummer>38e vergadering</vergadering-nummer><vergaderdatum>Donderdag 15 december 2022</vergaderdatum></vergadering>
    <agendapunt><nr>12</nr><item-titel>Betaaltermijnen mkb</item-titel>
      <onderwerp><al-groep><al>Aan de orde is het tweeminutendebat Betaaltermijnen mkb (CD 14/12).</al></al-groep></onderwerp>
      ${beurten.join('\n      ')}
    </agendapunt>
  </handelingen>
</officiele-publicatie>`
}

function expectTurns(doc: Document, gold: GoldTurn[]): void {
  expect((doc.turns ?? []).map((t) => [t.label, t.speaker.role, t.speaker.party, t.interruption])).toEqual(
    gold.map(([label, role, party, interruption]) => [label, role, party, interruption ?? false]),
  )
}

function expectPromises(doc: Document, gold: GoldPromise[], not: string[]): void {
  for (const [words, actor, to] of gold) {
    const found = doc.commitments.filter((c) => c.text.includes(words))
    expect(found, words).toHaveLength(1)
    expect(found[0]?.actor, words).toBe(actor)
    expect(found[0]?.speaker?.name, words).toBe(actor.replace(/^\S+ /, ''))
    expect(found[0]?.to ?? null, words).toBe(to)
  }
  for (const words of not)
    expect(
      doc.commitments.filter((c) => c.text.includes(words)),
      words,
    ).toEqual([])
  // Nothing else is taken as a promise.
  expect(doc.commitments).toHaveLength(gold.length)
}

describe('a plenary debate (tweeminutendebat), written in the official layouts', () => {
  const forms: Array<[string, () => Uint8Array | string]> = [
    ['its web page text', () => fixture('tweeminutendebat.obpage.txt')],
    ['its PDF text', () => fixture('tweeminutendebat.pdf.txt')],
    ['its Handelingen XML', () => asHandelingenXml(fixture('tweeminutendebat.obpage.txt'))],
    ['a PDF', () => typesetPdf(fixture('tweeminutendebat.pdf.txt'))],
  ]
  it.each(forms)('from %s: a Handelingen item with its id, date, title, turns and promises', async (form, input) => {
    if (form === 'a PDF' && !hasPoppler() && process.env.CI !== 'true') ctx.pdfEngine = 'js'
    const doc = await read(input(), `tweeminutendebat-${form}`)
    delete ctx.pdfEngine
    expect(doc).toMatchObject({ type: 'handelingen', id: 'h-tk-20222023-38-12', vergaderjaar: '2022-2023', date: '2022-12-15', title: 'Betaaltermijnen mkb' })
    expect(doc.sender).toBeNull()
    expectTurns(doc, PLENARY_TURNS)
    expectPromises(doc, PLENARY_PROMISES, PLENARY_NOT)
    // A speaker's label starts no sentence of the turn: the promise is the minister's sentence alone.
    expect(doc.commitments[0]?.text.startsWith('Ik zeg de Kamer toe')).toBe(true)
    // `Dat zeg ik toe.` names the sentence before it as the promise: the two are one promise.
    expect(doc.commitments.find((c) => c.text.includes('binnen drie maanden'))?.text).toMatch(/Rijksoverheid\. Dat zeg ik toe\.$/)
    // The motie read out in a Kamerlid's turn is a request of the Kamer.
    expect(doc.requests.map((r) => r.text)).toEqual([expect.stringContaining('verzoekt de regering de wettelijke betaaltermijn')])
  })
})

describe('the sitting of a printed Handelingen item', () => {
  const withEarlierSitting = (text: string) =>
    text.replace(
      'Aan de orde is het tweeminutendebat Betaaltermijnen mkb (CD 14/12).',
      '(Zie vergadering van 31 januari 2022.)\nAan de orde is het tweeminutendebat Betaaltermijnen mkb (CD 14/12).',
    )
  it('is the day in its running heads, not the earlier sitting `(Zie vergadering van …)` names', async () => {
    const doc = await read(withEarlierSitting(fixture('tweeminutendebat.pdf.txt')), 'tweeminutendebat-zie-vergadering.pdf.txt')
    expect(doc).toMatchObject({ type: 'handelingen', date: '2022-12-15' })
  })

  it('without running heads, `(Zie vergadering van …)` is still no date of this sitting', async () => {
    const bare = withEarlierSitting(fixture('tweeminutendebat.pdf.txt')).replace(/^Tweede Kamer .* TK \d+ [\d-]+\n/gm, '')
    expect(bare).not.toMatch(/TK 38 38-12/)
    const doc = await read(bare, 'tweeminutendebat-zonder-kop.pdf.txt')
    expect(doc.date).not.toBe('2022-01-31')
  })
})

describe('the verslag of a committee debate, as PDF text and as a PDF', () => {
  const turns: GoldTurn[] = [
    ['De voorzitter', 'voorzitter'],
    ['De heer Jansen (SP)', 'kamerlid', 'SP'],
    ['Mevrouw El Amrani (GroenLinks-PvdA)', 'kamerlid', 'GroenLinks-PvdA'],
    ['Minister Van den Berg', 'minister'],
    ['Mevrouw El Amrani (GroenLinks-PvdA)', 'kamerlid', 'GroenLinks-PvdA', true],
    ['Minister Van den Berg', 'minister'],
    ['Mevrouw El Amrani (GroenLinks-PvdA)', 'kamerlid', 'GroenLinks-PvdA'],
    ['Staatssecretaris Hoekman', 'staatssecretaris'],
    ['De voorzitter', 'voorzitter'],
  ]
  const promises: GoldPromise[] = [
    ['Ik zal de Kamer voor 1 juni de cijfers', 'Minister Van den Berg', null],
    ['Ik kom daar na de zomer schriftelijk op terug', 'Minister Van den Berg', null],
    // Promised in few words, named a promise by the member it was made to (`Dank voor die toezegging.`).
    ['we nemen die groep mee bij het onderzoek', 'Minister Van den Berg', 'El Amrani'],
    ['Ik zeg toe dat ik de Kamer in het voorjaar een brief stuur', 'Staatssecretaris Hoekman', null],
  ]
  // The chair's list of the promises made confirms each in the speaker's own words: support, not a second record.
  const chairReadings: Array<[string, string]> = [
    ['Ik zal de Kamer voor 1 juni de cijfers', 'De minister stuurt de Kamer voor 1 juni'],
    ['Ik kom daar na de zomer schriftelijk op terug', 'De minister komt na de zomer schriftelijk terug'],
    ['Ik zeg toe dat ik de Kamer in het voorjaar een brief stuur', 'De Kamer ontvangt in het voorjaar een brief van de staatssecretaris'],
  ]
  const not = [
    'Ik zal in de tweede termijn een motie',
    'De minister heeft vorig jaar toegezegd',
    'Over de regiovisies kom ik zo dadelijk',
    'Ik kan niet toezeggen dat de eigen bijdrage',
  ]
  it.each([
    ['PDF text', () => fixture('commissiedebat.pdf.txt') as Uint8Array | string],
    ['a PDF', () => typesetPdf(fixture('commissiedebat.pdf.txt'))],
  ])('from %s: a verslag with turns, offices from the presence list, and every promise', async (form, input) => {
    if (form === 'a PDF' && !hasPoppler() && process.env.CI !== 'true') ctx.pdfEngine = 'js'
    const doc = await read(input(), `commissiedebat-${form}`)
    delete ctx.pdfEngine
    expect(doc).toMatchObject({ type: 'verslag', id: 'kst-31839-998', dossier: '31839', date: '2024-02-12' })
    expectTurns(doc, turns)
    const offices = Object.fromEntries((doc.turns ?? []).map((t) => [t.speaker.name, t.speaker.function ?? null]))
    expect(offices['Van den Berg']).toBe('minister voor Jeugd, Preventie en Sport')
    expect(offices.Hoekman).toBe('staatssecretaris van Volksgezondheid, Welzijn en Sport')
    expectPromises(doc, promises, not)
    for (const [own, reading] of chairReadings) {
      const c = doc.commitments.find((x) => x.text.includes(own))
      expect(
        c?.support?.map((x) => [x.kind, x.text.includes(reading)]),
        own,
      ).toEqual([['chair-reading', true]])
      expect(
        c?.features?.map((f) => f.name),
        own,
      ).toContain('chair.confirms')
    }
    expect(doc.commitments.find((c) => c.text.includes('voor 1 juni de cijfers'))?.dueText).toBe('voor 1 juni')
  })
})

describe.skipIf(skipWithoutShared)('real debate records of ../shared/corpus/raw', () => {
  it('reads a Handelingen item (XML): title, id, every speaker with role, the staatssecretaris’s promise to Wörsdörfer', async () => {
    const doc = await read(readFileSync(corpusFile('raw', 'h-tk-20172018-61-10.xml')), 'h-tk-20172018-61-10.xml')
    expect(doc).toMatchObject({ type: 'handelingen', id: 'h-tk-20172018-61-10', title: 'Ondernemen en Bedrijfsfinanciering', vergaderjaar: '2017-2018' })
    const turns = doc.turns ?? []
    expect(turns).toHaveLength(47)
    const roles = Object.fromEntries(turns.map((t) => [t.label, [t.speaker.role, t.speaker.party ?? null]]))
    expect(roles).toEqual({
      'De voorzitter': ['voorzitter', null],
      'De heer Wörsdörfer (VVD)': ['kamerlid', 'VVD'],
      'De heer Paternotte (D66)': ['kamerlid', 'D66'],
      'De heer Van der Lee (GroenLinks)': ['kamerlid', 'GroenLinks'],
      'De heer Graus (PVV)': ['kamerlid', 'PVV'],
      'De heer Amhaouch (CDA)': ['kamerlid', 'CDA'],
      'Staatssecretaris Keijzer': ['staatssecretaris', null],
    })
    const promise = doc.commitments.find((c) => c.text.startsWith('Ik wil de heer Wörsdörfer toezeggen'))
    expect(promise).toMatchObject({ actor: 'Staatssecretaris Keijzer', to: 'Wörsdörfer', speaker: { name: 'Keijzer', role: 'staatssecretaris' } })
    // Every promise is the staatssecretaris's: a Kamerlid's `zullen wij … een motie indienen` is their own plan.
    expect(doc.commitments.every((c) => c.speaker?.name === 'Keijzer')).toBe(true)
    expect(doc.commitments.some((c) => /motie indienen/.test(c.text))).toBe(false)
  })

  it('reads it as the mirrors serve it: prettified, its UTF-8 decoded as Windows-1252 and encoded again, behind a mangled BOM', async () => {
    const xml = readFileSync(corpusFile('raw', 'h-tk-20172018-61-10.xml'), 'utf8').replace(/^\uFEFF/, '')
    // BeautifulSoup's prettify: every text on a line of its own, indented.
    const pretty = xml.replace(/>([^<]+)</g, (_, t: string) => `>\n     ${t.trim()}\n    <`)
    const mojibake = [...Buffer.from(pretty, 'utf8')].map((b) => new TextDecoder('windows-1252').decode(Uint8Array.of(b))).join('')
    expect(mojibake).toContain('WÃ¶rsdÃ¶rfer')
    const doc = await read(`ï»¿${mojibake}`, 'h-tk-20172018-61-10.xml')
    expect(doc).toMatchObject({ id: 'h-tk-20172018-61-10', title: 'Ondernemen en Bedrijfsfinanciering' })
    expect(doc.turns).toHaveLength(47)
    expect(doc.turns?.[1]?.label).toBe('De heer Wörsdörfer (VVD)')
    expect(doc.commitments.find((c) => c.to === 'Wörsdörfer')?.actor).toBe('Staatssecretaris Keijzer')
  })

  it('reads a VLOS report of a whole sitting, with a byte-order mark encoded twice', async () => {
    const bytes = readFileSync(corpusFile('raw', 'vlos-plenair-2014-10-15-vergadering14.xml'))
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
    for (const input of [bytes, Buffer.from(`ï»¿${text}`, 'utf8')]) {
      const doc = await read(input, 'vlos-plenair-2014-10-15-vergadering14.xml')
      expect(doc).toMatchObject({ type: 'handelingen', id: 'h-tk-20142015-14', date: '2014-10-15', vergaderjaar: '2014-2015' })
      const turns = doc.turns ?? []
      expect(turns.length).toBeGreaterThan(500)
      const rutte = turns.find((t) => t.label === 'Minister-president Rutte')
      expect(rutte?.speaker).toEqual({ name: 'Rutte', role: 'minister-president', function: 'minister-president, minister van Algemene Zaken' })
      expect(turns.find((t) => t.label === 'Mevrouw Maij (PvdA)')?.speaker).toEqual({ name: 'Maij', role: 'kamerlid', party: 'PvdA' })
      expect(turns.some((t) => t.interruption)).toBe(true)
      // `U hebt een toezegging, mijnheer Segers.`: the chair names the minister-president's answer a promise.
      expect(doc.commitments.find((c) => c.rule === 'commitment.acknowledged')).toMatchObject({
        actor: 'Minister-president Rutte',
        to: 'Segers',
        text: 'We gaan het bij de Staat van de Unie van nader commentaar voorzien.',
      })
      expect(doc.commitments.find((c) => c.text.startsWith('Wij zullen dan onze positie opnieuw bekijken en het parlement daarover informeren'))?.actor).toBe(
        'Minister-president Rutte',
      )
      // Turning back to a point of the debate, or to the moties next, is no promise.
      expect(doc.commitments.some((c) => /Ik kom terug op het|ga ik graag in op de moties/.test(c.text))).toBe(false)
      // Only members of government promise: Van Hijum's `Dat zeg ik toe.` (he will change his motie) is not one.
      expect(doc.commitments.every((c) => c.speaker && ['minister', 'minister-president', 'staatssecretaris'].includes(c.speaker.role))).toBe(true)
      expect(doc.commitments.some((c) => c.text.includes('Dat zeg ik toe'))).toBe(false)
    }
  })
})
