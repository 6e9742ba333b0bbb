import { type Command, Option } from 'commander'
import { z } from 'zod'
import { agendaInput } from '../../app/agenda.js'
import { boardInput } from '../../app/board.js'
import { personInput } from '../../app/kamer-people.js'
import { motieBoardInput } from '../../app/motie-board.js'
import { questionsInput } from '../../app/questions.js'
import { registerInput } from '../../app/register.js'
import { MOTIE_STATUSES } from '../../link/moties.js'
import { COMMITMENT_STATUSES } from '../../link/status.js'
import { citesCommand, commitmentCommand, commitmentsCommand, compareCommand, dossierCommand, feedCommand, timelineCommand } from '../link-commands.js'
import { agendaCommand, motieCommand, motiesCommand, personCommand, questionsCommand } from '../motie-commands.js'
import { dbOption, io, json, outputFlags, USAGE, usage } from '../options.js'

/**
 * A command that looks one thing up (a paper, a dossier) and prints it, or its JSON: `kamerwacht cites`,
 * `dossier`, `timeline`.
 */
function lookupCommand(
  cli: Command,
  name: string,
  description: string,
  argument: [string, string],
  run: (arg: string, opts: { db?: string; json?: boolean }) => Promise<number>,
  example?: string,
): void {
  const c = cli
    .command(name)
    .description(description)
    .argument(...argument)
    .addOption(dbOption())
    .addOption(json())
  if (example) c.addHelpText('after', `\nExample:\n  ${example}`)
  c.action(async (arg: string, raw: { db?: string; json?: boolean }) => {
    process.exitCode = await run(arg, raw)
  })
}

/** `kamerwacht cites`, `dossier`, `timeline`, `motie` (a dossier number as people write it: app/ takes out the spaces). */
function registerLookups(cli: Command): void {
  lookupCommand(
    cli,
    'cites',
    'the citation graph around one paper: what it cites (linked to stored papers) and what cites it',
    ['<id>', 'a paper id (kst-33783-48) or key'],
    (id, o) => citesCommand(id, o, io),
  )
  lookupCommand(
    cli,
    'dossier',
    'a dossier at a glance: its papers in order, counts, commitments, and citations across its border',
    ['<nr>', 'dossier number (33783, 21501-02, 36410-XVI)'],
    (nr, o) => dossierCommand(nr, o, io),
  )
  lookupCommand(
    cli,
    'timeline',
    'papers, the dated events they mention, and promises made, due and kept in a dossier, in date order',
    ['<nr>', 'dossier number'],
    (nr, o) => timelineCommand(nr, o, io),
    'kamerwacht timeline 33783 --json | jq \'.[] | select(.kind == "due")\'',
  )
  lookupCommand(
    cli,
    'motie',
    'what became of a motie: who submitted it, the appreciation, the vote per fractie, and the government letters that carry it out, in part, decline it or respond to it',
    ['<id>', 'the motie (kst-36583-14) or its Zaak number (2024Z00425)'],
    (id, o) => motieCommand(id, o, io),
    'kamerwacht motie kst-36583-14',
  )
}

/** `kamerwacht commitments` */
function registerCommitments(cli: Command): void {
  cli
    .command('commitments')
    .description('promises to the Kamer (toezeggingen) with their status: open, due-soon, overdue or fulfilled, and the evidence')
    .addOption(dbOption())
    .addOption(new Option('--status <status>', 'only this status').choices([...COMMITMENT_STATUSES]))
    .option('--sender <role>', 'only promises of this sender (part of the role: "Buitenlandse Zaken")')
    .option('--dossier <nr>', 'only promises made in this dossier')
    .option('--q <words>', 'only promises with these words, each as the start of a word ("kernwap toetsing")')
    .addOption(
      new Option('--sort <order>', 'deadline: soonest due first (a work list), kept last; date: newest first')
        .choices(['deadline', 'date'])
        .default('deadline'),
    )
    .option('--limit <n>', 'how many to print', '50')
    .option('--offset <n>', 'skip this many', '0')
    .option('--compare', "set the Kamer's register of promises (Toezegging records, from `kamerwacht sync tk`) beside the promises found in the papers")
    .option('--door <name>', 'with --compare: only promises made by this member of government (Hoekstra, staatssecretaris)')
    .option('--commissie <name>', 'with --compare: only promises made in a debate this committee led (VWS, Volksgezondheid)')
    .option('--fractie <name>', 'with --compare: only promises made to this fractie or a member of it (SP)')
    .option('--lid <name>', 'with --compare: only promises made to this member (Westerveld)')
    .option('--voor <day>', 'with --compare: only promises due on or before this day, month or year (2025-06-30, 2025)')
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
  kamerwacht commitments --q kernwapens            promises that speak of kernwapens
  kamerwacht commitments --compare                 register and papers: in both, only in one
  kamerwacht commitments --compare --status open --sender "Buitenlandse Zaken"   one ministry's open promises
  kamerwacht commitments --compare --commissie VWS --fractie SP   made in VWS's debates to the SP`,
    )
    .action(async (raw: unknown) => {
      if ((raw as { compare?: boolean }).compare) {
        // The register's one input (app/register.ts), as the API and the page take it; `--sender` is its ministry.
        const { sender, ...rest } = raw as { sender?: string }
        const c = registerInput('en')
          .extend({ db: z.string().optional(), json: z.boolean().optional() })
          .safeParse({ ...rest, ministerie: sender })
        if (!c.success) return usage('commitments', c.error)
        process.exitCode = await compareCommand(c.data, io)
        return
      }
      // The one board input of the API and the web board.
      const { output, rest } = outputFlags(raw)
      const input = boardInput('en').safeParse(rest)
      if (!input.success) return usage('commitments', input.error)
      process.exitCode = await commitmentsCommand(input.data, output, io)
    })
}

