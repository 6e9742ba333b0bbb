import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generatePaper } from '../bench/corpus.js'
import { HOSTILE } from '../bench/hostile.js'
import { isStoreFault } from '../store/faults.js'
import { EmbeddedStore } from '../store/sqlite/embedded.js'
import type { Store } from '../store/store.js'
import { openTestPostgres, testPostgresUrl } from '../test-support/postgres.js'
import { ingest } from './index.js'

/**
 * Eleven papers: nine generated letters; an open-data Document record whose subject holds a U+0000
 * (`kern\u0000wapens`: taken out when read, so both engines store it); and, fourth, a record whose
 * dossier number runs to 3,000 characters, which PostgreSQL refuses in an index (54000) and SQLite keeps.
 */
function folder(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kw-bad-'))
  mkdirSync(dir, { recursive: true })
  const record = (file: string, fields: Record<string, unknown>) => {
    const path = join(dir, file)
    writeFileSync(path, JSON.stringify({ Id: file, Soort: 'Brief regering', Datum: '2022-05-27T00:00:00', ...fields }))
    return path
  }
  return Array.from({ length: 11 }, (_, i) => {
    if (i === 3)
      return record('long.json', {
        DocumentNummer: '2022D12346',
        Onderwerp: 'Brief over de begroting',
        Kamerstukdossier: [{ Nummer: 36410, Toevoeging: letters(3000) }],
      })
    if (i === 10) return record('nul.json', { DocumentNummer: '2022D12345', Onderwerp: 'Brief over kern\u0000wapens' })
    const { name, text } = generatePaper(i)
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  })
}

/** Letters that do not repeat in any short period (an index entry of PostgreSQL is compressed before its size is checked). */
function letters(n: number): string {
  let x = 12345
  return Array.from({ length: n }, () => String.fromCharCode(65 + (((x = (x * 1103515245 + 12345) % 2147483648) >> 16) % 26))).join('')
}

/** The engines: SQLite always, PostgreSQL where the tests have a server. */
const url = testPostgresUrl()
const engines: Array<[string, number, () => Promise<{ store: Store; done: () => Promise<void> }>]> = [
  ['SQLite', 0, async () => ({ store: new EmbeddedStore(':memory:'), done: async () => {} })],
]
if (url)
  engines.push([
    'PostgreSQL',
    1,
    async () => {
      const o = await openTestPostgres(url)
      return { store: o.store, done: o.drop }
    },
  ])

describe('one bad paper never spoils a batch', () => {
  it.each(engines)(
    '%s: every paper the engine takes is stored, one it refuses (%i) is named, the batch goes on',
    async (_name, refused, open) => {
      const { store, done } = await open()
      try {
        const files = folder()
        const summary = await ingest(store, files, { workers: 1 })
        const stored = summary.new
        expect(summary.failed.length).toBe(refused)
        expect(stored).toBe(11 - refused)
        for (const f of summary.failed) {
          expect(f.path).toBe(files[3])
          expect(f.reason).toMatch(/^not stored: /)
        }
        expect(await store.count()).toBe(stored)
        const nul = await store.get('2022D12345')
        expect(nul?.title).toBe('Brief over kernwapens')
        expect(nul?.issues.map((i) => i.code)).toContain('nul-removed')
        // Run again: what was stored is skipped, the refused paper is tried (and named) again, nothing is stored twice.
        const again = await ingest(store, files, { workers: 1 })
        expect(again.unchanged).toBe(stored)
        expect(again.failed.map((f) => f.path)).toEqual(summary.failed.map((f) => f.path))
        expect(await store.count()).toBe(stored)
      } finally {
        await store.close()
        await done()
      }
    },
    60_000,
  )
})

describe('the hostile inputs in a batch (issue 26): each stored or refused alone, in one line, on every engine', () => {
  it.each(engines)(
    '%s',
    async (_name, _refused, open) => {
      const { store, done } = await open()
      try {
        const dir = mkdtempSync(join(tmpdir(), 'kw-hostile-batch-'))
        const letters = Array.from({ length: 5 }, (_, i) => {
          const { name, text } = generatePaper(100 + i)
          writeFileSync(join(dir, name), text)
          return join(dir, name)
        })
        const hostile: string[] = []
        for (const [i, h] of HOSTILE.entries()) {
          const path = join(dir, `hostile-${i}`)
          writeFileSync(path, await h.make(1))
          hostile.push(path)
        }
        const summary = await ingest(store, [...hostile, ...letters], { workers: 2 })
        for (const f of summary.failed) {
          expect(hostile).toContain(f.path)
          expect(f.reason).not.toContain('\n')
          expect(f.reason.length).toBeLessThanOrEqual(300)
        }
        // The bomb and the nested XML and HTML are refused; the rest are stored, each under 20 MB as a Document.
        expect(summary.failed.length).toBeGreaterThanOrEqual(3)
        expect(summary.new).toBe(HOSTILE.length + letters.length - summary.failed.length)
        for (const p of await store.all()) expect(JSON.stringify(await store.get(p.key)).length).toBeLessThan(20 * 1024 * 1024)
      } finally {
        await store.close()
        await done()
      }
    },
    180_000,
  )
})

describe('isStoreFault', () => {
  it.each([
    [{ code: 'SQLITE_FULL' }, true],
    [{ code: 'SQLITE_IOERR_WRITE' }, true],
    [{ code: 'SQLITE_BUSY' }, true],
    [{ code: '57P01' }, true],
    [{ code: '53100' }, true],
    [{ code: '08006' }, true],
    [{ code: 'ECONNREFUSED' }, true],
    [new Error('Connection terminated unexpectedly'), true],
    [{ code: '22021' }, false],
    [{ code: '23505' }, false],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE' }, false],
    [new Error('not a number to store: NaN'), false],
  ])('%j → %s', (e, fault) => {
    expect(isStoreFault(e)).toBe(fault)
  })
})
