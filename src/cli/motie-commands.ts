import { type AgendaInput, agenda } from '../app/agenda.js'
import { fractieView, lidView, type PersonQuery } from '../app/kamer-people.js'
import { type MotieBoardInput, type MotieRow, motieBoard } from '../app/motie-board.js'
import { type MotieFacts, type MotieFollowUp, motieFacts, motieFollowUps } from '../app/moties.js'
import { type QuestionsInput, questionsOverview } from '../app/questions.js'
import { MOTIE_STATUSES } from '../link/moties.js'
import { today } from '../link/status.js'
import { shownTitle } from '../link/titles.js'
import { line, say, withStore } from './link-commands.js'
import type { Io } from './read.js'

// The Kamer's side: `kamerwacht motie ID` (a motie in the Kamer and after), `kamerwacht moties` (the board of
// moties) and `kamerwacht agenda` (its meetings).

const ANSWER_WORDS: Record<MotieFollowUp['how'], string> = { 'carried-out': 'carried out', partly: 'in part', declines: 'declined', responds: 'responded' }

/** `kamerwacht motie ID`: who submitted a motie, the appreciation, the vote, and the letters that answer it. */
export async function motieCommand(id: string, opts: { db?: string; json?: boolean }, io: Io): Promise<number> {
  return withStore(opts.db, async (store) => {
    const facts = await motieFacts(store, id)
    const motie = facts?.id ?? id
    const known = facts ?? (await store.citations(id))
    if (!known) {
      io.stderr(`kamerwacht motie: no paper or Zaak ${id} in ${store.location}, and none cites it\n`)
      return 1
    }
    const answers = await motieFollowUps(store, motie)
    if (opts.json) {
      io.stdout(`${JSON.stringify({ ...(facts ?? { id: motie }), answeredBy: answers }, null, 2)}\n`)
      return 0
    }
    if (facts) sayFacts(io, facts)
    say(
      io,
      answers.length
        ? `${motie}: answered by ${answers.length} ${answers.length === 1 ? 'letter' : 'letters'}\n\n`
        : `${motie}: no stored letter answers it yet\n`,
    )
    for (const a of answers) say(io, `${ANSWER_WORDS[a.how].padEnd(12)}${line(a.paper)}\n  ${shownTitle(a.paper.title) ?? a.text}\n`)
    return 0
  })
}

/** A motie's facts as lines: who, the appreciation, each decision with its votes per fractie. */
function sayFacts(io: Io, f: MotieFacts): void {
  say(io, `${[f.id, f.zaak].filter(Boolean).join(' / ')}${f.title ? ` — ${f.title}` : ''}\n`)
  const who = f.indieners.map((i) => (i.fractie ? `${i.name} (${i.fractie})` : i.name)).join(', ')
  say(io, `  submitted   ${f.date ?? '?'}${who ? ` by ${who}` : ''}\n`)
  say(io, `  appreciated ${f.appreciatie ?? '(no appreciation recorded)'}\n`)
  if (f.decisions.length === 0) say(io, '  decided     (no Besluit stored: run `kamerwacht sync tk` or ingest Stemming pages)\n')
  for (const d of f.decisions) {
    const seats = d.tally.votes.length ? `: ${d.tally.seatsFor} for, ${d.tally.seatsAgainst} against` : ''
    say(io, `  decided     ${d.date ?? '(day not stored)'} ${d.result}${seats}\n`)
    for (const soort of ['Voor', 'Tegen', 'Niet deelgenomen']) {
      const who = d.tally.votes
        .filter((v) => v.soort === soort)
        .map((v) => `${v.member ? `${v.member} (${v.fractie})` : v.fractie}${v.mistake ? ' (vergissing)' : ''}`)
      if (who.length) say(io, `    ${soort.toLowerCase().padEnd(17)}${who.join(', ')}\n`)
    }
  }
  say(io, '\n')
}

/** `kamerwacht moties`: the adopted moties the input selects, oldest open first, with who submitted them and where they stand. */
export async function motiesCommand(input: MotieBoardInput, opts: { db?: string; json?: boolean }, io: Io): Promise<number> {
  return withStore(opts.db, async (store) => {
    const b = await motieBoard(store, input)
    if (opts.json) {
      io.stdout(`${JSON.stringify(b, null, 2)}\n`)
      return 0
    }
    const counts = MOTIE_STATUSES.map((s) => `${b.counts[s]} ${s}`).join(', ')
    const which = input.result === 'alle' ? '' : `${input.result} `
    say(io, `${b.total} ${which}moties${input.status ? ` ${input.status}` : ''} (all ${which}moties selected: ${counts})\n\n`)
    const known = b.byMinistry.filter((m) => m.ministerie !== '(onbekend)')
    if (known.length && !input.ministerie)
      say(io, `per ministry: ${b.byMinistry.map((m) => `${m.ministerie} ${m.total}${m.open ? ` (${m.open} open)` : ''}`).join(', ')}\n\n`)
    for (const m of b.items) say(io, motieLine(m))
    if (b.total > input.offset + b.items.length) say(io, `… ${b.total - input.offset - b.items.length} more: --offset ${input.offset + b.items.length}\n`)
    if (b.considered >= 1000) say(io, `(the newest ${b.considered} moties of the selection were weighed: narrow it with --q, --dossier or --from)\n`)
    return 0
  })
}

/** One motie of the board: status, day, id, who, and its subject; the letter that answered it last. */
function motieLine(m: MotieRow): string {
  const who = m.indieners.map((i) => (i.fractie ? `${i.name} (${i.fractie})` : i.name)).join(', ')
  const last = m.answeredBy[m.answeredBy.length - 1]
  return `${m.status.padEnd(16)}${m.date ?? '          '}  ${(m.id ?? m.key).padEnd(20)}  ${who}\n  ${m.title ?? ''}\n${last ? `  ${ANSWER_WORDS[last.how]}: ${line(last.paper)}\n` : ''}\n`
}

