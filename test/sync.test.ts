// `kamerwacht sync` against a replay server on loopback that serves recorded real open-data
// records and official XML (../shared/corpus/raw), with the failures of a real network on request.
// Nothing here talks to any address but 127.0.0.1.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { motieFacts } from '../src/app/moties.js'
import { createContext, type PipelineContext, readDocument } from '../src/pipeline.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import type { Store } from '../src/store/store.js'
import { PoliteHttp } from '../src/sync/http.js'
import { syncOb } from '../src/sync/ob.js'
import { syncTk, TK_ENTITIES } from '../src/sync/tk.js'
import { corpusFile, ROOT, skipWithoutShared } from '../src/test-support/paths.js'
import { openTestPostgres, testPostgresUrl } from '../src/test-support/postgres.js'
import { buildWorld, type Fault, ReplayServer, touch } from '../src/test-support/replay.js'

const BIN = join(ROOT, 'bin', 'kamerwacht.js')
const TIMEOUT_MS = 300
const pgUrl = testPostgresUrl()

let ctx: PipelineContext
beforeAll(async () => {
  ctx = { ...(await createContext()), nameHints: true }
})

const freshStore = () => new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'kw-sync-')), 'k.db'))

/** A replay server over a fresh world, with small pages so that paging is exercised. */
async function replay(faults: Fault[] = []): Promise<ReplayServer> {
  const server = new ReplayServer(buildWorld({ entities: TK_ENTITIES }), { pageSize: 40, timeoutMs: TIMEOUT_MS })
  server.faults = faults
  await server.start()
  return server
}

/** Runs `fn` with a fresh embedded store and a replay server with these faults; closes both after. */
async function withReplay(faults: Fault[], fn: (srv: ReplayServer, store: EmbeddedStore) => Promise<void>): Promise<void> {
  const srv = await replay(faults)
  const store = freshStore()
  try {
    await fn(srv, store)
  } finally {
    await srv.close()
    await store.close()
  }
}

/** Runs the stopped `kamerwacht sync` again to the end: it must succeed quietly and leave the reference store. */
async function runAgainConverges(args: string[], db: string): Promise<void> {
  const again = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let err = ''
  again.stderr.on('data', (d) => (err += d))
  const code = await new Promise<number | null>((resolve) => again.on('exit', (c) => resolve(c)))
  expect(err).toBe('')
  expect(code).toBe(0)
  const store = new EmbeddedStore(db)
  expect(await snapshot(store)).toEqual(reference)
  await store.close()
}

const http = () => new PoliteHttp({ userAgent: 'kamerwacht-test', rate: 10_000, baseDelayMs: 1, maxDelayMs: 10, timeoutMs: TIMEOUT_MS, retries: 5 })
const urls = (s: ReplayServer) => ({ tk: `${s.origin}/OData/v4/2.0`, ob: `${s.origin}/ob` })
const sync = (store: Store, s: ReplayServer) => syncTk(store, { http: http(), urls: urls(s), ctx, pageSize: 250 })

/** Everything a sync leaves in a store, through the public interface: papers, records, states, what is missing, a search. */
async function snapshot(store: Store) {
  const papers = []
  for (const p of await store.all()) papers.push({ key: p.key, sha: p.sha256, doc: await store.get(p.key) })
  const records: Record<string, unknown> = {}
  const state: Record<string, unknown> = {}
  for (const e of [...TK_ENTITIES, 'ob']) records[e] = (await store.openData(e)).map((r) => [r.id, r.modified, r.record])
  for (const e of TK_ENTITIES) state[e] = await store.syncState(`tk:${e}`)
  return {
    papers,
    records,
    state,
    sources: (await store.sources()).map((s) => s.sha256),
    missing: (await store.missingContent()).map((m) => m.id),
    search: await store.search({ q: 'motie regering', limit: 20 }),
  }
}

