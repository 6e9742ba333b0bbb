#!/usr/bin/env node
// Moties followed to the letters that answer them (issue 28), on the real open-data records of
// ../shared/corpus/opendata: every record there is ingested into a fresh embedded store with the built CLI,
// and for each motie of gold-moties.json the letters kamerwacht links to it (app/moties.ts) are set beside the
// gold's `carriedOutBy`. The rule is hand-set (link/moties.ts, nothing fitted), so its in-sample figures are its
// cross-validated ones.
//
//   node scripts/eval-moties.mjs [--json] [--verbose]    (npm run eval runs it)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { corpusFolder, root } from './lib/paths.mjs'

const dir = corpusFolder('eval-moties', 'opendata', 'gold-moties.json')
const verbose = process.argv.includes('--verbose')
const gold = JSON.parse(readFileSync(join(dir, 'gold-moties.json'), 'utf8'))
const tmp = mkdtempSync(join(tmpdir(), 'kamerwacht-moties-'))
const db = join(tmp, 'store.db')
const ingest = spawnSync(process.execPath, [join(root, 'bin', 'kamerwacht.js'), 'ingest', dir, '--db', db, '--json'], { encoding: 'utf8' })
if (ingest.status !== 0 && !existsSync(db)) {
  console.error(`eval-moties: ingest failed: ${ingest.stderr}`)
  process.exit(1)
}
const { EmbeddedStore } = await import(join(root, 'dist', 'store', 'sqlite', 'embedded.js'))
const { motieFollowUps } = await import(join(root, 'dist', 'app', 'moties.js'))
const store = new EmbeddedStore(db)
let right = 0
let wrong = 0
let missed = 0
let howRight = 0
const lines = []
try {
  for (const m of gold) {
    const want = new Map((m.carriedOutBy ?? []).map((c) => [c.id, c.how]))
    const found = await motieFollowUps(store, m.id)
    const got = new Map(found.map((f) => [f.paper.id ?? f.paper.key, f.how]))
    for (const [id, how] of got) {
      if (want.has(id)) {
        right++
        if (want.get(id) === how) howRight++
        else lines.push(`  ${m.id}: ${id} read as ${how}, gold ${want.get(id)}`)
      } else {
        wrong++
        lines.push(`  ${m.id}: ${id} linked (${how}), not in the gold`)
      }
    }
    for (const id of want.keys())
      if (!got.has(id)) {
        missed++
        lines.push(`  ${m.id}: ${id} missed`)
      }
  }
} finally {
  await store.close()
  rmSync(tmp, { recursive: true, force: true })
}
const pct = (x) => `${(100 * x).toFixed(1).padStart(5)}%`
const p = right + wrong ? right / (right + wrong) : 1
const r = right + missed ? right / (right + missed) : 1
const f1 = p + r ? (2 * p * r) / (p + r) : 0
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ moties: gold.length, links: { p, r, f1, right, wrong, missed }, how: right ? howRight / right : 1 }))
} else {
  console.log(`moties    ${gold.length} in the gold, ${right + missed} letters that answer them`)
  console.log(`  links       P ${pct(p)}  R ${pct(r)}  F1 ${pct(f1)}  (${right} right, ${wrong} wrong, ${missed} missed)`)
  console.log(
    `  how         ${right ? pct(howRight / right) : '  n/a'} of the links found read as the gold reads them (carried-out, responds, partly, declines)`,
  )
  console.log('  in use:     the hand-set rule of link/moties.ts (nothing fitted: in-sample and cross-validated are the same)')
  if (verbose) for (const l of lines) console.log(l)
}
