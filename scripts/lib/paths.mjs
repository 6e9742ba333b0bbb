// Where the scripts find the project and the shared corpus (`../shared` beside the clone, or $SHARED).
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project's root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The shared corpus and scorer: $SHARED, or `shared/` beside the clone. */
export const shared = resolve(process.env.SHARED ?? join(root, '..', 'shared'))

/**
 * A corpus folder a script needs (`chains`, holding `CHAINS.json`): its path, or the script ends (exit 2) saying
 * where it looked and how to give it one.
 */
export function corpusFolder(script, name, needs) {
  const dir = join(shared, 'corpus', name)
  if (!existsSync(join(dir, needs))) {
    console.error(`${script}: ${dir}/${needs} not found; put shared/ beside the clone or set SHARED`)
    process.exit(2)
  }
  return dir
}