/** What the source changes between two syncs: a Kamerstuk's record, a deleted Document, a kept promise. */
function changeWorld(srv: ReplayServer): { changed: Record<string, unknown>; deleted: Record<string, unknown> } {
  const kst = (d: Record<string, unknown>) => (d.HuidigeDocumentVersie as { ExterneIdentifier?: string } | undefined)?.ExterneIdentifier
  const docs = srv.world.records.get('Document') ?? []
  const changed = docs.find((d) => kst(d) === 'kst-33037-587') as Record<string, unknown>
  const deleted = docs.find((d) => kst(d) === 'kst-34104-442') as Record<string, unknown>
  touch(srv.world, 'Document', String(changed.Id), { Titel: 'Mestbeleid (gewijzigd)', Datum: '2025-03-28T00:00:00+01:00' }, '2026-11-01T10:00:00.0000000Z')
  touch(srv.world, 'Document', String(deleted.Id), { Verwijderd: true }, '2026-11-01T11:00:00.0000000Z')
  touch(srv.world, 'Toezegging', '0f6c1c0e-0000-4000-8000-000000000002', { Status: 'Voldaan' }, '2026-11-01T12:00:00.0000000Z')
  return { changed, deleted }
}

// The store an undisturbed first sync makes: what every disturbed run must end with. Made once for the
// file (whichever tests a filter picks), after the pipeline context.
let reference: Awaited<ReturnType<typeof snapshot>>
let world: ReturnType<typeof buildWorld>
let server: ReplayServer
const store = freshStore()
// The replay world is built from ../shared/corpus/raw: without it every test here is skipped.
beforeAll(async () => {
  if (skipWithoutShared) return
  server = await replay()
  world = server.world
  await sync(store, server)
  reference = await snapshot(store)
}, 60_000)
afterAll(async () => {
  await server?.close()
  await store.close()
})

