#!/usr/bin/env node
// Fits the weights of the promise recogniser's named features (src/extract/commitments.ts) on every annotated sentence
// of the corpora dev, letters, genres and debates, and reports how well they do.
//
//   node scripts/fit-promises.mjs            build the sentences from ../shared/corpus, fit, write src/extract/promise-weights.ts
//   node scripts/fit-promises.mjs --report   fit on scripts/data/promise-sentences.json and print in-sample and
//                                             leave-one-dossier-out figures (what `npm run eval` prints); writes nothing
//   npm run fit                               both fitting scripts, after a build
//
// The data. Each paper is read with the built reader; each sentence of its body that the recogniser reads at all (in a
// debate: each sentence of a member of government) gives the names of the features that fire; it is positive when a
// gold promise of the paper has the same words (Jaccard ≥ 0.5, as the scorer matches); a sentence that matches only one
// of its `alt` sentences (the promise restated) is left out.
// scripts/data/promise-sentences.json keeps the feature names and labels only, no text of the corpus.
//
// The model. Logistic regression as a MAP estimate with a Gaussian prior (σ = 1) around the hand-set weights, which
// commitments.ts argues one by one: the data moves them where it has something to say, and the cross-validated figures
// (a dossier's sentences scored by weights fitted without them) say whether it moved them well. The chair's summary,
// an acknowledged promise and the chair's confirmation are added outside the sentence and are not fitted.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { figures, fitMap, jaccard, leaveOneGroupOut, pct, predict } from './lib/fitting.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const shared = resolve(process.env.SHARED ?? join(root, '..', 'shared'))
const dataFile = join(root, 'scripts', 'data', 'promise-sentences.json')
const report = process.argv.includes('--report')
// The prior's variance, chosen by the leave-one-dossier-out F1 among 0.25, 1 and 4 (cross-validated F1 77.4%, 73.8% and 73.1% when chosen):
// the hand-set weights were written from this grammar, and the sentences move them a little, not far.
const SIGMA2 = Number(process.env.SIGMA2 ?? 0.25)
const THRESHOLD = 0.5

async function buildSentences() {
  const { createContext, readDocument } = await import(join(root, 'dist', 'pipeline.js'))
  const { sentences } = await import(join(root, 'dist', 'extract', 'sentences.js'))
  const { findCommitment } = await import(join(root, 'dist', 'extract', 'commitments.js'))
  const { turnAt, isGovernment, actorOfSpeaker } = await import(join(root, 'dist', 'extract', 'spoken.js'))
  const ctx = await createContext({})
  const rows = []
  for (const corpus of ['dev', 'letters', 'genres', 'debates']) {
    const dir = join(shared, 'corpus', corpus)
    if (!existsSync(dir)) continue
    for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json'))) {
      const gold = JSON.parse(readFileSync(join(dir, g), 'utf8'))
      if (!Array.isArray(gold.commitments) || !existsSync(join(dir, gold.source))) continue
      const doc = await readDocument(new Uint8Array(readFileSync(join(dir, gold.source))), gold.source, ctx)
      const turns = doc.turns ?? []
      const mains = gold.commitments.map((c) => c.text)
      const alts = gold.commitments.flatMap((c) => c.alt ?? [])
      const group = doc.dossier ?? `${corpus}/${gold.source}`
      for (const s of sentences(doc.text, doc.sections)) {
        if (s.section === 'header' || s.section === 'dateline') continue
        const turn = turns.length ? turnAt(turns, s.span.start) : undefined
        if (turns.length && !isGovernment(turn?.speaker)) continue
        const spoken = turns.length > 0
        const c = findCommitment(s.text, doc.date, spoken ? actorOfSpeaker(turn.speaker) : doc.sender, true, spoken)
        const label = mains.some((t) => jaccard(t, s.text) >= 0.5) ? 1 : 0
        // A sentence that only restates a gold promise (its `alt`) is neither: kamerwacht keeps it as the promise's support.
        if (!label && alts.some((t) => jaccard(t, s.text) >= 0.5)) continue
        rows.push({ group, corpus, label, features: c ? [...new Set(c.features.map((f) => f.name))] : null })
      }
    }
  }
  return rows
}

