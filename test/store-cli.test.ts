// The store commands as a user runs them: ingest the bundled samples, then search, show, export, reindex.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../src/test-support/paths.js'

const BIN = join(ROOT, 'bin', 'kamerwacht.js')
let db: string
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, KAMERWACHT_PDF: 'js' } })

beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), 'kw-cli-store-')), 'k.db')
  const r = run('ingest', join(ROOT, 'examples'), '--json')
  expect(r.status, r.stderr).toBe(0)
})

describe('kamerwacht search, show, export, reindex', () => {
  it('search --json prints { total, hits, facets } with the fields the API promises', () => {
    const r = run('search', 'kernwapens', '--json')
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.total).toBe(1)
    expect(Object.keys(out.hits[0]).sort()).toEqual(['date', 'id', 'score', 'sender', 'snippet', 'title', 'type'])
    expect(out.hits[0]).toMatchObject({ type: 'brief', date: '2022-05-27', sender: 'Minister van Buitenlandse Zaken' })
    expect(out.hits[0].snippet).toContain('<mark>kernwapens</mark>')
    expect(Object.keys(out.facets).sort()).toEqual(['dossier', 'sender', 'type', 'year'])
  })

  it('filters with flags as with query fields, and sorts by date', () => {
    const a = JSON.parse(run('search', 'Kamer', '--type', 'brief', '--van', '2012-01-01', '--tot', '2016-12-31', '--sort', 'date', '--json').stdout)
    const b = JSON.parse(run('search', 'Kamer type:brief van:2012-01-01 tot:2016-12-31', '--sort', 'date', '--json').stdout)
    expect(a.total).toBe(b.total)
    expect(a.total).toBeGreaterThan(1)
    expect(a.hits.map((h: { date: string }) => h.date)).toEqual([...a.hits.map((h: { date: string }) => h.date)].sort().reverse())
  })

  it('refuses a store that is not there, and a --db that is an option, making nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-nodb-'))
    const missing = join(dir, 'no', 'such', 'x.db')
    const plain = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir })
    const search = plain('search', 'kernwapens', '--db', missing)
    expect(search.status).toBe(1)
    expect(search.stderr).toContain(`no store at ${missing}`)
    expect(existsSync(join(dir, 'no'))).toBe(false)
    const option = plain('commitments', '--db', '--json')
    expect(option.status).not.toBe(0)
    expect(option.stderr).toMatch(/--db --json: that looks like an option/)
    expect(readdirSync(dir)).toEqual([])
    // What fills a store makes it.
    expect(plain('ingest', join(ROOT, 'examples', '33783-50.txt'), '--db', missing, '--quiet').status).toBe(0)
    expect(plain('search', 'kernwapens', '--db', missing).status).toBe(0)
  })

  it('answers a malformed query with exit 2 and a hint, never a SQLite error', () => {
    const r = run('search', '"nucleaire ontwapening')
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/quote is not closed: write "nucleaire ontwapening"/)
    expect(r.stderr).not.toMatch(/SQLITE|fts5/i)
    expect(run('search', 'Kamer', '--van', 'gisteren').status).toBe(2)
    const impossible = run('search', 'Kamer', '--van', '2022-13-45')
    expect(impossible.status).toBe(2)
    expect(impossible.stderr).toContain('invalid --van: 2022-13-45 is not a date')
    expect(run('search', 'Kamer', '--type', 'flapdrol').stderr).toMatch(/flapdrol is not a type of paper; the types are brief, motie/)
    // A mistyped option is not taken for a word to exclude.
    expect(run('search', 'Kamer', '--bogus').status).toBe(2)
  })

  it('takes a query that starts with a word to exclude, and a dossier or paper as people cite it', () => {
    const r = run('search', '-Iran', 'kernwapens')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^1 paper \(showing 1–1\)/)
    const cited = run('search', 'Kamerstuk 33 783, nr. 50')
    expect(cited.stdout).toContain('kst-33783-50')
    expect(cited.stderr).toContain('"Kamerstuk 33 783, nr. 50" read as stuk:kst-33783-50')
  })

  it('show marks references, dates and commitments in the clean text', () => {
    const r = run('show', 'kst-32733-36')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('[Kamerstuk 32 733, nr. 31 → kst-32733-31]')
    expect(r.stdout).toContain('{28 juni 2011 = 2011-06-28}')
    expect(r.stdout).toMatch(/⟦TOEZEGGING Ik zal de Kamer \{in augustus|⟦TOEZEGGING Ik zal de Kamer in \{augustus/)
    expect(run('show', 'kst-1-1').status).toBe(1)
  })

  it('export streams commitments as CSV and documents as JSON lines', () => {
    const csv = run('export', '--format', 'csv', '--what', 'commitments')
    expect(csv.status).toBe(0)
    const lines = csv.stdout.trim().split('\n')
    // The board's columns: status, deadline, what keeps it, the link.
    expect(lines[0]).toBe('id,status,stale,paper,paperDate,sender,actor,text,dueText,dueEnd,keptBy,evidence,link,official')
    // A path without --base-url; the official record's address always.
    expect(lines[1]).toMatch(/,\/papers\/kst-[\w-]+,https:\/\/zoek\.officielebekendmakingen\.nl\/kst-[\w-]+\.html$/)
    const absolute = run('export', '--format', 'csv', '--what', 'commitments', '--base-url', 'https://kamerwacht.example.org/').stdout.trim().split('\n')
    expect(absolute[1]).toMatch(/,https:\/\/kamerwacht\.example\.org\/papers\/kst-[\w-]+,https:\/\/zoek\.officielebekendmakingen\.nl\//)
    const bad = run('export', '--what', 'commitments', '--base-url', 'ftp://x')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toBe('kamerwacht export: invalid --base-url: give an http(s) address, as in https://kamerwacht.example.org\n')
    expect(
      lines.some((l) =>
        /^kst-32733-36~\w+,overdue,false,kst-32733-36,2011-06-28,Minister van Defensie,Minister van Defensie,Ik zal de Kamer in augustus informeren/.test(l),
      ),
    ).toBe(true)
    const docs = run('export').stdout.trim().split('\n')
    expect(docs).toHaveLength(11)
    expect(JSON.parse(docs[0] as string).schemaVersion).toBe(1)
  })

  it('says what a search needs rather than answer 0 papers, in the user’s words, with exit 2 (issue 30)', () => {
    const refused = (args: string[], message: string) => {
      const r = run('search', ...args)
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr).toBe(`kamerwacht search: ${message}\n`)
    }
    refused([''], 'a search needs a word to look for or a filter, as in: kernwapens, or type:brief')
    // `NIET` alone is a stop word: nothing to look for.
    refused(['NIET'], 'a search needs a word to look for or a filter, as in: kernwapens, or type:brief')
    refused(
      ['kamer', '--van', '2023-01-01', '--tot', '2022-01-01'],
      'invalid --tot: the date range is empty: it ends (2022-01-01) before it begins (2023-01-01)',
    )
    refused(['kamer', '--limit', 'abc'], 'invalid --limit: a whole number from 0 to 100')
    // A range within one month is no empty range.
    expect(run('search', 'kamer', '--van', '2011-06-10', '--tot', '2011-06').status).toBe(0)
  })

  it('`dossier abc` and `timeline abc` are usage errors (2); a number with no paper stored is 1', () => {
    for (const cmd of ['dossier', 'timeline']) {
      const r = run(cmd, 'abc')
      expect(r.status).toBe(2)
      expect(r.stderr).toBe(`kamerwacht ${cmd}: abc is no dossier number: write one as 33783, 21501-02 or 36410-XVI\n`)
      expect(run(cmd, '99999').status).toBe(1)
    }
  })

  it('`--db` naming a file that is no store says which file', () => {
    const r = spawnSync(process.execPath, [BIN, 'search', 'kernwapens', '--db', join(ROOT, 'README.md')], { encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`${join(ROOT, 'README.md')} is not a kamerwacht store (not a SQLite database)`)
  })

  it('the text of `commitments` says which open promises are stale, as the JSON does', () => {
    const json = JSON.parse(run('commitments', '--json').stdout)
    const stale = json.items.filter((c: { stale: boolean }) => c.stale).map((c: { id: string }) => c.id)
    expect(stale.length).toBeGreaterThan(0)
    const text = run('commitments').stdout
    for (const id of stale) expect(text).toContain(`${id}  (stale: open over six months, no deadline)`)
  })

  it('reindex reads every kept source again', () => {
    const r = run('reindex')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/reindexed: 11 updated, 0 new, 20 unchanged, 0 failed/)
  })
})
