import { userInfo } from 'node:os'
import { type BoardInput, board, dossier, dossierNumberProblem, timeline, toCommitmentQuery } from '../app/board.js'
import { correct } from '../app/corrections.js'
import { Refusal } from '../app/errors.js'
import { type RegisterInput, registerComparison } from '../app/register.js'
import type { PaperInfo } from '../link/models.js'
import { type ChainRelation, madeToText, type RegisterComparison, type RegisterEntry } from '../link/register.js'
import { type TrackedCommitment, today } from '../link/status.js'
import { shownTitle } from '../link/titles.js'
import { officialHref } from '../publish/export.js'
import { calendar, commitmentsFeed, dossierFeed, searchFeed } from '../publish/publish.js'
import type { Store } from '../store/store.js'
import { printable } from './options.js'
import { count, type Io } from './read.js'
import { openStore } from './store-commands.js'

/** A paper as one line of a list: day, id, type, sender. */
export const line = (p: PaperInfo) => [p.date?.slice(0, 10) ?? '          ', (p.id ?? p.key).padEnd(20), (p.type ?? '').padEnd(8), p.sender ?? ''].join('  ')

/** A use case's answer, or null where it refused (the command says why in its own words). */
function unlessRefused<T>(answer: Promise<T>): Promise<T | null> {
  return answer.catch((e: unknown) => {
    if (e instanceof Refusal) return null
    throw e
  })
}

/** Runs `body` on the store named by `--db`, closing it afterwards. */
export async function withStore(db: string | undefined, body: (store: Store) => Promise<number>): Promise<number> {
  const store = await openStore(db)
  try {
    return await body(store)
  } finally {
    await store.close()
  }
}

/** `kamerwacht cites ID`: references out of a paper and papers citing it. */
export async function citesCommand(id: string, opts: { db?: string; json?: boolean }, io: Io): Promise<number> {
  return withStore(opts.db, async (store) => {
    const c = await store.citations(id)
    if (!c) {
      io.stderr(`kamerwacht cites: no paper ${id} in ${store.location}\n`)
      return 1
    }
    if (opts.json) {
      io.stdout(`${JSON.stringify(c, null, 2)}\n`)
      return 0
    }
    if (c.stored === false) {
      // Not stored, but cited: what the store knows of it, and where to read it.
      const official = officialHref(c.paper.id)
      say(io, `${c.paper.id}: not stored; cited by ${c.in.length} stored ${c.in.length === 1 ? 'paper' : 'papers'}\n`)
      if (c.paper.dossier) say(io, `dossier ${c.paper.dossier}\n`)
      if (official) say(io, `official publication: ${official}\n`)
      say(io, `\nCited by (${c.in.length}):\n`)
      for (const r of c.in) say(io, `  ${line(r.paper)}  "${r.text}"\n`)
      return 0
    }
    say(io, `${line(c.paper)}\n${shownTitle(c.paper.title) ?? ''}\n\nCites (${c.out.length}):\n`)
    for (const r of c.out) say(io, `  ${r.text}  → ${r.paper ? line(r.paper) : `${r.target ?? r.date ?? '?'} (not stored)`}\n`)
    say(io, `\nCited by (${c.in.length}):\n`)
    for (const r of c.in) say(io, `  ${line(r.paper)}  "${r.text}"${r.via === 'date' ? ' (by date)' : ''}\n`)
    return 0
  })
}

