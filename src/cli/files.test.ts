import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listInputs } from './files.js'

describe('listInputs: files, folders and globs the shell left alone', () => {
  const root = mkdtempSync(join(tmpdir(), 'kw-files-'))
  for (const f of ['a/kst-33783-50.xml', 'a/b/kst-33783-51.xml', 'a/b/notes.txt', 'a/.hidden/kst-1-1.xml', 'c/kst-36410-XVI-96.xml', 'c/x[1].txt']) {
    mkdirSync(join(root, f, '..'), { recursive: true })
    writeFileSync(join(root, f), 'x')
  }
  const files = (...paths: string[]) => {
    const inputs = listInputs(paths.map((p) => join(root, p)))
    return { total: inputs.total, files: [...inputs.files()].map((f) => relative(root, f)), missing: inputs.missing.map((m) => relative(root, m)) }
  }

  it.each([
    ['a folder, recursively, hidden entries skipped', ['a'], ['a/b/kst-33783-51.xml', 'a/b/notes.txt', 'a/kst-33783-50.xml']],
    ['`**` across folders', ['**/*.xml'], ['a/b/kst-33783-51.xml', 'a/kst-33783-50.xml', 'c/kst-36410-XVI-96.xml']],
    ['`*` within one name', ['a/*.xml'], ['a/kst-33783-50.xml']],
    ['`?` for one character', ['a/kst-33783-5?.xml'], ['a/kst-33783-50.xml']],
    ['braces', ['**/kst-{33783,36410}-*.xml'], ['a/b/kst-33783-51.xml', 'a/kst-33783-50.xml', 'c/kst-36410-XVI-96.xml']],
    ['a class', ['a/**/kst-33783-5[1-9].xml'], ['a/b/kst-33783-51.xml']],
    ['a file whose name holds glob characters is that file', ['c/x[1].txt'], ['c/x[1].txt']],
  ])('%s', (_what, paths, expected) => {
    const r = files(...paths)
    expect(r.files).toEqual(expected)
    expect(r.total).toBe(expected.length)
    expect(r.missing).toEqual([])
  })

  it('says which paths name nothing', () => {
    expect(files('nope.xml', '**/*.pdf', 'a').missing).toEqual(['nope.xml', '**/*.pdf'])
  })
})
