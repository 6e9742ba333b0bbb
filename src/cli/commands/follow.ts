import type { Command } from 'commander'
import { followAddCommand, followListCommand, followNewCommand, followRemoveCommand } from '../follow-commands.js'
import { dbOption, io, json } from '../options.js'

/** `kamerwacht follow` */
function registerFollow(cli: Command): void {
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
}

/** `kamerwacht follow add|list|new|remove`. */
export function followCommands(cli: Command): void {
  registerFollow(cli)
}
