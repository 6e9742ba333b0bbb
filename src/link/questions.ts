import { fieldText as str } from '../model/opendata.js'
import { dutchDate, MONTH } from '../normalize/patterns.js'

/**
 * Written questions and their answer, as an answer paper gives them at its head (Aanhangsel Handelingen, or the
 * Kamer's page of it):
 *
 *   Vragen van de leden Groothuizen (D66) en Van Nispen (SP) aan de Ministers van Justitie en Veiligheid en voor
 *   Rechtsbescherming over fundamentele rechten in het strafrecht (ingezonden 8 mei 2020).
 *   Antwoord van Minister Grapperhaus (Justitie en Veiligheid) en van Minister Dekker (Rechtsbescherming)
 *   (ontvangen 19 mei 2020).
 *
 * Who asked (with their fractie), whom, about what, when; who answered and when; how many days that took, beside
 * the Kamer's rule of three weeks (a later answer is announced by a postponement notice).
 */
export interface WrittenQuestions {
  askers: Array<{ name: string; fractie: string | null }>
  /** Whom they were put to: `de Staatssecretaris van Justitie en Veiligheid`. */
  to: string | null
  subject: string | null
  /** The day they were sent in (`ingezonden`), and the day the answer came (`ontvangen`). */
  asked: string | null
  answeredBy: string | null
  answered: string | null
  /** Days between the two, and whether that is within the three weeks the Kamer's rules give. */
  days: number | null
  withinThreeWeeks: boolean | null
  /** How many questions it numbers (`Vraag 2, 3 en 5` counts three). */
  questions: number
  /** Each numbered question with the answer given to it, paired by number (`Vraag 2, 3 en 5` … `Antwoord 2, 3 en 5`). */
  pairs: QuestionPair[]
  /** The numbers of questions the paper asks and answers nowhere: what a reader checks first in an answer. */
  unanswered: number[]
}

/** A question (or several answered together) and its answer, as an answer paper numbers them. */
export interface QuestionPair {
  numbers: number[]
  question: string
  answer: string | null
}

/** The days the Kamer's rules (Reglement van Orde, art. 12.2) give a minister to answer: three weeks. */
export const ANSWER_DAYS = 21

const DAY = `\\d{1,2}\\s*${MONTH}\\s+\\d{4}`
// `Vragen van het lid Eerdmans (JA21) aan de Staatssecretaris van … over … (ingezonden 3 november 2022).`
const ASKED = new RegExp(
  `\\bVragen\\s+van\\s+(?:het\\s+lid|de\\s+leden)\\s+(.{2,400}?)\\s+aan\\s+(.{3,400}?)\\s+over\\s+(.{3,600}?)\\s*\\(ingezonden\\s+(${DAY})\\)`,
  'iu',
)
// `Antwoord van Staatssecretaris Van der Burg (Justitie en Veiligheid) (ontvangen 4 november 2022)`
const ANSWERED = new RegExp(`\\bAntwoord\\s+van\\s+(.{3,400}?)\\s*\\(ontvangen\\s+(${DAY})\\)`, 'iu')

/** The questions and answer a paper's head gives, or null for a paper that is no answer to written questions. */
export function writtenQuestions(text: string): WrittenQuestions | null {
  const head = text.slice(0, 3000).replace(/\s+/g, ' ')
  const asked = ASKED.exec(head)
  if (!asked) return null
  const answered = ANSWERED.exec(head.slice(asked.index + asked[0].length))
  const askedOn = dutchDate(asked[4] as string)
  const answeredOn = answered ? dutchDate(answered[2] as string) : null
  const days = askedOn && answeredOn ? Math.round((Date.parse(answeredOn) - Date.parse(askedOn)) / 864e5) : null
  return {
    askers: askersOf(asked[1] as string),
    to: (asked[2] as string).trim(),
    subject: (asked[3] as string).trim(),
    asked: askedOn,
    answeredBy: answered ? (answered[1] as string).replace(/,?\s*mede namens.*$/i, '').trim() : null,
    answered: answeredOn,
    days,
    withinThreeWeeks: days === null ? null : days <= ANSWER_DAYS,
    questions: countQuestions(text),
    ...pairsOf(text),
  }
}

