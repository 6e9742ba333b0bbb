#!/usr/bin/env node
// `npm run eval`: reads ../shared/corpus/dev, ../shared/corpus/letters and ../shared/corpus/dev-stress
// with the built CLI into temporary folders and scores each with the
// independent scorer, ../shared/eval/score.mjs (which kamerwacht never edits);
// then dev's letterhead letters typeset as PDFs, read as PDFs.
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

// The letterhead letters of dev typeset as PDFs (src/bench/typeset.ts), beside their text and gold: the
// scorer scores NAME.pdf against NAME's gold wherever the gold folder holds one. The corpus itself has
// one real letterhead PDF (raw/, no gold; test/letterhead.test.ts checks it).
async function letterheadPdfs() {
  const dir = mkdtempSync(join(tmpdir(), 'kamerwacht-eval-letterhead-'))
  const { typesetLetterheadCorpus } = await import(join(root, 'dist', 'bench', 'typeset.js'))
  typesetLetterheadCorpus(join(shared, 'corpus', 'dev'), dir)
  return dir
}

let status = 0
const made = []
if (existsSync(join(shared, 'corpus', 'dev'))) made.push(await letterheadPdfs())
for (const name of [...corpora, ...made]) {
  const dir = made.includes(name) ? name : join(shared, 'corpus', name)
  // Every input the scorer may ask for: all files but gold and joins annotations.
  const inputs = readdirSync(dir)
    .filter((f) => !f.endsWith('.gold.json') && !f.endsWith('.joins.json') && !f.endsWith('.tsv'))
    .map((f) => join(dir, f))
  const out = mkdtempSync(join(tmpdir(), `kamerwacht-eval-${made.includes(name) ? 'letterhead-pdf' : name}-`))
  const read = spawnSync(process.execPath, [join(root, 'bin', 'kamerwacht.js'), 'read', '--quiet', '--out', out, ...inputs], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (read.status !== 0) console.error(`eval: some ${name} inputs failed to read (exit ${read.status})`)
  console.log(`\n== ${made.includes(name) ? 'dev letterhead letters typeset as PDFs' : name} (${inputs.length} inputs) ==`)
  const score = spawnSync(process.execPath, [scorer, dir, out, ...scorerFlags], { stdio: 'inherit' })
  if (score.status !== 0) status = score.status ?? 1
  rmSync(out, { recursive: true, force: true })
  if (made.includes(name)) rmSync(name, { recursive: true, force: true })
}
process.exit(status)