describe.skipIf(skipWithoutShared)('kamerwacht sync tk', () => {
  it('fills a fresh store: every record kept, every Document a paper, deletions left out', async () => {
    const docs = world.records.get('Document') ?? []
    const live = docs.filter((d) => d.Verwijderd !== true)
    expect(live.length).toBeGreaterThan(250)
    expect(await store.count()).toBe(live.length)
    expect((await store.openData('Document')).length).toBe(live.length)
    const kept = (e: string) => new Set((world.records.get(e) ?? []).filter((r) => r.Verwijderd !== true).map((r) => r.Id)).size
    expect((await store.openData('Persoon')).length).toBe(kept('Persoon'))
    expect((await store.openData('Zaak')).length).toBe(kept('Zaak'))
    expect((await store.openData('Toezegging')).map((r) => r.record.Nummer)).toEqual(['TZ202205-001', 'TZ202301-014', 'TZ202401-101', 'TZ202306-020'])
    // The state says where the next run starts: after the last change stored.
    const last = docs
      .map((d) => String(d.ApiGewijzigdOp))
      .sort()
      .at(-1)
    expect(await store.syncState('tk:Document')).toEqual({ since: last, max: last, next: null })
  })

  it('reads a Kamerstuk from its official XML and joins the record to it', async () => {
    const doc = await store.get('kst-33037-587')
    expect(doc).toMatchObject({ form: 'official-xml', type: 'motie', dossier: '33037', ondernummer: '587' })
    expect(doc?.openData).toMatchObject({ Id: '7ab800fe-b138-4b81-b898-eda21b72fca8', DocumentNummer: '2025D13256' })
    // The Kamer's number finds the paper too, and search hits show it.
    expect((await store.get('2025D13256'))?.id).toBe('kst-33037-587')
    const hit = (await store.search({ q: 'mestproductie' })).hits.find((h) => h.id === 'kst-33037-587')
    expect(hit?.documentNummer).toBe('2025D13256')
  })

  it("keeps the Kamer's decisions and people: a motie found by its Kamerstuk, with its indieners, appreciation and the vote per fractie", async () => {
    // Each Besluit and Agendapunt a vote brings expanded is a record of its own; the votes keep only their keys.
    expect((await store.openData('Besluit')).length).toBeGreaterThan(0)
    expect((await store.openData('Stemming')).every((r) => !('Besluit' in r.record) && !('Fractie' in r.record))).toBe(true)
    expect((await store.openData('Fractie')).length).toBeGreaterThan(10)
    const facts = await motieFacts(store, 'kst-36583-14')
    expect(facts).toMatchObject({
      zaak: '2025Z00854',
      indieners: [
        { name: 'Ellian', fractie: 'VVD' },
        { name: 'Wilders', fractie: 'PVV' },
      ],
      appreciatie: 'Oordeel Kamer',
      result: 'aangenomen',
    })
    expect(facts?.decisions[0]?.tally).toMatchObject({ seatsFor: 114, seatsAgainst: 36 })
    expect(facts?.decisions[0]?.tally.votes.find((v) => v.fractie === 'DENK')?.soort).toBe('Tegen')
  })

  it('export shows the open-data identifiers of each paper', async () => {
    const out = await new Promise<string>((resolve) => {
      const p = spawn(process.execPath, [BIN, 'export', '--format', 'csv', '--what', 'documents', '--db', store.location], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      let s = ''
      p.stdout.on('data', (d) => (s += d))
      p.on('exit', () => resolve(s))
    })
    const lines = out.trim().split('\n')
    expect(lines[0]).toBe('id,key,type,date,sender,dossier,title,source,documentNummer,openDataId')
    expect(lines.find((l) => l.startsWith('kst-33037-587,'))).toMatch(/,2025D13256,7ab800fe-b138-4b81-b898-eda21b72fca8$/)
    expect(lines).toHaveLength(1 + (await store.count()))
  })

  it('reads a motie from the file the API serves, and keeps a paper without a readable file as metadata', async () => {
    const motie = await store.get('2023D03544')
    expect(motie).toMatchObject({ id: 'kst-31288-1013', type: 'motie', form: 'kamerstuk-pdf-text' })
    expect(motie?.requests.length).toBeGreaterThan(0)
    // A record of the real page whose PDF the replay does not have: stored with its subject, marked, not retried.
    const bijlage = await store.get('2025D32492')
    expect(bijlage).toMatchObject({ form: 'open-data', title: 'Beslisnota bij Kamerbrief inzake moties en toezeggingen over flexstuderen' })
    expect(bijlage?.issues.map((i) => i.code)).toContain('content-absent')
    expect(await store.missingContent()).toEqual([])
  })

  it('a second run asks only for what changed: a changed record, a deleted one, a kept promise', async () => {
    await withReplay([], async (srv, s2) => {
      await sync(s2, srv)
      const { deleted } = changeWorld(srv)
      const before = srv.log.length
      const report = await sync(s2, srv)
      const asked = srv.log.slice(before)
      // Every entity's page, filtered on the last change (an entity that had no record asks for everything again); one
      // file: the changed Kamerstuk's XML.
      expect(asked.filter((u) => u.includes('/resource'))).toHaveLength(1)
      const withRecords = [...srv.world.records.values()].filter((l) => l.length > 0).length
      expect(withRecords).toBeGreaterThan(4)
      expect(asked.filter((u) => u.includes('$filter=ApiGewijzigdOp gt')).length).toBe(withRecords)
      expect(report.find((r) => r.entity === 'Document')).toMatchObject({ seen: 2, removed: 1, papers: { updated: 1 } })
      expect((await s2.get('kst-33037-587'))?.openData?.Titel).toBe('Mestbeleid (gewijzigd)')
      expect(await s2.get('kst-34104-442')).toBeNull()
      expect((await s2.openData('Document')).find((r) => r.id === deleted.Id)).toBeUndefined()
      expect((await s2.openData('Toezegging')).find((r) => r.record.Nummer === 'TZ202301-014')?.record.Status).toBe('Voldaan')
      expect((await s2.search({ q: 'Krul' })).hits.map((h) => h.id)).not.toContain('kst-34104-442')
      // A third run finds nothing new and fetches no file.
      const third = srv.log.length
      await sync(s2, srv)
      expect(srv.log.slice(third).filter((u) => u.includes('/resource'))).toEqual([])
    })
  }, 60_000)

  it('ends with the same store whatever fails along the way: 500, 429, time-outs, cut bodies, malformed JSON and XML', async () => {
    const faults: Fault[] = [
      { match: /\/Persoon\?/, kind: '429', times: 2 },
      { match: /\/Zaak\?.*\$skip=40/, kind: 'malformed', times: 1 },
      { match: /\/Zaak\?/, kind: '500', times: 1 },
      { match: /\/Document\?.*\$skip=80/, kind: 'timeout', times: 1 },
      { match: /\/Document\?.*\$skip=120/, kind: 'truncate', times: 1 },
      { match: /DocumentPublicatie\(.*\)\/resource/, kind: 'truncate', times: 3 },
      { match: /DocumentPublicatie\(.*\)\/resource/, kind: 'malformed', times: 2 },
      { match: /Document\(.*\)\/resource/, kind: '500', times: 3 },
      { match: /Document\(.*\)\/resource/, kind: 'timeout', times: 1 },
      { match: /\/Toezegging\?/, kind: 'malformed', times: 1 },
    ]
    await withReplay(faults, async (srv, faulty) => {
      await sync(faulty, srv)
      expect(srv.faults.map((f) => f.times)).toEqual(srv.faults.map(() => 0))
      expect(await snapshot(faulty)).toEqual(reference)
    })
  }, 60_000)

  it('stores a paper whose file cannot be fetched with its metadata, marked, and fetches it on the next sync', async () => {
    // More failures than the client's retries: this sync gives up on the file.
    await withReplay([{ match: /DocumentPublicatie\(ad00bf7b-8d1e-467c-b9ce-c040b3610a62\)/, kind: '500', times: 6 }], async (srv, s) => {
      const first = await sync(s, srv)
      expect(first.find((r) => r.entity === 'Document')?.missing).toBe(1)
      const paper = await s.get('kst-21501-02-3188')
      expect(paper?.form).toBe('open-data')
      expect(paper?.issues.find((i) => i.code === 'content-missing')?.message).toMatch(/HTTP 500 \(gave up after 6 attempts\)/)
      expect((await s.missingContent()).map((m) => m.record.DocumentNummer)).toHaveLength(1)
      await sync(s, srv)
      expect((await s.get('kst-21501-02-3188'))?.form).toBe('official-xml')
      expect(await s.missingContent()).toEqual([])
      expect(await snapshot(s)).toEqual(reference)
    })
  }, 60_000)

  it('killed half-way (SIGKILL) and run again, `kamerwacht sync tk` converges to the same store', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'kw-sync-kill-')), 'k.db')
    // The third page of Documents never answers: the process is killed while it waits, two pages written.
    const srv = await replay([{ match: /\/Document\?.*\$skip=80/, kind: 'stall', times: 1 }])
    const args = [BIN, 'sync', 'tk', '--base-url', srv.origin, '--db', db, '--rate', '100', '--timeout', '30', '--page-size', '250', '--quiet']
    try {
      const child = spawn(process.execPath, args, { stdio: 'ignore' })
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      await new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (srv.faults[0]?.times === 0) {
            clearInterval(t)
            resolve()
          }
        }, 20)
      })
      child.kill('SIGKILL')
      await exited
      const partial = new EmbeddedStore(db)
      const stopped = (await partial.syncState('tk:Document')) as { next: string | null }
      expect(stopped.next).toMatch(/skip=80/)
      await partial.close()
      await runAgainConverges(args, db)
    } finally {
      await srv.close()
    }
  }, 60_000)
})

