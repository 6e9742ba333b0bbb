import cliProgress from 'cli-progress'
import { createContext } from '../pipeline.js'
import type { Store } from '../store/store.js'
import { PoliteHttp } from '../sync/http.js'
import { syncOb } from '../sync/ob.js'
import { type SyncProgress, SyncStopped, syncTk, type TkEntity } from '../sync/tk.js'
import type { Io } from './read.js'
import { openStore } from './store-commands.js'

/** Options both syncs share, validated by the CLI. */
export interface SyncCommandOptions {
  db?: string | undefined
  rate: number
  timeout: number
  retries: number
  contact?: string | undefined
  json?: boolean | undefined
  quiet?: boolean | undefined
}

/** The User-Agent: the program, its version, and how to reach whoever runs it (`--contact`, `KAMERWACHT_CONTACT`). */
export function userAgent(version: string, contact?: string): string {
  return `kamerwacht/${version} (open-data sync${contact ? `; contact: ${contact}` : ''})`
}

/** A base URL without its trailing slash; an OData origin without a path gets the Gegevensmagazijn's `/OData/v4/2.0`. */
export function odataRoot(url: string): string {
  const u = new URL(url)
  const root = u.pathname === '/' ? `${u.origin}/OData/v4/2.0` : `${u.origin}${u.pathname.replace(/\/+$/, '')}`
  return root
}

function client(opts: SyncCommandOptions, version: string, io: Io): PoliteHttp {
  return new PoliteHttp({
    userAgent: userAgent(version, opts.contact ?? process.env.KAMERWACHT_CONTACT),
    rate: opts.rate,
    timeoutMs: opts.timeout * 1000,
    retries: opts.retries,
    onRetry: (r) => {
      if (!opts.quiet) io.stderr(`retry ${r.attempt} in ${(r.delayMs / 1000).toFixed(1)} s: ${r.reason} (${r.url})\n`)
    },
  })
}

const line = (p: SyncProgress) =>
  `${p.entity}: ${p.seen}${p.total !== null ? ` of ${p.total}` : ''} records, papers ${p.papers.new} new, ${p.papers.updated} updated` +
  `${p.removed ? `, ${p.removed} removed` : ''}${p.missing ? `, ${p.missing} without text (fetched again next sync)` : ''}`

/** Runs a sync with its store, reporting progress on stderr and a summary on stdout. */
async function run(
  opts: SyncCommandOptions,
  io: Io,
  go: (store: Store, onProgress: (p: SyncProgress) => void, signal: AbortSignal) => Promise<SyncProgress[]>,
): Promise<number> {
  const store = await openStore(opts.db, { create: true })
  const started = Date.now()
  // Ctrl-C stops before the next request; a second one ends the process at once (the store stays consistent either way).
  const abort = new AbortController()
  const onSignal = () => {
    if (abort.signal.aborted) process.exit(130)
    io.stderr('\nstopping before the next request (Ctrl-C again to quit now)\n')
    abort.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const shown: { bar: cliProgress.SingleBar | null; entity: string } = { bar: null, entity: '' }
  try {
    const reports = await go(
      store,
      (p) => {
        if (opts.quiet || opts.json) return
        // On a terminal, a bar per entity with an ETA where the source announced its total; else one line a page.
        if (io.isTTY && p.total) {
          if (shown.entity !== p.entity) {
            shown.bar?.stop()
            shown.bar = new cliProgress.SingleBar(
              { format: `${p.entity.padEnd(16)} [{bar}] {value}/{total} records | {papers} papers | ETA {eta_formatted}`, hideCursor: true },
              cliProgress.Presets.shades_classic,
            )
            shown.bar.start(p.total, 0, { papers: 0 })
            shown.entity = p.entity
          }
          shown.bar?.update(p.seen, { papers: p.papers.new + p.papers.updated })
        } else io.stderr(`${line(p)}\n`)
      },
      abort.signal,
    )
    shown.bar?.stop()
    if (opts.json) io.stdout(`${JSON.stringify({ reports, seconds: (Date.now() - started) / 1000 }, null, 2)}\n`)
    else if (!opts.quiet) {
      io.stdout(`synced into ${store.location} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
      for (const r of reports) io.stdout(`  ${line(r)}\n`)
    }
    return reports.some((r) => r.missing > 0) ? 1 : 0
  } catch (e) {
    if (e instanceof SyncStopped) {
      io.stderr(`sync ${e.message}\n`)
      return 130
    }
    io.stderr(`sync stopped: ${e instanceof Error ? e.message : String(e)}\nwhat was fetched before is stored; run the same command again to continue\n`)
    return 1
  } finally {
    shown.bar?.stop()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await store.close()
  }
}

/** `kamerwacht sync tk`. */
export async function syncTkCommand(
  opts: SyncCommandOptions & { baseUrl: string; obUrl: string; entity?: TkEntity[] | undefined; pageSize: number; since?: string | undefined },
  version: string,
  io: Io,
): Promise<number> {
  const http = client(opts, version, io)
  const ctx = { ...(await createContext()), nameHints: true }
  const urls = { tk: odataRoot(opts.baseUrl), ob: opts.obUrl.replace(/\/+$/, '') }
  return run(opts, io, (store, onProgress, signal) =>
    syncTk(store, {
      http,
      ctx,
      urls,
      pageSize: opts.pageSize,
      onProgress,
      signal,
      ...(opts.entity ? { entities: opts.entity } : {}),
      ...(opts.since ? { since: `${opts.since}T00:00:00Z` } : {}),
    }),
  )
}

/** `kamerwacht sync ob --dossier N`. */
export async function syncObCommand(opts: SyncCommandOptions & { dossier: string; sruUrl: string; obUrl: string }, version: string, io: Io): Promise<number> {
  const http = client(opts, version, io)
  const ctx = { ...(await createContext()), nameHints: true }
  return run(opts, io, async (store, onProgress, signal) => [
    await syncOb(store, {
      http,
      ctx,
      sruUrl: opts.sruUrl.replace(/\/+$/, ''),
      obUrl: opts.obUrl.replace(/\/+$/, ''),
      dossier: opts.dossier,
      onProgress,
      signal,
    }),
  ])
}
