#!/usr/bin/env node
// `npm run bench` (store part): ingest and search at scale, on this machine.
//
//   BENCH_PAPERS=100000 (default)  papers generated (deterministic, shaped like the dev corpus)
//   BENCH_SMALL=10000              the smaller run, to compare peak memory against
//
// Reports: ingest papers/s and MB/s (the real `kamerwacht ingest`, worker threads, one writer),
// peak RSS of the ingest process, store size against the raw text size, and search p50/p95
// over fixed queries (with snippets and facets) beside the same words as a plain FTS5
// statement on the same file (the ratio: kamerwacht's whole search, snippets and facets
// included, against FTS5's own ranking). Then graph, dossier, timeline and tracker queries, and
// load tests of `kamerwacht serve` beside its /health: search with and without the result cache,
// on one and two processes, and 1,000 different queries on a fresh server.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { generatePaper, BENCH_QUERIES } = await import(join(root, 'dist', 'bench', 'corpus.js'))
const { EmbeddedStore } = await import(join(root, 'dist', 'store', 'sqlite', 'embedded.js'))
const { parseQuery, toFts } = await import(join(root, 'dist', 'search', 'query.js'))

const N = Number(process.env.BENCH_PAPERS ?? 100_000)
const SMALL = Math.min(N, Number(process.env.BENCH_SMALL ?? 10_000))
const work = mkdtempSync(join(tmpdir(), 'kamerwacht-bench-'))

function writeCorpus(n) {
  const dir = join(work, `corpus-${n}`)
  let bytes = 0
  for (let i = 0; i < n; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)))
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true })
    const { name, text } = generatePaper(i)
    writeFileSync(join(sub, name), text)
    bytes += Buffer.byteLength(text)
  }
  return { dir, bytes }
}

/** Runs `kamerwacht ingest` and samples its peak resident memory (VmHWM) from /proc. */
function ingest(dir, db) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [join(root, 'bin', 'kamerwacht.js'), 'ingest', dir, '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    let peakKb = 0
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (m) peakKb = Math.max(peakKb, Number(m[1]))
      } catch {}
    }
    const timer = setInterval(sample, 100)
    child.stdout.on('data', (d) => {
      out += d
    })
    child.on('exit', (code) => {
      clearInterval(timer)
      if (code !== 0) return reject(new Error(`ingest exited with ${code}`))
      resolvePromise({ seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024, summary: JSON.parse(out) })
    })
    child.on('spawn', sample)
  })
}

/** Resident and peak resident memory of a process, in MB, from /proc. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}
/** The figures the summary at the end sets side by side. */
const summary = {}

const size = (db) => ['', '-wal', '-shm'].reduce((n, ext) => n + (statSync(db + ext, { throwIfNoEntry: false })?.size ?? 0), 0)
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]

console.log(`kamerwacht store bench: ${N} generated papers (and ${SMALL} for memory), ${work}`)
const small = writeCorpus(SMALL)
const smallRun = await ingest(small.dir, join(work, 'small.db'))
const big = N === SMALL ? small : writeCorpus(N)
const db = join(work, 'big.db')
const bigRun = await ingest(big.dir, db)
for (const [label, run, corpus, n] of [
  [`ingest ${SMALL}`, smallRun, small, SMALL],
  [`ingest ${N}`, bigRun, big, N],
]) {
  console.log(
    `  ${label.padEnd(14)} ${(n / run.seconds).toFixed(0).padStart(6)} papers/s  ${(corpus.bytes / 1024 / 1024 / run.seconds).toFixed(1).padStart(5)} MB/s  ${run.seconds.toFixed(1)} s  peak RSS ${run.peakMb.toFixed(0)} MB  (${run.summary.new} new, ${run.summary.failed.length} failed)`,
  )
}
summary.sqliteSize = size(db) / big.bytes
console.log(
  `  store size ${(size(db) / 1024 / 1024).toFixed(0)} MB for ${(big.bytes / 1024 / 1024).toFixed(0)} MB of raw text (${summary.sqliteSize.toFixed(2)}×; raw sources are kept in it, byte for byte)`,
)
{
  // Where the bytes are: the largest tables and indexes (SQLite's dbstat).
  const stat = new Database(db, { readonly: true })
  const parts = stat.prepare('SELECT name, sum(pgsize) AS b FROM dbstat GROUP BY name ORDER BY b DESC LIMIT 8').all()
  console.log(`  largest: ${parts.map((p) => `${p.name} ${(p.b / big.bytes).toFixed(2)}×`).join(', ')}`)
  stat.close()
}

