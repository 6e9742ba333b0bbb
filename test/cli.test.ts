// The `kamerwacht` binary, run as a user runs it (the global setup builds it first).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusFile, ROOT, skipWithoutShared } from '../src/test-support/paths.js'

const BIN = join(ROOT, 'bin', 'kamerwacht.js')
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, KAMERWACHT_PDF: 'js' } })

describe('kamerwacht read', () => {
  it('prints one paper as Document JSON', () => {
    const r = run('read', join(ROOT, 'examples', '33783-50.txt'))
    expect(r.status).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc).toMatchObject({
      schemaVersion: 1,
      ondernummer: '50',
      type: 'brief',
      date: '2022-05-27',
      sender: 'Minister van Buitenlandse Zaken',
      signers: ['W.B. Hoekstra'],
    })
    expect(doc.text).toContain('Buitenlandse')
    expect(doc.text).toContain('NPV-lidstaten')
  })

  it.skipIf(skipWithoutShared)('writes DIR/<file name>.json for each file, reports a failed file in one line and goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-cli-'))
    const bad = join(dir, 'kapot.xml')
    writeFileSync(bad, '<officiele-publicatie><kamerstuk><al>afgebroken')
    const out = join(dir, 'out')
    const r = run('read', '--out', out, join(ROOT, 'examples', '33783-50.txt'), bad, corpusFile('raw', '36410-XVI-96.xml'), join(dir, 'bestaat-niet.txt'))
    expect(r.status).toBe(1)
    expect(readdirSync(out).sort()).toEqual(['33783-50.txt.json', '36410-XVI-96.xml.json'])
    const errors = r.stderr.split('\n').filter((l) => l.includes(': '))
    expect(errors.find((l) => l.startsWith(bad))).toMatch(/kapot\.xml: XML is not well-formed/)
    expect(errors.find((l) => l.includes('bestaat-niet'))).toMatch(/no such file or folder/)
    expect(JSON.parse(readFileSync(join(out, '36410-XVI-96.xml.json'), 'utf8')).id).toBe('kst-36410-XVI-96')
  })

  it('exits 0 when every file was read, and prints JSON lines with --json', () => {
    const r = run('read', '--json', join(ROOT, 'examples', '33783-50.txt'), join(ROOT, 'examples', '21501-02-1581.obpage.txt'))
    expect(r.status).toBe(0)
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((d) => d.id)).toEqual([null, 'kst-21501-02-1581'])
  })

  it('answers a usage error with exit 2 and help that teaches', () => {
    const r = run('read')
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/missing required argument/)
    const help = run('read', '--help')
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/Examples:/)
    expect(run('read', '--pdf', 'acrobat', 'x.pdf').status).toBe(2)
  })
})

describe('kamerwacht start', () => {
  it('reads every bundled sample paper and stores them', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'kw-start-')), 's.db')
    const r = run('start', '--db', db, '--no-serve')
    expect(r.status).toBe(0)
    const samples = readdirSync(join(ROOT, 'examples')).length
    expect(r.stdout).toContain(`${samples} of ${samples} read`)
    // 31 files, 11 papers: each paper's forms (XML, web page, PDF, its text) meet under one key, the web page
    // of a paper outside any dossier too (`nds-tk-2019D21842`, once stored a second time under its hash).
    // The counts add up to the files (which forms come first depends on the reading threads).
    const said =
      /Stored in .*s\.db: 11 papers, from 31 files: 11 new papers; (\d+) replaced a stored paper with a better form or a newer reading of it; (\d+) added nothing new \(read before, or a lesser form of a stored paper\)\./.exec(
        r.stdout,
      )
    expect(said, r.stdout).not.toBeNull()
    expect(11 + Number(said?.[1]) + Number(said?.[2])).toBe(samples)
    // Run again: every file was read before.
    expect(run('start', '--db', db, '--no-serve').stdout).toMatch(/Stored in .*s\.db: 11 papers, from 31 files: 31 added nothing new/)
    const board = JSON.parse(run('commitments', '--db', db, '--json').stdout) as { items: Array<{ text: string; paper: { key: string } }> }
    expect(board.items.length).toBeGreaterThan(0)
    expect(new Set(board.items.map((c) => c.text)).size).toBe(board.items.length)
    expect(board.items.map((c) => c.paper.key).filter((k) => k.startsWith('sha256:'))).toEqual([])
  })

  it('then serves the web UI and the API, printing the URL, until stopped', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'kw-start-')), 's.db')
    // The port from PORT, as `PORT=8081 npm start` gives it (0: any free port).
    const child = spawn(process.execPath, [BIN, 'start', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KAMERWACHT_PDF: 'js', PORT: '0' },
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (d) => {
        out += d
        const m = /serving on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
        if (m) resolve(m[1] as string)
      })
      child.on('exit', (code) => reject(new Error(`start exited with ${code}: ${out}`)))
    })
    try {
      expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok', papers: 11, writable: false })
      const page = await fetch(`${url}/?q=kernwapens`)
      expect(page.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await page.text()).toContain('href="/papers/kst-33783-50"')
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  }, 60_000)
})

