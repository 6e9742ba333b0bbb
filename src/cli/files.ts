import { readdirSync, statSync } from 'node:fs'
import { join, sep } from 'node:path'
import picomatch from 'picomatch'

/** A path with a wildcard the shell left unexpanded (`papers/**\/*.xml`, `kst-{33783,36410}-*.xml`), that names no file itself. */
const isGlob = (p: string) => /[*?[{]/.test(p) && !statSync(p, { throwIfNoEntry: false })

/** One folder's entries, sorted, as names and kinds only: no Dirent outlives the listing. */
function listFolder(dir: string): Array<{ path: string; folder: boolean }> {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || e.isFile()))
    .map((e) => ({ name: e.name, folder: e.isDirectory() }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((e) => ({ path: join(dir, e.name), folder: e.folder }))
}

/** Every file under a folder, depth first in name order, one folder listed at a time. */
function* walk(dir: string): Generator<string> {
  for (const e of listFolder(dir)) {
    if (e.folder) yield* walk(e.path)
    else yield e.path
  }
}

/** The inputs CLI paths name, as a lazy sequence: see {@link listInputs}. */
export interface Inputs {
  /** How many files there are (a counting walk, which keeps no paths). */
  total: number
  /** Paths that name nothing: no such file, folder or matching glob. */
  missing: string[]
  /** The files, walked again lazily in the same order: a long ingest never holds every path at once. */
  files: () => Generator<string>
}

/** The files of one CLI path: itself, every file under a folder, or a glob's matches. */
function* filesOf(p: string): Generator<string> {
  if (isGlob(p)) {
    // A glob the shell did not expand: walk from the folder before its first wildcard.
    const base = p.slice(0, p.search(/[*?[{]/)).replace(/[^/]*$/, '') || '.'
    // The glob syntax is picomatch's (`**`, `*`, `?`, `[abc]`, `{xml,txt}`), as in tinyglobby, which is built on it.
    // The walk stays ours: tinyglobby returns every match at once, and an ingest of a million files should
    // not hold every path (see `Inputs.files`).
    const matches = picomatch(p.startsWith('./') ? p.slice(2) : p, { dot: false })
    if (!statSync(base, { throwIfNoEntry: false })) return
    for (const f of walk(base)) if (matches((base === '.' ? f.replace(/^\.\//, '') : f).split(sep).join('/'))) yield f
    return
  }
  const s = statSync(p, { throwIfNoEntry: false })
  if (s?.isDirectory()) yield* walk(p)
  else if (s) yield p
}

/**
 * Expands CLI paths lazily: a folder stands for every file under it
 * (recursively, skipping hidden entries), a glob (`papers/**\/*.xml`) for the
 * files it matches; in name order, so runs are repeatable. The paths are
 * counted first (for progress and ETA) and walked again as they are used.
 */
export function listInputs(paths: string[]): Inputs {
  let total = 0
  const missing: string[] = []
  for (const p of paths) {
    let n = 0
    for (const _ of filesOf(p)) n++
    if (n === 0 && (isGlob(p) || !statSync(p, { throwIfNoEntry: false }))) missing.push(p)
    total += n
  }
  const present = paths.filter((p) => !missing.includes(p))
  return {
    total,
    missing,
    files: function* () {
      for (const p of present) yield* filesOf(p)
    },
  }
}

/**
 * Expands CLI paths into a list of files (see {@link listInputs}); for
 * commands that read a handful of files. A path that does not exist is
 * returned as a failure, not thrown.
 */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const inputs = listInputs(paths)
  return { files: [...inputs.files()], missing: inputs.missing }
}
