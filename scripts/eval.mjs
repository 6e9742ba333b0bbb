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
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { jaccard } from './lib/fitting.mjs'

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
// genres: other kinds of paper (issue 27); debates: debate records with gold spoken promises (issue 24).
const corpora = ['dev', 'letters', 'genres', 'debates', 'dev-stress'].filter((c) => existsSync(join(shared, 'corpus', c)))

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
    .filter((f) => !f.endsWith('.gold.json') && !f.endsWith('.joins.json') && !f.endsWith('.tsv') && !f.endsWith('.md'))
    .map((f) => join(dir, f))
  const out = mkdtempSync(join(tmpdir(), `kamerwacht-eval-${made.includes(name) ? 'letterhead-pdf' : name}-`))
  const read = spawnSync(process.execPath, [join(root, 'bin', 'kamerwacht.js'), 'read', '--quiet', '--out', out, ...inputs], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (read.status !== 0) console.error(`eval: some ${name} inputs failed to read (exit ${read.status})`)
  console.log(`\n== ${made.includes(name) ? 'dev letterhead letters typeset as PDFs' : name} (${inputs.length} inputs) ==`)
  const score = spawnSync(process.execPath, [scorer, dir, out, ...scorerFlags], { stdio: 'inherit' })
  if (score.status !== 0) status = score.status ?? 1
  // Spoken promises: the speaker's office right on the promises matched (the scorer does not read it).
  if (name === 'debates') speakerAccuracy(dir, out)
  // A corpus whose gold names each paper's genre (genres/: answers, verslagen, nota's, older letters): a line per genre.
  genreColumns(dir, out)
  rmSync(out, { recursive: true, force: true })
  if (made.includes(name)) rmSync(name, { recursive: true, force: true })
}
// Real promise → fulfilment chains, and the fulfilment weights' in-sample and leave-one-dossier-out figures.
console.log('\n== chains: promise → fulfilment, ingested into a store ==')
const chains = spawnSync(process.execPath, [join(root, 'scripts', 'eval-chains.mjs'), '--verbose'], { stdio: 'inherit' })
if (chains.status !== 0) status = chains.status ?? 1
spawnSync(process.execPath, [join(root, 'scripts', 'fit-fulfilment.mjs'), '--report'], { stdio: 'inherit' })
// Moties followed to the letters that answer them, on the real open-data records.
console.log('\n== moties: the letters that answer them, from the open-data records ==')
const moties = spawnSync(process.execPath, [join(root, 'scripts', 'eval-moties.mjs'), '--verbose'], { stdio: 'inherit' })
if (moties.status !== 0) status = moties.status ?? 1
// The promise recogniser's weights: hand-set, fitted in-sample, and fitted leave-one-dossier-out, per sentence.
spawnSync(process.execPath, [join(root, 'scripts', 'fit-promises.mjs'), '--report'], { stdio: 'inherit' })
process.exit(status)

/**
 * The scorer's figures per genre, where the gold gives one (`"genre": "kamervragen-antwoord"`): each genre's gold
 * files linked into a folder of their own and scored against the same outputs.
 */
function genreColumns(dir, out) {
  const byGenre = new Map()
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.gold.json'))) {
    const genre = JSON.parse(readFileSync(join(dir, f), 'utf8')).genre
    if (genre) byGenre.set(genre, [...(byGenre.get(genre) ?? []), f])
  }
  if (byGenre.size === 0) return
  const pct = (x) => `${(100 * x).toFixed(1)}%`.padStart(6)
  console.log(`\n${'genre'.padEnd(44)} docs  metadata  refs F1  dates F1  promises F1`)
  for (const [genre, golds] of [...byGenre].sort()) {
    const only = mkdtempSync(join(tmpdir(), 'kamerwacht-eval-genre-'))
    for (const g of golds) symlinkSync(join(dir, g), join(only, g))
    const r = spawnSync(process.execPath, [scorer, only, out, '--json'], { encoding: 'utf8' })
    rmSync(only, { recursive: true, force: true })
    if (r.status !== 0) continue
    const s = JSON.parse(r.stdout)
    console.log(
      `${genre.padEnd(44)} ${String(golds.length).padStart(4)}  ${pct(s.metadata)}    ${pct(s.references.f1)}   ${pct(s.dates.f1)}   ${pct(s.commitments.f1)}`,
    )
  }
}

/** The share of matched spoken promises whose actor is the gold `actor` (the office, as the record gives it). */
function speakerAccuracy(dir, out) {
  let right = 0
  let matched = 0
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.gold.json'))) {
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8'))
    const p = join(out, `${gold.source}.json`)
    if (!existsSync(p)) continue
    const doc = JSON.parse(readFileSync(p, 'utf8'))
    const used = new Set()
    for (const g of gold.commitments ?? []) {
      const k = (doc.commitments ?? []).findIndex((c, j) => !used.has(j) && jaccard(g.text, c.text) >= 0.5)
      if (k < 0) continue
      used.add(k)
      matched++
      const c = doc.commitments[k]
      const office = c.speaker?.function ?? c.actor ?? ''
      if (office.toLowerCase() === String(g.actor ?? '').toLowerCase()) right++
    }
  }
  console.log(`speakers  ${matched ? ((100 * right) / matched).toFixed(1) : '100.0'}% of ${matched} matched spoken promises with the office right`)
}
