// The polite client against a real HTTP server on loopback, one misbehaviour at a time.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { PoliteHttp, SyncHttpError } from './http.js'

let server: Server | null = null
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

/** Serves `handler`'s answers; returns the URL and the headers of every request. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse, n: number) => void): Promise<{ url: string; seen: IncomingMessage['headers'][] }> {
  const seen: IncomingMessage['headers'][] = []
  const s = createServer((req, res) => {
    seen.push(req.headers)
    handler(req, res, seen.length)
  })
  server = s
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/x`, seen }
}

const client = (o: Partial<ConstructorParameters<typeof PoliteHttp>[0]> = {}) =>
  new PoliteHttp({ userAgent: 'kamerwacht-test/1 (contact: test@example.org)', rate: 1000, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 300, retries: 4, ...o })
const text = (b: { bytes: Uint8Array }) => Buffer.from(b.bytes).toString('utf8')

describe('PoliteHttp', () => {
  it('says who it is in every request', async () => {
    const { url, seen } = await serve((_q, res) => res.end('ok'))
    expect(await client().get(url, text)).toBe('ok')
    expect(seen[0]?.['user-agent']).toBe('kamerwacht-test/1 (contact: test@example.org)')
  })

  it('asks again after 500 and 429, honouring Retry-After', async () => {
    const { url, seen } = await serve((_q, res, n) => {
      if (n === 1) return res.writeHead(500).end()
      if (n === 2) return res.writeHead(429, { 'retry-after': '0' }).end()
      res.end('third time')
    })
    const retries: string[] = []
    expect(await client({ onRetry: (r) => retries.push(r.reason) }).get(url, text)).toBe('third time')
    expect(seen).toHaveLength(3)
    expect(retries).toEqual(['HTTP 500', 'HTTP 429'])
  })

  it('asks again when no answer comes in time', async () => {
    const { url, seen } = await serve((_q, res, n) => {
      if (n === 1) return void setTimeout(() => !res.destroyed && res.end('late'), 1500)
      res.end('in time')
    })
    expect(await client().get(url, text)).toBe('in time')
    expect(seen).toHaveLength(2)
  })

  it('resumes a cut transfer with a Range request for the rest', async () => {
    const body = Buffer.from('0123456789'.repeat(1000))
    const { url, seen } = await serve((req, res, n) => {
      const headers = { etag: '"v1"', 'accept-ranges': 'bytes' }
      if (n === 1) {
        res.writeHead(200, { ...headers, 'content-length': String(body.length) })
        res.write(body.subarray(0, 4000))
        return void setTimeout(() => res.destroy(), 20)
      }
      const from = Number(/bytes=(\d+)-/.exec(String(req.headers.range))?.[1])
      res.writeHead(206, { ...headers, 'content-range': `bytes ${from}-${body.length - 1}/${body.length}`, 'content-length': String(body.length - from) })
      res.end(body.subarray(from))
    })
    expect(await client().get(url, text)).toBe(body.toString())
    expect(seen[1]?.range).toBe('bytes=4000-')
    expect(seen[1]?.['if-range']).toBe('"v1"')
  })

  it('starts over when the server sends the whole file again instead of the rest', async () => {
    const { url } = await serve((_q, res, n) => {
      if (n === 1) {
        res.writeHead(200, { etag: '"v1"', 'content-length': '10' })
        res.write('01234')
        return void setTimeout(() => res.destroy(), 20)
      }
      res.writeHead(200, { etag: '"v2"', 'content-length': '10' }).end('abcdefghij')
    })
    expect(await client().get(url, text)).toBe('abcdefghij')
  })

  it('waits as long as Retry-After says, past its own back-off cap', async () => {
    const { url } = await serve((_q, res, n) => (n === 1 ? res.writeHead(503, { 'retry-after': '1' }).end() : res.end('ok')))
    const delays: number[] = []
    expect(await client({ maxDelayMs: 5, onRetry: (r) => delays.push(r.delayMs) }).get(url, text)).toBe('ok')
    expect(delays).toEqual([1000])
  })

  it('asks for the whole file again when a server answers a range it was not asked for', async () => {
    const { url, seen } = await serve((_q, res, n) => {
      if (n === 1) {
        res.writeHead(200, { etag: '"v1"', 'content-length': '10' })
        res.write('01234')
        return void setTimeout(() => res.destroy(), 20)
      }
      if (n === 2) return res.writeHead(206, { etag: '"v1"', 'content-range': 'bytes 2-9/10', 'content-length': '8' }).end('23456789')
      res.writeHead(200, { etag: '"v1"', 'content-length': '10' }).end('0123456789')
    })
    expect(await client().get(url, text)).toBe('0123456789')
    expect(seen[2]?.range).toBeUndefined()
  })

  it('asks again for a body that does not parse', async () => {
    const { url, seen } = await serve((_q, res, n) => res.end(n === 1 ? '{"value": [' : '{"value": []}'))
    expect(await client().json(url)).toEqual({ value: [] })
    expect(seen).toHaveLength(2)
  })

  it('returns null for 404 and fails at once, without retrying, on other client errors', async () => {
    const { url, seen } = await serve((_q, res, n) => res.writeHead(n === 1 ? 404 : 403).end())
    expect(await client().get(url, text)).toBeNull()
    await expect(client().get(url, text)).rejects.toThrow(/HTTP 403/)
    expect(seen).toHaveLength(2)
  })

  it('gives up after its retries with a message that says why', async () => {
    const { url, seen } = await serve((_q, res) => res.writeHead(503).end())
    const failure = await client({ retries: 2 })
      .get(url, text)
      .catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(SyncHttpError)
    expect((failure as Error).message).toMatch(/HTTP 503 \(gave up after 3 attempts\)/)
    expect(seen).toHaveLength(3)
  })

  it('keeps to its rate: n requests at r per second take at least (n - 1) / r seconds', async () => {
    const { url } = await serve((_q, res) => res.end('ok'))
    const http = client({ rate: 20 })
    const started = performance.now()
    await Promise.all([1, 2, 3, 4, 5].map(() => http.get(url, text)))
    // A lower bound set by the limiter's own waits, not a speed assertion: without the limit this is ~0 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(195)
  })

  it('backs off exponentially with full jitter, capped', async () => {
    const { url } = await serve((_q, res, n) => (n <= 4 ? res.writeHead(502).end() : res.end('ok')))
    const delays: number[] = []
    await client({ baseDelayMs: 100, maxDelayMs: 250, random: () => 0.999, onRetry: (r) => delays.push(r.delayMs) }).get(url, text)
    expect(delays).toEqual([99, 199, 249, 249])
  })
})
