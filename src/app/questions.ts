import { z } from 'zod'
import {
  QUESTION_KINDS,
  type QuestionCourse,
  questionCourse,
  questionKey,
  questionMinistry,
  questionRecord,
  type WrittenQuestions,
  writtenQuestions,
} from '../link/questions.js'
import { fold } from '../search/stem.js'
import type { Store } from '../store/store.js'
import { count, type Lang, text } from './search.js'

/** An answer to written questions in the store, with what its head says. */
export interface AnsweredQuestions extends WrittenQuestions {
  /** The answer paper's id (or key) and title. */
  paper: string
  title: string | null
}

/** What the overview of written questions takes. */
export interface QuestionsQuery {
  /** Only answers that took longer than three weeks. */
  late?: boolean | undefined
  /** Only questions put to this office (part of it: `Defensie`). */
  to?: string | undefined
  /** Only questions a member asked (their name as the head gives it: `Van Nispen`). */
  asker?: string | undefined
  limit: number
}

/**
 * The answers to written questions in the store, newest answer first: each with who asked whom, the days the
 * answer took, and whether that was within the three weeks the Kamer's rules give. Found by the words every such
 * answer opens with (`… (ingezonden 3 november 2022)`), read from each paper's head.
 */
export async function answeredQuestions(store: Store, q: QuestionsQuery): Promise<AnsweredQuestions[]> {
  const out: AnsweredQuestions[] = []
  for (let offset = 0; offset < 1000; offset += 100) {
    const page = await store.search({ q: `ingezonden ontvangen${q.asker ? ` "${q.asker.replace(/"/g, '')}"` : ''}`, sort: 'date', limit: 100, offset })
    for (const hit of page.hits) {
      const doc = await store.get(hit.id)
      const w = doc ? writtenQuestions(doc.text) : null
      if (!w || (q.late && w.withinThreeWeeks !== false) || (q.to && !(w.to ?? '').toLowerCase().includes(q.to.toLowerCase()))) continue
      if (q.asker && !w.askers.some((a) => fold(a.name) === fold(q.asker ?? ''))) continue
      out.push({ ...w, paper: hit.id, title: hit.title })
    }
    if (page.hits.length < 100) break
  }
  return out.sort((a, b) => (b.answered ?? b.asked ?? '').localeCompare(a.answered ?? a.asked ?? '')).slice(0, q.limit)
}

/** What the overview of the questions' course takes: only those still unanswered, or late ones, or put to one office. */
export interface CourseQuery {
  open?: boolean | undefined
  late?: boolean | undefined
  /** Only questions put to this office or ministry (part of it: `Defensie`). */
  to?: string | undefined
  limit: number
}

/**
 * Written questions followed through the Kamer's Document records: the questions, the postponement notices and the
 * answer, joined by their subject (see `questionKey`), newest questions first; each with the days it took, or has
 * taken by `today`, and whether a late answer was announced in time. Read by the records' keys, not by a scan.
 */
export async function questionCourses(store: Store, q: CourseQuery, today: string): Promise<QuestionCourse[]> {
  const subjects = new Set<string>()
  for (const kind of Object.values(QUESTION_KINDS))
    for (const r of await store.openDataByKey('Document', `soort:${kind.toLowerCase()}`)) {
      const { soort, onderwerp } = questionRecord(r.record)
      const key = questionKey(soort, onderwerp)
      if (key) subjects.add(key)
    }
  const out: QuestionCourse[] = []
  for (const subject of subjects) {
    const records = (await store.openDataByKey('Document', `vragen:${subject}`)).map((r) => questionRecord(r.record))
    const found = questionCourse(records, today)
    if (!found || (q.open && found.answer) || (q.late && !found.late)) continue
    const to = await addressee(store, found)
    const course = { ...found, to, ministerie: questionMinistry(to) }
    if (q.to && !fold(`${to ?? ''} ${course.ministerie ?? ''}`).includes(fold(q.to))) continue
    out.push(course)
  }
  const day = (c: QuestionCourse) => c.question?.date ?? c.postponements[0]?.date ?? c.answer?.date ?? ''
  return out.sort((a, b) => day(b).localeCompare(day(a))).slice(0, q.limit)
}

