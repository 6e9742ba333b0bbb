import { type Command, Option } from 'commander'
import { alertsCommand, followAddCommand, followAlertCommand, followListCommand, followNewCommand, followRemoveCommand } from '../follow-commands.js'
import { dbOption, io, json } from '../options.js'
import { userAddCommand, userListCommand, userRemoveCommand, userTokenCommand } from '../user-commands.js'

/** `--user NAME`: whose follows (a user's, see `kamerwacht user`); without it the store's own. */
const userOption = () =>
  new Option('--user <name>', "a user's follows (see `kamerwacht user`); default: the store's own, which the web UI shows without sign-in")

/** `kamerwacht follow` */
function registerFollow(cli: Command): void {
  const follow = cli
    .command('follow')
    .description('follow a search, a dossier, one promise or motie, a member, a committee or a ministry: what is new since your last look')
    .addHelpText(
      'after',
      `
A follow is kept in the store: a search in the query language of \`kamerwacht search\`, a dossier, or one
promise (toezegging:ID, the id \`kamerwacht commitments\` prints): its alerts tell when a letter keeps it
and when its deadline passes without one, never before; or one motie (motie:ID): its alerts tell of each
letter that carries it out or answers it; or a member (lid:NAME: their moties, the answers to their written
questions, the promises that name them, the debates they speak in), a committee (commissie:AFK: its moties and
the promises of its debates), or a ministry (ministerie:"NAME": its letters that make new promises).
\`follow new\` lists the papers stored (or read again) since you last asked, and remembers that you did.

Examples:
  kamerwacht follow add npt dossier:33783
  kamerwacht follow add stikstof 'stikstof type:brief'
  kamerwacht follow add npv-rapport toezegging:kst-33783-50~12995bb5
  kamerwacht follow add motie-npv motie:kst-36583-14
  kamerwacht follow add kostic lid:Kostić
  kamerwacht follow add buza-commissie commissie:BuZa
  kamerwacht follow add buza 'ministerie:"Buitenlandse Zaken"'
  kamerwacht follow list
  kamerwacht follow new npt
  kamerwacht follow add --user anna stikstof 'stikstof type:brief'    (anna's own follows: see kamerwacht user)`,
    )
  follow
    .command('add')
    .description('follow a search (or dossier:NR) under a name; what is stored already is not new')
    .argument('<name>', 'a short name')
    .argument('<query...>', 'the search, or dossier:33783, toezegging:ID, motie:ID, lid:NAME, commissie:AFK, ministerie:NAME')
    .addOption(dbOption())
    .addOption(userOption())
    .allowUnknownOption()
    .action(async (name: string, words: string[], raw: { db?: string; user?: string }) => {
      process.exitCode = await followAddCommand(name, words.join(' '), raw, io)
    })
  follow
    .command('list')
    .description('the follows, with how many papers are new for each')
    .addOption(dbOption())
    .addOption(userOption())
    .addOption(json())
    .action(async (raw: { db?: string; json?: boolean; user?: string }) => {
      process.exitCode = await followListCommand(raw, io)
    })
  follow
    .command('new')
    .description('the papers new since the last look, newest first; then marks them seen')
    .argument('<name>', 'the follow')
    .addOption(dbOption())
    .option('--peek', 'list them without marking them seen')
    .addOption(userOption())
    .addOption(json())
    .action(async (name: string, raw: { db?: string; json?: boolean; peek?: boolean; user?: string }) => {
      process.exitCode = await followNewCommand(name, raw, io)
    })
  follow
    .command('alert')
    .description('send what is new for a follow by e-mail or to a webhook (run `kamerwacht alerts` to send)')
    .argument('<name>', 'the follow')
    .addOption(dbOption())
    .option('--email <address>', 'mail a digest to this address')
    .option(
      '--webhook <url>',
      'POST the new papers as JSON to this URL, signed (X-Kamerwacht-Signature: sha256=HMAC of the body with KAMERWACHT_WEBHOOK_SECRET)',
    )
    .option('--every <interval>', 'at most one digest per interval: uur, dag, week or a number of hours (default: every run of `kamerwacht alerts`)')
    .option('--off', 'stop its alerts')
    .addOption(userOption())
    .action(async (name: string, raw: { db?: string; email?: string; webhook?: string; every?: string; off?: boolean; user?: string }) => {
      process.exitCode = await followAlertCommand(name, raw, io)
    })
  follow
    .command('remove')
    .description('stop following')
    .argument('<name>', 'the follow')
    .addOption(dbOption())
    .addOption(userOption())
    .action(async (name: string, raw: { db?: string; user?: string }) => {
      process.exitCode = await followRemoveCommand(name, raw, io)
    })
}

