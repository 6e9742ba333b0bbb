import { createContext } from '../pipeline.js'
import { buildApp } from '../server/app.js'
import type { Io } from './read.js'
import { openStore } from './store-commands.js'

/** `kamerwacht serve`: the API and web UI on one port, until Ctrl-C. */
export async function serveCommand(opts: { port: number; host: string; db?: string | undefined; log?: boolean | undefined }, io: Io): Promise<number> {
  const store = await openStore(opts.db)
  const ctx = await createContext()
  const token = process.env.KAMERWACHT_TOKEN?.trim() || undefined
  const app = await buildApp({ store, ctx, token, logger: !!opts.log })
  try {
    await app.listen({ port: opts.port, host: opts.host })
  } catch (e) {
    await store.close()
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') io.stderr(`kamerwacht serve: port ${opts.port} is in use; choose another with --port\n`)
    else io.stderr(`kamerwacht serve: ${(e as Error).message}\n`)
    return 1
  }
  const shown = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host.includes(':') ? `[${opts.host}]` : opts.host
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : opts.port
  io.stdout(`kamerwacht: ${await store.count()} papers in ${store.location}\n`)
  io.stdout(
    `kamerwacht: serving on http://${shown}:${port}/  (API: /openapi.json; ${token ? 'writes with KAMERWACHT_TOKEN' : 'read-only: set KAMERWACHT_TOKEN to allow uploads'})\n`,
  )
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await app.close()
  await store.close()
  return 0
}