/**
 * Whom a set of questions was put to: the head of a stored paper of the set (the questions, or the answer, which
 * repeats it: `Vragen van het lid Popken (PVV) aan de Minister van Defensie over …`), else the sender of a stored
 * postponement notice or answer, which is the minister's letter. The Document records themselves name no addressee.
 */
async function addressee(store: Store, c: QuestionCourse): Promise<string | null> {
  const docs = []
  for (const nr of [c.question?.nummer, c.answer?.nummer, ...c.postponements.map((p) => p.nummer)]) {
    const doc = nr ? await store.get(nr) : null
    if (!doc) continue
    const to = writtenQuestions(doc.text)?.to
    if (to) return to
    docs.push({ doc, isQuestion: nr === c.question?.nummer })
  }
  return docs.find((d) => !d.isQuestion && d.doc.sender)?.doc.sender ?? null
}

/** Open written questions of one ministry: how many, how many past the three weeks, and since when the oldest waits. */
export interface MinistryQuestions {
  ministerie: string
  open: number
  late: number
  /** Of the late ones, those with no postponement notice within the three weeks. */
  unannounced: number
  oldest: string | null
}

/**
 * The unanswered questions per ministry, most first: what a ministry's parliamentary-affairs officer answers for.
 * Sets whose addressee is not known (no paper of theirs stored) are counted under `(onbekend)`.
 */
export function openByMinistry(courses: QuestionCourse[]): MinistryQuestions[] {
  const out = new Map<string, MinistryQuestions>()
  for (const c of courses) {
    if (c.answer) continue
    const m = c.ministerie ?? '(onbekend)'
    const row = out.get(m) ?? { ministerie: m, open: 0, late: 0, unannounced: 0, oldest: null }
    row.open++
    if (c.late) row.late++
    if (c.late && !c.postponedInTime) row.unannounced++
    const asked = c.question?.date ?? null
    if (asked && (!row.oldest || asked < row.oldest)) row.oldest = asked
    out.set(m, row)
  }
  return [...out.values()].sort((a, b) => b.open - a.open || a.ministerie.localeCompare(b.ministerie))
}

// A yes/no as each edge writes it: a CLI flag (`true`), a form's checkbox or a query (`1`, `true`).
const yes = z
  .union([z.boolean(), z.enum(['1', 'true', '0', 'false'])])
  .optional()
  .transform((v) => v === true || v === '1' || v === 'true')

/**
 * The overview of written questions' input, as the CLI (`kamerwacht vragen`), the API (`GET /api/vragen`) and the
 * web page (`/vragen`) take it.
 */
export function questionsInput(lang: Lang = 'en') {
  const nl = lang === 'nl'
  return z.object({
    to: text(120).describe('only questions put to this office or ministry (part of it: Defensie)'),
    late: yes.describe('only those that took (or have taken) more than three weeks'),
    open: yes.describe('only questions the open data shows no answer to (and no answers read from papers)'),
    limit: count(1, 10_000, nl).default(50).describe('how many answers and how many sets of questions at most'),
  })
}

/** A questions input, checked. */
export type QuestionsInput = z.infer<ReturnType<typeof questionsInput>>

/** The overview of written questions: answers read from papers, the sets followed in the open data, and the unanswered per ministry. */
export interface QuestionsOverview {
  answers: AnsweredQuestions[]
  courses: QuestionCourse[]
  /** Over every set that passes the filters, not only the `limit` listed. */
  openByMinistry: MinistryQuestions[]
}

/** The overview every edge shows: the answers (none when only open ones are asked for), the sets, and the counts per ministry. */
export async function questionsOverview(store: Store, input: QuestionsInput, today: string): Promise<QuestionsOverview> {
  const answers = input.open ? [] : await answeredQuestions(store, { late: input.late, to: input.to, limit: input.limit })
  const every = await questionCourses(store, { open: input.open, late: input.late, to: input.to, limit: Number.MAX_SAFE_INTEGER }, today)
  return { answers, courses: every.slice(0, input.limit), openByMinistry: openByMinistry(every) }
}
