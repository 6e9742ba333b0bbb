import { type Command, Option } from 'commander'
import type { z } from 'zod'
import type { Io } from './read.js'

/** Exit code for a usage error (bad flag or argument). */
export const USAGE = 2

// An escape sequence (CSI `ESC [ … letter`, OSC `ESC ] … BEL`, or ESC and one character), or one control
// character other than tab and new line: C0, DEL, and C1 (U+009B is CSI on its own to some terminals).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it matches
const CONTROL = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[\s\S]?|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g

/**
 * Text of a paper as a terminal may show it, for the human output of every command that prints one: without the escape sequences and control characters a paper
 * can hold (`\x1b]0;…\x07` retitles the window, `\x1b[2J` clears it, others rewrite what was shown). Form
 * feeds (a PDF's page breaks) become new lines.
 */
export function printable(text: string): string {
  return text.replace(/\f/g, '\n').replace(CONTROL, '')
}

/** Standard output and error of the process, for the commands. */
export const io: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stderr.isTTY,
}

/** Says which flag was wrong and why, and sets the usage exit code. */
export function usage(command: string, error: z.ZodError, flags: Record<string, string> = {}): void {
  const issue = error.issues[0]
  // Options arrive camel-cased (`baseUrl`); the user typed `--base-url`.
  const key = String(issue?.path[0] ?? 'option')
  const flag = flags[key] ?? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
  process.stderr.write(`kamerwacht ${command}: invalid --${flag}: ${issue?.message}\n`)
  process.exitCode = USAGE
}

/** `--db`: where the store is. */
export const dbOption = () => new Option('--db <store>', 'a SQLite file or a postgres:// URL (default $KAMERWACHT_DB, $DATABASE_URL, or ./data/kamerwacht.db)')

/**
 * Splits a command's options into where to print from (`--db`, `--json`) and the rest, which a use
 * case's input schema checks (`searchInput`, `boardInput`).
 */
export function outputFlags(raw: unknown): { output: { db?: string; json?: boolean }; rest: Record<string, unknown> } {
  const { db, json: asJson, ...rest } = raw as Record<string, unknown>
  return { output: { ...(typeof db === 'string' ? { db } : {}), ...(asJson ? { json: true } : {}) }, rest }
}

/** `--json`. */
export const json = () => new Option('--json', 'print JSON')

export type { Command }