/** `kamerwacht agenda`: the Kamer's meetings between two days, first first, each with its agenda items. */
export async function agendaCommand(input: AgendaInput, opts: { db?: string; json?: boolean }, io: Io): Promise<number> {
  return withStore(opts.db, async (store) => {
    const a = await agenda(store, input, today())
    if (opts.json) {
      io.stdout(`${JSON.stringify(a, null, 2)}\n`)
      return 0
    }
    say(io, `${a.entries.length} ${a.entries.length === 1 ? 'meeting' : 'meetings'} from ${a.from} to ${a.to}\n`)
    if (a.entries.length === 0) say(io, 'none stored for these days: `kamerwacht sync tk --entity Activiteit Agendapunt` fetches them\n')
    for (const e of a.entries) {
      const when = e.start ? `${e.start.slice(0, 10)} ${e.start.length > 10 ? e.start.slice(11, 16) : '     '}` : '?'
      const status = e.status && e.status !== 'Gepland' ? ` [${e.status}]` : ''
      say(io, `\n${when}  ${(e.commissie.afkorting ?? '').padEnd(6)} ${e.soort ?? ''}${status}\n  ${e.onderwerp ?? ''}\n`)
      for (const i of e.items)
        say(io, `    ${i.volgorde ?? '-'}. ${i.onderwerp ?? ''}${i.zaken.length ? ` (${i.zaken.map((z) => z.nummer).join(', ')})` : ''}\n`)
    }
    return 0
  })
}

/** `kamerwacht fractie NAME` and `kamerwacht lid NAME`: the moties submitted, and the votes (a fractie's, or a member's apart). */
export async function personCommand(kind: 'fractie' | 'lid', name: string, q: PersonQuery, opts: { db?: string; json?: boolean }, io: Io): Promise<number> {
  return withStore(opts.db, async (store) => {
    const p = kind === 'fractie' ? await fractieView(store, name, q) : await lidView(store, name, q)
    if (opts.json) {
      io.stdout(`${JSON.stringify(p, null, 2)}\n`)
      return 0
    }
    say(io, `${p.name}: ${p.moties.length} moties submitted, ${p.votes.total} ${kind === 'fractie' ? 'votes' : 'votes apart from the fractie'}\n`)
    if (p.moties.length) say(io, '\nMoties submitted:\n')
    for (const m of p.moties) say(io, `  ${m.date ?? '          '}  ${(m.motie ?? m.zaak ?? '').padEnd(20)}  ${m.onderwerp ?? ''}\n`)
    if (p.votes.items.length) say(io, '\nVotes:\n')
    for (const v of p.votes.items)
      say(
        io,
        `  ${v.date ?? '          '}  ${v.soort.padEnd(16)} ${v.result.padEnd(11)} ${v.motie ?? v.zaak ?? ''}  ${v.onderwerp ?? ''}${v.mistake ? ' (vergissing)' : ''}\n`,
      )
    if (p.votes.total > q.offset + p.votes.items.length)
      say(io, `… ${p.votes.total - q.offset - p.votes.items.length} more: --offset ${q.offset + p.votes.items.length}\n`)
    return 0
  })
}

/**
 * `kamerwacht vragen`: answers to written questions (from their papers' heads) with the days each took, and the course
 * of each set of questions in the Kamer's Document records (asked → postponed → answered).
 */
export async function questionsCommand(opts: QuestionsInput & { db?: string | undefined; json?: boolean | undefined }, io: Io): Promise<number> {
  const { db, json, ...input } = opts
  return withStore(db, async (store) => {
    const { answers, courses, openByMinistry: perMinistry } = await questionsOverview(store, input, today())
    if (json) {
      io.stdout(`${JSON.stringify({ answers, courses, openByMinistry: perMinistry }, null, 2)}\n`)
      return 0
    }
    if (!opts.open) say(io, `${answers.length} ${answers.length === 1 ? 'answer' : 'answers'} to written questions\n`)
    for (const a of answers)
      say(
        io,
        `  ${a.answered ?? a.asked ?? '          '}  ${a.days === null ? '' : `${a.days} days${a.withinThreeWeeks ? '' : ' (late)'}  `}${a.subject ?? a.title ?? a.paper}\n`,
      )
    say(io, `\n${courses.length} ${courses.length === 1 ? 'set' : 'sets'} of questions in the open data${opts.open ? ' without an answer' : ''}\n`)
    for (const c of courses) {
      const stages = [
        `asked ${c.question?.date ?? '?'}`,
        ...c.postponements.map((p) => `postponed ${p.date ?? '?'}`),
        c.answer ? `answered ${c.answer.date ?? '?'}` : 'no answer',
      ].join(' → ')
      const late = c.late ? (c.postponedInTime ? ' (late, postponement sent in time)' : ' (late, no postponement within three weeks)') : ''
      const to = c.ministerie ? `, to ${c.ministerie}` : ''
      say(io, `  ${stages}${c.days === null ? '' : `, ${c.days} days`}${late}\n    ${c.subject}${c.askers.length ? ` (${c.askers.join(', ')})` : ''}${to}\n`)
    }
    if (perMinistry.length) say(io, '\nUnanswered, per ministry (open, past three weeks, of which no postponement in time; oldest asked):\n')
    for (const m of perMinistry)
      say(
        io,
        `  ${m.ministerie.padEnd(40)} ${String(m.open).padStart(4)} ${String(m.late).padStart(4)} ${String(m.unannounced).padStart(4)}  ${m.oldest ?? ''}\n`,
      )
    return 0
  })
}