/** A sentence's features as the fitting takes them: each named cue that fired, worth 1 (the bias is the model's own). */
const asRow = (r) => ({ ...r, x: r.features ? Object.fromEntries(r.features.filter((n) => n !== 'bias').map((n) => [n, 1])) : null })

/** The weights fitted on `rows`, then the bias moved to the cut that reads them best. */
function fitModel(rows, prior) {
  const m = fitMap(rows, prior, { sigma2: SIGMA2, steps: 1500 })
  // The log loss sets the weights, not where to cut: the bias is then moved to the cut that reads the training
  // sentences best (F1 at the recogniser's threshold), so the fitted weights and the threshold are one decision.
  const usable = rows.filter((r) => r.x)
  let best = { shift: 0, f: -1 }
  for (let shift = -2; shift <= 2.001; shift += 0.1) {
    const shifted = { ...m, bias: m.bias + shift }
    const f = figures(
      usable.map((r) => ({ r, p: predict(shifted, r.x) })),
      THRESHOLD,
    ).F
    if (f > best.f + 1e-9) best = { shift, f }
  }
  m.bias += best.shift
  return m
}

const line = (name, f) => `${name.padEnd(14)} P ${pct(f.P)}  R ${pct(f.R)}  F1 ${pct(f.F)}  (${f.tp} right, ${f.fp} wrong, ${f.fn} missed)`

/** The hand-set weights: the names the sentences use, each with the weight commitments.ts gives it today. */
async function handWeights() {
  const { HAND_WEIGHTS } = await import(join(root, 'dist', 'extract', 'commitments.js'))
  return HAND_WEIGHTS
}

let rows
if (report) {
  if (!existsSync(dataFile)) {
    console.error(`fit-promises: ${dataFile} missing; run npm run fit`)
    process.exit(2)
  }
  rows = JSON.parse(readFileSync(dataFile, 'utf8')).sentences
} else {
  rows = await buildSentences()
  mkdirSync(dirname(dataFile), { recursive: true })
  writeFileSync(dataFile, `${JSON.stringify({ sentences: rows }).replace(/\},\{/g, '},\n{')}\n`)
}
rows = rows.map(asRow)
const prior = await handWeights()
const model = fitModel(rows, prior)
const groups = [...new Set(rows.map((r) => r.group))]
const held = leaveOneGroupOut(rows, (part) => fitModel(part, prior))
console.log(
  `promise sentences: ${rows.length} sentences read in ${groups.length} dossiers (dev, letters, genres, debates), ${rows.filter((r) => r.label).length} promises`,
)
console.log(
  line(
    '  hand-set',
    figures(
      rows.map((r) => ({ r, p: predict(prior, r.x) })),
      THRESHOLD,
    ),
  ),
)
console.log(
  line(
    '  in-sample',
    figures(
      rows.map((r) => ({ r, p: predict(model, r.x) })),
      THRESHOLD,
    ),
  ),
)
console.log(line('  cross-val.', figures(held, THRESHOLD)))
for (const corpus of ['dev', 'letters', 'genres', 'debates']) {
  const part = held.filter((h) => h.r.corpus === corpus)
  if (part.length) console.log(line(`    ${corpus}`, figures(part, THRESHOLD)))
}
if (!report) {
  const round = (x) => Math.round(x * 100) / 100
  const body = Object.keys(prior)
    .map((n) => `  ${/^[A-Za-z_$][\w$]*$/.test(n) ? n : `'${n}'`}: ${round(model[n])},`)
    .join('\n')
  writeFileSync(
    join(root, 'src', 'extract', 'promise-weights.ts'),
    `// Written by scripts/fit-promises.mjs from scripts/data/promise-sentences.json; do not edit by hand (run \`npm run fit\`).
// Each weight starts from the hand-set one argued in commitments.ts (HAND_WEIGHTS) and is moved by the annotated sentences.

/** The fitted weight of each named feature of the promise recogniser. */
export const PROMISE_WEIGHTS: Readonly<Record<string, number>> = {
${body}
}
`,
  )
  console.log('wrote src/extract/promise-weights.ts and scripts/data/promise-sentences.json')
}
