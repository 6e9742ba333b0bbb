import { readFileSync } from 'node:fs'
import { Command, CommanderError, Option } from 'commander'
import { z } from 'zod'
import { searchRequest } from '../app/requests.js'
import { DEFAULT_LIMITS } from '../read/index.js'
import { dateField, typeField } from '../search/fields.js'
import { isQueryDate } from '../search/query.js'
import { SRU_URL } from '../sync/ob.js'
import { OB_BASE_URL, TK_BASE_URL, TK_ENTITIES } from '../sync/tk.js'
import { followAddCommand, followListCommand, followNewCommand, followRemoveCommand } from './follow-commands.js'
import { citesCommand, commitmentCommand, commitmentsCommand, compareCommand, dossierCommand, feedCommand, timelineCommand } from './link-commands.js'
import { type Io, readCommand } from './read.js'
import { startCommand } from './start.js'
import { exportCommand, ingestCommand, reindexCommand, searchCommand, showCommand } from './store-commands.js'
import { syncObCommand, syncTkCommand } from './sync-commands.js'

// The server (Fastify, the web UI) is loaded only by the commands that serve: the others start faster and lighter.
const serve: typeof import('./serve.js').serveCommand = async (opts, io) => (await import('./serve.js')).serveCommand(opts, io)

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

// A reader that stops early (`kamerwacht export | head`) is no error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw e
})

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

