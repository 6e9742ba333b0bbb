import { readFileSync } from 'node:fs'
import { Command, CommanderError } from 'commander'
import { isQueryDate } from '../search/query.js'
import { followCommands } from './commands/follow.js'
import { paperCommands } from './commands/papers.js'
import { servingCommands } from './commands/serving.js'
import { syncCommands } from './commands/sync.js'
import { trackingCommands } from './commands/tracking.js'
import { USAGE } from './options.js'

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

// A reader that stops early (`kamerwacht export | head`) is no error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw e
})

/** The command line: each group of commands in its own module under commands/. */
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
  kamerwacht ingest examples                       read papers into the store (./data/kamerwacht.db)
  kamerwacht search kernwapens                     search them in Dutch
  kamerwacht show kst-21501-02-1581                a stored paper with what was extracted
  kamerwacht export --format csv --what commitments
  kamerwacht dossier 33783                         a dossier's papers, counts and citations
  kamerwacht timeline 33783                        papers, events and promises in date order
  kamerwacht commitments --status overdue          promises whose deadline passed
  kamerwacht feed dossier 33783 --ics > 33783.ics  a calendar of a dossier's dates
  kamerwacht serve                                 the web UI and JSON API on http://127.0.0.1:8080/
  kamerwacht start                                 read the bundled sample papers and serve them`,
    )

  paperCommands(cli)
  trackingCommands(cli)
  servingCommands(cli)
  followCommands(cli)
  syncCommands(cli, pkg.version)
  return cli
}

// `KAMERWACHT_TODAY` sets the day statuses are computed for; a value that is no day is a usage error, not today.
const fixedDay = process.env.KAMERWACHT_TODAY
if (fixedDay !== undefined && fixedDay !== '' && !(/^\d{4}-\d{2}-\d{2}$/.test(fixedDay) && isQueryDate(fixedDay))) {
  process.stderr.write(`kamerwacht: KAMERWACHT_TODAY=${fixedDay} is not a day: write KAMERWACHT_TODAY=2022-09-01, or unset it\n`)
  process.exit(USAGE)
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
