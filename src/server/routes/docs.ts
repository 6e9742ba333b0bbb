import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { FastifyInstance } from 'fastify'

/**
 * `/docs`: the API's reference, read from `/openapi.json` by Swagger UI
 * (`swagger-ui-dist`, the project's own build of its assets), served from
 * here: no CDN, nothing fetched from elsewhere (its validator badge, which
 * would call validator.swagger.io, is off). The page's script is a file, as
 * the Content-Security-Policy allows no inline script.
 */
const require = createRequire(import.meta.url)
const DIST = dirname(require.resolve('swagger-ui-dist/package.json'))

// The two assets, read on first use and kept (1.8 MB and 0.2 MB; compressed on the way out).
const ASSETS: Record<string, { file: string; type: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
}
const loaded = new Map<string, Buffer>()

const PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API-documentatie · kamerwacht</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
<link rel="stylesheet" href="/docs/docs.css">
</head>
<body>
<header class="docs-top"><a href="/">kamerwacht</a> · API-documentatie · <a href="/openapi.json">OpenAPI (JSON)</a></header>
<main id="api" aria-label="API-documentatie"></main>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/docs.js"></script>
</body>
</html>
`

const SCRIPT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api', deepLinking: true, validatorUrl: null, defaultModelsExpandDepth: 0 })\n`
const STYLE = `.docs-top { font: 1rem system-ui, sans-serif; padding: .75rem 1.25rem; border-bottom: 1px solid #d0d0d0; }
.docs-top a { color: #154273; }
`

/** `/docs` and its assets. */
export function docsRoutes(app: FastifyInstance): void {
  app.get('/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(PAGE))
  app.get('/docs/docs.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(SCRIPT))
  app.get('/docs/docs.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(STYLE))
  for (const [name, asset] of Object.entries(ASSETS))
    app.get(`/docs/${name}`, async (_req, reply) => {
      let bytes = loaded.get(name)
      if (!bytes) {
        bytes = readFileSync(join(DIST, asset.file))
        loaded.set(name, bytes)
      }
      return reply.type(asset.type).header('cache-control', 'public, max-age=86400').send(bytes)
    })
}
