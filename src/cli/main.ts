import { readFileSync } from 'node:fs'
import { Command, CommanderError, Option } from 'commander'
import { z } from 'zod'
import { DEFAULT_LIMITS } from '../read/index.js'
import { type Io, readCommand } from './read.js'
import { startCommand } from './start.js'

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

const io: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stderr.isTTY,
}

// Validated at the edge: the rest of the code trusts these shapes.
const ReadOptions = z.object({
  out: z.string().min(1).optional(),
  json: z.boolean().optional(),
  quiet: z.boolean().optional(),
  explain: z.boolean().optional(),
  pdf: z.enum(['poppler', 'js']).optional(),
  maxMb: z.coerce.number().positive().max(2048).optional(),
})

/** Exit code for a usage error (bad flag or argument). */
const USAGE = 2

function program(): Command {
  const cli = new Command()
    .name('kamerwacht')
    .description('Reads Dutch parliamentary papers (Kamerstukken) into structured, searchable data.')
    .version(pkg.version)
    .showHelpAfterError('(run `kamerwacht --help` for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit status: 0 all inputs read, 1 some inputs failed, 2 usage error.

Examples:
  kamerwacht read examples/33783-50.txt            print one paper as Document JSON
  kamerwacht read examples --out out               read a folder, one JSON per file
  kamerwacht read paper.pdf --pdf js               read a PDF without poppler installed
  kamerwacht start                                 read the bundled sample papers`,
    )

  cli
    .command('read')
    .description('read papers (text, PDF, XML, HTML or open-data JSON) into Document JSON; the form is detected from the content')
    .argument('<files...>', 'files or folders to read')
    .option('-o, --out <dir>', 'write <dir>/<file name>.json for each input instead of printing')
    .option('--json', 'print JSON: the Document for one file, one JSON line per file for several')
    .option('-q, --quiet', 'print only errors')
    .option('--explain', 'print each extracted reference, date, commitment, fulfilment, request and entity with its rule and sentence')
    .addOption(new Option('--pdf <engine>', 'PDF text extractor (default: poppler where installed, else js)').choices(['poppler', 'js']))
    .option('--max-mb <n>', `largest text/XML/HTML/JSON input in MB (default ${DEFAULT_LIMITS.maxTextBytes / 1024 / 1024})`)
    .addHelpText(
      'after',
      `
Input forms: Kamerstuk PDF text (*.txt), ministry letterhead PDF text, officielebekendmakingen /
tweedekamer.nl page text or HTML, official XML (<officiele-publicatie>), PDF, and Tweede Kamer
open-data JSON (a Document or Zaak record).

Examples:
  kamerwacht read 33783-50.txt                     Document JSON on stdout
  kamerwacht read --explain 33783-50.txt           what was extracted, with the rule and sentence of each
  kamerwacht read kst-36410-XVI-96.xml --out out   writes out/kst-36410-XVI-96.xml.json
  kamerwacht read papers/ --out out                every file under papers/, failures on stderr`,
    )
    .action(async (files: string[], raw: unknown) => {
      const parsed = ReadOptions.safeParse(raw)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        process.stderr.write(`kamerwacht read: invalid --${String(issue?.path[0] ?? 'option')}: ${issue?.message}\n`)
        process.exitCode = USAGE
        return
      }
      const o = parsed.data
      const limits = o.maxMb ? { ...DEFAULT_LIMITS, maxTextBytes: o.maxMb * 1024 * 1024 } : DEFAULT_LIMITS
      process.exitCode = await readCommand(files, { out: o.out, json: o.json, quiet: o.quiet, explain: o.explain, pdfEngine: o.pdf, limits }, io)
    })

  cli
    .command('start')
    .description('read the sample papers bundled in examples/ and print what was read')
    .option('--dir <dir>', 'folder with sample papers', new URL('../../examples', import.meta.url).pathname)
    .action(async (opts: { dir: string }) => {
      process.exitCode = await startCommand(opts.dir, io)
    })
  return cli
}

try {
  await program().parseAsync(process.argv)
} catch (err) {
  if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? 0 : USAGE
  else {
    process.stderr.write(`kamerwacht: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = 1
  }
}
