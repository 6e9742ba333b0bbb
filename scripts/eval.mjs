#!/usr/bin/env node
// `npm run eval`: reads ../shared/corpus/dev, ../shared/corpus/letters and ../shared/corpus/dev-stress
// with the built CLI into temporary folders and scores each with the
// independent scorer, ../shared/eval/score.mjs (which kamerwacht never edits).
//
//   npm run eval                  both corpora, verbose
//   npm run eval -- --json        the scorer's JSON summaries
//   SHARED=/path/to/shared npm run eval
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const shared = resolve(process.env.SHARED ?? join(root, '..', 'shared'))
const scorer = join(shared, 'eval', 'score.mjs')
if (!existsSync(scorer)) {
  console.error(`eval: scorer not found at ${scorer}; put shared/ beside the clone or set SHARED`)
  process.exit(2)
}
const extra = process.argv.slice(2)
const scorerFlags = extra.length ? extra : ['--verbose']
// dev was written against; letters are 36 real letters with gold that the rules were generalised on (issue 14).
const corpora = ['dev', 'letters', 'dev-stress'].filter((c) => existsSync(join(shared, 'corpus', c)))
let status = 0
for (const name of corpora) {
  const dir = join(shared, 'corpus', name)
  // Every input the scorer may ask for: all files but gold and joins annotations.
  const inputs = readdirSync(dir)
    .filter((f) => !f.endsWith('.gold.json') && !f.endsWith('.joins.json') && !f.endsWith('.tsv'))
    .map((f) => join(dir, f))
  const out = mkdtempSync(join(tmpdir(), `kamerwacht-eval-${name}-`))
  const read = spawnSync(process.execPath, [join(root, 'bin', 'kamerwacht.js'), 'read', '--quiet', '--out', out, ...inputs], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (read.status !== 0) console.error(`eval: some ${name} inputs failed to read (exit ${read.status})`)
  console.log(`\n== ${name} (${inputs.length} inputs) ==`)
  const score = spawnSync(process.execPath, [scorer, dir, out, ...scorerFlags], { stdio: 'inherit' })
  if (score.status !== 0) status = score.status ?? 1
  rmSync(out, { recursive: true, force: true })
}
process.exit(status)
