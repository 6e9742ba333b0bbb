// What a hostile paper's words may do on the way out (issue 26): a sentence that is a spreadsheet formula
// stays text in both CSV exports, escape sequences never reach the terminal, and `read` bounds a paper's memory.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createContext } from '../src/pipeline.js'
import { buildApp } from '../src/server/app.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import { ROOT } from '../src/test-support/paths.js'

const BIN = join(ROOT, 'bin', 'kamerwacht.js')
const dir = mkdtempSync(join(tmpdir(), 'kw-hostile-out-'))
const db = join(dir, 'k.db')
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' })

// A letter whose promise opens with a formula and whose title and text hold terminal escapes.
const LETTER = [
  'Tweede Kamer der Staten-Generaal',
  'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
  'Den Haag, 3 maart 2023',
  'Betreft Voortgang \x1b]0;gehackt\x07kernwapens',
  '',
  'Geachte voorzitter,',
  '',
  'Hierbij informeer ik uw Kamer over de voortgang \x1b[2Jvan het beleid \u009b31mrond kernwapens.',
  '',
  '=HYPERLINK("http://evil.example","klik") Ik zal uw Kamer voor de zomer informeren over de voortgang.',
  '',
  'De Minister van Buitenlandse Zaken,',
  '',
  'W.B. Hoekstra',
  '',
].join('\n')

beforeAll(() => {
  mkdtempSync(join(dir, 'papers-'))
  writeFileSync(join(dir, 'brief.txt'), LETTER)
  const r = run('ingest', join(dir, 'brief.txt'), '--db', db)
  expect(r.status, r.stderr).toBe(0)
})

// ESC, BEL and C1's CSI: what a terminal would act on.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it looks for
const CONTROL = /[\x07\x1b\u009b]/

describe('a paper’s words on the way out', () => {
  it('a promise that reads as a formula is text in `export --format csv` and in /commitments.csv', async () => {
    const csv = run('export', '--format', 'csv', '--what', 'commitments', '--db', db)
    expect(csv.status, csv.stderr).toBe(0)
    expect(csv.stdout).toContain(`"'=HYPERLINK(""http://evil.example""`)
    expect(csv.stdout).not.toMatch(/(^|,)"?=HYPERLINK/m)
    const store = new EmbeddedStore(db)
    const app = await buildApp({ store, ctx: await createContext(), today: () => '2026-12-07' })
    try {
      const web = await app.inject({ url: '/commitments.csv' })
      expect(web.statusCode).toBe(200)
      expect(web.body).toContain(`"'=HYPERLINK(""http://evil.example""`)
    } finally {
      await app.close()
      await store.close()
    }
  })

  it('search and show print no escape sequence or control character of the paper', () => {
    const search = run('search', 'kernwapens', '--db', db)
    expect(search.status, search.stderr).toBe(0)
    expect(search.stdout).toContain('1 paper')
    const id = JSON.parse(run('search', 'kernwapens', '--json', '--db', db).stdout).hits[0].id
    const show = run('show', id, '--db', db)
    expect(show.status, show.stderr).toBe(0)
    expect(show.stdout).toContain('TOEZEGGING')
    for (const out of [search.stdout, show.stdout]) expect(out).not.toMatch(CONTROL)
    // The kept source is the paper as it came: the escapes are there, byte for byte, for whoever asks for it.
    expect(JSON.parse(run('show', id, '--json', '--db', db).stdout).source.text).toMatch(CONTROL)
  })

  it('`read` takes each file in a thread with ingest’s memory limit: 24 MB of one date fails alone, in one line', () => {
    const big = join(dir, 'groot.txt')
    writeFileSync(big, `Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nBrief\n${'1 januari 2022 '.repeat(1_600_000)}\n`)
    const r = run('read', big, join(dir, 'brief.txt'), '--json')
    expect(r.status).toBe(1)
    expect(r.stderr.trim().split('\n')).toEqual([`${big}: needs more than 256 MB of memory to read; refused`])
    // The other file of the batch is read.
    expect(JSON.parse(r.stdout.trim()).date).toBe('2023-03-03')
  }, 60_000)
})
