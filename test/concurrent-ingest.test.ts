// Four `kamerwacht ingest` processes at once over overlapping folders, into one PostgreSQL store:
// each paper ends up stored once, and the citation graph and promise links are the same as
// after one process read everything alone; a reader searching meanwhile sees only whole papers.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { generatePaper } from '../src/bench/corpus.js'
import { PostgresStore } from '../src/store/postgres/index.js'
import { ROOT } from '../src/test-support/paths.js'
import { testPostgresUrl, testSchema } from '../src/test-support/postgres.js'

const pgUrl = testPostgresUrl()
const BIN = join(ROOT, 'bin', 'kamerwacht.js')
const N = 240
const schemas: string[] = []

function ingest(dir: string, url: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'ingest', dir, '--db', url, '--workers', '1', '--json'], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.on('exit', (code) => resolve({ code, stderr }))
  })
}

type Tables = Record<'papers' | 'duplicateKeys' | 'sources' | 'refs' | 'commitments' | 'fulfilments' | 'stats', unknown[]>

async function tables(url: string, schema: string): Promise<Tables> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const q = async (sql: string) => (await client.query(sql.replaceAll('S.', `${schema}.`))).rows
    return {
      papers: await q('SELECT key, source_sha FROM S.papers ORDER BY key'),
      duplicateKeys: await q('SELECT key FROM S.papers GROUP BY key HAVING count(*) > 1'),
      sources: await q('SELECT sha256, key FROM S.sources ORDER BY sha256'),
      refs: await q('SELECT paper_key, ord, target FROM S.refs ORDER BY paper_key, ord'),
      commitments: await q('SELECT id, paper_key, due_end FROM S.commitments ORDER BY id'),
      fulfilments: await q('SELECT commitment_id, paper_key, reason, confidence FROM S.fulfilments ORDER BY commitment_id, paper_key'),
      stats: await q('SELECT papers, tokens, (SELECT count(*) FROM S.papers) AS counted, (SELECT sum(len) FROM S.papers) AS summed FROM S.stats'),
    }
  } finally {
    await client.end()
  }
}

afterAll(async () => {
  if (!pgUrl) return
  const client = new pg.Client({ connectionString: pgUrl })
  await client.connect()
  for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`)
  await client.end()
})

describe.skipIf(!pgUrl)('four ingest processes at once (PostgreSQL)', () => {
  it('store each paper once, with the same links as one process alone', async () => {
    const url = pgUrl as string
    const work = mkdtempSync(join(tmpdir(), 'kw-concurrent-'))
    // Overlapping folders: every paper is in two or three of them.
    const folders: Array<[string, number[]]> = [
      ['a', Array.from({ length: 120 }, (_, i) => i)],
      ['b', Array.from({ length: 120 }, (_, i) => i + 60)],
      ['c', Array.from({ length: 120 }, (_, i) => i + 120)],
      ['d', Array.from({ length: N / 2 }, (_, i) => i * 2)],
    ]
    for (const [name, papers] of folders) {
      mkdirSync(join(work, name))
      for (const i of papers) {
        const p = generatePaper(i)
        writeFileSync(join(work, name, p.name), p.text)
      }
    }
    mkdirSync(join(work, 'all'))
    for (let i = 0; i < N; i++) {
      const p = generatePaper(i)
      writeFileSync(join(work, 'all', p.name), p.text)
    }
    const together = testSchema()
    const alone = testSchema()
    schemas.push(together, alone)
    const withSchema = (s: string) => `${url}${url.includes('?') ? '&' : '?'}schema=${s}`

    // Someone searches while the four write: every answer is whole, and the store only grows.
    const reader = await PostgresStore.open(url, { schema: together, searchCache: 0, max: 2 })
    const writing = Promise.all(folders.map(([name]) => ingest(join(work, name), withSchema(together))))
    let done = false
    void writing.then(() => {
      done = true
    })
    const totals: number[] = []
    while (!done) {
      const r = await reader.search({ q: 'Kamer', limit: 5 })
      expect(r.hits.length).toBe(Math.min(5, r.total))
      for (const h of r.hits) expect(await reader.get(h.id)).not.toBeNull()
      totals.push(r.total)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await reader.close()
    expect(totals.length).toBeGreaterThan(3)
    expect(totals).toEqual([...totals].sort((x, y) => x - y))
    const runs = await writing
    for (const r of runs) expect(r.code, r.stderr).toBe(0)
    const single = await ingest(join(work, 'all'), withSchema(alone))
    expect(single.code, single.stderr).toBe(0)

    const a = await tables(url, together)
    const b = await tables(url, alone)
    expect(a.papers).toHaveLength(N)
    expect(a.duplicateKeys).toEqual([])
    expect(a.sources).toHaveLength(N)
    // BM25's counters kept by the writers agree with the table.
    const stats = a.stats[0] as { papers: number; tokens: number; counted: number; summed: number }
    expect(stats).toMatchObject({ papers: N, counted: N })
    expect(stats.tokens).toBe(stats.summed)
    expect(a.papers).toEqual(b.papers)
    expect(a.refs).toEqual(b.refs)
    expect(a.commitments).toEqual(b.commitments)
    expect(b.fulfilments.length).toBeGreaterThan(3)
    expect(a.fulfilments).toEqual(b.fulfilments)
  }, 180_000)
})
