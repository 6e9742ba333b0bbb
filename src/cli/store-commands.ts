import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import cliProgress from 'cli-progress'
import { stringify } from 'csv-stringify/sync'
import { Refusal } from '../app/errors.js'
import { everyCommitment } from '../app/requests.js'
import { type SearchInput, search, toSearchRequest } from '../app/search.js'
import { ingest } from '../ingest/index.js'
import { today } from '../link/status.js'
import { shownTitle } from '../link/titles.js'
import type { Document } from '../model/document.js'
import { createContext, readDocument } from '../pipeline.js'
import { COMMITMENT_COLUMNS, commitmentRow, spreadsheetText } from '../publish/export.js'
import { snippetPlain } from '../search/snippet.js'
import { documentNummerOf, openDataDocument } from '../store/keys.js'
import { EmbeddedStore } from '../store/sqlite/embedded.js'
import type { Store } from '../store/store.js'
import { listInputs } from './files.js'
import { printable } from './options.js'
import { count, failureReason, type Io } from './read.js'

/** Whether a `--db` value names a PostgreSQL server rather than a file. */
export const isPostgresUrl = (value: string) => /^postgres(ql)?:\/\//.test(value)

/**
 * The store: `--db`, else `KAMERWACHT_DB`, else `DATABASE_URL`, else
 * `./data/kamerwacht.db`. A `postgres://` URL names a PostgreSQL server; anything
 * else is a SQLite file.
 */
export function dbPath(flag?: string): string {
  // DATABASE_URL counts only when it names PostgreSQL: a platform may set it for another database.
  const databaseUrl = process.env.DATABASE_URL && isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined
  const value = flag ?? process.env.KAMERWACHT_DB ?? databaseUrl ?? './data/kamerwacht.db'
  return isPostgresUrl(value) ? value : resolve(value)
}

/**
 * Opens the store named by `--db` or the environment: the embedded SQLite file, or PostgreSQL.
 * Only the commands that fill a store (`ingest`, `start`, `sync`, `serve`) make a new file; the
 * others refuse a file that is not there, so a mistyped `--db` is said, not answered with nothing.
 */
export async function openStore(flag?: string, { create = false }: { create?: boolean } = {}): Promise<Store> {
  const problem = storeProblem(flag, create)
  if (problem) throw new Error(problem)
  const where = dbPath(flag)
  const number = (name: string) => {
    const v = process.env[name]
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined
  }
  const cache = number('KAMERWACHT_SEARCH_CACHE')
  const postingsMb = number('KAMERWACHT_POSTINGS_MB')
  const options = { ...(cache !== undefined ? { searchCache: cache } : {}), ...(postingsMb !== undefined ? { postingsMb } : {}) }
  if (isPostgresUrl(where)) {
    const { PostgresStore } = await import('../store/postgres/index.js')
    return PostgresStore.open(where, options)
  }
  try {
    const store = new EmbeddedStore(where, options)
    await store.schemaVersion()
    return store
  } catch (e) {
    // `--db README.md`: better-sqlite3 says only `file is not a database`, naming no file.
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') throw new Error(`${where} is not a kamerwacht store (not a SQLite database); name another with --db`)
    throw e
  }
}

const mb = (bytes: number) => bytes / 1024 / 1024

/**
 * Why `--db` names no store to open, in one line; null when it does (or `create` may make it). A mistyped file
 * name is refused rather than made into a new, empty store.
 */
export function storeProblem(flag: string | undefined, create = false): string | null {
  // `commitments --db --json` once made a store named `--json`: a value that is an option is a mistake.
  if (flag?.startsWith('-')) return `--db ${flag}: that looks like an option, not a store; give a file or a postgres:// URL after --db`
  const where = dbPath(flag)
  if (!isPostgresUrl(where) && where !== ':memory:' && !create && !existsSync(where))
    return `no store at ${where}; read papers into one first (kamerwacht ingest PATH --db ${flag ?? where}) or name another with --db`
  return null
}

