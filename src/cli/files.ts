import { readdir, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'

/** `papers/**\/*.xml` → a RegExp on paths: `**` any folders, `*` and `?` within a name. */
function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*'
      i++
      if (glob[i + 1] === '/') i++
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

/**
 * Expands CLI paths into files: a folder stands for every file under it
 * (recursively, skipping hidden entries), a glob (`papers/**\/*.xml`) for the
 * files it matches; sorted so runs are repeatable.
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
    if (/[*?]/.test(p)) {
      // A glob the shell did not expand: walk from the folder before its first wildcard.
      const base = p.slice(0, p.search(/[*?]/)).replace(/[^/]*$/, '') || '.'
      const re = globToRegExp(p.startsWith('./') ? p.slice(2) : p)
      const before = files.length
      if (await stat(base).catch(() => null)) await walk(base)
      const added = files.splice(before).filter((f) => re.test((base === '.' ? f.replace(/^\.\//, '') : f).split(sep).join('/')))
      if (added.length === 0) missing.push(p)
      files.push(...added)
      continue
    }
    const s = await stat(p).catch(() => null)
    if (!s) missing.push(p)
    else if (s.isDirectory()) await walk(p)
    else files.push(p)
  }
  return { files, missing }
}