// `Vraag 1`, `Vragen 2, 3 en 5`, `Vraag 4 t/m 6` as a heading of its own; `Antwoord 1`, `Antwoord op vraag 2`, or a
// bare `Antwoord` under the question it answers.
const NUMBERS = '(\\d+(?:\\s*(?:,|en|t\\/m|-)\\s*\\d+)*)'
const QUESTION_HEAD = new RegExp(`^Vra(?:ag|gen)\\s+${NUMBERS}$`, 'i')
const ANSWER_HEAD = new RegExp(`^Antwoord(?:en)?(?:\\s+(?:op\\s+vra(?:ag|gen)\\s+)?${NUMBERS})?$`, 'i')

/** `2, 3 en 5` as [2, 3, 5]; `4 t/m 6` and `4-6` as [4, 5, 6]. */
function numbersOf(list: string): number[] {
  const nums = (list.match(/\d+/g) ?? []).map(Number)
  if (/t\/m|-/.test(list) && nums.length === 2 && (nums[1] as number) > (nums[0] as number) && (nums[1] as number) - (nums[0] as number) < 100)
    return Array.from({ length: (nums[1] as number) - (nums[0] as number) + 1 }, (_, k) => (nums[0] as number) + k)
  return nums
}

/**
 * The paper's questions paired with their answers by number: each `Vraag N` heading opens a question, the lines
 * after it are its words up to `Antwoord N` (or a bare `Antwoord`), whose lines up to the next question are the
 * answer. The numbers asked but never answered are listed; a paper with no answer at all (the questions as sent)
 * has none unanswered.
 */
function pairsOf(text: string): { pairs: QuestionPair[]; unanswered: number[] } {
  const pairs: Array<{ numbers: number[]; question: string[]; answer: string[] | null }> = []
  let into: string[] | null = null
  // Line by line: a heading stands on a line of its own, with or without a blank line around it.
  for (const line of text.split('\n')) {
    const para = line.replace(/\s+/g, ' ').trim()
    const asked = QUESTION_HEAD.exec(para)
    const answered = ANSWER_HEAD.exec(para)
    if (asked) {
      const pair = { numbers: numbersOf(asked[1] as string), question: [] as string[], answer: null }
      pairs.push(pair)
      into = pair.question
    } else if (answered && pairs.length) {
      const numbers = answered[1] ? numbersOf(answered[1]) : null
      const pair = (numbers && pairs.find((p) => p.numbers.join() === numbers.join())) ?? pairs[pairs.length - 1]
      if (pair) into = pair.answer ??= []
    } else if (into && para) into.push(para)
  }
  const out = pairs.map((p) => ({ numbers: p.numbers, question: p.question.join('\n'), answer: p.answer ? p.answer.join('\n') : null }))
  const anyAnswer = out.some((p) => p.answer !== null)
  return { pairs: out, unanswered: anyAnswer ? out.filter((p) => p.answer === null).flatMap((p) => p.numbers) : [] }
}

/**
 * The members who asked, each with their fractie: `Groothuizen (D66) en Van Nispen (SP)`, or one fractie for all
 * (`Bouchallikh, Bromet en Kröger (allen GroenLinks)`, `… (beiden VVD)`).
 */
function askersOf(list: string): WrittenQuestions['askers'] {
  const shared = /\((?:allen|beiden)\s+([^)]+)\)\s*$/iu.exec(list)?.[1]?.trim() ?? null
  const names = list.replace(/\((?:allen|beiden)\s+[^)]+\)\s*$/iu, '').trim()
  return names
    .split(/\s*,\s*|\s+en\s+/)
    .map((part) => {
      const m = /^(.+?)\s*\(([^)]+)\)$/.exec(part.trim())
      return m ? { name: (m[1] as string).trim(), fractie: (m[2] as string).trim() } : { name: part.trim(), fractie: shared }
    })
    .filter((a) => a.name.length > 1)
}