/** `kamerwacht dossier NR` */
export async function dossierCommand(nr: string, opts: { db?: string; json?: boolean }, io: Io): Promise<number> {
  // `dossier abc` is a usage error (2), not a dossier that happens to hold nothing (1).
  const problem = dossierNumberProblem(nr)
  if (problem) {
    io.stderr(`kamerwacht dossier: ${problem.message.replace(/^invalid nr: /, '')}\n`)
    return 2
  }
  return withStore(opts.db, async (store) => {
    const view = await unlessRefused(dossier(store, nr, today()))
    if (!view) {
      io.stderr(`kamerwacht dossier: no paper of dossier ${nr} in ${store.location}\n`)
      return 1
    }
    if (opts.json) {
      io.stdout(`${JSON.stringify(view, null, 2)}\n`)
      return 0
    }
    const k = view.counts
    say(io, `Dossier ${view.dossier}${view.title ? ` — ${view.title}` : ''}\n`)
    say(io, `${count(k.papers, 'paper')} (${k.byType.map((t) => `${t.count} ${t.value}`).join(', ')}); `)
    say(
      io,
      `commitments: ${Object.entries(k.commitments)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ')}\n\n`,
    )
    for (const p of view.papers) say(io, `${line(p)}\n    ${p.line}\n`)
    if (view.citesMissing.length) {
      say(io, '\ncites papers of this dossier that are not stored:\n')
      for (const c of view.citesMissing) say(io, `  ${c.target.padEnd(22)} ${c.count}×\n`)
    }
    if (view.citesOutside.length) {
      say(io, '\nCites outside the dossier:\n')
      for (const c of view.citesOutside) say(io, `  ${c.target.padEnd(22)} ${c.count}×${c.paper ? '' : '  (not stored)'}\n`)
    }
    if (view.citedFrom.length) {
      say(io, '\nCited from outside:\n')
      for (const c of view.citedFrom) say(io, `  ${line(c.paper)}  → ${c.target}\n`)
    }
    return 0
  })
}

const KIND: Record<string, string> = { paper: 'paper', event: 'event', commitment: 'promise', due: 'due', kept: 'kept' }

/** `kamerwacht timeline NR` */
export async function timelineCommand(nr: string, opts: { db?: string; json?: boolean }, io: Io): Promise<number> {
  // `timeline abc` is a usage error (2), not a dossier that happens to hold nothing (1).
  const problem = dossierNumberProblem(nr)
  if (problem) {
    io.stderr(`kamerwacht timeline: ${problem.message.replace(/^invalid nr: /, '')}\n`)
    return 2
  }
  return withStore(opts.db, async (store) => {
    const entries = await unlessRefused(timeline(store, nr, today()))
    if (!entries) {
      io.stderr(`kamerwacht timeline: no paper of dossier ${nr} in ${store.location}\n`)
      return 1
    }
    if (opts.json) {
      io.stdout(`${JSON.stringify(entries, null, 2)}\n`)
      return 0
    }
    for (const e of entries) {
      const when = e.end ? `${e.date}…${e.end}` : e.date
      const status = e.status ? ` [${e.status}]` : ''
      say(io, `${when.padEnd(21)} ${KIND[e.kind]?.padEnd(7)} ${e.text.replace(/\s+/g, ' ').slice(0, 160)}${status}  (${e.paper.id ?? e.paper.key})\n`)
    }
    return 0
  })
}

function printCommitment(c: TrackedCommitment, io: Io, full: boolean): void {
  // `stale`, as the JSON and the web board say it: open half a year without a deadline.
  say(io, `${c.status.toUpperCase().padEnd(9)} ${c.id}${c.stale ? '  (stale: open over six months, no deadline)' : ''}\n  ${c.text.replace(/\s+/g, ' ')}\n`)
  say(
    io,
    `  ${[c.paper.date, c.paper.sender ?? (c.actor ? `said by ${c.actor}` : null), c.dueText ? `due: ${c.dueText}${c.due ? ` (by ${c.due.end})` : ''}` : 'no deadline'].filter(Boolean).join(' · ')}\n`,
  )
  for (const e of c.evidence)
    say(
      io,
      `  kept by ${e.paperId ?? e.paperKey} (${e.paperDate ?? '?'}), ${e.reason}, confidence ${e.confidence.toFixed(2)}${full ? `: ${e.evidence}` : ''}\n`,
    )
  for (const e of full ? c.candidates : c.candidates.slice(0, 1))
    say(io, `  candidate ${e.paperId ?? e.paperKey} (${e.paperDate ?? '?'}), confidence ${e.confidence.toFixed(2)}${full ? `: ${e.evidence}` : ''}\n`)
  for (const m of c.moved ?? []) say(io, `  moved by ${m.by}; the deadline was ${m.dueText ?? 'none'}${m.due ? ` (by ${m.due.end})` : ''}\n`)
  if (c.correction) say(io, `  corrected by hand: ${c.correction.action}${'target' in c.correction ? ` ${c.correction.target}` : ''}\n`)
}

