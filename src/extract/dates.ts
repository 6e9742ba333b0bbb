import type { DatePrecision } from '../model/document.js'
import { MONTHS } from '../normalize/patterns.js'
import { initialCaseInsensitive } from './regex.js'
import { keepLongest } from './spans.js'

/** A date or period found in text, before it is placed in its sentence. */
export interface FoundDate {
  text: string
  start: string
  end: string
  precision: DatePrecision
  /** Offsets relative to the searched text. */
  index: number
  length: number
  rule: string
}

const M = '(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)'
const WEEKDAY = '(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)'
const FUTURE = /\b(?:zal|zullen|[Gg]a|[Gg]aan|tegemoet zien|voornemens|verwacht(?:en)?|komende|volgende|a\.s\.)\b/
const ORD: Record<string, number> = { eerste: 1, tweede: 2, derde: 3, vierde: 4, '1e': 1, '2e': 2, '3e': 3, '4e': 4 }

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m)
const month = (name: string) => MONTHS[name.toLowerCase()] as number
const dayNumber = (isoDate: string) => Date.parse(isoDate) / 864e5

/** Recesses of the Tweede Kamer, roughly (month-day of first and last day). */
export const RECESSES: Record<string, [string, string]> = {
  zomerreces: ['07-04', '09-01'],
  kerstreces: ['12-20', '01-12'],
  voorjaarsreces: ['02-15', '02-24'],
  krokusreces: ['02-15', '02-24'],
  meireces: ['04-26', '05-12'],
  herfstreces: ['10-17', '10-27'],
}

/** Seasons as ../shared/corpus/README.md defines them: voorjaar March–May, zomer June–August, najaar September–November, winter December–February. */
const SEASONS: Record<string, [number, number]> = { voorjaar: [3, 5], lente: [3, 5], zomer: [6, 8], najaar: [9, 11], herfst: [9, 11], winter: [12, 2] }

function seasonSpan(name: string, year: number): [string, string] {
  const [a, b] = SEASONS[name] as [number, number]
  // Winter runs into the next year.
  return a > b ? [iso(year, a, 1), iso(year + 1, b, lastDay(year + 1, b))] : [iso(year, a, 1), iso(year, b, lastDay(year, b))]
}

/** The year of a day and month without one: `jl.` is the last before the paper's date, `a.s.` the next; otherwise the nearest. */
function yearFor(m: number, d: number, ref: string | null, mode: 'past' | 'future' | 'nearest'): number | null {
  if (!ref) return null
  const y = Number(ref.slice(0, 4))
  const candidates = [y - 1, y, y + 1].filter((c) => validDay(c, m, d))
  const r = dayNumber(ref)
  const pick = (pred: (c: number) => boolean) => candidates.filter(pred)
  if (mode === 'past') return pick((c) => dayNumber(iso(c, m, d)) <= r).pop() ?? null
  if (mode === 'future') return pick((c) => dayNumber(iso(c, m, d)) >= r)[0] ?? null
  let best: number | null = null
  for (const c of candidates) if (best === null || Math.abs(dayNumber(iso(c, m, d)) - r) < Math.abs(dayNumber(iso(best, m, d)) - r)) best = c
  return best
}

/** Right before a day: the words that cite a paper by the day it was sent or held (`brief van`, `verslag d.d.`). */
const CITED_ON = /\b(?:[Kk]amer)?(?:[Bb]rief|verslag|motie)\s+(?:van|d\.d\.|gedateerd)\s+$/

interface Rule {
  name: string
  /** What a sentence must hold for the rule to be tried at all (most hold none of it). */
  needs: 'month' | 'digit' | string[]
  re: RegExp
  /** The match starts with a word that is not part of the date (`in 2020`): the date is the first group. */
  lead?: true
  /** `ahead(at)`: whether the sentence at `at` looks forward, so a date without a year is read forward. */
  make(m: RegExpExecArray, ref: string | null, text: string, ahead: (at: number) => boolean): Omit<FoundDate, 'index' | 'length' | 'rule' | 'text'> | null
}