const queries = BENCH_QUERIES
// The engine is timed with the result cache off; the cache is timed on its own below.
const store = new EmbeddedStore(db, { searchCache: 0 })
const plain = new Database(db, { readonly: true })
const plainStmt = plain.prepare('SELECT rowid, rank FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rank LIMIT 10')
const timings = { kamerwacht: [], fts5: [] }
for (let round = 0; round < 12; round++) {
  for (const q of queries) {
    let t0 = performance.now()
    await store.search({ q, limit: 10 })
    if (round > 1) timings.kamerwacht.push(performance.now() - t0)
    const match = toFts(parseQuery(q))
    t0 = performance.now()
    plainStmt.all(match)
    if (round > 1) timings.fts5.push(performance.now() - t0)
  }
}
const cached = new EmbeddedStore(db)
const warm = []
for (let round = 0; round < 5; round++)
  for (const q of queries) {
    const t0 = performance.now()
    await cached.search({ q, limit: 10 })
    if (round > 0) warm.push(performance.now() - t0)
  }
await cached.close()
const row = (label, xs) => `  ${label.padEnd(44)} p50 ${pct(xs, 0.5).toFixed(2).padStart(7)} ms   p95 ${pct(xs, 0.95).toFixed(2).padStart(7)} ms`
console.log(row('search (ranked, snippets, 4 facets, total)', timings.kamerwacht))
summary.sqliteSearch = timings.kamerwacht
console.log(row('plain FTS5 MATCH … ORDER BY rank LIMIT 10', timings.fts5))
console.log(row('search, repeated (result cache)', warm))
console.log(
  `  kamerwacht / plain FTS5 p50 ${(pct(timings.kamerwacht, 0.5) / pct(timings.fts5, 0.5)).toFixed(2)}×, p95 ${(pct(timings.kamerwacht, 0.95) / pct(timings.fts5, 0.95)).toFixed(2)}×`,
)

// Graph, dossier, timeline and tracker queries on the same store, beside a plain indexed lookup
// of a dossier's rows as the baseline.
const { generatePaper: gen } = await import(join(root, 'dist', 'bench', 'corpus.js'))
const sample = Array.from({ length: 40 }, (_, k) => Math.floor(((k + 0.5) * N) / 40))
const ids = sample.map((i) => gen(i).name.replace(/\.txt$/, ''))
const dossiers = ids.map((id) => id.replace(/^kst-|-\d+$/g, ''))
const today = '2026-11-28'
const graph = { citations: [], dossier: [], timeline: [], 'commitments (dossier)': [], 'commitments (sender, overdue)': [], 'plain dossier lookup': [] }
const lookup = plain.prepare('SELECT key, id, type, date, sender, title FROM papers WHERE dossier = ? ORDER BY date')
for (let round = 0; round < 5; round++) {
  for (let k = 0; k < ids.length; k++) {
    const time = async (label, f) => {
      const t0 = performance.now()
      await f()
      if (round > 0) graph[label].push(performance.now() - t0)
    }
    await time('citations', () => store.citations(ids[k]))
    await time('dossier', () => store.dossier(dossiers[k], today))
    await time('timeline', () => store.timeline(dossiers[k], today))
    await time('commitments (dossier)', () => store.commitments({ dossier: dossiers[k] }, today))
    if (k % 4 === 0) await time('commitments (sender, overdue)', () => store.commitments({ sender: 'Defensie', status: 'overdue', limit: 20 }, today))
    await time('plain dossier lookup', () => lookup.all(dossiers[k]))
  }
}
const linked = store.sqlite.prepare('SELECT count(*) AS n FROM refs r JOIN papers p ON p.id = r.target').get().n
const kept = store.sqlite.prepare('SELECT count(DISTINCT commitment_id) AS n FROM fulfilments WHERE confidence >= 0.7').get().n
const promised = store.sqlite.prepare('SELECT count(*) AS n FROM commitments').get().n
console.log(`  graph: ${linked} references linked to stored papers; ${promised} commitments, ${kept} kept`)
for (const [label, xs] of Object.entries(graph)) console.log(row(label, xs))
await store.close()
plain.close()