describe.skipIf(skipWithoutShared)('kamerwacht sync tk, stopped with Ctrl-C', () => {
  it('stops before its next request with exit 130, and the next run converges to the same store', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'kw-sync-int-')), 'k.db')
    const srv = await replay()
    const args = [BIN, 'sync', 'tk', '--base-url', srv.origin, '--db', db, '--rate', '100', '--page-size', '250', '--quiet']
    try {
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
      let err = ''
      child.stderr.on('data', (d) => (err += d))
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      // Interrupted while it fetches the files of the first page of Documents.
      await new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (srv.log.filter((u) => u.includes('/resource')).length >= 10) {
            clearInterval(t)
            resolve()
          }
        }, 5)
      })
      child.kill('SIGINT')
      expect(await exited).toBe(130)
      expect(err).toMatch(/stopping before the next request/)
      expect(err).toMatch(/sync stopped; what was stored stays/)
      await runAgainConverges(args, db)
    } finally {
      await srv.close()
    }
  }, 60_000)
})

describe.runIf(pgUrl !== null && !skipWithoutShared)('kamerwacht sync tk into PostgreSQL', () => {
  it('makes the same store as the embedded one, through failures, changes, deletions and a file fetched late', async () => {
    // Past the retries for one file: it is missing after the first sync, fetched by the second.
    const srv = await replay([
      { match: /Document\(.*\)\/resource/, kind: '500', times: 2 },
      { match: /DocumentPublicatie\(ad00bf7b-8d1e-467c-b9ce-c040b3610a62\)/, kind: '500', times: 6 },
    ])
    const opened = await openTestPostgres(pgUrl as string)
    const embedded = freshStore()
    try {
      await sync(opened.store, srv)
      expect((await opened.store.missingContent()).length).toBe(1)
      expect((await opened.store.get('kst-21501-02-3188'))?.form).toBe('open-data')
      changeWorld(srv)
      await sync(opened.store, srv)
      expect(await opened.store.missingContent()).toEqual([])
      expect((await opened.store.get('kst-21501-02-3188'))?.form).toBe('official-xml')
      expect(await opened.store.get('kst-34104-442')).toBeNull()
      // The embedded store, synced from the same changed world undisturbed, is what PostgreSQL must hold.
      await sync(embedded, srv)
      expect(await snapshot(opened.store)).toEqual(await snapshot(embedded))
    } finally {
      await srv.close()
      await opened.drop()
      await embedded.close()
    }
  }, 60_000)
})