/** `kamerwacht ingest PATH...` */
export async function ingestCommand(
  paths: string[],
  opts: { db?: string | undefined; workers?: number | undefined; readTimeout?: number | undefined; json?: boolean | undefined; quiet?: boolean | undefined },
  io: Io,
): Promise<number> {
  const inputs = listInputs(paths)
  const missing = inputs.missing
  for (const m of missing) io.stderr(`${m}: no such file, folder or matching glob\n`)
  const store = await openStore(opts.db, { create: true })
  const abort = new AbortController()
  const onSignal = () => {
    io.stderr('\nstopping: writing what was read (papers being read are dropped); run the same command again to continue\n')
    abort.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const bar =
    io.isTTY && !opts.quiet && !opts.json
      ? new cliProgress.SingleBar(
          { format: 'ingest [{bar}] {value}/{total} papers | {mbps} MB/s | ETA {eta_formatted}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null
  bar?.start(inputs.total, 0, { mbps: '0.0' })
  let lastLog = 0
  try {
    const summary = await ingest(
      store,
      { total: inputs.total, paths: inputs.files() },
      {
        ...(opts.workers ? { workers: opts.workers } : {}),
        ...(opts.readTimeout ? { readTimeoutMs: opts.readTimeout * 1000 } : {}),
        signal: abort.signal,
        onProgress: (p) => {
          const mbps = p.seconds > 0 ? (mb(p.bytes) / p.seconds).toFixed(1) : '0.0'
          if (bar) bar.update(p.done, { mbps })
          // Off a terminal (a log, a pipe): a line every 5 s of a long run, none at its end, which the summary line tells.
          else if (!opts.quiet && !opts.json && p.done < p.total && p.seconds - lastLog >= 5) {
            lastLog = p.seconds
            io.stderr(`ingest: ${p.done}/${p.total} papers, ${mbps} MB/s, ${p.seconds.toFixed(0)} s\n`)
          }
        },
      },
    )
    bar?.stop()
    for (const f of summary.failed) io.stderr(`${f.path}: ${f.reason}\n`)
    if (opts.json) io.stdout(`${JSON.stringify({ ...summary, db: store.location })}\n`)
    else if (!opts.quiet) {
      const rate =
        // Files a second (what was read; one open-data list is one file of many records), and records apart.
        summary.seconds > 0
          ? `${(summary.files / summary.seconds).toFixed(0)} files/s, ${summary.records ? `${(summary.records / summary.seconds).toFixed(0)} records/s, ` : ''}${(mb(summary.bytes) / summary.seconds).toFixed(1)} MB/s`
          : ''
      io.stdout(
        `${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed of ${count(summary.files, 'file')} in ${summary.seconds.toFixed(1)} s (${rate})${summary.records ? `; ${count(summary.records, 'open-data record')}, ${count(summary.removed, 'paper')} removed by deleted ones` : ''}; ${count(await store.count(), 'paper')} in ${store.location}\n`,
      )
    }
    return summary.failed.length || missing.length || abort.signal.aborted ? 1 : 0
  } finally {
    bar?.stop()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await store.close()
  }
}

/** `kamerwacht search QUERY` */
export async function searchCommand(input: SearchInput, opts: { db?: string; json?: boolean }, io: Io): Promise<number> {
  const store = await openStore(opts.db)
  try {
    let found: Awaited<ReturnType<typeof search>>
    try {
      found = await search(store, input)
    } catch (e) {
      if (e instanceof Refusal) {
        // The API's field names as the CLI's flags: `invalid to:` is `invalid --tot:` here.
        const flag = e.message.replace(/^invalid q: /, '').replace(/^invalid (from|to): /, (_, f: string) => `invalid --${f === 'from' ? 'van' : 'tot'}: `)
        io.stderr(`kamerwacht search: ${flag}\n`)
        return 2
      }
      throw e
    }
    const { result, notes } = found
    const request = toSearchRequest(input)
    if (opts.json) {
      io.stdout(`${JSON.stringify(result)}\n`)
      return 0
    }
    const shown = `${(request.offset ?? 0) + 1}–${(request.offset ?? 0) + result.hits.length}`
    // How a citation in the query was read (`33783 read as dossier:33783`), on stderr: stdout stays the results.
    for (const note of notes) io.stderr(`kamerwacht search: ${note.replace(' gelezen als ', ' read as ')}\n`)
    io.stdout(`${result.total} ${result.total === 1 ? 'paper' : 'papers'}${result.hits.length ? ` (showing ${shown})` : ''}\n\n`)
    // Nothing found: what the store's own words suggest instead, each with what it finds.
    for (const s of result.suggestions ?? [])
      io.stdout(
        `did you mean: kamerwacht search ${shellWord(s.q)}  (${s.total} ${s.total === 1 ? 'paper' : 'papers'}${s.why === 'prefix' ? ', words that start so' : ''})\n`,
      )
    // The paper's own words made printable first; then the marks, bold on a terminal.
    const plain = (s: string) =>
      snippetPlain(
        printable(s)
          .replace(/<mark>/g, io.isTTY ? '\x1b[1m' : '[')
          .replace(/<\/mark>/g, io.isTTY ? '\x1b[0m' : ']'),
      )
    for (const h of result.hits) {
      io.stdout(`${printable(`${h.id}  ${h.type ?? '?'}  ${h.date ?? '?'}  ${h.sender ?? ''}\n  ${h.title ?? ''}`)}\n  ${plain(h.snippet)}\n\n`)
    }
    const facet = (name: string, f: Array<{ value: string; count: number }>) =>
      f.length
        ? `${name}: ${f
            .slice(0, 6)
            .map((x) => `${x.value} (${x.count})`)
            .join(', ')}\n`
        : ''
    io.stdout(
      facet('type', result.facets.type) + facet('year', result.facets.year) + facet('afzender', result.facets.sender) + facet('dossier', result.facets.dossier),
    )
    return 0
  } finally {
    await store.close()
  }
}

/** The clean text with extractions marked: `[Kamerstuk 33 783, nr.48 → kst-33783-48]`, `{27 mei 2022 = 2022-05-27}`, `⟦promise⟧`. */
export function markedText(doc: Document): string {
  const marks: Array<{ at: number; text: string; order: number }> = []
  for (const r of doc.references) marks.push({ at: r.span.start, text: '[', order: 1 }, { at: r.span.end, text: ` → ${r.target ?? '?'}]`, order: 0 })
  for (const d of doc.dates)
    marks.push({ at: d.span.start, text: '{', order: 1 }, { at: d.span.end, text: ` = ${d.start === d.end ? d.start : `${d.start}…${d.end}`}}`, order: 0 })
  for (const c of doc.commitments)
    marks.push({ at: c.span.start, text: '⟦TOEZEGGING ', order: 2 }, { at: c.span.end, text: `⟧${c.dueText ? `(due: ${c.dueText})` : ''}`, order: -1 })
  for (const f of doc.fulfils) marks.push({ at: f.span.start, text: '⟦NAKOMING ', order: 2 }, { at: f.span.end, text: '⟧', order: -1 })
  marks.sort((a, b) => a.at - b.at || a.order - b.order)
  let out = ''
  let at = 0
  for (const m of marks) {
    out += doc.text.slice(at, m.at) + m.text
    at = m.at
  }
  return out + doc.text.slice(at)
}

/** `kamerwacht show ID` */
export async function showCommand(id: string, opts: { db?: string; json?: boolean }, io: Io): Promise<number> {
  const store = await openStore(opts.db)
  try {
    const doc = await store.get(id)
    if (!doc) {
      io.stderr(`kamerwacht show: no paper ${id} in ${store.location}; \`kamerwacht search\` finds ids\n`)
      return 1
    }
    if (opts.json) io.stdout(`${JSON.stringify(doc, null, 2)}\n`)
    else {
      const head = [doc.id ?? doc.source.name, doc.type, doc.date, doc.sender, doc.signers.join(', ')].filter(Boolean).join('  ')
      io.stdout(
        `${printable(`${head}\n${shownTitle(doc.title, doc.dossierTitle) ?? ''}\n\n${markedText(doc)}`)}\n\n[…] reference  {…} date  ⟦…⟧ commitment or fulfilment\n`,
      )
    }
    return 0
  } finally {
    await store.close()
  }
}

/** `kamerwacht export --format jsonl|csv --what documents|commitments|references|dates`: streams rows. */
export async function exportCommand(
  opts: { db?: string; format: 'jsonl' | 'csv'; what: 'documents' | 'commitments' | 'references' | 'dates'; baseUrl?: string | undefined },
  io: Io,
): Promise<number> {
  const store = await openStore(opts.db)
  try {
    const columns: Record<typeof opts.what, readonly string[]> = {
      documents: ['id', 'key', 'type', 'date', 'sender', 'dossier', 'title', 'source', 'documentNummer', 'openDataId'],
      // The board's export columns (src/link/export.ts): status, deadline, what keeps it, the link.
      commitments: COMMITMENT_COLUMNS,
      references: ['paper', 'text', 'target', 'kind', 'rule'],
      dates: ['paper', 'text', 'start', 'end', 'precision', 'rule'],
    }
    const cols = columns[opts.what]
    // RFC 4180 by csv-stringify: a field with a comma, quote, CR or LF is quoted, quotes doubled; null is empty.
    if (opts.format === 'csv') io.stdout(stringify([cols]))
    const emit = (row: Record<string, unknown>) =>
      io.stdout(
        opts.format === 'jsonl'
          ? `${JSON.stringify(row)}\n`
          : stringify([cols.map((c) => row[c] ?? null)], { cast: { boolean: (b) => String(b), string: spreadsheetText } }),
      )
    if (opts.what === 'commitments') {
      // Tracked, as the board shows them: by deadline, every page.
      for await (const c of everyCommitment(store, {}, today())) emit(commitmentRow(c, opts.baseUrl))
      return 0
    }
    for (const p of await store.all()) {
      if (opts.what === 'documents') {
        const doc = await store.get(p.key)
        if (opts.format === 'jsonl') emit(doc as unknown as Record<string, unknown>)
        else {
          // The open-data identifiers of a paper that came from the Tweede Kamer's open data.
          const record = doc ? openDataDocument(doc) : null
          emit({ ...p, source: p.sourceName, documentNummer: doc ? documentNummerOf(doc) : null, openDataId: record?.Id ?? null })
        }
        continue
      }
      const doc = await store.get(p.key)
      if (!doc) continue
      const paper = doc.id ?? p.key
      if (opts.what === 'references') for (const r of doc.references) emit({ paper, text: r.text, target: r.target, kind: r.kind, rule: r.rule })
      if (opts.what === 'dates') for (const d of doc.dates) emit({ paper, text: d.text, start: d.start, end: d.end, precision: d.precision, rule: d.rule })
    }
    return 0
  } finally {
    await store.close()
  }
}

/** `kamerwacht reindex`: reads every kept source again with the current reader. */
export async function reindexCommand(opts: { db?: string; quiet?: boolean }, io: Io): Promise<number> {
  const store = await openStore(opts.db)
  const ctx = { ...(await createContext()), nameHints: true }
  const counts = { new: 0, updated: 0, unchanged: 0, failed: 0 }
  try {
    for (const s of await store.sources()) {
      try {
        const bytes = await s.bytes()
        const doc = await readDocument(bytes, s.name, ctx)
        counts[await store.put(doc, bytes, true)]++
      } catch (e) {
        counts.failed++
        io.stderr(`${s.name}: ${failureReason(e)}\n`)
      }
    }
    if (!opts.quiet) io.stdout(`reindexed: ${counts.updated} updated, ${counts.new} new, ${counts.unchanged} unchanged, ${counts.failed} failed\n`)
    return counts.failed ? 1 : 0
  } finally {
    await store.close()
  }
}

/** A query as one shell word: quoted unless it is letters, digits and `*-:.` only (`ontwapen*` is quoted: a shell expands `*`). */
function shellWord(q: string): string {
  return /^[\p{L}\p{N}:.-]+$/u.test(q) ? q : `'${q.replace(/'/g, `'\\''`)}'`
}