function usage(command: string, error: z.ZodError): void {
  const issue = error.issues[0]
  // Options arrive camel-cased (`baseUrl`); the user typed `--base-url`.
  const flag = String(issue?.path[0] ?? 'option').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
  process.stderr.write(`kamerwacht ${command}: invalid --${flag}: ${issue?.message}\n`)
  process.exitCode = USAGE
}

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

  cli
    .command('read')
    .description('read papers (text, PDF, DOCX, XML, HTML or open-data JSON) into Document JSON; the form is detected from the content')
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
tweedekamer.nl page text or HTML, official XML (<officiele-publicatie>), PDF, Word (DOCX), and
Tweede Kamer open-data JSON (a Document or Zaak record).

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

  const dbOption = () => new Option('--db <store>', 'a SQLite file or a postgres:// URL (default $KAMERWACHT_DB, $DATABASE_URL, or ./data/kamerwacht.db)')

  cli
    .command('ingest')
    .description('read files, folders (recursively) and globs into the store, on all cores; skips what it has read before')
    .argument('<paths...>', 'files, folders or globs ("papers/**/*.xml")')
    .addOption(dbOption())
    .option('--workers <n>', 'reading threads (default: one per core)')
    .option('--read-timeout <seconds>', 'longest one paper may take to read; a paper over it fails alone', '30')
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'print only errors')
    .addHelpText(
      'after',
      '\nExamples:\n  kamerwacht ingest examples\n  kamerwacht ingest "papers/**/*.xml" --db team.db\n\nInterrupted (Ctrl-C, SIGTERM, a crash), the same command continues where it stopped; no paper is stored twice.\nEach paper is read in a thread of its own with a time and memory limit (256 MB): one that needs more fails alone, with one line.',
    )
    .action(async (paths: string[], raw: unknown) => {
      const o = z
        .object({
          db: z.string().optional(),
          workers: z.coerce.number().int().min(1).max(64).optional(),
          readTimeout: z.coerce.number().positive().max(3600),
          json: z.boolean().optional(),
          quiet: z.boolean().optional(),
        })
        .safeParse(raw)
      if (!o.success) return usage('ingest', o.error)
      process.exitCode = await ingestCommand(paths, o.data, io)
    })

  cli
    .command('search')
    .description('search the store in Dutch: kernwapens finds kernwapen, lidstaat finds lidstaten')
    .argument('<query...>', 'the query; see the syntax below')
    // `kamerwacht search -Iran kernwapens`: a word to exclude is no option (an unknown option is a word of the query).
    .allowUnknownOption()
    .addOption(dbOption())
    .option('--type <type>', 'only this type of paper (brief, motie, …)')
    .option('--dossier <nr>', 'only this dossier (33783, 21501-02)')
    .option('--afzender <role>', 'only papers from this sender (part of the role)')
    .option('--van <date>', 'from this date (2022-01-01)')
    .option('--tot <date>', 'up to this date (2022-12-31)')
    .addOption(new Option('--sort <order>', 'order of results').choices(['relevance', 'date']).default('relevance'))
    .option('--limit <n>', 'results per page', '10')
    .option('--offset <n>', 'skip this many results', '0')
    .option('--json', 'print { total, hits, facets } as JSON')
    .addHelpText(
      'after',
      `
Query syntax:
  kernwapens                 words are stemmed: also finds kernwapen
  "nucleaire ontwapening"    a phrase
  kernwapens OR ontwapening  either word
  kernwapens -Iran           without Iran
  toetsing*                  words that start with toetsing
  type:brief dossier:33783 afzender:"Buitenlandse Zaken" van:2022-01-01 tot:2022-12-31

Examples:
  kamerwacht search kernwapens
  kamerwacht search '"nucleaire ontwapening" type:brief' --sort date --json`,
    )
    .action(async (words: string[], raw: unknown) => {
      const o = z
        .object({
          db: z.string().optional(),
          type: typeField(),
          dossier: z.string().optional(),
          afzender: z.string().optional(),
          van: dateField('2022-01-01'),
          tot: dateField('2022-12-31'),
          sort: z.enum(['relevance', 'date']),
          limit: z.coerce.number().int().min(0).max(100),
          offset: z.coerce.number().int().min(0),
          json: z.boolean().optional(),
        })
        .safeParse(raw)
      if (!o.success) return usage('search', o.error)
      // `-Iran` is a word to exclude; `--bogus` is a mistyped option, not a word.
      const unknown = words.find((w) => w.startsWith('--'))
      if (unknown) {
        process.stderr.write(`kamerwacht search: unknown option ${unknown} (a word to exclude has one dash: -Iran)\n`)
        process.exitCode = USAGE
        return
      }
      const d = o.data
      const { q: _, ...request } = searchRequest({ ...d, q: '', sender: d.afzender, from: d.van, to: d.tot })
      process.exitCode = await searchCommand(words.join(' '), request, { ...(d.db ? { db: d.db } : {}), ...(d.json ? { json: true } : {}) }, io)
    })

  cli
    .command('show')
    .description('print a stored paper: clean text with references, dates and commitments marked')
    .argument('<id>', 'a paper id (kst-33783-50) or key')
    .addOption(dbOption())
    .option('--json', 'print the Document')
    .action(async (id: string, raw: { db?: string; json?: boolean }) => {
      process.exitCode = await showCommand(id, raw, io)
    })

  cli
    .command('export')
    .description('stream everything in the store out, as JSON lines or CSV')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
    .addOption(new Option('--what <what>', 'what to export').choices(['documents', 'commitments', 'references', 'dates']).default('documents'))
    .addHelpText('after', '\nExamples:\n  kamerwacht export --format csv --what commitments > toezeggingen.csv\n  kamerwacht export | jq .id')
    .action(async (raw: { db?: string; format: 'jsonl' | 'csv'; what: 'documents' | 'commitments' | 'references' | 'dates' }) => {
      process.exitCode = await exportCommand(raw, io)
    })

  const json = () => new Option('--json', 'print JSON')

  cli
    .command('cites')
    .description('the citation graph around one paper: what it cites (linked to stored papers) and what cites it')
    .argument('<id>', 'a paper id (kst-33783-48) or key')
    .addOption(dbOption())
    .addOption(json())
    .action(async (id: string, raw: { db?: string; json?: boolean }) => {
      process.exitCode = await citesCommand(id, raw, io)
    })

  cli
    .command('dossier')
    .description('a dossier at a glance: its papers in order, counts, commitments, and citations across its border')
    .argument('<nr>', 'dossier number (33783, 21501-02, 36410-XVI)')
    .addOption(dbOption())
    .addOption(json())
    .action(async (nr: string, raw: { db?: string; json?: boolean }) => {
      process.exitCode = await dossierCommand(nr.replace(/\s+/g, ''), raw, io)
    })

  cli
    .command('timeline')
    .description('papers, the dated events they mention, and promises made, due and kept in a dossier, in date order')
    .argument('<nr>', 'dossier number')
    .addOption(dbOption())
    .addOption(json())
    .addHelpText('after', '\nExample:\n  kamerwacht timeline 33783 --json | jq \'.[] | select(.kind == "due")\'')
    .action(async (nr: string, raw: { db?: string; json?: boolean }) => {
      process.exitCode = await timelineCommand(nr.replace(/\s+/g, ''), raw, io)
    })

  const STATUSES = ['open', 'due-soon', 'overdue', 'fulfilled'] as const
  cli
    .command('commitments')
    .description('promises to the Kamer (toezeggingen) with their status: open, due-soon, overdue or fulfilled, and the evidence')
    .addOption(dbOption())
    .addOption(new Option('--status <status>', 'only this status').choices([...STATUSES]))
    .option('--sender <role>', 'only promises of this sender (part of the role: "Buitenlandse Zaken")')
    .option('--dossier <nr>', 'only promises made in this dossier')
    .addOption(
      new Option('--sort <order>', 'deadline: soonest due first (a work list), kept last; date: newest first')
        .choices(['deadline', 'date'])
        .default('deadline'),
    )
    .option('--limit <n>', 'how many to print', '50')
    .option('--offset <n>', 'skip this many', '0')
    .option('--compare', "set the Kamer's register of promises (Toezegging records, from `kamerwacht sync tk`) beside the promises found in the papers")
    .addOption(json())
    .addHelpText(
      'after',
      `
A promise is fulfilled when the signs that a later paper keeps it weigh 0.7 or more: it cites the
paper (or names its day from the same office), says it keeps a promise, delivers now what was
promised, shares its subject, comes from the same office and dossier in time. Weaker matches are
candidates (\`commitment ID\` shows each sign's part). A later paper that moves the promise keeps it
open with the new deadline. Overdue: its deadline passed unkept; due-soon: within 30 days.
Set KAMERWACHT_TODAY=2022-09-01 to see the state on another day.

Examples:
  kamerwacht commitments --status overdue --sender "Buitenlandse Zaken"
  kamerwacht commitments --dossier 33783 --json
  kamerwacht commitments --compare                 register and papers: in both, only in one`,
    )
    .action(async (raw: unknown) => {
      if ((raw as { compare?: boolean }).compare) {
        const c = z.object({ db: z.string().optional(), json: z.boolean().optional(), status: z.enum(STATUSES).optional() }).safeParse(raw)
        if (!c.success) return usage('commitments', c.error)
        process.exitCode = await compareCommand(c.data, io)
        return
      }
      const o = z
        .object({
          db: z.string().optional(),
          json: z.boolean().optional(),
          status: z.enum(STATUSES).optional(),
          sender: z.string().min(1).optional(),
          dossier: z.string().min(1).optional(),
          sort: z.enum(['deadline', 'date']),
          limit: z.coerce.number().int().min(0).max(10_000),
          offset: z.coerce.number().int().min(0),
        })
        .safeParse(raw)
      if (!o.success) return usage('commitments', o.error)
      process.exitCode = await commitmentsCommand(o.data, io)
    })

  cli
    .command('commitment')
    .description('one promise with its evidence and candidates; or correct it by hand (the correction survives re-ingest)')
    .argument('<id>', 'commitment id, as `kamerwacht commitments` prints it (kst-33783-50~1a2b3c4d)')
    .addOption(dbOption())
    .option('--fulfilled-by <paper>', 'mark it fulfilled by this stored paper')
    .option('--reopen', 'mark it not fulfilled, whatever the automatic links say')
    .option('--not-a-commitment', 'hide it: the sentence is no promise')
    .option('--clear', 'undo the correction: back to automatic matching (also shows a hidden one again)')
    .option('--force', 'record --fulfilled-by even when the paper is older than the promise or from another sender')
    .option('--by <name>', 'who corrects, kept with the correction (default: your login name)')
    .addOption(json())
    .addHelpText(
      'after',
      `
A correction is kept with who made it and when, and survives re-ingest. --fulfilled-by refuses a paper
older than the promise or from another sender unless --force; --clear undoes any correction.

Examples:
  kamerwacht commitment kst-33783-50~1a2b3c4d --fulfilled-by kst-33783-52
  kamerwacht commitment kst-33783-50~1a2b3c4d --clear`,
    )
    .action(
      async (
        id: string,
        raw: { db?: string; json?: boolean; fulfilledBy?: string; reopen?: boolean; notACommitment?: boolean; clear?: boolean; force?: boolean; by?: string },
      ) => {
        process.exitCode = await commitmentCommand(id, raw, io)
      },
    )

  cli
    .command('feed')
    .description('Atom feeds and iCalendar files to follow kamerwacht in a feed reader or a calendar')
    .argument('<kind>', 'search, dossier or commitments')
    .argument('[arg]', 'the query (search), dossier number (dossier) or sender (commitments)')
    .addOption(dbOption())
    .option('--ics', 'an iCalendar file of dated events and deadlines instead of Atom (dossier, commitments)')
    .option('--sender <role>', 'commitments of this sender')
    .option('--dossier <nr>', 'commitments in this dossier')
    .option('--base <url>', 'address of the kamerwacht web UI the entries link to', 'http://127.0.0.1:8080')
    .addHelpText(
      'after',
      `
Examples:
  kamerwacht feed search '"nucleaire ontwapening"' > ontwapening.atom
  kamerwacht feed dossier 33783 > 33783.atom
  kamerwacht feed dossier 33783 --ics > 33783.ics
  kamerwacht feed commitments --sender "Buitenlandse Zaken" --ics > bz-deadlines.ics`,
    )
    .action(async (kind: string, arg: string | undefined, raw: unknown) => {
      const o = z
        .object({
          db: z.string().optional(),
          ics: z.boolean().optional(),
          sender: z.string().min(1).optional(),
          dossier: z.string().min(1).optional(),
          base: z.string().url('write the address as http://host:port'),
        })
        .safeParse(raw)
      if (!o.success) return usage('feed', o.error)
      const k = z.enum(['search', 'dossier', 'commitments']).safeParse(kind)
      if (!k.success) {
        process.stderr.write(`kamerwacht feed: unknown feed ${kind}; write search, dossier or commitments\n`)
        process.exitCode = USAGE
        return
      }
      const d = o.data
      process.exitCode = await feedCommand(
        k.data,
        arg,
        {
          base: d.base,
          ...(d.db ? { db: d.db } : {}),
          ...(d.ics ? { ics: true } : {}),
          ...(d.sender ? { sender: d.sender } : {}),
          ...(d.dossier ? { dossier: d.dossier } : {}),
        },
        io,
      )
    })

  cli
    .command('reindex')
    .description('read every stored source again with this version of the reader')
    .addOption(dbOption())
    .option('-q, --quiet', 'print only errors')
    .action(async (raw: { db?: string; quiet?: boolean }) => {
      process.exitCode = await reindexCommand(raw, io)
    })

  const serveOptions = z.object({
    port: z.coerce.number().int().min(0).max(65535),
    host: z.string().min(1),
    db: z.string().optional(),
    log: z.boolean().optional(),
    workers: z.coerce.number().int().min(1).max(64).optional(),
    baseUrl: z.url({ protocol: /^https?$/, error: 'give an http(s) address, as in https://kamerwacht.example.org' }).optional(),
  })

  cli
    .command('serve')
    .description('serve the web UI and the JSON API (with /openapi.json) on one port')
    .addOption(new Option('--port <n>', 'port to listen on (0: any free port)').env('PORT').default('8080'))
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .addOption(dbOption())
    .option('--log', 'log every request as JSON lines (errors are logged always)')
    .option('--base-url <url>', 'the public address feeds link to (default: the address it listens on)')
    .option('--workers <n>', 'server processes sharing the port: more answer more searches at once (one per core at most)', '1')
    .addHelpText(
      'after',
      `
Reads are public. Uploads (POST /api/papers) and corrections (POST /api/commitments/ID/correction)
need Authorization: Bearer $KAMERWACHT_TOKEN; without KAMERWACHT_TOKEN the server is read-only.

Examples:
  kamerwacht serve                                   http://127.0.0.1:8080/
  KAMERWACHT_TOKEN=secret kamerwacht serve --port 9000
  kamerwacht serve --host 0.0.0.0 --workers 4        a team's server on 4 cores
  curl 'http://127.0.0.1:8080/api/search?q=kernwapens'
  curl -H "Authorization: Bearer secret" --data-binary @kst-33783-50.xml 'http://127.0.0.1:9000/api/papers?name=kst-33783-50.xml'`,
    )
    .action(async (raw: unknown) => {
      const o = serveOptions.safeParse(raw)
      if (!o.success) return usage('serve', o.error)
      process.exitCode = await serve(o.data, io)
    })

  cli
    .command('start')
    .description('the quick start: read the sample papers bundled in examples/ into the store, then serve the web UI')
    .option('--dir <dir>', 'folder with sample papers', new URL('../../examples', import.meta.url).pathname)
    .addOption(dbOption())
    .addOption(new Option('--port <n>', 'port to listen on (0: any free port)').env('PORT').default('8080'))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--no-serve', 'only read and store the samples')
    .action(async (raw: { dir: string; db?: string; port: string; host: string; serve: boolean }) => {
      const code = await startCommand(raw.dir, io, raw.db)
      if (!raw.serve) {
        process.exitCode = code
        return
      }
      const o = serveOptions.safeParse({ port: raw.port, host: raw.host, db: raw.db })
      if (!o.success) return usage('start', o.error)
      process.exitCode = await serve(o.data, io)
    })
  const syncShared = z.object({
    db: z.string().optional(),
    rate: z.coerce.number().positive().max(100),
    timeout: z.coerce.number().positive().max(3600),
    retries: z.coerce.number().int().min(0).max(20),
    contact: z.string().min(3).optional(),
    json: z.boolean().optional(),
    quiet: z.boolean().optional(),
  })
  const url = z
    .string()
    .url()
    .refine((u) => /^https?:/.test(u), 'must be an http(s) URL')
  const follow = cli
    .command('follow')
    .description('follow a search or a dossier: what is new since your last look')
    .addHelpText(
      'after',
      `
A follow is kept in the store: a search in the query language of \`kamerwacht search\`, or a dossier.
\`follow new\` lists the papers stored (or read again) since you last asked, and remembers that you did.

Examples:
  kamerwacht follow add npt dossier:33783
  kamerwacht follow add stikstof 'stikstof type:brief'
  kamerwacht follow list
  kamerwacht follow new npt`,
    )
  follow
    .command('add')
    .description('follow a search (or dossier:NR) under a name; what is stored already is not new')
    .argument('<name>', 'a short name')
    .argument('<query...>', 'the search, or dossier:33783')
    .addOption(dbOption())
    .allowUnknownOption()
    .action(async (name: string, words: string[], raw: { db?: string }) => {
      process.exitCode = await followAddCommand(name, words.join(' '), raw, io)
    })
  follow
    .command('list')
    .description('the follows, with how many papers are new for each')
    .addOption(dbOption())
    .addOption(json())
    .action(async (raw: { db?: string; json?: boolean }) => {
      process.exitCode = await followListCommand(raw, io)
    })
  follow
    .command('new')
    .description('the papers new since the last look, newest first; then marks them seen')
    .argument('<name>', 'the follow')
    .addOption(dbOption())
    .option('--peek', 'list them without marking them seen')
    .addOption(json())
    .action(async (name: string, raw: { db?: string; json?: boolean; peek?: boolean }) => {
      process.exitCode = await followNewCommand(name, raw, io)
    })
  follow
    .command('remove')
    .description('stop following')
    .argument('<name>', 'the follow')
    .addOption(dbOption())
    .action(async (name: string, raw: { db?: string }) => {
      process.exitCode = await followRemoveCommand(name, raw, io)
    })

  const sync = cli
    .command('sync')
    .description('keep the store current from the official open data: the Tweede Kamer (tk) and officielebekendmakingen (ob)')
    .addHelpText(
      'after',
      `
A sync asks only for what changed since the last one, stores each page as it comes with where
it stopped, and goes on from there when run again after an interruption. It is polite: it
says who it is (--contact adds an address to its User-Agent), keeps to --rate requests a
second, and backs off on 429, 5xx and time-outs.

Examples:
  kamerwacht sync tk --contact you@example.org     the Tweede Kamer open data, incrementally
  kamerwacht sync tk --entity Document Toezegging  only papers and the register of promises
  kamerwacht sync ob --dossier 33783               one dossier's papers from officielebekendmakingen`,
    )
  const politeness = (c: Command) =>
    c
      .addOption(dbOption())
      .option('--rate <n>', 'requests per second at most', '4')
      .option('--timeout <s>', 'seconds one request may take', '60')
      .option('--retries <n>', 'tries after the first, with exponential back-off and jitter', '6')
      .option('--contact <email>', 'how the source can reach you, sent in the User-Agent (default $KAMERWACHT_CONTACT)')
      .option('--json', 'print the summary as JSON')
      .option('-q, --quiet', 'print only errors')
  politeness(
    sync
      .command('tk')
      .description(
        'the Tweede Kamer open data (OData v4): Kamerstukdossier, Persoon, Activiteit, Zaak, Document (with its text) and Toezegging, changed since the last sync',
      )
      .option('--base-url <url>', 'the OData root, or a mirror (an origin alone gets /OData/v4/2.0)', TK_BASE_URL)
      .option('--ob-url <url>', 'officielebekendmakingen, for the XML of Kamerstukken', OB_BASE_URL)
      .addOption(new Option('--entity <names...>', 'only these entities').choices([...TK_ENTITIES]))
      .option('--page-size <n>', 'records per page ($top; the API sends at most 250)', '250')
      .option('--since <date>', 'first sync only: records changed from this day on (2024-01-01), not everything since 2008'),
  )
    .addHelpText(
      'after',
      `
Each Document brings its paper: the official XML for a Kamerstuk, else the file (PDF) from the
API, read like any input and joined with the record (its Id and DocumentNummer are kept, so
\`kamerwacht show 2023D03544\` works). A file that cannot be fetched now is stored as metadata,
marked as missing its text, and fetched again by the next sync; the exit status is then 1.
Records marked Verwijderd remove what they describe.`,
    )
    .action(async (raw: unknown) => {
      const o = syncShared
        .extend({
          baseUrl: url,
          obUrl: url,
          entity: z.array(z.enum(TK_ENTITIES)).optional(),
          pageSize: z.coerce.number().int().min(1).max(250),
          since: z.iso.date('a day as YYYY-MM-DD').optional(),
        })
        .safeParse(raw)
      if (!o.success) return usage('sync tk', o.error)
      process.exitCode = await syncTkCommand(o.data, pkg.version, io)
    })
  politeness(
    sync
      .command('ob')
      .description("one dossier's papers from officielebekendmakingen: its SRU search, then the XML of each new or changed paper")
      .requiredOption('--dossier <nr>', 'the dossier: 33783, 21501-02, 36410-XVI')
      .option('--sru-url <url>', 'the SRU endpoint, or a mirror', SRU_URL)
      .option('--ob-url <url>', 'where kst-….xml is when a search record names no XML', OB_BASE_URL),
  ).action(async (raw: unknown) => {
    const o = syncShared
      .extend({ dossier: z.string().regex(/^[0-9A-Z]+(?:-[0-9A-Z]+)*$/i, 'a dossier number such as 33783 or 36410-XVI'), sruUrl: url, obUrl: url })
      .safeParse(raw)
    if (!o.success) return usage('sync ob', o.error)
    process.exitCode = await syncObCommand(o.data, pkg.version, io)
  })
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