describe.skipIf(skipWithoutShared)('kamerwacht sync ob', () => {
  it("fetches a dossier's papers through the SRU search, and on a second run only the search", async () => {
    await withReplay([{ match: /\/sru\?/, kind: 'malformed', times: 1 }], async (srv, store) => {
      const o = { http: http(), ctx, sruUrl: `${srv.origin}/sru`, obUrl: `${srv.origin}/ob`, dossier: '34104', pageSize: 1 }
      const first = await syncOb(store, o)
      expect(first).toMatchObject({ seen: 2, total: 2, papers: { new: 2 } })
      expect((await store.all()).map((p) => p.id)).toEqual(['kst-34104-439', 'kst-34104-442'])
      expect((await store.get('kst-34104-442'))?.form).toBe('official-xml')
      const before = srv.log.length
      const second = await syncOb(store, o)
      expect(second.papers).toEqual({ new: 0, updated: 0, unchanged: 0 })
      expect(srv.log.slice(before).every((u) => u.startsWith('/sru?'))).toBe(true)
    })
  })
})

describe.skipIf(skipWithoutShared)('kamerwacht sync (the command)', () => {
  const cli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      p.stdout.on('data', (d) => (stdout += d))
      p.stderr.on('data', (d) => (stderr += d))
      p.on('exit', (code) => resolve({ code, stdout, stderr }))
    })

  it('teaches its use and refuses bad flags with exit 2, naming the flag', async () => {
    const help = await cli(['sync', '--help'])
    expect(help.stdout).toMatch(/tk .*Tweede Kamer/s)
    expect(help.stdout).toMatch(/kamerwacht sync ob --dossier 33783/)
    const since = await cli(['sync', 'tk', '--since', '2024-13-01'])
    expect(since.code).toBe(2)
    expect(since.stderr).toMatch(/invalid --since/)
    const base = await cli(['sync', 'tk', '--base-url', 'ftp://127.0.0.1/'])
    expect(base.code).toBe(2)
    expect(base.stderr).toMatch(/invalid --base-url: must be an http\(s\) URL/)
    expect((await cli(['sync', 'ob'])).stderr).toMatch(/--dossier/)
  })

  it('`sync ob --dossier` prints a JSON summary, with the search and the files fetched from the mirror given', async () => {
    const srv = await replay()
    const db = join(mkdtempSync(join(tmpdir(), 'kw-sync-ob-')), 'k.db')
    try {
      const r = await cli(['sync', 'ob', '--dossier', '36410-XVI', '--sru-url', `${srv.origin}/sru`, '--db', db, '--json', '--rate', '100'])
      expect(r.code).toBe(0)
      expect(JSON.parse(r.stdout).reports[0]).toMatchObject({ entity: 'ob 36410-XVI', seen: 2, papers: { new: 2 } })
      expect(srv.log.filter((u) => u.startsWith('/ob/')).sort()).toEqual(['/ob/kst-36410-XVI-100.xml', '/ob/kst-36410-XVI-96.xml'])
    } finally {
      await srv.close()
    }
  })
})