const refYear = (ref: string | null) => (ref ? Number(ref.slice(0, 4)) : null)
const relYear = (word: string, ref: string | null): number | null => {
  const y = refYear(ref)
  if (y === null) return null
  const w = word.toLowerCase()
  return w === 'volgend' || w === 'komend' || w === 'volgende' || w === 'komende' ? y + 1 : w === 'vorig' || w === 'vorige' || w === 'afgelopen' ? y - 1 : y
}

// Ordered from specific to general; overlaps are resolved by keeping the longest match.
const RULES: Rule[] = [
  {
    // `1 t/m 26 augustus 2022`, `van 1 tot en met 5 augustus`, `1-5 augustus`
    name: 'date.day-range',
    needs: 'month',
    re: new RegExp(`\\b(\\d{1,2})\\s*(?:t\\/m|tot en met|tot|–|-)\\s*(\\d{1,2})\\s+${M}(?:\\s+(\\d{4}))?`, 'giu'),
    make(m, ref) {
      const mo = month(m[3] as string)
      const d1 = Number(m[1])
      const d2 = Number(m[2])
      const y = m[4] ? Number(m[4]) : yearFor(mo, d2, ref, 'nearest')
      if (y === null || !validDay(y, mo, d1) || !validDay(y, mo, d2) || d2 < d1) return null
      return { start: iso(y, mo, d1), end: iso(y, mo, d2), precision: 'day' }
    },
  },
  {
    // `1 juli t/m 15 augustus 2022`
    name: 'date.cross-month-range',
    needs: 'month',
    re: new RegExp(`\\b(\\d{1,2})\\s+${M}(?:\\s+(\\d{4}))?\\s*(?:t\\/m|tot en met|tot|–|-)\\s*(\\d{1,2})\\s+${M}\\s+(\\d{4})`, 'giu'),
    make(m) {
      const y2 = Number(m[6])
      const y1 = m[3] ? Number(m[3]) : y2
      const a = [y1, month(m[2] as string), Number(m[1])] as const
      const b = [y2, month(m[5] as string), Number(m[4])] as const
      if (!validDay(...a) || !validDay(...b)) return null
      return { start: iso(...a), end: iso(...b), precision: 'day' }
    },
  },
  {
    // `27 mei 2022`, `dinsdag 24 september`, `3 januari jl.`, `8 december a.s.`
    name: 'date.day',
    needs: 'month',
    re: new RegExp(`\\b(?:${WEEKDAY}\\s+)?(\\d{1,2})\\s+${M}(?:\\s+(\\d{4}))?(?:\\s+(jl\\.|j\\.l\\.|a\\.s\\.))?`, 'giu'),
    make(m, ref, text, ahead) {
      const mo = month(m[2] as string)
      const d = Number(m[1])
      // A paper cited by its day was sent before the citing one, whatever the sentence looks forward to
      // (`Zoals ik in mijn brief van 6 april schreef, zal ik …`).
      const cited = CITED_ON.test(text.slice(Math.max(0, m.index - 40), m.index))
      const mode = m[4] ? (m[4].startsWith('a') ? 'future' : 'past') : cited ? 'past' : ahead(m.index) ? 'future' : 'nearest'
      const y = m[3] ? Number(m[3]) : yearFor(mo, d, ref, mode)
      if (y === null || !validDay(y, mo, d)) return null
      return { start: iso(y, mo, d), end: iso(y, mo, d), precision: 'day' }
    },
  },
  {
    // Two days of one month: `27 en 28 oktober 2025` (a meeting of two days) is one period, not a day and a number.
    name: 'date.day-pair',
    needs: 'month',
    re: new RegExp(`\\b(\\d{1,2})\\s+en\\s+(\\d{1,2})\\s+${M}(?:\\s+(\\d{4}))?`, 'giu'),
    make(m, ref, _text, ahead) {
      const mo = month(m[3] as string)
      const a = Number(m[1])
      const b = Number(m[2])
      if (b <= a) return null
      const y = m[4] ? Number(m[4]) : yearFor(mo, b, ref, ahead(m.index) ? 'future' : 'nearest')
      if (y === null || !validDay(y, mo, a) || !validDay(y, mo, b)) return null
      return { start: iso(y, mo, a), end: iso(y, mo, b), precision: 'day' }
    },
  },
  {
    // A month with `jl.` or `a.s.` and no day: `maart jl.` is the last March before the paper, `juni a.s.` the next June.
    name: 'date.month-jl',
    needs: 'month',
    re: new RegExp(`(?<!\\d\\s?)\\b${M}\\s+(jl\\.|j\\.l\\.|a\\.s\\.)`, 'giu'),
    make(m, ref) {
      const mo = month(m[1] as string)
      const past = !(m[2] as string).startsWith('a')
      // The whole month before the paper (past) or after it (future): `maart jl.` written in March is last year's.
      const y = yearFor(mo, past ? lastDay(2001, mo) : 1, ref, past ? 'past' : 'future')
      if (y === null) return null
      return { start: iso(y, mo, 1), end: iso(y, mo, lastDay(y, mo)), precision: 'month' }
    },
  },
  {
    // `8-7-2019`, `08/07/2019`
    name: 'date.numeric',
    needs: 'digit',
    re: /\b(\d{1,2})[-/](\d{1,2})[-/]((?:19|20)\d{2})\b/g,
    make(m) {
      const d = Number(m[1])
      const mo = Number(m[2])
      const y = Number(m[3])
      if (!validDay(y, mo, d)) return null
      return { start: iso(y, mo, d), end: iso(y, mo, d), precision: 'day' }
    },
  },
  {
    // `tweede helft van oktober 2013`
    name: 'date.half-month',
    needs: 'month',
    re: new RegExp(`\\b(eerste|tweede)\\s+helft\\s+van\\s+${M}(?:\\s+(\\d{4}))?`, 'giu'),
    make(m, ref) {
      const mo = month(m[2] as string)
      const y = m[3] ? Number(m[3]) : yearFor(mo, 15, ref, 'nearest')
      if (y === null) return null
      return m[1]?.toLowerCase() === 'eerste'
        ? { start: iso(y, mo, 1), end: iso(y, mo, 15), precision: 'half' }
        : { start: iso(y, mo, 16), end: iso(y, mo, lastDay(y, mo)), precision: 'half' }
    },
  },
  {
    // `begin maart`, `eind juni 2023`, `medio mei` (begin/eind of a month: its first/last ten days)
    name: 'date.part-of-month',
    needs: 'month',
    re: new RegExp(`\\b(begin|eind|einde|medio|half)\\s+${M}(?:\\s+(\\d{4}))?`, 'giu'),
    make(m, ref) {
      const mo = month(m[2] as string)
      const y = m[3] ? Number(m[3]) : yearFor(mo, 15, ref, 'nearest')
      if (y === null) return null
      const w = (m[1] as string).toLowerCase()
      if (w === 'begin') return { start: iso(y, mo, 1), end: iso(y, mo, 10), precision: 'day' }
      if (w.startsWith('eind')) return { start: iso(y, mo, lastDay(y, mo) - 9), end: iso(y, mo, lastDay(y, mo)), precision: 'day' }
      return { start: iso(y, mo, 11), end: iso(y, mo, 20), precision: 'day' }
    },
  },
  {
    // `augustus 2022`
    name: 'date.month-year',
    needs: 'month',
    re: new RegExp(`\\b${M}\\s+((?:19|20)\\d{2})\\b`, 'giu'),
    make(m) {
      const mo = month(m[1] as string)
      const y = Number(m[2])
      return { start: iso(y, mo, 1), end: iso(y, mo, lastDay(y, mo)), precision: 'month' }
    },
  },
  {
    // `in augustus`, `(1 t/m 5 augustus)` is a range; a month alone after a preposition: the nearest such month.
    name: 'date.month',
    needs: 'month',
    re: new RegExp(`\\b(?:in|per|vanaf|sinds|tot|voor|na|rond|uiterlijk|deze|afgelopen|komende|volgende)\\s+(${M})\\b(?!\\s+\\d)`, 'gu'),
    lead: true,
    make(m, ref, _text, ahead) {
      const mo = month(m[1] as string)
      // The whole month counts: `in mei` written on 27 May is this May.
      const forward = ahead(m.index)
      const y = yearFor(mo, forward ? lastDay(2001, mo) : 15, ref, forward ? 'future' : 'nearest')
      if (y === null) return null
      return { start: iso(y, mo, 1), end: iso(y, mo, lastDay(y, mo)), precision: 'month' }
    },
  },
  {
    // `het eerste kwartaal van 2023`, `Q3 2022`, `derde kwartaal`
    name: 'date.quarter',
    needs: ['kwartaal', 'Q1', 'Q2', 'Q3', 'Q4'],
    re: /\b(?:(?:het\s+)?(eerste|tweede|derde|vierde|1e|2e|3e|4e)\s+kwartaal(?:\s+van)?(?:\s+((?:19|20)\d{2}))?|Q([1-4])\s+((?:19|20)\d{2}))/giu,
    make(m, ref) {
      const q = m[3] ? Number(m[3]) : (ORD[(m[1] as string).toLowerCase()] as number)
      const y = m[4] ? Number(m[4]) : m[2] ? Number(m[2]) : refYear(ref)
      if (y === null) return null
      return { start: iso(y, q * 3 - 2, 1), end: iso(y, q * 3, lastDay(y, q * 3)), precision: 'quarter' }
    },
  },
  {
    // `in het voorjaar van 2023`, `najaar 2017`, `dit najaar`, `het najaar`, `rond de zomer`, `voor de zomer`
    name: 'date.season',
    needs: ['jaar', 'zomer', 'Zomer', 'winter', 'Winter', 'lente', 'herfst'],
    re: /\b(?:(?:(dit|deze|volgend|komend|vorig|afgelopen)|het|de)\s+(voorjaar|zomer|najaar|winter|lente|herfst)(?:\s+(?:van\s+)?((?:19|20)\d{2}))?|(voorjaar|zomer|najaar|winter|lente|herfst)\s+(?:van\s+)?((?:19|20)\d{2}))\b(?!reces|-)/giu,
    make(m, ref) {
      const name = ((m[2] ?? m[4]) as string).toLowerCase()
      const given = m[3] ?? m[5]
      let y = given ? Number(given) : m[1] ? relYear(m[1], ref) : refYear(ref)
      if (y === null) return null
      // A season named without a year is the coming one: `in het voorjaar` in a December letter is next spring.
      if (!given && !m[1] && ref && dayNumber(seasonSpan(name, y)[1]) < dayNumber(ref)) y++
      const [start, end] = seasonSpan(name, y)
      return { start, end, precision: 'season' }
    },
  },
  {
    // `na het zomerreces`, `voor het kerstreces`: the recess itself, roughly (its dates differ a little each year).
    name: 'date.recess',
    needs: ['reces'],
    re: /\b(?:het\s+)?(zomerreces|kerstreces|voorjaarsreces|meireces|herfstreces|krokusreces)(?:\s+(?:van\s+)?((?:19|20)\d{2}))?\b/giu,
    make(m, ref) {
      const span = RECESSES[(m[1] as string).toLowerCase()]
      const y = m[2] ? Number(m[2]) : refYear(ref)
      if (!span || y === null) return null
      const [a, b] = span
      const endYear = b < a ? y + 1 : y
      return { start: `${y}-${a}`, end: `${endYear}-${b}`, precision: 'season' }
    },
  },
  {
    // `eerste helft van 2024`, `tweede halfjaar`
    name: 'date.half-year',
    needs: ['helft', 'halfjaar'],
    re: /\b(?:de\s+|het\s+)?(eerste|tweede)\s+(?:helft|halfjaar)(?:\s+van)?(?:\s+((?:19|20)\d{2})|\s+(dit|volgend) jaar)\b/giu,
    make(m, ref) {
      const y = m[2] ? Number(m[2]) : relYear(m[3] as string, ref)
      if (y === null) return null
      return (m[1] as string).toLowerCase() === 'eerste'
        ? { start: iso(y, 1, 1), end: iso(y, 6, 30), precision: 'half' }
        : { start: iso(y, 7, 1), end: iso(y, 12, 31), precision: 'half' }
    },
  },
  {
    // `eind 2022`, `begin 2023`, `medio 2023`, `eind dit jaar`, `begin volgend jaar`, `het einde van het jaar`
    name: 'date.part-of-year',
    needs: ['begin', 'Begin', 'eind', 'Eind', 'medio', 'Medio', 'half'],
    re: /\b(?:(begin|eind|medio|half)\s+(?:((?:19|20)\d{2})\b|(dit|volgend|komend|vorig)\s+jaar)|(?:het\s+)?(einde|begin)\s+van\s+(?:(dit|het|volgend|vorig)\s+jaar|((?:19|20)\d{2})))/giu,
    make(m, ref) {
      const part = ((m[1] ?? m[4]) as string).toLowerCase()
      const y = m[2] ? Number(m[2]) : m[6] ? Number(m[6]) : relYear((m[3] ?? m[5] ?? 'dit') as string, ref)
      if (y === null) return null
      if (part === 'begin') return { start: iso(y, 1, 1), end: iso(y, 2, lastDay(y, 2)), precision: 'month' }
      if (part.startsWith('eind')) return { start: iso(y, 11, 1), end: iso(y, 12, 31), precision: 'month' }
      return { start: iso(y, 6, 1), end: iso(y, 7, 31), precision: 'month' }
    },
  },
  {
    // `dit jaar`, `volgend jaar`, `vorig jaar`
    name: 'date.relative-year',
    needs: ['jaar'],
    re: /\b(dit|volgend|komend|vorig)\s+jaar\b/giu,
    make(m, ref) {
      const y = relYear(m[1] as string, ref)
      return y === null ? null : { start: iso(y, 1, 1), end: iso(y, 12, 31), precision: 'year' }
    },
  },
  {
    // `(2020-2023)`, `voor de periode 2024-2027`, `van 2021 t/m 2027`; not a programme name (`NPCE 2023-2030`) nor a vergaderjaar.
    name: 'date.year-range',
    needs: 'digit',
    re: /(?<![\d/])((?:19|20)\d{2})\s*(?:–|-|t\/m|tot en met|tot)\s*((?:19|20)\d{2})(?![\d/])/gu,
    make(m, _ref, text) {
      const before = text.slice(Math.max(0, m.index - 40), m.index)
      if (/(?:^|\s)(?:\p{Lu}[\p{L}-]*|\d+)\s*$/u.test(before) && !/(?:^|\s)(?:In|Van|Vanaf|Tot|Tussen|Sinds|Periode)\s*$/.test(before)) return null
      if (/(vergaderjaar|Vergaderjaar)\s*$/.test(before)) return null
      const a = Number(m[1])
      const b = Number(m[2])
      if (b <= a) return null
      return { start: iso(a, 1, 1), end: iso(b, 12, 31), precision: 'years' }
    },
  },
  {
    // A bare year only after a word of time: `in 2020`, `vanaf 2023`, `ten opzichte van 1990`; not `het 2010 Actieplan`, not `2021/22`.
    name: 'date.year',
    needs: 'digit',
    re: /\b(?:in|sinds|vanaf|tot|voor|na|rond|per|van|t\/m|tussen|en|uiterlijk|jaar|jaren|of|eind|begin|medio)\s((?:19|20)\d{2})\b(?![/\d]|-\d|\s*(?:–|t\/m|tot)\s*\d)/giu,
    lead: true,
    make(m) {
      const y = Number(m[1])
      return { start: iso(y, 1, 1), end: iso(y, 12, 31), precision: 'year' }
    },
  },
]

