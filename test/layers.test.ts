import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../src/test-support/paths.js'

// The layout of docs/design.md ("Layout"), checked: each folder of src/ imports only the folders it may.
// A new import across folders that the table does not allow fails here, naming the file and the import.
const MAY_IMPORT: Record<string, string[]> = {
  model: [],
  read: ['model', 'normalize'],
  normalize: ['model', 'read'],
  structure: ['model', 'normalize'],
  extract: ['model', 'read', 'normalize', 'structure'],
  'pipeline.ts': ['model', 'read', 'normalize', 'structure', 'extract'],
  search: ['model', 'extract'],
  link: ['model', 'normalize', 'extract', 'search'],
  store: ['model', 'read', 'link', 'search'],
  publish: ['link', 'search', 'store'],
  sync: ['model', 'read', 'pipeline.ts', 'store'],
  ingest: ['model', 'read', 'pipeline.ts', 'store', 'sync'],
  app: ['link', 'search', 'store', 'publish'],
  web: ['model', 'link', 'search', 'store', 'publish', 'app'],
  server: ['link', 'store', 'publish', 'ingest', 'pipeline.ts', 'app', 'web'],
  cli: ['model', 'read', 'extract', 'link', 'search', 'store', 'publish', 'sync', 'ingest', 'pipeline.ts', 'app', 'server'],
  bench: ['read'],
  'test-support': ['store'],
}

/** Every import across folders of src/, outside tests: [file, the folder it is in, the folder it imports]. */
function crossings(): Array<[string, string, string]> {
  const src = join(ROOT, 'src')
  const out: Array<[string, string, string]> = []
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name)
      if (e.isDirectory()) walk(path)
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        const from = relative(src, path).split('/')[0] as string
        for (const m of readFileSync(path, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)) {
          const to = relative(src, normalize(join(dirname(path), m[1] as string))).split('/')[0] as string
          if (to !== from) out.push([relative(ROOT, path), from, to.replace(/\.js$/, '.ts')])
        }
      }
    }
  }
  walk(src)
  return out
}

describe('the layout: one direction of flow', () => {
  const all = crossings()

  it('every folder imports only what the table allows', () => {
    expect(all.length).toBeGreaterThan(50)
    const wrong = all.filter(([, from, to]) => !(MAY_IMPORT[from] ?? []).includes(to)).map(([f, , to]) => `${f} → ${to}/`)
    expect(wrong).toEqual([])
  })

  it('nothing below the store imports it, and the store imports nothing above it', () => {
    const below = ['model', 'read', 'normalize', 'structure', 'extract', 'search', 'link', 'pipeline.ts']
    const above = ['publish', 'sync', 'ingest', 'app', 'web', 'server', 'cli']
    expect(all.filter(([, from, to]) => below.includes(from) && (to === 'store' || above.includes(to)))).toEqual([])
    expect(all.filter(([, from, to]) => from === 'store' && above.includes(to))).toEqual([])
  })

  it('only the CLI (which opens the store a flag names) and the test support name a store engine', () => {
    const engines = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('store/'))
      .filter((f) => /from '[^']*store\/(?:sqlite|postgres)\//.test(readFileSync(join(ROOT, 'src', f), 'utf8')))
    expect(engines.sort()).toEqual(['cli/store-commands.ts', 'test-support/postgres.ts'])
  })
})
