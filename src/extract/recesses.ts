/**
 * The Tweede Kamer's recesses, for deadlines written as `voor het zomerreces`
 * or `na het kerstreces`.
 *
 * Source: the recess schedules the Tweede Kamer publishes each year
 * ("Recesdata", tweedekamer.nl). The table was written from those schedules
 * without a network here; years outside it follow the rule they keep:
 * the summer recess runs from a Friday in early July (the first Friday after
 * 1 July) to the Monday nine weeks later (5 July – 2 September 2024), the
 * Christmas recess from the Friday before Christmas to the Monday three weeks
 * and three days later (20 December 2024 – 13 January 2025).
 */

/** A recess: the first day the Kamer does not sit, and the day it sits again. */
export interface Recess {
  start: string
  end: string
}

/** Known recesses by name and the year they start in. */
export const RECESS_TABLE: Record<string, Record<number, Recess>> = {
  zomerreces: {
    2019: { start: '2019-07-05', end: '2019-09-02' },
    2020: { start: '2020-07-03', end: '2020-08-31' },
    2021: { start: '2021-07-02', end: '2021-08-30' },
    2022: { start: '2022-07-08', end: '2022-09-05' },
    2023: { start: '2023-07-07', end: '2023-09-04' },
    2024: { start: '2024-07-05', end: '2024-09-02' },
    2025: { start: '2025-07-04', end: '2025-09-01' },
    2026: { start: '2026-07-03', end: '2026-08-31' },
  },
  kerstreces: {
    2019: { start: '2019-12-20', end: '2020-01-13' },
    2020: { start: '2020-12-18', end: '2021-01-11' },
    2021: { start: '2021-12-24', end: '2022-01-17' },
    2022: { start: '2022-12-23', end: '2023-01-16' },
    2023: { start: '2023-12-22', end: '2024-01-15' },
    2024: { start: '2024-12-20', end: '2025-01-13' },
    2025: { start: '2025-12-19', end: '2026-01-12' },
  },
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
const iso = (t: Date) => t.toISOString().slice(0, 10)
const plus = (t: Date, n: number) => new Date(t.getTime() + n * 864e5)

/** The recess of a year by the schedule's rule, for years the table does not hold. */
function byRule(name: string, year: number): Recess | null {
  if (name === 'zomerreces') {
    // The first Friday after 1 July (2022: 1 July was a Friday, the recess began on the 8th).
    const july2 = day(year, 7, 2)
    const friday = plus(july2, (5 - july2.getUTCDay() + 7) % 7)
    return { start: iso(friday), end: iso(plus(friday, 59)) }
  }
  if (name === 'kerstreces') {
    // The last Friday before 25 December.
    const dec24 = day(year, 12, 24)
    const friday = plus(dec24, -((dec24.getUTCDay() - 5 + 7) % 7))
    return { start: iso(friday), end: iso(plus(friday, 24)) }
  }
  return null
}

/** The recess `name` of `year`: from the table, else by the rule. */
export function recessOf(name: string, year: number): Recess | null {
  return RECESS_TABLE[name]?.[year] ?? byRule(name, year)
}

/**
 * The recess a paper of date `ref` means by `het zomerreces`: the first one
 * that has not ended on that date (`next-end`), or not begun (`next-start`,
 * for `voor het zomerreces`).
 */
export function recessFor(name: string, ref: string, mode: 'next-start' | 'next-end'): Recess | null {
  const year = Number(ref.slice(0, 4))
  for (const y of [year - 1, year, year + 1]) {
    const r = recessOf(name, y)
    if (!r) return null
    if ((mode === 'next-start' ? r.start : r.end) >= ref) return r
  }
  return null
}
