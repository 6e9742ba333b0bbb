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

/** Whether the shared corpus is there (`../shared`, or `$SHARED`). */
export function sharedPresent(): boolean {
  return existsSync(join(resolve(process.env.SHARED ?? join(ROOT, '..', 'shared')), 'corpus'))
}

/**
 * True where tests that need the shared corpus are skipped: it is missing and
 * this is not CI. A fresh clone has no `../shared`; under `CI=true` those
 * tests run and fail loudly instead (`sharedDir` throws).
 */
export const skipWithoutShared: boolean = !sharedPresent() && process.env.CI !== 'true'

/** Whether a test reading these corpus files is skipped here: they are neither in `../shared` nor carried in `examples/`. */
export function needsShared(...given: string[]): boolean {
  if (!skipWithoutShared) return false
  const parts = given.flatMap((p) => p.split('/'))
  return !(parts[0] === 'dev' && parts.length === 2 && existsSync(join(ROOT, 'examples', parts[1] as string)))
}

/**
 * A file of the shared corpus: `corpusFile('dev', '33783-50.txt')`. The dev
 * letters the project carries in `examples/` (byte for byte the same files)
 * are taken from there, so the tests that use only those run without `../shared`.
 */
export function corpusFile(...given: string[]): string {
  const parts = given.flatMap((p) => p.split('/'))
  const [corpus, name] = parts
  if (corpus === 'dev' && name !== undefined && parts.length === 2) {
    const carried = join(ROOT, 'examples', name)
    if (existsSync(carried)) return carried
  }
  return join(sharedDir(), 'corpus', ...parts)
}