describe.skipIf(skipWithoutShared)('kamerwacht commitments --compare', () => {
  it('sets the register beside the promises in the papers: in both, only in the register, only in the papers', async () => {
    const srv = await replay()
    const store = freshStore()
    try {
      for (const f of [
        corpusFile('dev', '33783-50.txt'),
        corpusFile('dev', '35228-6.obpage.txt'),
        join(ROOT, 'test', 'fixtures', 'debates', 'commissiedebat.pdf.txt'),
      ]) {
        const raw = readFileSync(f)
        await store.put(await readDocument(raw, basename(f), ctx), new Uint8Array(raw))
      }
      await syncTk(store, { http: http(), urls: urls(srv), ctx, entities: ['Toezegging', 'Activiteit'] })
      await store.close()
      const db = store.location
      const compare = (...extra: string[]) =>
        new Promise<string>((resolve) => {
          const p = spawn(process.execPath, [BIN, 'commitments', '--compare', '--json', '--db', db, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] })
          let s = ''
          p.stdout.on('data', (d) => (s += d))
          p.on('exit', () => resolve(s))
        })
      const c = JSON.parse(await compare())
      // `--status` keeps what has that status: kamerwacht's for the papers' promises, the register's own for its entries.
      const open = JSON.parse(await compare('--status', 'open'))
      expect(open.agree.map((a: { paper: { status: string } }) => a.paper.status)).toEqual(['open'])
      expect(open.onlyPapers.every((p: { status: string }) => p.status === 'open')).toBe(true)
      expect(JSON.parse(await compare('--status', 'fulfilled'))).toEqual({ agree: [], onlyRegister: [], onlyPapers: [] })
      expect(c.agree).toHaveLength(2)
      expect(c.agree.find((a: { register: { nummer: string } }) => a.register.nummer === 'TZ202205-001')).toMatchObject({
        register: { nummer: 'TZ202205-001', status: 'Openstaand' },
        paper: { paper: 'kst-33783-50', text: 'Ik zal uw Kamer t.z.t. informeren over dit besluit.', status: 'open' },
        statusAgrees: true,
      })
      // The register's promises are mostly made aloud: this one pairs with the minister's words in the debate's verslag.
      expect(c.agree.find((a: { register: { nummer: string } }) => a.register.nummer === 'TZ202401-101')?.paper).toMatchObject({
        paper: 'kst-31839-998',
        speaker: 'Minister Van den Berg',
        sender: 'Minister voor Jeugd, Preventie en Sport',
      })
      expect(c.onlyRegister.map((r: { nummer: string }) => r.nummer)).toEqual(['TZ202301-014', 'TZ202306-020'])
      expect(c.onlyPapers.map((p: { paper: string }) => p.paper)).toEqual(expect.arrayContaining(['kst-33783-50', 'kst-35228-6', 'kst-31839-998']))
      expect(c.onlyPapers.some((p: { text: string }) => p.text.includes('t.z.t.'))).toBe(false)
      // Each register record with the debate it was made in (expanded in the record, or the stored activity of its
      // number), whom it was made to, and its chain read both ways.
      const entry = (nummer: string) =>
        [...c.agree.map((a: { register: unknown }) => a.register), ...c.onlyRegister].find((r: { nummer: string }) => r.nummer === nummer)
      expect(entry('TZ202401-101')).toMatchObject({
        activiteit: { nummer: '2024A00101', soort: 'Commissiedebat', commissie: { afkorting: 'VWS' } },
        toegezegdAan: [{ lid: 'Jansen', fractie: 'SP' }],
      })
      expect(entry('TZ202301-014')).toMatchObject({
        activiteit: { nummer: '2023A00014', commissie: { afkorting: 'J&V', naam: 'vaste commissie voor Justitie en Veiligheid' } },
        toegezegdAan: [{ lid: null, fractie: 'CDA' }],
        chain: [{ relation: 'gewijzigd-in', nummer: 'TZ202306-020' }],
      })
      expect(entry('TZ202306-020')).toMatchObject({
        activiteit: null,
        activiteitNummer: '2023A00620',
        chain: [{ relation: 'wijziging-van', nummer: 'TZ202301-014' }],
      })
      // Filtered by the committee of the debate, and by the fractie or member it was made to.
      const nummers = async (...extra: string[]) => {
        const r = JSON.parse(await compare(...extra))
        return [...r.agree.map((a: { register: { nummer: string } }) => a.register.nummer), ...r.onlyRegister.map((e: { nummer: string }) => e.nummer)]
      }
      expect(await nummers('--commissie', 'VWS')).toEqual(['TZ202401-101'])
      expect(await nummers('--commissie', 'justitie en veiligheid')).toEqual(['TZ202301-014'])
      expect(await nummers('--fractie', 'sp')).toEqual(['TZ202401-101'])
      expect(await nummers('--fractie', 'CDA')).toEqual(['TZ202301-014'])
      expect(await nummers('--lid', 'Jansen')).toEqual(['TZ202401-101'])
      expect(await nummers('--fractie', 'PVV')).toEqual([])
      // The papers' promises by the committee whose verslag they stand in.
      const vws = JSON.parse(await compare('--commissie', 'Volksgezondheid'))
      expect(vws.onlyPapers.length).toBeGreaterThan(0)
      expect(new Set(vws.onlyPapers.map((p: { paper: string }) => p.paper))).toEqual(new Set(['kst-31839-998']))
    } finally {
      await srv.close()
    }
  })
})
