import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { ingest } from '../ingest/index.js'
import { createContext, readDocument } from '../pipeline.js'
import { expandPaths } from './files.js'
import { count, failureReason, type Io } from './read.js'
import { openStore } from './store-commands.js'

/**
 * The reading half of `npm start`: reads every sample paper in `examples/`,
 * prints one line per paper and a count, and stores them in the embedded
 * store; `kamerwacht start` then serves them.
 */
export async function startCommand(dir: string, io: Io, db?: string): Promise<number> {
  const { files } = await expandPaths([dir])
  const ctx = { ...(await createContext()), nameHints: true }
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
  const store = await openStore(db, { create: true })
  try {
    const summary = await ingest(store, files)
    io.stdout(`Stored in ${store.location}: ${count(await store.count(), 'paper')}, from ${count(summary.files, 'file')}${filesSaid(summary)}.\n`)
  } finally {
    await store.close()
  }
  io.stdout(
    '\nAlso on the command line:\n  npx kamerwacht search kernwapens          search the stored papers\n  npx kamerwacht commitments                promises and their status\n  npx kamerwacht --help                     every command\n\n',
  )
  return failed ? 1 : 0
}

/**
 * What the files of an ingest came to, in words that add up to the files: `11 new papers` + `3 replaced a stored
 * paper` + `17 added nothing new`. A paper's forms (XML, web page, PDF, its text) meet under one key, so on a first
 * start most files are another form of a paper already stored (`11 papers (11 new, 3 updated, 17 unchanged)` said
 * nothing of that).
 */
export function filesSaid(s: { new: number; updated: number; unchanged: number; failed: unknown[] }): string {
  const parts = [
    s.new ? `${count(s.new, 'new paper')}` : '',
    s.updated ? `${s.updated} replaced a stored paper with a better form or a newer reading of it` : '',
    s.unchanged ? `${s.unchanged} added nothing new (read before, or a lesser form of a stored paper)` : '',
    s.failed.length ? `${s.failed.length} failed` : '',
  ].filter(Boolean)
  return parts.length ? `: ${parts.join('; ')}` : ''
}
