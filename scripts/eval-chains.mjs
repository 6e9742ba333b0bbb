#!/usr/bin/env node
// Real promise → fulfilment chains (../shared/corpus/chains, CHAINS.json): for each chain, the promise's paper
// and then the later paper are ingested into a fresh embedded store with the built CLI, and the commitment whose
// words match the chain's promise (Jaccard ≥ 0.5, as the scorer matches sentences) is looked up. A chain is closed
// when that promise is `fulfilled` by the later paper; a `postponed` chain when it is still open with a later due date.
//
//   node scripts/eval-chains.mjs [--json] [--verbose]    (npm run eval runs it)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { jaccard } from './lib/fitting.mjs'
import { corpusFolder, root } from './lib/paths.mjs'

const dir = corpusFolder('eval-chains', 'chains', 'CHAINS.json')
const verbose = process.argv.includes('--verbose')
const cli = (args, env = {}) =>
  spawnSync(process.execPath, [join(root, 'bin', 'kamerwacht.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } })

const { chains } = JSON.parse(readFileSync(join(dir, 'CHAINS.json'), 'utf8'))
const results = []
for (const chain of chains) {
  const tmp = mkdtempSync(join(tmpdir(), 'kamerwacht-chain-'))
  const db = join(tmp, 'store.db')
  for (const f of [chain.promise.file, chain.fulfilment.file]) {
    const r = cli(['ingest', '--quiet', '--db', db, join(dir, f)])
    if (r.status !== 0) console.error(`eval-chains: ingest ${f} failed: ${r.stderr.trim()}`)
  }
  // The day after the later paper: what a user would see then.
  const today = chain.fulfilment.date
  const out = cli(['commitments', '--db', db, '--json', '--limit', '1000'], { KAMERWACHT_TODAY: today })
  const list = out.status === 0 ? JSON.parse(out.stdout) : { items: [] }
  const items = list.items ?? list.commitments ?? []
  const found = items
    .filter((c) => c.paper?.id === chain.promise.id)
    .sort((a, b) => jaccard(b.text, chain.promise.sentence) - jaccard(a.text, chain.promise.sentence))[0]
  const matched = found && jaccard(found.text, chain.promise.sentence) >= 0.5
  const keptBy = (found?.evidence ?? []).map((e) => e.paperId)
  let closed = false
  if (matched && chain.how === 'postponed')
    closed = found.status !== 'fulfilled' && !!found.due && found.due.end > chain.promise.date && (found.moved?.length ?? 0) > 0
  else if (matched) closed = found.status === 'fulfilled' && keptBy.includes(chain.fulfilment.id)
  results.push({
    chain: `${chain.promise.id} → ${chain.fulfilment.id}`,
    how: chain.how,
    found: !!matched,
    closed,
    status: found?.status ?? null,
    due: found?.due ?? null,
    candidates: (found?.candidates ?? []).map((c) => [c.paperId, c.confidence]),
  })
  rmSync(tmp, { recursive: true, force: true })
}
const closed = results.filter((r) => r.closed).length
if (process.argv.includes('--json')) console.log(JSON.stringify({ chains: results.length, closed, results }, null, 1))
else {
  console.log(`chains    ${closed} of ${results.length} closed (promise found in ${results.filter((r) => r.found).length})`)
  if (verbose)
    for (const r of results)
      console.log(
        `  ${r.closed ? 'closed' : 'open  '} ${r.how.padEnd(9)} ${r.chain}: ${r.found ? `promise found, ${r.status}${r.due ? `, due ${r.due.end}` : ''}` : 'promise not found'}${r.candidates.length ? `; candidates ${r.candidates.map((c) => c.join(' ')).join(', ')}` : ''}`,
      )
}
