// Relevance on the real dev corpus: each query must bring its paper into the top 3.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext, readDocument } from '../src/pipeline.js'
import { SqliteStore } from '../src/store/sqlite/index.js'
import { corpusFile } from '../src/test-support/paths.js'

let store: SqliteStore
beforeAll(async () => {
  store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'kw-rel-')), 'dev.db'))
  const ctx = await createContext()
  const dir = corpusFile('dev')
  const items = []
  for (const f of readdirSync(dir).filter((f) => !f.endsWith('.json'))) {
    const raw = readFileSync(join(dir, f))
    items.push({ doc: await readDocument(raw, f, ctx), raw })
  }
  store.putMany(items)
})
afterAll(() => store.close())

// [query, the paper (file name without its form) that must rank in the top 3, what it exercises]
const cases: Array<[string, string, string]> = [
  ['kernwapens', '33783-50', 'a word'],
  ['kernwapen', '33783-50', 'plural folding: kernwapen finds kernwapens'],
  ['lidstaat', '33783-50', 'stemming: lidstaat finds lidstaten'],
  ['Oekraine', '33783-50', 'diacritics: Oekraine finds Oekraïne'],
  ['"nucleaire ontwapening"', '33783-50', 'a phrase'],
  ['Toetsingsconferentie Zlauvinen', '33783-50', 'two words'],
  ['Eurowob', '21501-02-1581', 'a rare word'],
  ['ZwolleSpoort', '29984-297', 'a name'],
  ['"varend ontgassen"', '31409-383', 'a phrase in a motie'],
  ['smartphones klaslokaal', '32034-49', 'stemmed words in a motie'],
  ['Verkeersnota', '32598-11', 'a word in a short letter'],
  ['vastgoed Defensie', '32733-36', 'two words'],
  ['Knops', '33000-X-60', 'a member’s name'],
  ['meerderheid OR kabinetsformatie', '34700-65', 'OR'],
  ['Startbeslissing', '34775-A-52', 'a compound'],
  ['Caribisch type:motie', '36200-IV-49', 'a type filter'],
  ['postvoorziening', 'nds-tk-2019D21842', 'a paper without a dossier'],
  ['missiegedreven innovatiebeleid', 'kamerbrief-EZK-2023-05-30-herijkte-missies-innovatiebeleid', 'a letterhead letter'],
  ['"circulaire economie" -innovatiebeleid', 'kamerbrief-IenW-2023-02-03-NPCE-circulaire-economie', 'a phrase with an exclusion'],
  ['grondstof*', 'kamerbrief-IenW-2023-02-03-NPCE-circulaire-economie', 'a prefix'],
  ['bestuurlijke organisatie', 'CII-G', 'an Eerste Kamer letter'],
  ['ondervraging afzender:"Sociale Zaken"', '35228-6', 'a sender filter'],
  ['archieven dossier:36284', '36284-6', 'a dossier filter'],
  ['Caribisch van:2023-01-01 tot:2023-01-31', '36200-IV-49', 'a date range'],
]

const paperOf = (id: string) =>
  (store.get(id)?.source.name ?? '')
    .replace(/\.(obpage\.txt|pdf\.txt|pdf|txt|pdftext\.txt|tk-html-text\.txt|rijksbegroting-html-text\.txt)$/, '')
    .replace(/\.pdftext$/, '')

describe('relevance on the dev corpus', () => {
  it.each(cases)('%s → %s (%s)', (q, want) => {
    const top = store.search({ q, limit: 3 }).hits.map((h) => paperOf(h.id))
    expect(top).toContain(want)
  })
})
