// Ingest as a user runs it: the real binary, worker threads, a real SQLite file.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { generatePaper } from '../src/bench/corpus.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import { corpusFile, ROOT, skipWithoutShared } from '../src/test-support/paths.js'

const BIN = join(ROOT, 'bin', 'kamerwacht.js')

function corpus(n: number, from = 0): string {
  const dir = mkdtempSync(join(tmpdir(), 'kw-ingest-'))
  mkdirSync(join(dir, 'sub'))
  for (let i = from; i < from + n; i++) {
    const { name, text } = generatePaper(i)
    writeFileSync(join(dir, i % 2 ? 'sub' : '', name), text)
  }
  return dir
}

function run(args: string[]): { child: ChildProcess; done: Promise<number> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let err = ''
  child.stderr?.on('data', (d) => {
    err += String(d)
  })
  const done = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : 0))))
  void done.then((code) => {
    if (code > 0) console.error(err)
  })
  return { child, done }
}

const count = (db: string) => {
  const conn = new Database(db, { readonly: true, fileMustExist: true })
  try {
    return (conn.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n
  } catch {
    return 0
  } finally {
    conn.close()
  }
}

describe('kamerwacht ingest', () => {
  it('survives SIGKILL half-way: the re-run finishes, the file is intact, every paper is stored once', async () => {
    const n = 800
    const dir = corpus(n)
    const db = join(mkdtempSync(join(tmpdir(), 'kw-crash-')), 'crash.db')
    await new EmbeddedStore(db).close()
    const first = run(['ingest', dir, '--db', db, '--quiet', '--workers', '2'])
    // Wait until some batches are committed, then kill without warning.
    const deadline = Date.now() + 60_000
    while (count(db) < 100 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    first.child.kill('SIGKILL')
    expect(await first.done).toBe(-1)
    const partial = count(db)
    expect(partial).toBeGreaterThan(0)
    expect(partial).toBeLessThan(n)

    const second = run(['ingest', dir, '--db', db, '--quiet'])
    expect(await second.done).toBe(0)
    const conn = new Database(db, { readonly: true })
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok')
    expect((conn.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n).toBe(n)
    expect((conn.prepare('SELECT count(DISTINCT id) AS n FROM papers').get() as { n: number }).n).toBe(n)
    expect((conn.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n).toBe(n)
    expect((conn.prepare("SELECT count(*) AS n FROM papers_fts WHERE papers_fts MATCH 'kamer'").get() as { n: number }).n).toBe(n)
    conn.close()

    // A third run finds nothing new.
    const third = spawn(process.execPath, [BIN, 'ingest', dir, '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    third.stdout.on('data', (d) => {
      out += String(d)
    })
    await new Promise((r) => third.on('exit', r))
    expect(JSON.parse(out)).toMatchObject({ files: n, new: 0, updated: 0, unchanged: n, failed: [] })
  }, 120_000)

  it('lets searches run while it writes, with consistent results', async () => {
    const dir = corpus(600, 5000)
    const db = join(mkdtempSync(join(tmpdir(), 'kw-concurrent-')), 'c.db')
    const reader = new EmbeddedStore(db)
    const job = run(['ingest', dir, '--db', db, '--quiet', '--workers', '1'])
    let exited = false
    void job.done.then(() => {
      exited = true
    })
    let last = 0
    let searches = 0
    while (!exited) {
      const r = await reader.search({ q: 'Kamer', limit: 5 })
      expect(r.total).toBeGreaterThanOrEqual(last)
      last = r.total
      for (const h of r.hits) {
        // A paper is visible whole or not at all: its Document, text and raw source are there.
        const doc = await reader.get(h.id)
        expect(doc?.text.length).toBeGreaterThan(100)
        expect((await reader.raw(h.id))?.length).toBe(doc?.source.bytes)
      }
      searches++
      await new Promise((r) => setTimeout(r, 5))
    }
    expect(await job.done).toBe(0)
    expect(searches).toBeGreaterThan(3)
    expect((await reader.search({ q: 'Kamer' })).total).toBe(600)
    await reader.close()
  }, 120_000)

  /** A folder of `small` generated papers (read in milliseconds) and `long` text papers of 20 MB each (seconds), named to be read in that order. */
  function withLongPapers(small: number, long: number): string {
    const dir = corpus(small)
    const words = ['de', 'minister', 'zal', 'kamer', 'begroting', 'lidstaten', 'veiligheid', 'nucleaire', 'brief', 'het']
    const lines: string[] = []
    for (let i = 0; lines.length * 70 < 20 * 1024 * 1024; i++) lines.push(Array.from({ length: 10 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' '))
    const text = lines.join('\n')
    for (let i = 0; i < long; i++) writeFileSync(join(dir, `zz-long-${i}.txt`), text)
    return dir
  }

  it('fails a paper over the time limit alone, with one line, and stores the rest', async () => {
    const dir = withLongPapers(6, 1)
    const db = join(mkdtempSync(join(tmpdir(), 'kw-limit-')), 'l.db')
    const job = spawn(process.execPath, [BIN, 'ingest', dir, '--db', db, '--workers', '2', '--read-timeout', '1', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    job.stdout.on('data', (d) => {
      out += String(d)
    })
    job.stderr.on('data', (d) => {
      err += String(d)
    })
    const code = await new Promise<number | null>((r) => job.on('exit', r))
    expect(code).toBe(1)
    const summary = JSON.parse(out) as { new: number; failed: Array<{ path: string; reason: string }> }
    expect(summary.new).toBe(6)
    expect(summary.failed).toHaveLength(1)
    // Over the second it may take, or over the thread's memory first: either limit stops it alone.
    expect(summary.failed[0]?.reason).toMatch(/took longer than 1 s to read|needs more than \d+ MB of memory/)
    expect(err.trim().split('\n')).toEqual([expect.stringMatching(/zz-long-0\.txt: /)])
    expect(count(db)).toBe(6)
  }, 60_000)

  it('stops within seconds of SIGTERM while a long paper is being read, keeping what was committed', async () => {
    const dir = withLongPapers(20, 3)
    const db = join(mkdtempSync(join(tmpdir(), 'kw-term-')), 't.db')
    await new EmbeddedStore(db).close()
    const job = run(['ingest', dir, '--db', db, '--quiet', '--workers', '1', '--read-timeout', '600'])
    const deadline = Date.now() + 60_000
    while (count(db) < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    // The small papers are in; the thread is now in the first long one.
    await new Promise((r) => setTimeout(r, 300))
    const sent = Date.now()
    job.child.kill('SIGTERM')
    expect(await job.done).toBe(1)
    expect(Date.now() - sent).toBeLessThan(3000)
    expect(count(db)).toBe(20)
    const conn = new Database(db, { readonly: true })
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok')
    conn.close()
  }, 90_000)
})

describe('kamerwacht ingest of open-data list files', () => {
  const record = (i: number, extra: Record<string, unknown> = {}) => ({
    Id: `00000000-0000-0000-0000-00000000000${i}`,
    Soort: 'Brief regering',
    DocumentNummer: `2024D1000${i}`,
    Onderwerp: `Brief over de voortgang van programma ${i}`,
    Datum: `2024-03-0${i}T00:00:00`,
    Vergaderjaar: '2023-2024',
    Kamer: 2,
    ApiGewijzigdOp: '2024-03-10T10:00:00Z',
    Verwijderd: false,
    ...extra,
  })

  it('stores one paper per Document record of an OData page or JSON list, and a deleted record removes its paper', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-odata-'))
    const db = join(dir, 'o.db')
    const people = [
      { Id: 'p-1', Achternaam: 'Jansen', Voornamen: 'Jan', ApiGewijzigdOp: '2024-01-01T00:00:00Z' },
      { Id: 'p-2', Achternaam: 'Smit', Voornamen: 'Els', ApiGewijzigdOp: '2024-01-01T00:00:00Z' },
    ]
    writeFileSync(
      join(dir, 'page.json'),
      JSON.stringify({ '@odata.context': 'https://x/OData/v4/2.0/$metadata#Document', value: [record(1), record(2), record(3)] }),
    )
    writeFileSync(join(dir, 'people.json'), JSON.stringify(people))
    const first = spawnSync(process.execPath, [BIN, 'ingest', join(dir, 'page.json'), join(dir, 'people.json'), '--db', db, '--json'], { encoding: 'utf8' })
    expect(first.status, first.stderr).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ new: 3, records: 5, removed: 0, failed: [] })
    expect(count(db)).toBe(3)
    const conn = new Database(db, { readonly: true })
    expect((conn.prepare("SELECT count(*) AS n FROM papers WHERE form = 'open-data'").get() as { n: number }).n).toBe(3)
    conn.close()

    // A later list marks the second record deleted, as the open data does.
    writeFileSync(join(dir, 'later.json'), JSON.stringify([record(2, { Verwijderd: true, ApiGewijzigdOp: '2024-04-01T00:00:00Z' }), record(4)]))
    const second = spawnSync(process.execPath, [BIN, 'ingest', join(dir, 'later.json'), '--db', db, '--json'], { encoding: 'utf8' })
    expect(second.status, second.stderr).toBe(0)
    expect(JSON.parse(second.stdout)).toMatchObject({ new: 1, records: 2, removed: 1 })
    expect(count(db)).toBe(3)
    const search = spawnSync(process.execPath, [BIN, 'search', 'programma', '--db', db, '--json'], { encoding: 'utf8' })
    expect((JSON.parse(search.stdout) as { hits: Array<{ title: string }> }).hits.map((h) => h.title).sort()).toEqual([
      'Brief over de voortgang van programma 1',
      'Brief over de voortgang van programma 3',
      'Brief over de voortgang van programma 4',
    ])
  })
})

describe('one open-data Document record, alone and in a page', () => {
  // A letter outside the Kamerstukken (no kst id): known by the Kamer's document number, whichever form came first.
  const letter = {
    Id: '11111111-2222-3333-4444-555555555555',
    Soort: 'Brief regering',
    DocumentNummer: '2025D40481',
    Onderwerp: 'Uitvoering van de motie van de leden Ellian en Wilders over criminele kopstukken (Kamerstuk 36583-14)',
    Datum: '2025-09-19T00:00:00',
    Vergaderjaar: '2025-2026',
    Kamer: 2,
    ApiGewijzigdOp: '2025-09-20T10:00:00Z',
    Verwijderd: false,
  }
  it.each([
    ['alone first', ['one.json', 'page.json']],
    ['in its page first', ['page.json', 'one.json']],
  ])('is one paper, 2025D40481, read %s', (_, order) => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-od-forms-'))
    const db = join(dir, 'o.db')
    writeFileSync(join(dir, 'one.json'), JSON.stringify(letter))
    writeFileSync(
      join(dir, 'page.json'),
      JSON.stringify({ value: [letter, { ...letter, Id: 'x', DocumentNummer: '2025D40488', Onderwerp: 'Een andere brief' }] }),
    )
    for (const f of order) expect(spawnSync(process.execPath, [BIN, 'ingest', join(dir, f), '--db', db, '-q'], { encoding: 'utf8' }).status).toBe(0)
    const search = spawnSync(process.execPath, [BIN, 'search', 'kopstukken', '--db', db, '--json'], { encoding: 'utf8' })
    expect((JSON.parse(search.stdout) as { hits: Array<{ id: string }> }).hits.map((h) => h.id)).toEqual(['2025D40481'])
    expect(count(db)).toBe(2)
  })
})

describe.skipIf(skipWithoutShared)('kamerwacht ingest of the real open-data files and tables in ../shared/corpus/raw', () => {
  it('takes an OData page of 250 Document records and a JSON list of 183 moties, and refuses the CSV tables, one line each', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'kw-odata-real-')), 'r.db')
    const raw = (f: string) => corpusFile('raw', f)
    const r = spawnSync(
      process.execPath,
      [
        BIN,
        'ingest',
        raw('odata-Document-page52-2023-2025.json'),
        raw('moties-toegelicht_odata-Document-moties-with-pdftext_2023.json'),
        raw('kst-metadata_2000-2025_hundred-each-year.csv'),
        raw('gold-references_handelingen_annotated-dataset.csv'),
        '--db',
        db,
        '--json',
      ],
      { encoding: 'utf8' },
    )
    const summary = JSON.parse(r.stdout) as { new: number; records: number; failed: Array<{ path: string; reason: string }> }
    // 12 of the page's records are marked deleted: kept as records, no paper.
    expect(summary.records).toBe(250 + 183)
    expect(summary.new).toBe(250 - 12 + 183)
    expect(summary.failed.map((f) => f.reason)).toEqual([
      expect.stringMatching(/comma-separated \(CSV\) table, not a parliamentary paper/),
      expect.stringMatching(/comma-separated \(CSV\) table, not a parliamentary paper/),
    ])
    expect(r.stderr.trim().split('\n')).toHaveLength(2)
  })
})
