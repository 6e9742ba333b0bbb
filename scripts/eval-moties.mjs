#!/usr/bin/env node
// Moties followed to the letters that answer them (issue 28), on the real open-data records of
// ../shared/corpus/opendata: every record there is ingested into a fresh embedded store with the built CLI,
// and for each motie of gold-moties.json the letters kamerwacht links to it (app/moties.ts) are set beside the
// gold's `carriedOutBy`. The rule is hand-set (link/moties.ts, nothing fitted), so its in-sample figures are its
// cross-validated ones.
//
//   node scripts/eval-moties.mjs [--json] [--verbose]    (npm run eval runs it)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
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
const { motieFacts, motieFollowUps } = await import(join(root, 'dist', 'app', 'moties.js'))
const store = new EmbeddedStore(db)
let right = 0
let wrong = 0
let missed = 0
let howRight = 0
const lines = []
// The motie's facts from the Kamer's records (link/kamer.ts), each beside the gold's.
const facts = { indieners: 0, fracties: 0, fractiesKnown: 0, appreciatie: 0, besluit: 0, votes: 0, seats: 0 }
const RESULT = { Aangenomen: 'aangenomen', Verworpen: 'verworpen' }
try {
  for (const m of gold) {
    scoreFacts(m, await motieFacts(store, m.id))
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
/** Sets one motie's facts beside the gold: indieners (names, and fracties where a record gives one), appreciation, result, votes, seats. */
function scoreFacts(m, f) {
  const names = (f?.indieners ?? []).map((i) => i.name.toLowerCase())
  const gold = m.indieners.map((i) => /^(.*) \((.*)\)$/.exec(i))
  const same = names.length === gold.length && gold.every((g, k) => g && names[k] === g[1].toLowerCase())
  if (same) facts.indieners++
  else lines.push(`  ${m.id}: indieners ${JSON.stringify(f?.indieners.map((i) => i.name))}, gold ${JSON.stringify(m.indieners)}`)
  for (const [k, g] of gold.entries()) {
    const fractie = f?.indieners[k]?.fractie
    if (fractie) facts.fractiesKnown++
    if (g && fractie === g[2]) facts.fracties++
  }
  if ((f?.appreciatie ?? null) === m.appreciatie) facts.appreciatie++
  else lines.push(`  ${m.id}: appreciatie ${f?.appreciatie}, gold ${m.appreciatie}`)
  const decision = f?.decisions.find((d) => d.besluitId === m.besluitId)
  if (decision && decision.result === RESULT[m.besluit]) facts.besluit++
  else
    lines.push(`  ${m.id}: besluit ${decision?.result ?? f?.result ?? 'none'} (${decision ? 'its Besluit' : 'the gold Besluit not found'}), gold ${m.besluit}`)
  const votes = Object.fromEntries((decision?.tally.votes ?? []).filter((v) => !v.member).map((v) => [v.fractie, v.soort]))
  if (JSON.stringify(Object.entries(votes).sort()) === JSON.stringify(Object.entries(m.votes).sort())) facts.votes++
  else lines.push(`  ${m.id}: votes differ from the gold's`)
  if (decision && decision.tally.seatsFor === m.seatsFor && decision.tally.seatsAgainst === m.seatsAgainst) facts.seats++
}

// The rule for letters that name a motie without its number (link/moties.ts namesMotie), on its own: each gold
// letter's subject with its `(Kamerstuk …)` taken out must still name its motie, and no other letter subject of the
// corpus's Document pages may name a motie the gold does not link it to.
const { motieAnswer, motieNaming, namesMotie } = await import(join(root, 'dist', 'link', 'moties.js'))
const named = { right: 0, of: 0, wrong: [] }
{
  const subjects = new Map()
  for (const f of readdirSync(dir).filter((n) => n.startsWith('motie-') && n.endsWith('.zaak.json'))) {
    const zaak = JSON.parse(readFileSync(join(dir, f), 'utf8'))
    const kst = zaak.Document?.map((d) => d.HuidigeDocumentVersie?.ExterneIdentifier).find((x) => x?.startsWith('kst-'))
    if (kst) subjects.set(kst, motieNaming(zaak.Onderwerp ?? ''))
  }
  const linked = new Set(gold.flatMap((m) => (m.carriedOutBy ?? []).map((c) => `${m.id} ${c.id}`)))
  for (const m of gold)
    for (const c of m.carriedOutBy ?? []) {
      named.of++
      const naming = subjects.get(m.id)
      if (naming && namesMotie(c.sentence.replace(/\s*\(Kamerstuk[^)]*\)/g, ''), naming)) named.right++
      else lines.push(`  ${m.id}: ${c.id} not named without its number`)
    }
  for (const f of readdirSync(dir).filter((n) => n.startsWith('document_page_'))) {
    for (const d of JSON.parse(readFileSync(join(dir, f), 'utf8'))) {
      const subject = String(d.Onderwerp ?? '')
      // As app/moties.ts takes them: letters whose words say how they answer (not the beslisnota beside one).
      if (!/^Brief/.test(String(d.Soort)) || !motieAnswer(subject)) continue
      for (const [kst, naming] of subjects)
        if (naming && namesMotie(subject, naming) && !linked.has(`${kst} ${d.DocumentNummer}`)) named.wrong.push(`${kst} ${d.DocumentNummer}`)
    }
  }
}

const pct = (x) => `${(100 * x).toFixed(1).padStart(5)}%`
const p = right + wrong ? right / (right + wrong) : 1
const r = right + missed ? right / (right + missed) : 1
const f1 = p + r ? (2 * p * r) / (p + r) : 0
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ moties: gold.length, links: { p, r, f1, right, wrong, missed }, how: right ? howRight / right : 1, facts, named }))
} else {
  const n = gold.length
  const signers = gold.reduce((k, m) => k + m.indieners.length, 0)
  console.log(`moties    ${n} in the gold, ${right + missed} letters that answer them`)
  console.log(
    `  facts       indieners ${facts.indieners}/${n}, appreciatie ${facts.appreciatie}/${n}, besluit ${facts.besluit}/${n}, votes per fractie ${facts.votes}/${n}, seats ${facts.seats}/${n}`,
  )
  console.log(
    `  fracties    ${facts.fracties}/${signers} indieners with the gold's fractie (${facts.fractiesKnown} with any: the files hold no ZaakActor records, which give it, and no Persoon record of these names gives a Fractielabel)`,
  )
  console.log(`  links       P ${pct(p)}  R ${pct(r)}  F1 ${pct(f1)}  (${right} right, ${wrong} wrong, ${missed} missed)`)
  console.log(
    `  how         ${right ? pct(howRight / right) : '  n/a'} of the links found read as the gold reads them (carried-out, responds, partly, declines)`,
  )
  console.log(
    `  by name     ${named.right}/${named.of} gold letters still name their motie with the number taken out; ${named.wrong.length} other letters of the Document pages (subjects that say how they answer) name one of the moties${named.wrong.length ? ` (${named.wrong.join(', ')})` : ''}`,
  )
  console.log('  in use:     the hand-set rule of link/moties.ts (nothing fitted: in-sample and cross-validated are the same)')
  if (verbose) for (const l of lines) console.log(l)
}
