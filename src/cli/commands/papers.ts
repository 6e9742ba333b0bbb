import { type Command, Option } from 'commander'
import { z } from 'zod'
import { searchInput } from '../../app/search.js'
import { DEFAULT_LIMITS } from '../../read/index.js'
import { dbOption, io, outputFlags, USAGE, usage } from '../options.js'
import { readCommand } from '../read.js'
import { exportCommand, ingestCommand, reindexCommand, searchCommand, showCommand } from '../store-commands.js'

/** The search input's fields as the search command's flags name them. */
const SEARCH_FLAGS: Record<string, string> = { sender: 'afzender', from: 'van', to: 'tot' }

// Validated at the edge: the rest of the code trusts these shapes.
// Validated at the edge: the rest of the code trusts these shapes.
const ReadOptions = z.object({
  out: z.string().min(1).optional(),
  json: z.boolean().optional(),
  quiet: z.boolean().optional(),
  explain: z.boolean().optional(),
  pdf: z.enum(['poppler', 'js']).optional(),
  maxMb: z.coerce.number().positive().max(2048).optional(),
})

/** `kamerwacht read` */
function registerRead(cli: Command): void {
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
}

/** `kamerwacht ingest` */
function registerIngest(cli: Command): void {
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
}

/** `kamerwacht search` */
function registerSearch(cli: Command): void {
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

Nothing found? The store's own words are offered instead, each with what it finds:
  kamerwacht search kernwapnes   →  did you mean: kamerwacht search kernwapens  (1 paper)
  kamerwacht search ontwapen     →  did you mean: kamerwacht search 'ontwapen*'  (1 paper, words that start so)

Examples:
  kamerwacht search kernwapens
  kamerwacht search '"nucleaire ontwapening" type:brief' --sort date --json`,
    )
    .action(async (words: string[], raw: unknown) => {
      // `-Iran` is a word to exclude; `--bogus` is a mistyped option, not a word.
      const unknown = words.find((w) => w.startsWith('--'))
      if (unknown) {
        process.stderr.write(`kamerwacht search: unknown option ${unknown} (a word to exclude has one dash: -Iran)\n`)
        process.exitCode = USAGE
        return
      }
      // The one search input of the API and the web UI; the Dutch flags name its fields.
      const { output, rest } = outputFlags(raw)
      const { afzender, van, tot, ...others } = rest
      const input = searchInput('en').safeParse({ ...others, q: words.join(' '), sender: afzender, from: van, to: tot })
      if (!input.success) return usage('search', input.error, SEARCH_FLAGS)
      process.exitCode = await searchCommand(input.data, output, io)
    })
}

/** `kamerwacht show` */
function registerShow(cli: Command): void {
  cli
    .command('show')
    .description('print a stored paper: clean text with references, dates and commitments marked')
    .argument('<id>', 'a paper id (kst-33783-50) or key')
    .addOption(dbOption())
    .option('--json', 'print the Document')
    .action(async (id: string, raw: { db?: string; json?: boolean }) => {
      process.exitCode = await showCommand(id, raw, io)
    })
}

// An http(s) address, as `serve --base-url` takes it; its trailing slashes go (links add `/papers/…`).
const exportBase = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'give an http(s) address, as in https://kamerwacht.example.org' })
    .optional()
    .transform((u) => u?.replace(/\/+$/, '')),
})

/** `kamerwacht export` */
function registerExport(cli: Command): void {
  cli
    .command('export')
    .description('stream everything in the store out, as JSON lines or CSV')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
    .addOption(new Option('--what <what>', 'what to export').choices(['documents', 'commitments', 'references', 'dates']).default('documents'))
    .option('--base-url <url>', "the kamerwacht server a commitment's link points to (default: a path, /papers/…); the official link is always absolute")
    .addHelpText(
      'after',
      '\nExamples:\n  kamerwacht export --format csv --what commitments > toezeggingen.csv\n  kamerwacht export --what commitments --base-url https://kamerwacht.example.org\n  kamerwacht export | jq .id',
    )
    .action(async (raw: { db?: string; format: 'jsonl' | 'csv'; what: 'documents' | 'commitments' | 'references' | 'dates'; baseUrl?: string }) => {
      const base = exportBase.safeParse({ baseUrl: raw.baseUrl })
      if (!base.success) return usage('export', base.error)
      process.exitCode = await exportCommand({ ...raw, baseUrl: base.data.baseUrl }, io)
    })
}

/** `kamerwacht reindex` */
function registerReindex(cli: Command): void {
  cli
    .command('reindex')
    .description('read every stored source again with this version of the reader')
    .addOption(dbOption())
    .option('-q, --quiet', 'print only errors')
    .action(async (raw: { db?: string; quiet?: boolean }) => {
      process.exitCode = await reindexCommand(raw, io)
    })
}

/** Reading papers into the store, and getting them out: read, ingest, search, show, export, reindex. */
export function paperCommands(cli: Command): void {
  registerRead(cli)
  registerIngest(cli)
  registerSearch(cli)
  registerShow(cli)
  registerExport(cli)
  registerReindex(cli)
}
