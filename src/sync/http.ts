/**
 * A client that is a good citizen on the official sources: it says who it is,
 * keeps to a request rate, gives every request a time limit, backs off with
 * jitter on 429, 5xx, time-outs and broken connections, and resumes a large
 * download where it broke instead of starting over.
 */

/** A request that failed for good: a status the source will not change its mind about, or retries used up. */
export class SyncHttpError extends Error {
  /** The HTTP status, or null for a time-out or a broken connection. */
  readonly status: number | null
  readonly url: string
  constructor(url: string, status: number | null, message: string) {
    super(message)
    this.name = 'SyncHttpError'
    this.status = status
    this.url = url
  }
}

/** How the client behaves; every field has a default fit for the public sources. */
export interface HttpOptions {
  /** Sent with every request: who is asking, and how to reach them. */
  userAgent: string
  /** Requests per second at most, over all requests of this client (default 4). */
  rate: number
  /** Time limit of one attempt, headers and body, in ms (default 60 s). */
  timeoutMs: number
  /** Attempts after the first (default 6). */
  retries: number
  /** First back-off in ms, doubled each retry, with full jitter (default 1 s); capped at `maxDelayMs` (default 60 s). */
  baseDelayMs: number
  maxDelayMs: number
  /** Called before each retry: for progress lines and tests. */
  onRetry?: (info: { url: string; attempt: number; delayMs: number; reason: string }) => void
  /** The fetch to use (default the global one). */
  fetch?: typeof fetch
  /** Randomness for the jitter (default Math.random). */
  random?: () => number
}

/** Defaults: four requests a second, a minute per attempt, six retries from one second up. */
export const DEFAULT_HTTP: Omit<HttpOptions, 'userAgent'> = { rate: 4, timeoutMs: 60_000, retries: 6, baseDelayMs: 1000, maxDelayMs: 60_000 }

/** The longest `Retry-After` waited for; a server asking for more is asked again after this. */
const MAX_RETRY_AFTER_MS = 15 * 60_000

/** Statuses worth asking again: too many requests, and the server's own trouble. */
const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504])

/** A body that was received whole. */
export interface Fetched {
  status: number
  bytes: Uint8Array
  contentType: string | null
}

/** Thrown inside an attempt for a failure that a later attempt may not have. */
class Transient extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message)
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** `Retry-After` as seconds or an HTTP date, in ms; null when absent or unreadable. */
function retryAfter(value: string | null): number | null {
  if (!value) return null
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now())
}

/** The polite client. One per sync: its rate limit covers all its requests. */
export class PoliteHttp {
  private readonly o: HttpOptions
  private nextSlot = 0
  /** Requests made, attempts included: what a sync reports and tests count. */
  requests = 0

  constructor(options: Partial<HttpOptions> & { userAgent: string }) {
    this.o = { ...DEFAULT_HTTP, ...options }
  }

  /** Waits for this request's turn under the rate limit. */
  private async turn(): Promise<void> {
    const gap = 1000 / this.o.rate
    const now = Date.now()
    const at = Math.max(now, this.nextSlot)
    this.nextSlot = at + gap
    if (at > now) await sleep(at - now)
  }

  private backoff(attempt: number, hint: number | null): number {
    const cap = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** attempt)
    const jittered = Math.floor((this.o.random ?? Math.random)() * cap)
    // The server's own `Retry-After` is kept to, up to a quarter of an hour, even past `maxDelayMs`.
    return hint !== null ? Math.min(MAX_RETRY_AFTER_MS, Math.max(hint, jittered)) : jittered
  }

  /**
   * GETs a URL and checks the body with `accept` (a parse that throws on a
   * malformed body: a truncated or garbled answer is asked for again). A 404
   * or 410 comes back as `null`. Large bodies resume with a `Range` request
   * from where a broken transfer stopped.
   */
  async get<T>(url: string, accept: (body: Fetched) => T | Promise<T>, headers: Record<string, string> = {}): Promise<T | null> {
    const doFetch = this.o.fetch ?? fetch
    // What a broken transfer left: resumed with `Range` when the server names the same version (ETag/Last-Modified).
    let partial: { chunks: Uint8Array[]; length: number; validator: string | null } | null = null
    for (let attempt = 0; ; attempt++) {
      await this.turn()
      this.requests++
      const h: Record<string, string> = { 'user-agent': this.o.userAgent, ...headers }
      if (partial?.validator && partial.length > 0) {
        h.range = `bytes=${partial.length}-`
        h['if-range'] = partial.validator
      }
      let reason: string
      let hint: number | null = null
      const signal = AbortSignal.timeout(this.o.timeoutMs)
      try {
        const res = await doFetch(url, { headers: h, signal, redirect: 'follow' })
        if (res.status === 404 || res.status === 410) {
          await res.body?.cancel()
          return null
        }
        if (RETRYABLE.has(res.status)) {
          await res.body?.cancel()
          throw new Transient(`HTTP ${res.status}`, retryAfter(res.headers.get('retry-after')))
        }
        if (res.status !== 200 && res.status !== 206) {
          await res.body?.cancel()
          throw new SyncHttpError(url, res.status, `${url}: HTTP ${res.status} ${res.statusText}`.trim())
        }
        const resumed = res.status === 206 && partial !== null && res.headers.get('content-range')?.startsWith(`bytes ${partial.length}-`)
        if (res.status === 206 && !resumed) {
          // A part that was not asked for: ask for the whole again.
          await res.body?.cancel()
          partial = null
          throw new Transient('the server sent a part of the file that was not asked for')
        }
        if (!resumed) partial = { chunks: [], length: 0, validator: res.headers.get('etag') ?? res.headers.get('last-modified') }
        const got = partial as { chunks: Uint8Array[]; length: number; validator: string | null }
        const expected = res.headers.get('content-length')
        const before = got.length
        try {
          if (res.body)
            for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
              got.chunks.push(chunk)
              got.length += chunk.length
            }
        } catch (e) {
          throw new Transient(`transfer broke after ${got.length} bytes (${e instanceof Error ? e.message : String(e)})`)
        }
        if (expected !== null && got.length - before < Number(expected)) throw new Transient(`body cut short: ${got.length - before} of ${expected} bytes`)
        const bytes = Buffer.concat(got.chunks, got.length)
        const body: Fetched = {
          status: 200,
          bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          contentType: res.headers.get('content-type'),
        }
        try {
          return await accept(body)
        } catch (e) {
          partial = null
          throw new Transient(`malformed body: ${e instanceof Error ? e.message : String(e)}`)
        }
      } catch (e) {
        if (e instanceof SyncHttpError) throw e
        if (e instanceof Transient) {
          reason = e.message
          hint = e.retryAfterMs
        } else if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
          reason = `no answer within ${this.o.timeoutMs} ms`
        } else {
          reason = `connection failed: ${e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e)}`
        }
      }
      if (attempt >= this.o.retries) throw new SyncHttpError(url, null, `${url}: ${reason} (gave up after ${attempt + 1} attempts)`)
      const delayMs = this.backoff(attempt, hint)
      this.o.onRetry?.({ url, attempt: attempt + 1, delayMs, reason })
      await sleep(delayMs)
    }
  }

  /** GETs JSON; a body that does not parse is asked for again. */
  async json(url: string): Promise<unknown> {
    return this.get(url, (b) => JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(b.bytes)) as unknown, { accept: 'application/json' })
  }
}