/** `kamerwacht commitments [--status …] [--sender …] [--dossier …]` */
export async function commitmentsCommand(input: BoardInput, opts: { db?: string; json?: boolean }, io: Io): Promise<number> {
  return withStore(opts.db, async (store) => {
    const list = await board(store, input, today())
    const offset = toCommitmentQuery(input).offset ?? 0
    if (opts.json) {
      io.stdout(`${JSON.stringify(list, null, 2)}\n`)
      return 0
    }
    const s = list.counts.byStatus
    say(io, `${list.total} commitments (all matching: ${s.open} open, ${s['due-soon']} due soon, ${s.overdue} overdue, ${s.fulfilled} fulfilled)\n\n`)
    for (const c of list.items) {
      printCommitment(c, io, false)
      say(io, '\n')
    }
    if (list.total > offset + list.items.length) say(io, `… ${list.total - offset - list.items.length} more: --offset ${offset + list.items.length}\n`)
    return 0
  })
}

/** `kamerwacht commitment ID [--fulfilled-by ID | --reopen | --not-a-commitment]` */
export async function commitmentCommand(
  id: string,
  opts: { db?: string; json?: boolean; fulfilledBy?: string; reopen?: boolean; notACommitment?: boolean; clear?: boolean; force?: boolean; by?: string },
  io: Io,
): Promise<number> {
  return withStore(opts.db, async (store) => {
    const chosen = [opts.fulfilledBy, opts.reopen, opts.notACommitment, opts.clear].filter(Boolean).length
    if (chosen > 1) {
      io.stderr('kamerwacht commitment: give one of --fulfilled-by, --reopen, --not-a-commitment, --clear\n')
      return 2
    }
    const action = opts.fulfilledBy ? 'fulfilled-by' : opts.reopen ? 'reopen' : opts.notACommitment ? 'not-a-commitment' : opts.clear ? 'clear' : null
    if (action) {
      try {
        await correct(store, id, { action, target: opts.fulfilledBy, force: opts.force, by: opts.by ?? userName() }, today())
      } catch (e) {
        if (!(e instanceof Refusal)) throw e
        if (e.kind === 'needs-force') {
          for (const r of e.reasons) io.stderr(`kamerwacht commitment: ${r.en}\n`)
          io.stderr('kamerwacht commitment: not recorded; add --force to record it anyway\n')
        } else if (e.field === 'target') io.stderr(`kamerwacht commitment: no paper ${opts.fulfilledBy} in ${store.location} to mark as fulfilling it\n`)
        else io.stderr(`kamerwacht commitment: no commitment ${id}; \`kamerwacht commitments\` lists their ids\n`)
        return 1
      }
    } else if (!(await store.commitment(id, today()))) {
      io.stderr(`kamerwacht commitment: no commitment ${id}; \`kamerwacht commitments\` lists their ids\n`)
      return 1
    }
    const c = await store.commitment(id, today())
    if (opts.json) io.stdout(`${JSON.stringify(c, null, 2)}\n`)
    else if (!c) io.stdout(`${id}: marked as not a commitment; it no longer appears in lists (--clear undoes it)\n`)
    else printCommitment(c, io, true)
    return 0
  })
}

/** Who corrects on the command line: the login name, where the system has one. */
function userName(): string {
  try {
    return userInfo().username
  } catch {
    return 'cli'
  }
}

/** `kamerwacht feed search|dossier|commitments …` */
export async function feedCommand(
  kind: 'search' | 'dossier' | 'commitments',
  arg: string | undefined,
  opts: { db?: string; ics?: boolean; base: string; sender?: string; dossier?: string },
  io: Io,
): Promise<number> {
  // A search has no dates to put in a calendar: say so rather than print Atom where a calendar was asked for.
  if (kind === 'search' && opts.ics) {
    io.stderr('kamerwacht feed: --ics applies to `feed dossier NR` and `feed commitments --sender ROLE`; a search feed is Atom only\n')
    return 2
  }
  return withStore(opts.db, async (store) => {
    const o = { base: opts.base.replace(/\/+$/, ''), today: today() }
    let out: string | null
    if (kind === 'search') {
      if (!arg) return usage(io, 'kamerwacht feed search QUERY')
      out = await searchFeed(store, arg, o)
    } else if (kind === 'dossier') {
      if (!arg) return usage(io, 'kamerwacht feed dossier NR [--ics]')
      out = opts.ics ? await calendar(store, { dossier: arg }, o) : await dossierFeed(store, arg, o)
      if (out === null) {
        io.stderr(`kamerwacht feed: no paper of dossier ${arg} in ${store.location}\n`)
        return 1
      }
    } else {
      const sender = opts.sender ?? arg
      if (opts.ics) {
        if (!sender) return usage(io, 'kamerwacht feed commitments --sender ROLE --ics')
        out = await calendar(store, { sender }, o)
      } else out = await commitmentsFeed(store, { ...(sender ? { sender } : {}), ...(opts.dossier ? { dossier: opts.dossier } : {}) }, o)
    }
    io.stdout(out)
    return 0
  })
}

