import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { createContext, readDocument } from '../pipeline.js'
import { expandPaths } from './files.js'
import { failureReason, type Io } from './read.js'

/**
 * `npm start` until the web UI exists: reads every sample paper in
 * `examples/` and prints one line per paper, then a count.
 */
export async function startCommand(dir: string, io: Io): Promise<number> {
  const { files } = await expandPaths([dir])
  const ctx = await createContext()
  let failed = 0
  const forms = new Map<string, number>()
  io.stdout(`kamerwacht: reading ${files.length} sample papers from ${dir}\n\n`)
  for (const file of files) {
    try {
      const doc = await readDocument(await readFile(file), basename(file), ctx)
      forms.set(doc.form, (forms.get(doc.form) ?? 0) + 1)
      const who = doc.sender ?? (doc.signers.length ? doc.signers.join(', ') : '-')
      io.stdout(`  ${basename(file).padEnd(48)} ${(doc.type ?? '?').padEnd(7)} ${(doc.date ?? '?').padEnd(10)}  ${(doc.id ?? '-').padEnd(22)} ${who}\n`)
    } catch (err) {
      failed++
      io.stderr(`  ${basename(file)}: ${failureReason(err)}\n`)
    }
  }
  const byForm = [...forms].map(([f, n]) => `${n} ${f}`).join(', ')
  io.stdout(`\n${files.length - failed} of ${files.length} read (${byForm}).\n`)
  io.stdout('Next: `kamerwacht read <file>` prints a paper as Document JSON; `kamerwacht --help` lists every command.\n')
  return failed ? 1 : 0
}