/** `kamerwacht moties` */
function registerMoties(cli: Command): void {
  cli
    .command('moties')
    .description(
      'the moties board: adopted moties with who submitted them and where they stand (open, in-behandeling, deels, niet-uitgevoerd, uitgevoerd), oldest open first',
    )
    .addOption(dbOption())
    .option('--q <words>', 'only moties with these words (search language: words, "phrases", prefix*)')
    .option('--dossier <nr>', 'only moties of this dossier')
    .option('--from <date>', 'submitted from this date (2024-01-01, 2024-03, 2024)')
    .option('--to <date>', 'submitted up to this date')
    .addOption(new Option('--result <result>', 'adopted (the default), rejected, or all').choices(['aangenomen', 'verworpen', 'alle']).default('aangenomen'))
    .addOption(new Option('--status <status>', 'only moties that stand so').choices([...MOTIE_STATUSES]))
    .option('--fractie <name>', 'only moties with an indiener of this fractie (VVD, GroenLinks-PvdA)')
    .option('--indiener <name>', 'only moties with an indiener of this name (part of it)')
    .option('--commissie <name>', 'only moties given to this committee (J&V, or part of its name)')
    .option('--ministerie <name>', 'only moties for this ministry: the sender of a letter that answered it, else its committee (Justitie)')
    .option('--limit <n>', 'how many to print', '50')
    .option('--offset <n>', 'skip this many', '0')
    .addOption(json())
    .addHelpText(
      'after',
      `
A motie is uitgevoerd when a later government letter says it carries it out (\`Uitvoering van de motie
…\`), deels when one carries out part, niet-uitgevoerd when one declines it, in-behandeling when one
reacts to it without carrying it out, and open when no stored letter answers it. Letters are found by
the motie's number, or by its movers and the words of what it asks. The result and the votes come
from the Kamer's open data (\`kamerwacht sync tk\`, or ingested Stemming pages).

Examples:
  kamerwacht moties --status open --from 2024                adopted in 2024 and not answered yet
  kamerwacht moties --q woningbouw --result alle --json      every motie on housing, with its vote
  kamerwacht moties --fractie SP                             adopted moties an SP member submitted
  kamerwacht moties --ministerie Justitie --status open      adopted moties for Justitie en Veiligheid not answered yet`,
    )
    .action(async (raw: unknown) => {
      const { output, rest } = outputFlags(raw)
      const input = motieBoardInput('en').safeParse(rest)
      if (!input.success) return usage('moties', input.error)
      process.exitCode = await motiesCommand(input.data, output, io)
    })
}

