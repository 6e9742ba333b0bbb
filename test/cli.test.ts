// The `kamerwacht` binary, run as a user runs it (the global setup builds it first).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusFile, ROOT } from '../src/test-support/paths.js'

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

  it('writes DIR/<file name>.json for each file, reports a failed file in one line and goes on', () => {
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
    expect(r.stdout).toMatch(/Stored in .*s\.db: 12 papers/)
  })
})
