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
  }
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
