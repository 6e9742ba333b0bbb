// The server under hostile clients (issue 18), as a user runs it: the real `kamerwacht serve` process,
// real sockets on loopback, its resident memory read from /proc.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deflateBombPdf } from '../src/bench/hostile.js'
import { createContext } from '../src/pipeline.js'
import { buildApp } from '../src/server/app.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import { ROOT } from '../src/test-support/paths.js'

const BIN = join(ROOT, 'bin', 'kamerwacht.js')
const TOKEN = 'hostile-test-token'

let server: ChildProcess
let base = ''
let port = 0

beforeAll(async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'kw-hostile-')), 's.db')
  server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db, '--create'], {
    env: { ...process.env, KAMERWACHT_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  base = await new Promise<string>((resolve, reject) => {
    server.stdout?.on('data', (d) => {
      out += d
      const m = /serving on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
      if (m) resolve(m[1] as string)
    })
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
  })
  port = Number(new URL(base).port)
})
afterAll(() => {
  server.kill('SIGTERM')
})

/** Resident memory of the server process, in MB. */
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1]) / 1024

/** A text paper of about `mb` MB: ten common words a line, nothing odd, just long. */
function longPaper(mb: number): string {
  const words = ['de', 'minister', 'zal', 'kamer', 'begroting', 'lidstaten', 'veiligheid', 'nucleaire', 'brief', 'het']
  const lines: string[] = []
  for (let i = 0; lines.length * 70 < mb * 1024 * 1024; i++) lines.push(Array.from({ length: 10 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' '))
  return lines.join('\n')
}

/** Polls /health every 50 ms while `work` runs; returns what the work came to and the slowest answer, in ms. */
async function healthWhile<T>(work: Promise<T>): Promise<{ outcome: T; slowest: number; answers: number }> {
  let pending = true
  void work.finally(() => {
    pending = false
  })
  const latencies: number[] = []
  while (pending) {
    const t0 = performance.now()
    expect((await fetch(`${base}/health`)).status).toBe(200)
    if (pending) latencies.push(performance.now() - t0)
    await new Promise((r) => setTimeout(r, 50))
  }
  return { outcome: await work, slowest: Math.max(0, ...latencies), answers: latencies.length }
}

describe('kamerwacht serve under hostile clients', () => {
  // First, on a fresh server: the reading thread of the next test keeps what it used until it is let go.
  it('keeps 40 token-less connections sending 25 MB bodies under 400 MB: the token is checked before the body is read', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 97)
    const size = 25 * 1024 * 1024
    let peak = rssMb()
    const poll = setInterval(() => {
      peak = Math.max(peak, rssMb())
    }, 25)
    const replies = await Promise.all(
      Array.from(
        { length: 40 },
        () =>
          new Promise<string>((resolve) => {
            const socket = net.connect(port, '127.0.0.1')
            let reply = ''
            let sent = 0
            socket.on('data', (d) => {
              reply += d
            })
            socket.on('error', () => {})
            socket.on('close', () => resolve(reply))
            socket.write(`POST /api/papers?name=x.txt HTTP/1.1\r\nHost: x\r\nContent-Length: ${size}\r\n\r\n`)
            const pump = () => {
              while (sent < size && !socket.destroyed) {
                sent += chunk.length
                if (!socket.write(chunk)) return void socket.once('drain', pump)
              }
              socket.end()
            }
            pump()
          }),
      ),
    )
    clearInterval(poll)
    for (const r of replies) expect(r).toMatch(/^HTTP\/1\.1 401/)
    expect(peak).toBeLessThan(400)
  }, 60_000)

  // Also before the long upload: issue 26.
  it('keeps 40 connections sending gzip form bodies of 25 MB of zeros to /login under 400 MB: refused at 16 KB inflated', async () => {
    const bomb = gzipSync(Buffer.alloc(25 * 1024 * 1024))
    expect(bomb.length).toBeLessThan(1024 * 1024)
    let peak = rssMb()
    const poll = setInterval(() => {
      peak = Math.max(peak, rssMb())
    }, 25)
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () =>
        fetch(`${base}/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' },
          body: bomb,
        }).then(
          (r) => r.status,
          () => 0,
        ),
      ),
    )
    clearInterval(poll)
    for (const s of statuses) expect([413, 0]).toContain(s)
    expect(statuses.filter((s) => s === 413).length).toBeGreaterThan(0)
    expect(peak).toBeLessThan(400)
  }, 60_000)

  it('answers /health in under 1 s while it reads a long upload (reading runs in a worker thread)', async () => {
    const upload = fetch(`${base}/api/papers?name=long.txt`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: longPaper(20) })
    const { outcome, slowest, answers } = await healthWhile(upload)
    // Read, or refused as over the thread's memory: either way an answer of its own, never a stalled server.
    expect([201, 422]).toContain(outcome.status)
    expect(answers).toBeGreaterThan(3)
    expect(slowest).toBeLessThan(1000)
  }, 60_000)
})

describe('kamerwacht serve under hostile input, round two (issue 26)', () => {
  it('answers /health in under 1 s while it refuses a PDF that inflates to 1 GiB, in one line', async () => {
    const bomb = await deflateBombPdf(1024)
    const { outcome, slowest } = await healthWhile(
      fetch(`${base}/api/papers?name=bom.pdf`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: Buffer.from(bomb) }).then(async (r) => ({
        status: r.status,
        body: await r.json(),
      })),
    )
    expect(outcome.status).toBe(422)
    expect(outcome.body.error.message).toMatch(/^PDF streams unpack to over 256 MB/)
    expect(slowest).toBeLessThan(1000)
  }, 60_000)

  it('answers /health in under 1 s while it stores an uploaded open-data list of 60,000 records (20 MB)', async () => {
    const value = Array.from({ length: 60_000 }, (_, i) => ({
      Id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      Nummer: i,
      Titel: 'dhr.',
      Initialen: 'A.B.',
      Tussenvoegsel: 'van der',
      Achternaam: `Achternaam${i}`,
      Voornamen: 'Albertus Bernardus',
      Roepnaam: 'Bert',
      Geslacht: 'man',
      Functie: 'Tweede Kamerlid',
      Woonplaats: 'Den Haag',
      Land: 'NL',
      Geboortedatum: '1970-01-01',
      Geboorteplaats: 'Utrecht',
      GewijzigdOp: '2024-01-01T00:00:00Z',
      ApiGewijzigdOp: '2024-01-01T00:00:00Z',
      Verwijderd: false,
    }))
    const list = JSON.stringify({ '@odata.context': 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Persoon', value })
    expect(list.length).toBeGreaterThan(18 * 1024 * 1024)
    const { outcome, slowest, answers } = await healthWhile(
      fetch(`${base}/api/papers?name=personen.json`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: list }).then(async (r) => ({
        status: r.status,
        body: await r.json(),
      })),
    )
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(200)
    expect(outcome.body.records).toBe(60_000)
    expect(answers).toBeGreaterThan(3)
    expect(slowest).toBeLessThan(1000)
  }, 120_000)
})

describe('a body trickled byte by byte', () => {
  it('is cut off when it has not arrived in time', async () => {
    const store = new EmbeddedStore(':memory:')
    const app = await buildApp({ store, ctx: await createContext(), token: TOKEN, bodyTimeoutMs: 1000 })
    await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const address = app.server.address()
      const socket = net.connect(typeof address === 'object' && address ? address.port : 0, '127.0.0.1')
      socket.on('error', () => {})
      socket.write(`POST /api/papers?name=x.txt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: 100000\r\n\r\n`)
      const started = Date.now()
      const trickle = setInterval(() => {
        if (!socket.destroyed) socket.write('a')
      }, 100)
      await new Promise((resolve) => socket.on('close', resolve))
      clearInterval(trickle)
      const held = Date.now() - started
      expect(held).toBeGreaterThanOrEqual(900)
      expect(held).toBeLessThan(5000)
    } finally {
      await app.close()
      await store.close()
    }
  }, 20_000)
})
