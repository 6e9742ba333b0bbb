import type { Command } from 'commander'
import { alertsCommand, followAddCommand, followAlertCommand, followListCommand, followNewCommand, followRemoveCommand } from '../follow-commands.js'
import { dbOption, io, json } from '../options.js'

/** `kamerwacht follow` */
function registerFollow(cli: Command): void {
  const follow = cli
    .command('follow')
    .description('follow a search, a dossier, one promise or one motie: what is new since your last look')
    .addHelpText(
      'after',
      `
A follow is kept in the store: a search in the query language of \`kamerwacht search\`, a dossier, or one
promise (toezegging:ID, the id \`kamerwacht commitments\` prints): its alerts tell when a letter keeps it
and when its deadline passes without one, never before; or one motie (motie:ID): its alerts tell of each
letter that carries it out or answers it.
\`follow new\` lists the papers stored (or read again) since you last asked, and remembers that you did.

Examples:
  kamerwacht follow add npt dossier:33783
  kamerwacht follow add stikstof 'stikstof type:brief'
  kamerwacht follow add npv-rapport toezegging:kst-33783-50~12995bb5
  kamerwacht follow add motie-npv motie:kst-36583-14
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
    .command('alert')
    .description('send what is new for a follow by e-mail or to a webhook (run `kamerwacht alerts` to send)')
    .argument('<name>', 'the follow')
    .addOption(dbOption())
    .option('--email <address>', 'mail a digest to this address')
    .option(
      '--webhook <url>',
      'POST the new papers as JSON to this URL, signed (X-Kamerwacht-Signature: sha256=HMAC of the body with KAMERWACHT_WEBHOOK_SECRET)',
    )
    .option('--off', 'stop its alerts')
    .action(async (name: string, raw: { db?: string; email?: string; webhook?: string; off?: boolean }) => {
      process.exitCode = await followAlertCommand(name, raw, io)
    })
  follow
    .command('remove')
    .description('stop following')
    .argument('<name>', 'the follow')
    .addOption(dbOption())
    .action(async (name: string, raw: { db?: string }) => {
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
Run it from cron at the interval you want a digest: each run sends, per follow with alerts, one e-mail and
one webhook call with the papers stored since the last run, and nothing where nothing is new. A delivery
that fails is tried again by the next run (exit status 1).

Examples:
  kamerwacht follow add stikstof 'stikstof type:brief'
  kamerwacht follow add npv-rapport toezegging:kst-33783-50~12995bb5
  kamerwacht follow add motie-npv motie:kst-36583-14
  kamerwacht follow alert stikstof --email beleid@example.org
  KAMERWACHT_SMTP_URL=smtp://mail.example.org:587 kamerwacht alerts      (in cron: 0 7 * * *)`,
    )
    .action(async (raw: { db?: string; smtp?: string; from?: string; base?: string; json?: boolean }) => {
      process.exitCode = await alertsCommand(raw, io)
    })
}

/** `kamerwacht follow add|list|new|alert|remove` and `kamerwacht alerts`. */
export function followCommands(cli: Command): void {
  registerFollow(cli)
  registerAlerts(cli)
}
