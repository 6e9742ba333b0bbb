// Moties followed to the letters that answer them (issue 28), on the real open-data records of
// ../shared/corpus/opendata: ingested with the CLI into a fresh store, each motie of gold-moties.json looked up.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { motieFollowUps } from '../src/app/moties.js'
import { createContext } from '../src/pipeline.js'
import { buildApp } from '../src/server/app.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import { ROOT, sharedDir, skipWithoutShared } from '../src/test-support/paths.js'

interface GoldMotie {
  id: string
  carriedOutBy?: Array<{ id: string; how: string }>
}

describe.skipIf(skipWithoutShared)('the letters that answer a motie, from the real open-data records', () => {
  let store: EmbeddedStore
  let gold: GoldMotie[]
  let db: string
  beforeAll(() => {
    const dir = join(sharedDir(), 'corpus', 'opendata')
    gold = JSON.parse(readFileSync(join(dir, 'gold-moties.json'), 'utf8'))
    db = join(mkdtempSync(join(tmpdir(), 'kw-moties-')), 'k.db')
    spawnSync(process.execPath, [join(ROOT, 'bin', 'kamerwacht.js'), 'ingest', dir, '--db', db], { encoding: 'utf8' })
    store = new EmbeddedStore(db)
  })
  afterAll(async () => store?.close())

  it('finds every letter the gold names, reads how it answers, and links no other', async () => {
    let right = 0
    const wrong: string[] = []
    const missed: string[] = []
    for (const m of gold) {
      const want = new Map((m.carriedOutBy ?? []).map((c) => [c.id, c.how]))
      const found = await motieFollowUps(store, m.id)
      for (const f of found) {
        const id = f.paper.id ?? f.paper.key
        if (want.get(id) === f.how) right++
        else wrong.push(`${m.id} → ${id} (${f.how})`)
      }
      for (const id of want.keys()) if (!found.some((f) => (f.paper.id ?? f.paper.key) === id)) missed.push(`${m.id} → ${id}`)
    }
    expect(wrong).toEqual([])
    expect(missed).toEqual([])
    expect(right).toBe(gold.reduce((n, m) => n + (m.carriedOutBy?.length ?? 0), 0))
  })

  it('a motie’s page says what became of it: the letters that answer it, and how', async () => {
    const app = await buildApp({ store, ctx: await createContext(), today: () => '2026-12-07' })
    try {
      const page = (await app.inject({ url: '/papers/kst-36583-14' })).body
      expect(page).toContain('Wat ermee gebeurde (1)')
      expect(page).toMatch(/<span class="badge answer-carried-out">Uitgevoerd<\/span> <a href="\/papers\/2025D40481">/)
      const unanswered = gold.find((m) => !m.carriedOutBy?.length) as GoldMotie
      const other = (await app.inject({ url: `/papers/${unanswered.id}` })).body
      expect(other).toContain('Wat ermee gebeurde (0)')
      expect(other).toContain('Nog geen opgeslagen brief die op deze motie antwoordt.')
    } finally {
      await app.close()
    }
  })

  it('`kamerwacht motie ID` prints the letters that answer it, or says there are none yet', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'kamerwacht.js'), ...args, '--db', db], { encoding: 'utf8' })
    const answered = cli('motie', 'kst-36583-14')
    expect(answered.status).toBe(0)
    expect(answered.stdout).toMatch(/^kst-36583-14: answered by 1 letter\n\ncarried out 2025-09-19 {2}2025D40481/)
    expect(JSON.parse(cli('motie', 'kst-36672-6', '--json').stdout).map((a: { how: string; paper: { id: string } }) => [a.paper.id, a.how])).toEqual([
      ['2025D26431', 'responds'],
    ])
    const unanswered = gold.find((m) => !m.carriedOutBy?.length) as GoldMotie
    expect(cli('motie', unanswered.id).stdout).toBe(`${unanswered.id}: no stored letter answers it yet\n`)
    const unknown = cli('motie', 'kst-99999-9')
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('no paper kst-99999-9')
  })

  it('a letter answering two moties is linked to both (`Kamerstuk 36672-5 en 6`); the beslisnota beside a letter to none', async () => {
    expect((await motieFollowUps(store, 'kst-36672-5')).map((f) => f.paper.id)).toEqual(['2025D26431'])
    expect((await motieFollowUps(store, 'kst-36672-6')).map((f) => f.paper.id)).toEqual(['2025D26431'])
    const ellian = await motieFollowUps(store, 'kst-36583-14')
    expect(ellian.map((f) => [f.paper.id, f.how])).toEqual([['2025D40481', 'carried-out']])
  })
})