describe('command-line details', () => {
  it('is quiet with --quiet: no summary lines, only what failed', () => {
    const two = [join(ROOT, 'examples', '33783-50.txt'), join(ROOT, 'examples', '21501-02-1581.obpage.txt')]
    expect(
      run('read', ...two)
        .stdout.trim()
        .split('\n'),
    ).toHaveLength(2)
    const quiet = run('read', '--quiet', ...two, join(ROOT, 'examples', 'bestaat-niet.txt'))
    expect(quiet.stdout).toBe('')
    expect(quiet.stderr.trim().split('\n')).toEqual([expect.stringContaining('bestaat-niet.txt: no such file or folder')])
  })

  it('answers a bare `kamerwacht` with its usage and exit 2', () => {
    const r = run()
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^Usage: kamerwacht/)
  })

  it('refuses a KAMERWACHT_TODAY that is no day, and --ics where no calendar applies', () => {
    for (const day of ['gisteren', '2022-13-45']) {
      const r = spawnSync(process.execPath, [BIN, 'commitments'], { encoding: 'utf8', env: { ...process.env, KAMERWACHT_TODAY: day } })
      expect(r.status, day).toBe(2)
      expect(r.stderr).toBe(`kamerwacht: KAMERWACHT_TODAY=${day} is not a day: write KAMERWACHT_TODAY=2022-09-01, or unset it\n`)
    }
    const ics = run('feed', 'search', 'kernwapens', '--ics')
    expect(ics.status).toBe(2)
    expect(ics.stderr).toContain('--ics applies to `feed dossier NR` and `feed commitments --sender ROLE`')
  })

  it('counts in the singular for one: 1 paper, 1 file', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'kw-one-')), 'k.db')
    const r = run('ingest', join(ROOT, 'examples', '33783-50.txt'), '--db', db)
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/ of 1 file in .*; 1 paper in /)
    // Off a terminal, a short run prints no progress line: the summary says it all.
    expect(r.stderr).toBe('')
    expect(run('search', 'kernwapens', '--db', db).stdout).toMatch(/^1 paper \(showing 1–1\)/)
    // Nothing found: the store's own spelling, and a word as the start of longer ones, as commands to run.
    expect(run('search', 'kernwapnes', '--db', db).stdout).toBe('0 papers\n\ndid you mean: kamerwacht search kernwapens  (1 paper)\n')
    expect(run('search', 'ontwapen', '--db', db).stdout).toContain("did you mean: kamerwacht search 'ontwapen*'  (1 paper, words that start so)")
    // A paper cited but not stored: what is known of it, not a dead end.
    expect(run('cites', 'kst-33783-48', '--db', db).stdout).toContain(
      'kst-33783-48: not stored; cited by 1 stored paper\ndossier 33783\nofficial publication: https://zoek.officielebekendmakingen.nl/kst-33783-48.html',
    )
    expect(run('cites', 'kst-99999-1', '--db', db).status).toBe(1)
    const json = JSON.parse(run('search', 'kernwapnes', '--db', db, '--json').stdout)
    expect(json.suggestions).toEqual([{ q: 'kernwapens', why: 'spelling', total: 1 }])
  })
})

describe('kamerwacht follow', () => {
  it('follows a dossier and a search; new lists what was stored since, once', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'kw-follow-')), 'k.db')
    expect(run('ingest', join(ROOT, 'examples', '33783-50.txt'), '--db', db, '-q').status).toBe(0)
    expect(run('follow', 'add', 'npv', 'dossier:33783', '--db', db).stdout).toContain('following npv: dossier:33783')
    expect(run('follow', 'add', 'bad', 'van:2022-13-45', '--db', db).status).toBe(2)
    expect(run('follow', 'list', '--db', db).stdout).toMatch(/^npv\s+0 new papers\s+dossier:33783/)
    expect(run('ingest', join(ROOT, 'test', 'fixtures', 'chains', '33783-51.txt'), '--db', db, '-q').status).toBe(0)
    expect(run('follow', 'list', '--db', db).stdout).toMatch(/^npv\s+1 new paper\s+dossier:33783/)
    const peek = run('follow', 'new', 'npv', '--peek', '--db', db)
    expect(peek.stdout).toContain('kst-33783-51')
    const seen = run('follow', 'new', 'npv', '--json', '--db', db)
    expect(JSON.parse(seen.stdout)).toMatchObject({ name: 'npv', total: 1, hits: [{ id: 'kst-33783-51' }] })
    expect(JSON.parse(run('follow', 'new', 'npv', '--json', '--db', db).stdout).total).toBe(0)
    expect(run('follow', 'new', 'nope', '--db', db).status).toBe(1)
    expect(run('follow', 'remove', 'npv', '--db', db).status).toBe(0)
    expect(run('follow', 'list', '--db', db).stdout).toContain('no follows yet')
  })
})