/** `kamerwacht alerts` */
function registerAlerts(cli: Command): void {
  cli
    .command('alerts')
    .description("send each follow's alerts: what is new for it since its last alert, by e-mail and webhook")
    .addOption(dbOption())
    .option('--smtp <url>', 'the SMTP server (default $KAMERWACHT_SMTP_URL): smtp://user:password@host:587, smtps://… for TLS')
    .option('--from <address>', 'the sender of the e-mails (default $KAMERWACHT_MAIL_FROM, else kamerwacht@localhost)')
    .option('--base <url>', 'the web UI address the e-mails link to (default $KAMERWACHT_BASE_URL)')
    .addOption(json())
    .addHelpText(
      'after',
      `
Run it from cron, every hour say: each run sends, per follow with alerts whose interval (--every) has
passed, one e-mail and one webhook call with the papers stored since its last alert, and nothing where
nothing is new. Every user's follows are sent. A delivery that fails is tried again by the next run (exit
status 1).

Examples:
  kamerwacht follow add stikstof 'stikstof type:brief'
  kamerwacht follow add npv-rapport toezegging:kst-33783-50~12995bb5
  kamerwacht follow add motie-npv motie:kst-36583-14
  kamerwacht follow alert stikstof --email beleid@example.org --every dag
  KAMERWACHT_SMTP_URL=smtp://mail.example.org:587 kamerwacht alerts      (in cron: 0 * * * *)`,
    )
    .action(async (raw: { db?: string; smtp?: string; from?: string; base?: string; json?: boolean }) => {
      process.exitCode = await alertsCommand(raw, io)
    })
}

/** `kamerwacht user` */
function registerUser(cli: Command): void {
  const user = cli
    .command('user')
    .description('people who sign in, each with follows and alerts of their own')
    .addHelpText(
      'after',
      `
Each user signs in to the web UI (Aanmelden) with the token \`user add\` prints once, or sends it to the API
as Authorization: Bearer <token>; the store keeps only its SHA-256. Their follows and alerts are their own.
Behind an organisation's sign-in proxy, start the server with --user-header instead: no tokens needed.
Without users the web UI's follows are the store's own, shared by everyone who uses it.

Examples:
  kamerwacht user add anna --email anna@ministerie.nl
  kamerwacht user list
  kamerwacht user token anna        (a new token; the old one stops working)
  kamerwacht user remove anna       (with her follows)`,
    )
  user
    .command('add')
    .description('add a user and print their token (shown this once)')
    .argument('<name>', 'letters, digits and . _ @ -')
    .option('--email <address>', 'where their alerts go by default')
    .addOption(dbOption())
    .addOption(json())
    .action(async (name: string, raw: { db?: string; email?: string; json?: boolean }) => {
      process.exitCode = await userAddCommand(name, raw, io)
    })
  user
    .command('list')
    .description('the users, with how many follows each has')
    .addOption(dbOption())
    .addOption(json())
    .action(async (raw: { db?: string; json?: boolean }) => {
      process.exitCode = await userListCommand(raw, io)
    })
  user
    .command('token')
    .description('give a user a new token; the old one stops working')
    .argument('<name>', 'the user')
    .addOption(dbOption())
    .action(async (name: string, raw: { db?: string }) => {
      process.exitCode = await userTokenCommand(name, raw, io)
    })
  user
    .command('remove')
    .description('remove a user and their follows')
    .argument('<name>', 'the user')
    .addOption(dbOption())
    .action(async (name: string, raw: { db?: string }) => {
      process.exitCode = await userRemoveCommand(name, raw, io)
    })
}

/** `kamerwacht follow add|list|new|alert|remove`, `kamerwacht alerts` and `kamerwacht user`. */
export function followCommands(cli: Command): void {
  registerFollow(cli)
  registerAlerts(cli)
  registerUser(cli)
}