/** The questions a paper numbers: each `Vraag 1` heading, `Vraag 2, 3 en 5` as three. */
function countQuestions(text: string): number {
  let n = 0
  for (const m of text.matchAll(/^\s*Vra(?:ag|gen)\s+(\d+(?:\s*(?:,|en|t\/m|-)\s*\d+)*)\s*$/gimu)) {
    const nums = (m[1] as string).match(/\d+/g) ?? []
    const range = /t\/m|-/.test(m[1] as string) && nums.length === 2 ? Number(nums[1]) - Number(nums[0]) + 1 : nums.length
    n += range
  }
  return n
}

/**
 * The ministry of the office written questions were put to, or that answered them: the first office named, as a
 * ministry is named after its minister's title.
 *
 *   de Minister van Defensie                                             → Defensie
 *   de Ministers van Justitie en Veiligheid en voor Rechtsbescherming    → Justitie en Veiligheid
 *   de Staatssecretaris van Infrastructuur en Waterstaat en de Ministers → Infrastructuur en Waterstaat
 *   de Minister van Onderwijs, Cultuur en Wetenschap                     → Onderwijs, Cultuur en Wetenschap
 *   de Minister-President                                                → Algemene Zaken
 *   Minister Hennis-Plasschaert (Defensie)                               → Defensie
 *
 * A minister `voor` a portfolio (`de Minister voor Rechtsbescherming`) keeps it: the office does not say which
 * ministry it sits in. Null for words that name no office.
 */
export function questionMinistry(to: string | null | undefined): string | null {
  const s = (to ?? '').replace(/\s+/g, ' ').trim()
  if (!s) return null
  if (/^(?:de )?minister-president\b/i.test(s)) return 'Algemene Zaken'
  const office = /^(?:de )?(?:minister|staatssecretaris)(?:s|sen)? (?:van|voor) (.+)$/i.exec(s)
  // Cut where a second office starts (`… en voor Rechtsbescherming`, `…, voor Volkshuisvesting`), not at the comma
  // of a ministry's own name (`Onderwijs, Cultuur en Wetenschap`), nor keep a portfolio (`Financiën - Fiscaliteit …`).
  if (office) return (office[1] as string).split(/,? (?:en )?(?:de|van|voor) (?=\p{Lu}|minister|staatssecretaris)| [-–] /iu)[0]?.trim() || null
  const named = /^(?:minister|staatssecretaris)(?:-president)? [^(]+\(([^)]+)\)/i.exec(s)
  return named ? (named[1] as string).trim() : null
}

/** The kinds of open-data Document a written question's course is made of, as `Soort` names them. */
export const QUESTION_KINDS = {
  question: 'Schriftelijke vragen',
  postponement: 'Mededeling (uitstel antwoord)',
  answer: 'Antwoord schriftelijke vragen',
} as const

/**
 * What joins the records of one set of written questions: their subject, folded. The Kamer's Document records say it
 * three ways: the questions by their subject alone (`Het bericht ’UEFA gaf clubs in Rusland 10,8 miljoen euro …’.`),
 * the postponement notice and the answer after `over` (`Uitstel beantwoording vragen van de leden Boswijk, … over het
 * bericht 'UEFA gaf clubs …'`, `Antwoord op vragen van het lid El Abassi over het bericht '…'`). Quotes, accents and
 * punctuation fold away. Null for a record of another kind, or one whose subject cannot be read.
 */