/** Whether `text` (one sentence) looks forward: `kunt u de brief in januari tegemoet zien`. */
export function lookingAhead(text: string): () => boolean {
  let ahead: boolean | undefined
  return () => (ahead ??= FUTURE.test(text))
}

for (const rule of RULES) rule.re = initialCaseInsensitive(rule.re)

/**
 * Finds the dates and periods in `text`, resolved against `ref` (the paper's
 * own date) where the text leaves the year out. Overlapping readings keep the
 * longest (`1 t/m 26 augustus 2022` over `26 augustus 2022`).
 */
export function findDates(text: string, ref: string | null, ahead: (at: number) => boolean = lookingAhead(text)): FoundDate[] {
  const found: FoundDate[] = []
  const run = (rules: Rule[], from: number, to: number) => {
    const part = from === 0 && to === text.length ? text : text.slice(from, to)
    for (const rule of rules) {
      // String.includes is far faster than a regex alternation of words.
      if (typeof rule.needs !== 'string' && !rule.needs.some((w) => part.includes(w))) continue
      rule.re.lastIndex = 0
      for (let m = rule.re.exec(part); m; m = rule.re.exec(part)) {
        const made = rule.make(m, ref, part, (at) => ahead(from + at))
        if (!made) continue
        const group = rule.lead ? (m[1] as string) : m[0].trim()
        const index = from + m.index + (rule.lead ? m[0].lastIndexOf(group) : m[0].length - m[0].trimStart().length)
        // Spelt out, not spread: sixteen rules make objects of one shape, which V8 copies fast.
        found.push({ text: group, start: made.start, end: made.end, precision: made.precision, index, length: group.length, rule: rule.name })
      }
    }
  }
  // Month rules look only around month names, year rules only around years: dates are sparse.
  for (const [from, to] of windows(text, monthPositions(text), 45, 25)) run(MONTH_RULES, from, to)
  for (const [from, to] of windows(text, yearPositions(text), 30, 30)) run(YEAR_RULES, from, to)
  // The other rules only around their own words (`najaar`, `kwartaal`, `eind` …).
  const words = wordPositions(text)
  for (const rule of WORD_RULES) {
    const needs = rule.needs as string[]
    const mine = words.filter(([at, length]) => needs.includes(text.slice(at, at + length)))
    for (const [from, to] of windows(text, mine, 40, 30)) run([rule], from, to)
  }
  return keepLongest(found)
}

