import type { FastifyRequest } from 'fastify'
import type { Viewer } from '../app/users.js'
import type { ReadPool } from '../ingest/pool.js'
import type { Store } from '../store/store.js'

/** What every API route module is given by `buildApp`: the store, the day, addresses and the write check. */
export interface ApiContext {
  store: Store
  /** The day statuses are computed for. */
  today: () => string
  /** The public address feeds and exports link to: `--base-url`, else the address the server listens on. */
  base: () => string
  /** Route options that check the write token before the body is read (see auth.ts). */
  tokenFirst: { onRequest: (req: FastifyRequest) => Promise<void> }
  /** Reads uploads in worker threads. */
  pool: ReadPool
  version: string
  writable: boolean
  /** Who asks: a user by their token (or a proxy's header), the editor by the write token, or nobody. */
  viewer: (req: FastifyRequest) => Promise<Viewer>
}