describe('kamerwacht serve', () => {
  it('refuses a store that is not there (a mistyped --db) and makes nothing; --create makes a new one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-serve-missing-'))
    const typo = join(dir, 'kamerwach.db')
    const r = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', '--db', typo], { encoding: 'utf8', timeout: 30_000 })
    expect(r.status).toBe(1)
    expect(r.stderr).toBe(
      `kamerwacht serve: no store at ${typo}; read papers into one first (kamerwacht ingest PATH --db ${typo}) or name another with --db; --create makes a new, empty one\n`,
    )
    expect(existsSync(typo)).toBe(false)
    expect(run('serve', '--help').stdout).toContain('--create')
  })

  it('refuses a bad port and says so when the port is taken', async () => {
    expect(run('serve', '--port', 'eighty').status).toBe(2)
    expect(run('serve', '--port', '70000').stderr).toContain('--port')
    expect(run('serve', '--base-url', 'ftp://x').stderr).toContain('--base-url')
    // A token no HTTP header can carry would refuse every write: said at start, not found out later.
    const token = spawnSync(process.execPath, [BIN, 'serve', '--port', '0'], { encoding: 'utf8', env: { ...process.env, KAMERWACHT_TOKEN: 'wachtwoord-ü' } })
    expect(token.status).toBe(2)
    expect(token.stderr).toContain('KAMERWACHT_TOKEN must be printable ASCII')
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const port = String((taken.address() as AddressInfo).port)
    const db = join(mkdtempSync(join(tmpdir(), 'kw-serve-')), 's.db')
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'serve', '--port', port, '--db', db, '--create'], { stdio: ['ignore', 'ignore', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (d) => {
        stderr += d
      })
      child.on('exit', (code) => resolve({ code, stderr }))
    })
    // With several processes, the first that cannot listen stops them all.
    const many = spawnSync(process.execPath, [BIN, 'serve', '--port', port, '--db', db, '--create', '--workers', '2'], { encoding: 'utf8', timeout: 30_000 })
    taken.close()
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`port ${port} is in use`)
    expect(many.status).toBe(1)
    expect(many.stderr).toContain(`port ${port} is in use`)
  }, 60_000)

  /** The processes whose parent is `pid`, from /proc. */
  const children = (pid: number) =>
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          // Field 4 of /proc/PID/stat, after the command name in parentheses.
          return Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid
        } catch {
          return false
        }
      })
      .map(Number)

  it('shares the port among --workers processes, replaces one that dies, and stops them all', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'kw-serve-')), 's.db')
    expect(run('ingest', corpusFile('dev', '33783-50.txt'), '--db', db).status).toBe(0)
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db, '--workers', '2'], { stdio: ['ignore', 'pipe', 'pipe'] })
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    let stderr = ''
    child.stderr.on('data', (d) => {
      stderr += d
    })
    let out = ''
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d
        const m = /serving on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
        if (m) resolve(m[1] as string)
      })
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
    })
    const search = async () => (await (await fetch(`${url}/api/search?q=kernwapens`, { headers: { connection: 'close' } })).json()).hits[0]?.id
    try {
      expect(out).toContain('2 processes')
      expect(out.match(/serving on/g)).toHaveLength(1)
      const workers = children(child.pid as number)
      expect(workers).toHaveLength(2)
      for (let i = 0; i < 6; i++) expect(await search()).toBe('kst-33783-50')
      process.kill(workers[0] as number, 'SIGKILL')
      for (let i = 0; i < 100 && !stderr.includes('starting another'); i++) await new Promise((r) => setTimeout(r, 50))
      expect(stderr).toContain('starting another')
      for (let i = 0; i < 100 && children(child.pid as number).length < 2; i++) await new Promise((r) => setTimeout(r, 50))
      expect(children(child.pid as number)).toHaveLength(2)
      for (let i = 0; i < 6; i++) expect(await search()).toBe('kst-33783-50')
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
    expect(children(child.pid as number)).toHaveLength(0)
  }, 60_000)
})