// Load test: `kamerwacht serve` on the same store in its own process, loaded over loopback by
// autocannon (10 connections): the search endpoint with the fixed queries in turn, beside the
// same server's /health as the baseline.
const autocannon = (await import('autocannon')).default
function serve(env, workers = 1) {
  const server = spawn(process.execPath, [join(root, 'bin', 'kamerwacht.js'), 'serve', '--db', db, '--port', '0', '--workers', String(workers)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  })
  return new Promise((resolveUrl, reject) => {
    let out = ''
    server.stdout.on('data', (d) => {
      out += d
      const m = /serving on (http:\/\/[^/\s]+)\//.exec(out)
      if (m) resolveUrl({ server, url: m[1] })
    })
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)))
  })
}
const load = (url, title, paths, duration) =>
  new Promise((resolveLoad, reject) => {
    let k = 0
    autocannon(
      {
        url,
        connections: 10,
        duration,
        requests: [
          {
            setupRequest: (req) => {
              req.path = paths[k++ % paths.length]
              return req
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolveLoad({ title, result })),
    )
  })
/** `n` different queries over the words of the generated papers, the same every run. */
function mixedQueries(n) {
  const words = new Set()
  const pairs = []
  for (let i = 0; i < 300; i++)
    for (const line of generatePaper(i).text.split('\n')) {
      const ws = line.match(/\p{L}{5,}/gu) ?? []
      for (const w of ws) words.add(w.toLowerCase())
      for (let k = 0; k + 1 < ws.length; k += 3) pairs.push(`${ws[k]} ${ws[k + 1]}`.toLowerCase())
    }
  const vocab = [...words].sort()
  const phrases = [...new Set(pairs)].sort()
  let seed = 42
  const pick = (xs) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return xs[Math.floor((seed / 2 ** 31) * xs.length)]
  }
  const forms = [
    () => pick(vocab),
    () => `${pick(vocab)} ${pick(vocab)}`,
    () => `${pick(vocab)} OR ${pick(vocab)}`,
    () => `${pick(vocab).slice(0, 5)}*`,
    () => `"${pick(phrases)}"`,
    () => `${pick(vocab)} -${pick(vocab)}`,
    () => `${pick(vocab)} type:motie`,
    () => `${pick(vocab)} van:2016-01-01`,
  ]
  const out = new Set()
  while (out.size < n) out.add(pick(forms)())
  return [...out]
}
const searchPaths = queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`)
const report = ({ title, result }) =>
  console.log(
    `  ${title.padEnd(44)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   errors ${result.errors + result.non2xx}`,
  )
{
  const { server, url } = await serve({})
  await load(url, 'warm-up', searchPaths, 2)
  report(await load(url, 'GET /health (baseline)', ['/health'], 5))
  report(await load(url, 'GET /api/search (12 queries in turn), cached', searchPaths, 10))
  const mem = memoryOf(server.pid)
  console.log(`  serve: resident memory after the loads ${mem.rss.toFixed(0)} MB (peak ${mem.peak.toFixed(0)} MB)`)
  summary.serveRss = mem.rss
  server.kill('SIGTERM')
}
for (const workers of [1, 2]) {
  // The result cache off: every request runs the search engine. Then a fresh server, 1,000
  // different queries (words, pairs, OR, prefixes, phrases and filters, drawn from the generated
  // papers) and no warm-up: every term's posting list is read from FTS5 on first use, as after a
  // start with real traffic. With 2 processes (`serve --workers 2`) the machine's two cores are
  // shared with autocannon.
  const label = workers === 1 ? '1 process' : `${workers} processes`
  const mixed = mixedQueries(1000).map((q) => `/api/search?q=${encodeURIComponent(q)}`)
  {
    const { server, url } = await serve({ KAMERWACHT_SEARCH_CACHE: '0' }, workers)
    if (workers > 1) report(await load(url, `GET /health (baseline), ${label}`, ['/health'], 5))
    report(await load(url, `GET /api/search, no result cache, ${label}`, searchPaths, 10))
    server.kill('SIGTERM')
  }
  {
    const { server, url } = await serve({ KAMERWACHT_SEARCH_CACHE: '0' }, workers)
    report(await load(url, `  1,000 queries, cold, no cache, ${label}`, mixed, 10))
    server.kill('SIGTERM')
  }
}
// PostgreSQL, side by side: the same corpus through the same `kamerwacht ingest`, the same queries,
// and a plain tsquery with PostgreSQL's own ts_rank as the baseline. Needs KAMERWACHT_BENCH_PG
// (or KAMERWACHT_TEST_PG): a server URL; the bench works in a schema of its own and drops it.
const pgUrl = process.env.KAMERWACHT_BENCH_PG ?? process.env.KAMERWACHT_TEST_PG
if (!pgUrl) console.log('  PostgreSQL: skipped (set KAMERWACHT_BENCH_PG=postgres://user:pass@host/db to run it beside SQLite)')
else {
  const { PostgresStore } = await import(join(root, 'dist', 'store', 'postgres', 'index.js'))
  const { toTsQuery } = await import(join(root, 'dist', 'store', 'postgres', 'search.js'))
  const pg = (await import('pg')).default
  const schema = `bench_${process.pid}`
  const url = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`
  const PG_N = Number(process.env.BENCH_PG_PAPERS ?? N)
  const pgCorpus = PG_N === N ? big : PG_N === SMALL ? small : writeCorpus(PG_N)
  console.log(`PostgreSQL (${redactUrl(pgUrl)}), ${PG_N} papers:`)
  try {
    const run = await ingest(pgCorpus.dir, url)
    console.log(
      `  ingest ${String(PG_N).padEnd(7)} ${(PG_N / run.seconds).toFixed(0).padStart(6)} papers/s  ${(pgCorpus.bytes / 1024 / 1024 / run.seconds).toFixed(1).padStart(5)} MB/s  ${run.seconds.toFixed(1)} s  peak RSS ${run.peakMb.toFixed(0)} MB (client)  (${run.summary.new} new, ${run.summary.failed.length} failed)`,
    )
    const pgStore = await PostgresStore.open(pgUrl, { schema, searchCache: 0 })
    const client = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${schema}` })
    await client.connect()
    const size = (
      await client.query(
        "SELECT sum(pg_total_relation_size(c.oid)) AS b FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')",
        [schema],
      )
    ).rows[0].b
    console.log(
      `  store size ${(Number(size) / 1024 / 1024).toFixed(0)} MB (tables with their indexes and TOAST; ${(Number(size) / pgCorpus.bytes).toFixed(2)}× the raw text)`,
    )
    const t = { kamerwacht: [], plain: [], first: [] }
    for (let round = 0; round < 5; round++)
      for (const q of queries) {
        let t0 = performance.now()
        await pgStore.search({ q, limit: 10 })
        // The first round reads each query's posting lists from the postings table; the others find them kept.
        ;(round > 0 ? t.kamerwacht : t.first).push(performance.now() - t0)
        const tsq = toTsQuery(parseQuery(q))
        t0 = performance.now()
        await client.query('SELECT rowid FROM papers WHERE tsv @@ $1::tsquery ORDER BY ts_rank(tsv, $1::tsquery) DESC LIMIT 10', [tsq])
        if (round > 0) t.plain.push(performance.now() - t0)
      }
    console.log(row('search (BM25 as FTS5, snippets, facets, total)', t.kamerwacht))
    console.log(row('  the same, first use (lists read from the table)', t.first))
    console.log(row('plain tsquery … ORDER BY ts_rank LIMIT 10', t.plain))
    summary.pgSearch = t.kamerwacht
    summary.pgPlain = t.plain
    summary.pgPapers = PG_N
    const g = { citations: [], dossier: [], timeline: [], 'commitments (dossier)': [] }
    const pgIds = sample.filter((i) => i < PG_N).map((i) => gen(i).name.replace(/\.txt$/, ''))
    for (let round = 0; round < 3; round++)
      for (const id of pgIds) {
        const d = id.replace(/^kst-|-\d+$/g, '')
        for (const [label, f] of [
          ['citations', () => pgStore.citations(id)],
          ['dossier', () => pgStore.dossier(d, today)],
          ['timeline', () => pgStore.timeline(d, today)],
          ['commitments (dossier)', () => pgStore.commitments({ dossier: d }, today)],
        ]) {
          const t0 = performance.now()
          await f()
          if (round > 0) g[label].push(performance.now() - t0)
        }
      }
    for (const [label, xs] of Object.entries(g)) console.log(row(label, xs))
    await client.end()
    await pgStore.close()
  } finally {
    const admin = new pg.Client({ connectionString: pgUrl })
    await admin.connect()
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
  }
}

function redactUrl(u) {
  try {
    const x = new URL(u)
    if (x.password) x.password = '***'
    return x.toString()
  } catch {
    return 'postgres://…'
  }
}

// The issue-19 figures side by side: store size against the raw text, and search on both stores beside
// PostgreSQL's own ts_rank, with the goals (≤ 3×; PostgreSQL p95 ≤ 50 ms at 100,000 papers).
console.log('summary:')
console.log(`  store size / raw text (SQLite, ${N} papers)           ${summary.sqliteSize.toFixed(2)}×   goal ≤ 3× ${summary.sqliteSize <= 3 ? '✓' : '✗'}`)
const p = (xs) => `p50 ${pct(xs, 0.5).toFixed(2).padStart(7)} ms   p95 ${pct(xs, 0.95).toFixed(2).padStart(7)} ms`
console.log(`  search, SQLite (${N} papers)                        ${p(summary.sqliteSearch)}`)
if (summary.pgSearch) {
  const ok = pct(summary.pgSearch, 0.95) <= 50
  console.log(`  search, PostgreSQL (${summary.pgPapers} papers)                    ${p(summary.pgSearch)}   goal p95 ≤ 50 ms ${ok ? '✓' : '✗'}`)
  console.log(`  plain ts_rank, PostgreSQL (${summary.pgPapers} papers)             ${p(summary.pgPlain)}`)
}
if (summary.serveRss) console.log(`  serve resident memory                                 ${summary.serveRss.toFixed(0)} MB`)

if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true })