const MONTH_ANCHOR = /(?:[jJ]anuari|[fF]ebruari|[mM]aart|[aA]pril|[mM]ei|[jJ]uni|[jJ]uli|[aA]ugustus|[sS]eptember|[oO]ktober|[nN]ovember|[dD]ecember)/g
const YEAR_ANCHOR = /(?:19|20)\d\d/g

/** Where month names stand, as [index, length]: one regex pass (cheaper than an indexOf per name). */
function monthPositions(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  MONTH_ANCHOR.lastIndex = 0
  for (let m = MONTH_ANCHOR.exec(text); m; m = MONTH_ANCHOR.exec(text)) out.push([m.index, m[0].length])
  return out
}

/** Where the words of the word rules stand (`najaar`, `kwartaal`, `eind` …), in one regex pass. */
function wordPositions(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  WORD_ANCHOR.lastIndex = 0
  for (let m = WORD_ANCHOR.exec(text); m; m = WORD_ANCHOR.exec(text)) out.push([m.index, m[0].length])
  return out
}

function yearPositions(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  YEAR_ANCHOR.lastIndex = 0
  for (let m = YEAR_ANCHOR.exec(text); m; m = YEAR_ANCHOR.exec(text)) out.push([m.index, 4])
  return out
}

const MONTH_RULES = RULES.filter((r) => r.needs === 'month')
const YEAR_RULES = RULES.filter((r) => r.needs === 'digit')
const WORD_RULES = RULES.filter((r) => typeof r.needs !== 'string')
const WORD_ANCHOR = new RegExp([...new Set(WORD_RULES.flatMap((r) => r.needs as string[]))].sort((a, b) => b.length - a.length).join('|'), 'g')

/** Stretches of text around each anchor, merged, widened to whole words. */
function windows(text: string, anchors: Array<[number, number]>, before: number, after: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const [at, length] of anchors) {
    let from = Math.max(0, at - before)
    while (from > 0 && text[from - 1] !== ' ') from--
    let to = Math.min(text.length, at + length + after)
    while (to < text.length && text[to] !== ' ') to++
    const last = out[out.length - 1]
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else out.push([from, to])
  }
  return out
}