/** `kamerwacht agenda` */
function registerAgenda(cli: Command): void {
  cli
    .command('agenda')
    .description("the Kamer's meetings (commissiedebatten, plenaire debatten, procedurevergaderingen …) with their agenda items, first first")
    .addOption(dbOption())
    .option('--from <date>', 'from this day (default: today)')
    .option('--to <date>', 'up to this day (default: eight weeks after --from)')
    .option('--commissie <abbreviation>', 'only the meetings of this committee (VWS, BuZa, J&V)')
    .option('--dossier <nr>', 'only the meetings whose subject names this dossier')
    .option('--q <words>', 'only the meetings whose subject, note or agenda items hold these words (each the start of a word)')
    .addOption(json())
    .addHelpText(
      'after',
      `
The meetings are the Activiteit records of the Kamer's open data, their items the Agendapunt records
(\`kamerwacht sync tk --entity Activiteit Agendapunt\`, or ingested pages of them). The web UI has the
same agenda at /agenda, and as a calendar at /agenda.ics (per committee: /agenda.ics?commissie=VWS; on a
subject: /agenda.ics?q=stikstof; a follow's page links the calendar of its words).

Examples:
  kamerwacht agenda                                   the next eight weeks
  kamerwacht agenda --commissie VWS --from 2025-01-01 --to 2025-03-31
  kamerwacht agenda --dossier 35646 --from 2024 --json
  kamerwacht agenda --q stikstof --from 2024-01-01`,
    )
    .action(async (raw: unknown) => {
      const { output, rest } = outputFlags(raw)
      const input = agendaInput('en').safeParse(rest)
      if (!input.success) return usage('agenda', input.error)
      process.exitCode = await agendaCommand(input.data, output, io)
    })
}

/** `kamerwacht vragen` */
function registerQuestions(cli: Command): void {
  cli
    .command('vragen')
    .description('written questions: answers with the days they took, and each set of questions from asked through postponed to answered')
    .addOption(dbOption())
    .option('--late', 'only those that took (or have taken) more than three weeks')
    .option('--open', 'only questions the open data shows no answer to')
    .option('--to <office>', 'only questions put to this office or ministry (Defensie)')
    .option('--limit <n>', 'how many of each to print', '50')
    .addOption(json())
    .addHelpText(
      'after',
      `
Answers are read from their papers' heads (\`Vragen van het lid … (ingezonden …)\`, \`Antwoord van … (ontvangen …)\`).
The course of each set comes from the Kamer's Document records (Schriftelijke vragen, Mededeling (uitstel
antwoord), Antwoord schriftelijke vragen; \`kamerwacht sync tk\` or ingested pages of them), joined by their
subject. The Kamer's rules give three weeks; a later answer is announced by a postponement notice.
Whom a set was put to is read from a stored paper of it (the records name no addressee); the
unanswered ones are counted per ministry at the end (\`openByMinistry\` in --json).
The web UI has the same at /vragen.

Examples:
  kamerwacht vragen --late
  kamerwacht vragen --open --to Defensie     Defensie's unanswered questions
  kamerwacht vragen --open --json`,
    )
    .action(async (raw: unknown) => {
      const input = questionsInput('en').extend({ db: z.string().optional(), json: z.boolean().optional() }).safeParse(raw)
      if (!input.success) return usage('vragen', input.error)
      process.exitCode = await questionsCommand(input.data, io)
    })
}

/** `kamerwacht fractie NAME` and `kamerwacht lid NAME` */
function registerPeople(cli: Command): void {
  for (const kind of ['fractie', 'lid'] as const) {
    cli
      .command(kind)
      .description(
        kind === 'fractie'
          ? 'a fractie: the moties its members submitted, and how it voted, newest first'
          : 'a member of the Kamer: the moties they submitted, and the votes they cast apart from their fractie',
      )
      .argument('<name>', kind === 'fractie' ? 'the fractie as the votes name it (VVD, GroenLinks-PvdA)' : 'the member as the records name them (Kostić)')
      .addOption(dbOption())
      .addOption(new Option('--result <result>', 'only votes on what the Kamer decided so').choices(['aangenomen', 'verworpen', 'aangehouden', 'ingetrokken']))
      .option('--from <date>', 'votes from this day')
      .option('--to <date>', 'votes up to this day')
      .option('--limit <n>', 'how many votes to print', '50')
      .option('--offset <n>', 'skip this many', '0')
      .addOption(json())
      .addHelpText('after', `\nExample:\n  kamerwacht ${kind === 'fractie' ? 'fractie SP --result aangenomen --from 2024' : 'lid Kostić --json'}`)
      .action(async (name: string, raw: unknown) => {
        const { output, rest } = outputFlags(raw)
        const input = personInput('en').safeParse(rest)
        if (!input.success) return usage(kind, input.error)
        process.exitCode = await personCommand(kind, name, input.data, output, io)
      })
  }
}

/** `kamerwacht commitment` */
function registerCommitment(cli: Command): void {
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
}

/** `kamerwacht feed` */
function registerFeed(cli: Command): void {
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
}

/** Following what papers say and promise: cites, dossier, timeline, commitments, commitment, feed. */
export function trackingCommands(cli: Command): void {
  registerLookups(cli)
  registerCommitments(cli)
  registerMoties(cli)
  registerAgenda(cli)
  registerQuestions(cli)
  registerPeople(cli)
  registerCommitment(cli)
  registerFeed(cli)
}