function usage(io: Io, text: string): number {
  io.stderr(`usage: ${text}\n`)
  return 2
}

/** `kamerwacht commitments --compare`: the Kamer's register of promises beside the promises found in the papers. */
export async function compareCommand(opts: Partial<RegisterInput> & { db?: string | undefined; json?: boolean | undefined }, io: Io): Promise<number> {
  const { db, json, ...input } = opts
  return withStore(db, async (store) => {
    const { registered, ...result } = await registerComparison(store, input, today())
    if (json) io.stdout(`${JSON.stringify(result, null, 2)}\n`)
    else printComparison(result, registered, io)
    return 0
  })
}

function printComparison(c: RegisterComparison, registered: number, io: Io): void {
  if (registered === 0) io.stdout('the register is empty here: run `kamerwacht sync tk` to fetch the Toezegging records\n\n')
  io.stdout(`${c.agree.length} in both, ${c.onlyRegister.length} only in the register, ${c.onlyPapers.length} only in the papers\n`)
  if (c.agree.length) io.stdout('\nIn both:\n')
  for (const a of c.agree) {
    const verdict = a.statusAgrees === null ? 'status not comparable' : a.statusAgrees ? 'status agrees' : 'STATUS DIFFERS'
    io.stdout(`  ${a.register.nummer ?? a.register.id} (${a.register.status ?? '?'}) = ${a.paper.id} (${a.paper.status}), match ${a.score}, ${verdict}\n`)
    io.stdout(`    register: ${a.register.text}\n    paper:    ${a.paper.text}\n${registerFacts(a.register)}`)
  }
  if (c.onlyRegister.length) io.stdout('\nOnly in the register:\n')
  for (const r of c.onlyRegister) {
    const kept = r.keptBy.map((k) => k.paper ?? `${k.documentNummer ?? '?'} (not stored)`).join(', ')
    io.stdout(
      `  ${r.nummer ?? r.id} (${r.status ?? '?'}${r.due ? `, due ${r.due}` : ''}) ${r.ministerie ?? ''}: ${r.text}${kept ? `\n    kept by ${kept}` : ''}\n${registerFacts(r)}`,
    )
  }
  if (c.onlyPapers.length) io.stdout('\nOnly in the papers:\n')
  for (const p of c.onlyPapers) io.stdout(`  ${p.id} (${p.status})${p.speaker ? `, said by ${p.speaker} in a debate` : ''}: ${p.text}\n`)
}

const CHAIN_EN: Record<ChainRelation, string> = {
  'herhaling-van': 'repeats',
  'wijziging-van': 'changes',
  'aanvulling-op': 'adds to',
  'herhaald-in': 'repeated in',
  'gewijzigd-in': 'changed in',
  'aangevuld-in': 'added to in',
}

/** A register record's debate (with its committee), whom it was made to and its chain, a line each where known. */
function registerFacts(r: RegisterEntry): string {
  const lines: string[] = []
  const a = r.activiteit
  if (a)
    lines.push(
      `made in: ${[a.soort, a.onderwerp].filter(Boolean).join(' ')}${a.commissie.afkorting ? ` (${a.commissie.afkorting})` : ''}${a.start ? `, ${a.start.slice(0, 10)}` : ''}`,
    )
  else if (r.activiteitNummer) lines.push(`made in: activity ${r.activiteitNummer} (not stored)`)
  if (r.toegezegdAan.length) lines.push(`made to: ${r.toegezegdAan.map(madeToText).join(', ')}`)
  for (const l of r.chain) lines.push(`${CHAIN_EN[l.relation]} ${l.nummer ?? l.id ?? '?'}`)
  return lines.map((l) => `    ${l}\n`).join('')
}

/** Human output that may hold a paper's words: made printable (see `printable`). */
export function say(io: Io, text: string): void {
  io.stdout(printable(text))
}
