import { type Command, Option } from 'commander'
import { z } from 'zod'
import { SRU_URL } from '../../sync/ob.js'
import { OB_BASE_URL, TK_BASE_URL, TK_ENTITIES } from '../../sync/tk.js'
import { dbOption, io, usage } from '../options.js'
import { syncObCommand, syncTkCommand } from '../sync-commands.js'

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

/** `kamerwacht sync` */
function registerSync(cli: Command, version: string): void {
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
  kamerwacht sync tk --entity Zaak ZaakActor Agendapunt Besluit Stemming --since 2024-01-01
                                                   moties and how they were voted, from 2024 on
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
        'the Tweede Kamer open data (OData v4), changed since the last sync: dossiers, fracties, members and committees, activities and agendas, Zaken (moties) with their indieners, Besluiten and votes, Documents (with their text) and Toezeggingen',
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
      process.exitCode = await syncTkCommand(o.data, version, io)
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
    process.exitCode = await syncObCommand(o.data, version, io)
  })
}

/** `kamerwacht sync tk|ob`: the official open data. */
export function syncCommands(cli: Command, version: string): void {
  registerSync(cli, version)
}
