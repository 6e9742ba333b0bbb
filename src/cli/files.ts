import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Expands CLI paths into files: a folder stands for every file under it
 * (recursively, skipping hidden entries), sorted so runs are repeatable.
 * A path that does not exist is returned as a failure, not thrown.
 */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = []
  const missing: string[] = []
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))
    for (const e of entries) {
      if (e.name.startsWith('.')) continue
      const p = join(dir, e.name)
      if (e.isDirectory()) await walk(p)
      else if (e.isFile()) files.push(p)
    }
  }
  for (const p of paths) {
    const s = await stat(p).catch(() => null)
    if (!s) missing.push(p)
    else if (s.isDirectory()) await walk(p)
    else files.push(p)
  }
  return { files, missing }
}