export function questionKey(soort: string | null, onderwerp: string | null): string | null {
  if (!onderwerp) return null
  const subject =
    soort === QUESTION_KINDS.question
      ? onderwerp
      : soort === QUESTION_KINDS.postponement || soort === QUESTION_KINDS.answer
        ? /\bvragen\s+van\s+(?:het\s+lid|de\s+leden)\s+.+?\s+over\s+(.+)$/isu.exec(onderwerp)?.[1]
        : null
  const folded = subject
    ?.normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return folded && folded.length >= 8 ? folded : null
}

/** One set of written questions as the open data follows it: asked, perhaps postponed, perhaps answered. */
export interface QuestionCourse {
  subject: string
  /** Who asked, as the postponement or the answer names them (the questions' record does not). */
  askers: string[]
  /** The Document records (DocumentNummer) and their days. */
  question: { nummer: string | null; date: string | null } | null
  postponements: Array<{ nummer: string | null; date: string | null }>
  answer: { nummer: string | null; date: string | null } | null
  /** Days from the questions to the answer (or to `today`, while unanswered). */
  days: number | null
  /** Late: more than three weeks. `postponedInTime`: a postponement came within them, as the rules ask of a late answer. */
  late: boolean | null
  postponedInTime: boolean | null
  /**
   * Whom they were put to (`de Minister van Defensie`), and that office's ministry (`Defensie`): read from a stored
   * paper of the set (the records carry no addressee), null where none is stored.
   */
  to?: string | null
  ministerie?: string | null
}

/** A Document record as the course reads it. */
export interface QuestionRecord {
  soort: string | null
  onderwerp: string | null
  nummer: string | null
  date: string | null
}

/** A Document record of the Gegevensmagazijn as the course reads it. */
export function questionRecord(r: Record<string, unknown>): QuestionRecord {
  return { soort: str(r.Soort), onderwerp: str(r.Onderwerp), nummer: str(r.DocumentNummer), date: str(r.Datum) }
}

/**
 * The course of one set of written questions from its Document records (joined by {@link questionKey}): the
 * questions' day, the postponement notices, the answer, how many days it took (or has taken by `today`), and
 * whether a late answer was announced by a postponement within the three weeks.
 */
export function questionCourse(records: QuestionRecord[], today: string): QuestionCourse | null {
  const of = (kind: string) => records.filter((r) => r.soort === kind).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
  const q = of(QUESTION_KINDS.question)[0] ?? null
  const answer = of(QUESTION_KINDS.answer)[0] ?? null
  const postponements = of(QUESTION_KINDS.postponement)
  const named = [...postponements, ...(answer ? [answer] : [])].find((r) => r.onderwerp)
  const first = q ?? named
  if (!first?.onderwerp) return null
  const asked = q?.date?.slice(0, 10) ?? null
  const end = answer?.date?.slice(0, 10) ?? today
  const days = asked ? Math.round((Date.parse(end) - Date.parse(asked)) / 864e5) : null
  const deadline = asked ? new Date(Date.parse(asked) + ANSWER_DAYS * 864e5).toISOString().slice(0, 10) : null
  const late = days === null ? null : days > ANSWER_DAYS
  const who = named?.onderwerp ? /\bvragen\s+van\s+(?:het\s+lid|de\s+leden)\s+(.+?)\s+over\s+/isu.exec(named.onderwerp)?.[1] : undefined
  return {
    subject: q?.onderwerp ?? /\s+over\s+(.+)$/su.exec(first.onderwerp)?.[1] ?? first.onderwerp,
    askers: who ? askersOf(who).map((a) => a.name) : [],
    question: q ? { nummer: q.nummer, date: asked } : null,
    postponements: postponements.map((p) => ({ nummer: p.nummer, date: p.date?.slice(0, 10) ?? null })),
    answer: answer ? { nummer: answer.nummer, date: answer.date?.slice(0, 10) ?? null } : null,
    days,
    late,
    postponedInTime: late && deadline ? postponements.some((p) => !!p.date && p.date.slice(0, 10) <= deadline) : null,
  }
}
