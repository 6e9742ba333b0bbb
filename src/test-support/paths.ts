import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * The shared corpus beside the clone (`../shared`, or `$SHARED`). Tests that
 * read it fail loudly when it is missing: no suite is skipped silently.
 */
export function sharedDir(): string {
  const dir = resolve(process.env.SHARED ?? join(ROOT, '..', 'shared'))
  if (!existsSync(join(dir, 'corpus'))) throw new Error(`shared corpus not found at ${dir}; put shared/ beside the clone or set SHARED`)
  return dir
}

/** A file of the shared corpus: `corpusFile('dev', '33783-50.txt')`. */
export const corpusFile = (...parts: string[]) => join(sharedDir(), 'corpus', ...parts)
