import { type Command, Option } from 'commander'
import { z } from 'zod'
import { dbOption, io, usage } from '../options.js'
import { startCommand } from '../start.js'

// The server (Fastify, the web UI) is loaded only by the commands that serve: the others start faster and lighter.
const serve: typeof import('../serve.js').serveCommand = async (opts, io) => (await import('../serve.js')).serveCommand(opts, io)

const serveOptions = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  db: z.string().optional(),
  log: z.boolean().optional(),
  workers: z.coerce.number().int().min(1).max(64).optional(),
  create: z.boolean().optional(),
  baseUrl: z.url({ protocol: /^https?$/, error: 'give an http(s) address, as in https://kamerwacht.example.org' }).optional(),
  userHeader: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'give a header name, as in X-Forwarded-User')
    .optional(),
})

/** `kamerwacht serve` */
function registerServe(cli: Command): void {
  cli
    .command('serve')
    .description('serve the web UI and the JSON API (with /openapi.json) on one port')
    .addOption(new Option('--port <n>', 'port to listen on (0: any free port)').env('PORT').default('8080'))
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .addOption(dbOption())
    .option('--log', 'log every request as JSON lines (errors are logged always)')
    .option('--base-url <url>', 'the public address feeds link to (default: the address it listens on)')
    .option('--workers <n>', 'server processes sharing the port: more answer more searches at once (one per core at most)', '1')
    .option('--create', 'make a new, empty store where --db names none (else a store that is not there is refused)')
    .addOption(
      new Option(
        '--user-header <name>',
        "behind a sign-in proxy: the header with the signed-in user's name (X-Forwarded-User); each name has its own follows",
      ).env('KAMERWACHT_USER_HEADER'),
    )
    .addHelpText(
      'after',
      `
Reads are public. Uploads (POST /api/papers) and corrections (POST /api/commitments/ID/correction)
need Authorization: Bearer $KAMERWACHT_TOKEN; without KAMERWACHT_TOKEN the server is read-only.
People sign in (Aanmelden) with their own token from \`kamerwacht user add\`, each with their own follows
and alerts; behind an organisation's sign-in proxy, --user-header takes the name the proxy sends instead
(the proxy must drop that header from what clients send).

Examples:
  kamerwacht serve                                   http://127.0.0.1:8080/
  kamerwacht serve --db team.db --create             a new, empty store, filled by uploads
  KAMERWACHT_TOKEN=$(openssl rand -hex 16) kamerwacht serve --port 9000
  kamerwacht serve --host 0.0.0.0 --workers 4        a team's server on 4 cores
  kamerwacht serve --user-header X-Forwarded-User    behind the organisation's sign-in proxy
  curl 'http://127.0.0.1:8080/api/search?q=kernwapens'
  curl -H "Authorization: Bearer secret" --data-binary @kst-33783-50.xml 'http://127.0.0.1:9000/api/papers?name=kst-33783-50.xml'`,
    )
    .action(async (raw: unknown) => {
      const o = serveOptions.safeParse(raw)
      if (!o.success) return usage('serve', o.error)
      process.exitCode = await serve(o.data, io)
    })
}

/** `kamerwacht start` */
function registerStart(cli: Command): void {
  cli
    .command('start')
    .description('the quick start: read the sample papers bundled in examples/ into the store, then serve the web UI')
    .option('--dir <dir>', 'folder with sample papers', new URL('../../../examples', import.meta.url).pathname)
    .addOption(dbOption())
    .addOption(new Option('--port <n>', 'port to listen on (0: any free port)').env('PORT').default('8080'))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--no-serve', 'only read and store the samples')
    .action(async (raw: { dir: string; db?: string; port: string; host: string; serve: boolean }) => {
      const code = await startCommand(raw.dir, io, raw.db)
      if (!raw.serve) {
        process.exitCode = code
        return
      }
      const o = serveOptions.safeParse({ port: raw.port, host: raw.host, db: raw.db })
      if (!o.success) return usage('start', o.error)
      process.exitCode = await serve(o.data, io)
    })
}

/** Serving the web UI and the API: serve, and start (the quick start). */
export function servingCommands(cli: Command): void {
  registerServe(cli)
  registerStart(cli)
}
