import { QUESTION_KINDS, type QuestionCourse, questionCourse, questionKey, questionRecord, type WrittenQuestions, writtenQuestions } from '../link/questions.js'
import { fold } from '../search/stem.js'
import type { Store } from '../store/store.js'

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

/** What the overview of the questions' course takes: only those still unanswered, or late ones. */
export interface CourseQuery {
  open?: boolean | undefined
  late?: boolean | undefined
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
    const course = questionCourse(records, today)
    if (!course || (q.open && course.answer) || (q.late && !course.late)) continue
    out.push(course)
  }
  const day = (c: QuestionCourse) => c.question?.date ?? c.postponements[0]?.date ?? c.answer?.date ?? ''
  return out.sort((a, b) => day(b).localeCompare(day(a))).slice(0, q.limit)
}
