import type { ReferenceKind } from '../model/document.js'
import { canonicalDossier } from '../normalize/layout.js'
import { findDates } from './dates.js'
import { initialCaseInsensitive } from './regex.js'

/** A reference found in text, before spans are mapped. */
export interface FoundReference {
  text: string
  target: string | null
  kind: ReferenceKind
  date?: string
  /** The id of a paper cited where the target stays null by convention (`ah-tk-20182019-2948`). */
  paper?: string
  index: number
  length: number
  rule: string
}

// A dossier as printed: `33 783`, `33009`, `21 501-02`, `36 410-XVI`, `33 000 X`, `36 200 IV`.
const DOSSIER = String.raw`\d{2}\s?\d{3}(?:[\s-](?:[A-Z]{1,3}|[IVXLC]+|\d{2})(?![\p{L}\d]))?`
const NR = String.raw`\d+|[A-Z]{1,2}(?![\p{L}])`
const M = '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)'

/** `2015/16` → `20152016`; `2021/2022` → `20212022`. */
function vergaderjaarId(a: string, b: string): string {
  const end = b.length === 2 ? `${a.slice(0, 2)}${b}` : b
  return `${a}${end}`
}

const kamerLetters = (k: string) => (k === 'I' ? 'ek' : 'tk')

interface Rule {
  name: string
  /** A word the rule cannot match without: tested before the regex. */
  needs: RegExp
  re: RegExp
  make(m: RegExpExecArray, ref: string | null): Array<Omit<FoundReference, 'index' | 'length' | 'rule' | 'text'>>
}

const RULES: Rule[] = [
  {
    // `Kamerstuk 33 783, nr.48`, `Kamerstukken II 2021/22, 33 783, nr. 48`, `Kamerstuk 21 501-02, nrs. 2507 en 2510`,
    // `Kamerstukken 21 501-02 en 36 045, nr. 2502`, `Kamerstukken 35 234, 35 235, 35 236 en 35 237, nr. 7` (one paper
    // printed in several dossiers: the first names it, as the official citation rules say).
    name: 'reference.kamerstuk',
    needs: /[Kk]amerstuk|KAMERSTUK|Kst\./,
    re: new RegExp(
      String.raw`(?:\b[Kk]amerstuk(?:ken)?|\bKAMERSTUK(?:KEN)?|\bKst\.)(?:\s+(?:I|II))?(?:\s+\d{4}\/\d{2,4},?)?\s+(${DOSSIER})((?:\s*(?:,|,?\s*en|&)\s+${DOSSIER})*)\s*,?\s*(?:nrs?\.?\s*((?:${NR})(?:(?:\s*,\s*|\s+en\s+)(?:${NR}))*)|([A-Z]{1,2})(?![\p{L}\d]))`,
      'gu',
    ),
    make(m) {
      // `Kamerstuk 34 998, C`: an Eerste Kamer paper numbered by letter, without `nr.`.
      const dossier = canonicalDossier(m[1] as string)
      return ((m[3] ?? m[4]) as string).split(/\s*,\s*|\s+en\s+/).map((nr) => ({ target: `kst-${dossier}-${nr.trim()}`, kind: 'kamerstuk' as const }))
    },
  },
  {
    // Dossier and number joined by a dash after the word Kamerstuk: `Kamerstuk 33 783-48`. Without the
    // word this form is not read: `21 501-20` is also how sub-dossiers are written.
    name: 'reference.kamerstuk-dash',
    needs: /[Kk]amerstuk|Kst\./,
    // Two numbers of one dossier: `(Kamerstuk 36672-5 en 6)` (a letter answering two moties).
    re: /(?:\b[Kk]amerstuk(?:ken)?|\bKst\.)\s+(\d{2}\s?\d{3})-(\d{1,5})(?:\s+en\s+(\d{1,4})(?=\s*[).;,]|\s*$))?(?![\d-])(?!\s*,?\s*(?:en\s|nrs?\.?\s))/gu,
    make(m) {
      const dossier = canonicalDossier(m[1] as string)
      return [m[2], m[3]].filter((nr): nr is string => !!nr).map((nr) => ({ target: `kst-${dossier}-${nr}`, kind: 'kamerstuk' as const }))
    },
  },
  {
    // Without the word Kamerstuk: `(36 410-XVI, nr. 96)`, `21 501-02, nr. 2507`.
    name: 'reference.dossier-nr',
    needs: /nrs?\.?\s?[\dA-Z]/,
    re: new RegExp(
      String.raw`(?<![\d\p{L}\/-])(\d{2}\s?\d{3}(?:[\s-](?:[A-Z]{1,3}|[IVXLC]+|\d{2})(?![\p{L}\d]))?),\s*nrs?\.?\s*((?:${NR})(?:(?:\s*,\s*|\s+en\s+)(?:${NR}))*)`,
      'gu',
    ),
    make(m) {
      const dossier = canonicalDossier(m[1] as string)
      return (m[2] as string).split(/\s*,\s*|\s+en\s+/).map((nr) => ({ target: `kst-${dossier}-${nr.trim()}`, kind: 'kamerstuk' as const }))
    },
  },
  {
    // The id written with hyphens, without the word Kamerstuk: `21501-02-3120`, `36600-VIII-120`, `(33576-421)`.
    // Two parts count only with a number of three digits or more: `21 501-20` and `21501-02` are sub-dossiers.
    name: 'reference.hyphenated',
    needs: /\d{5}-/,
    re: /(?<![\d\p{L}/.-])(\d{5})-(?:((?:\d{2}|[IVXLC]+|[A-Z]{1,2}))-(\d{1,5})|(\d{3,5}))(?![\d\p{L}-])/gu,
    make(m) {
      return [{ target: m[4] ? `kst-${m[1]}-${m[4]}` : `kst-${m[1]}-${m[2]}-${m[3]}`, kind: 'kamerstuk' }]
    },
  },
  {
    // An Eerste Kamer citation: `(2012–2013, CII, B)`.
    name: 'reference.eerste-kamer',
    needs: /\(\d{4}/,
    re: /\((?:Kamerstukken\s+I\s+)?(\d{4})\s*[–-]\s*(\d{4}),\s*([A-Z]{1,6}|\d{2}\s?\d{3}(?:[\s-][A-Z0-9]{1,4})?),\s*([A-Z]{1,3}|\d+)\)/gu,
    make(m) {
      return [{ target: `kst-${canonicalDossier(m[3] as string)}-${m[4]}`, kind: 'kamerstuk' }]
    },
  },
  {
    // An Eerste Kamer paper by its letter, without the vergaderjaar: `EK 36 600 B, A`, `EK 34 568, H`, and in
    // brackets `de motie Kox c.s. van de Eerste Kamer (35 431, D)`. Bare, `35 431, D` could be anything; after `EK`
    // or alone in brackets it is the chamber's way of numbering its papers.
    name: 'reference.eerste-kamer-letter',
    needs: /\bEK\s|\(\d{2}\s?\d{3}/,
    re: new RegExp(String.raw`\bEK\s+(${DOSSIER}),\s*([A-Z]{1,2})(?![\p{L}\d])|\((${DOSSIER}),\s*([A-Z]{1,2})\)`, 'gu'),
    make(m) {
      return [{ target: `kst-${canonicalDossier((m[1] ?? m[3]) as string)}-${m[2] ?? m[4]}`, kind: 'kamerstuk' }]
    },
  },
  {
    // A canonical id in the text: `kst-33783-48`, `h-tk-20212022-50-3`, `ah-tk-20212022-1234`.
    name: 'reference.id',
    needs: /kst-|h-tk|h-ek|ah-tk|ah-ek/,
    re: /\b((?:kst-[\dA-Z]+(?:-[\dA-Z]+)*-[\dA-Z]+)|(?:h-(?:tk|ek)-\d{8}-\d+(?:-\d+)?)|(?:ah-(?:tk|ek)-\d{8}-\d+))\b/gu,
    make(m) {
      const id = m[1] as string
      return [{ target: id, kind: id.startsWith('kst') ? 'kamerstuk' : id.startsWith('ah') ? 'aanhangsel' : 'handelingen' }]
    },
  },
  {
    // `Handelingen II 2021/22, nr. 50, item 3` → h-tk-20212022-50-3; without an item the target is not known.
    name: 'reference.handelingen',
    needs: /Handelingen/,
    re: /\b(?<!Aanhangsel\s(?:van\s+de\s+)?)Handelingen\s+(I|II)\s+(\d{4})\/(\d{2,4}),?\s+nr\.\s*(\d+)(?:\s*,\s*item\s+(\d+))?/gu,
    make(m) {
      const base = `h-${kamerLetters(m[1] as string)}-${vergaderjaarId(m[2] as string, m[3] as string)}-${m[4]}`
      return [{ target: m[5] ? `${base}-${m[5]}` : null, kind: 'handelingen' }]
    },
  },
  {
    // Answers to written questions: `Aanhangsel Handelingen II 2021/22, nr. 1234` → ah-tk-20212022-1234; as the
    // answers print it, `Aanhangsel Handelingen, vergaderjaar 2016–2017, nr. 1651` (the Tweede Kamer's, wrapped or not).
    name: 'reference.aanhangsel',
    needs: /Aanhangsel/,
    re: /\bAanhangsel\s+(?:van\s+de\s+)?Handelingen(?:\s+(I|II))?\s*,?\s+(?:[Vv]ergaderjaar\s+)?(\d{4})\s*[/–-]\s*(\d{2}|\d{4}),?\s+nr\.\s*(\d+)/gu,
    make(m) {
      // The canonical target of a citation is a Kamerstuk or a Handelingen item; answers to written questions
      // keep their own id beside a null target, as the corpus's gold does.
      return [{ target: null, kind: 'aanhangsel', paper: `ah-${kamerLetters(m[1] ?? 'II')}-${vergaderjaarId(m[2] as string, m[3] as string)}-${m[4]}` }]
    },
  },
  {
    // Tweede Kamer numbers: `2022Z11655` (a Zaak), `2022D25945` (a Document); a PDF may split the digits (`2022D222 49`).
    name: 'reference.tk-number',
    needs: /\d{4}[ZD]/,
    re: /\b((?:19|20)\d{2})([ZD])\s?(\d(?:\s?\d){4})(?!\d)/gu,
    make(m) {
      return [{ target: `${m[1]}${m[2]}${(m[3] as string).replace(/\s/g, '')}`, kind: m[2] === 'Z' ? 'zaak' : 'document' }]
    },
  },
  {
    // A letter cited by its date: `de brief van 1 december 2021`, `Kamerbrief «Inzet …» van 1 december 2021`, `brief van 8 december jl.`,
    // a kind of letter and its subject before the date (`voortgangsbrief over de uitwerking van het arbeidsmarktpakket van
    // 3 april jl.`), and `mijn brief van heden` (sent the same day as the citing paper).
    name: 'reference.letter-by-date',
    needs: /[Bb]rief/,
    re: initialCaseInsensitive(
      new RegExp(
        String.raw`\b(?:\p{L}{3,30})?brief(?:\s+«[^»]{1,200}»|\s+(?:over|inzake|betreffende)\s+[^.;:()«»|]{3,120}?)?\s+(?:van|d\.d\.|gedateerd)\s+(heden|(?:\p{L}+dag\s+)?\d{1,2}\s+${M}(?:\s+\d{4})?(?:\s+(?:jl|j\.l|a\.s)\.)?)`,
        'giu',
      ),
    ),
    make(m, ref) {
      const date = m[1] === 'heden' ? (ref ? { start: ref } : undefined) : findDates(m[1] as string, ref)[0]
      return [{ target: null, kind: 'brief', ...(date ? { date: date.start } : {}) }]
    },
  },
  {
    // A letter cited by the day it was sent, the date first: `de op 10 februari 2023 toegezonden brief`.
    name: 'reference.letter-sent-on',
    needs: /brief/,
    re: new RegExp(
      String.raw`\bop\s+(\d{1,2}\s+${M}(?:\s+\d{4})?(?:\s+jl\.)?)\s+(?:aan\s+(?:uw|de)\s+Kamer\s+)?(?:toegezonden|verzonden|gezonden|gestuurde|verstuurde|toegestuurde)\s+(?:\p{L}{3,30})?brief\b`,
      'gu',
    ),
    make(m, ref) {
      const date = findDates(m[1] as string, ref)[0]
      return [{ target: null, kind: 'brief', ...(date ? { date: date.start } : {}) }]
    },
  },
  {
    // A letter cited by its subject or its reference: `Kamerbrief over stand van zaken …`, `Kamerbrief «Innovatie en
    // impact»`, `brief «Mensen met een middeninkomen»`, `brief (kenmerk BFB 2011-1386M)`.
    name: 'reference.letter-by-subject',
    needs: /[Bb]rief/,
    re: /\bKamerbrief\s+over\s+[^.;:()|]{3,160}|\b(?:Kamer)?brief\s+«[^»]{1,200}»|\bbrief\s+\(?(?:met\s+)?kenmerk\s+[\p{Lu}\d][\p{L}\d/.-]*(?:\s[\p{Lu}\d][\p{L}\d/.-]*){0,3}\)?/gu,
    make() {
      return [{ target: null, kind: 'brief' }]
    },
  },
  {
    // The papers of a bill, which carry no number in the text that names them: `de memorie van toelichting bij het
    // wetsvoorstel`, `het voorlopig verslag van de vaste commissie voor …`, `de nota naar aanleiding van het verslag`,
    // `het verslag van dit wetsvoorstel`. Not the paper speaking of itself (`In deze memorie van antwoord …`).
    name: 'reference.bill-paper',
    needs: /emorie van|ota naar aanleiding|ota van wijziging|erslag/,
    re: initialCaseInsensitive(
      /(?<!\b(?:[Dd]eze|[Dd]it)\s)\b(?:memorie\s+van\s+(?:toelichting|antwoord)|nota\s+naar\s+aanleiding\s+van\s+het\s+(?:nader\s+)?verslag|nota\s+van\s+wijziging|(?:voorlopig|nader)\s+verslag(?:\s+van\s+de\s+(?:vaste\s+)?commissie)?|eindverslag(?:\s+«[^»]{1,200}»)?|verslag\s+(?:van|bij|over)\s+(?:dit|het|deze)\s+wetsvoorstel)(?![\p{L}\d])/giu,
    ),
    make(m) {
      return [{ target: null, kind: /^[Mm]emorie|^[Nn]ota/.test(m[0]) ? 'memorie' : 'verslag' }]
    },
  },
  {
    // The advice on a bill: `het advies van de Raad van State`, `advies van de Afdeling advisering van de Raad van State`,
    // a footnote's digit glued on (`Raad van State1`).
    name: 'reference.advice',
    needs: /Raad van State/,
    re: /\b(?:advies|voorlichting)\s+van\s+de\s+(?:Afdeling\s+advisering\s+van\s+de\s+)?Raad\s+van\s+State(?!\p{L})/gu,
    make() {
      return [{ target: null, kind: 'advies' }]
    },
  },
  {
    // A report by its title or its number in a series: `eindrapport «Ongekend onrecht»`, `20e Halfjaarrapportage`,
    // `de 21e Halfjaarsrapportage van afgelopen april`.
    name: 'reference.report',
    needs: /apport/,
    re: /\b(?:\p{L}{0,20}rapport(?:age)?\s+«[^»]{1,200}»|\d{1,3}(?:e|ste|de)\s+\p{L}{0,30}[Rr]apportage)/gu,
    make() {
      return [{ target: null, kind: 'rapport' }]
    },
  },
  {
    // A dossier cited without a number: `Kamerstuk 35 732`, `TK 33 354`. Which paper is meant is not said; the
    // dossier is (`paper` stays empty: it names a paper, and this is a dossier).
    name: 'reference.dossier',
    needs: /[Kk]amerstuk|\bTK\s|\bEK\s/,
    re: new RegExp(String.raw`\b(?:[Kk]amerstuk(?:ken)?|TK|EK)\s+(${DOSSIER})(?![\s,]*(?:nrs?\.?\s*\d|[A-Z]{1,2}(?![\p{L}\d])|\d|-\d))`, 'gu'),
    make() {
      return [{ target: null, kind: 'kamerstuk' }]
    },
  },
  {
    // A motie cited by its mover: `de motie van het lid Knops`, `de motie Bontenbal/Grinwis`, `motie Vliegenthart`.
    name: 'reference.motie-by-name',
    needs: /motie/,
    re: /\b(?:gewijzigde\s+)?motie\s+(?:van\s+(?:het\s+lid|de\s+leden)\s+)?(?:(?:Van|De|Den|Ter|Van der|Van den)\s+)?\p{Lu}[\p{L}'-]+(?:\s*(?:\/|en)\s*(?:(?:Van|De)\s+)?\p{Lu}[\p{L}'-]+)*(?:\s+c\.s\.)?/gu,
    make() {
      return [{ target: null, kind: 'motie' }]
    },
  },
]

/** The citing paper itself: its own id is no reference, and `nr. 8` alone means a number of its own dossier. */
export interface OwnPaper {
  id?: string | null
  dossier?: string | null
}

// `Ter vervanging van die gedrukt onder nr. 8`: a reprint names the paper it replaces by its number in the same dossier.
const SAME_DOSSIER = /(?:\b[Tt]er vervanging van (?:die|het stuk|de brief) )?\bgedrukt onder\s+nr\.\s*(\d+)/gu

const NEEDS = new RegExp(RULES.map((r) => r.needs.source).join('|'), 'g')

/**
 * Finds citations of parliamentary papers in `text` and resolves them to
 * canonical ids. A reference inside a longer one (the `33 783, nr. 48` of
 * `Kamerstuk 33 783, nr. 48`) is dropped; a Kamerstuk cited right after
 * `motie` is a motie.
 */
export function findReferences(text: string, ref: string | null, own: OwnPaper = {}): FoundReference[] {
  const found: FoundReference[] = []
  // Which rules can match at all, from one scan for all their words together.
  const present = new Set<number>()
  NEEDS.lastIndex = 0
  for (let m = NEEDS.exec(text); m; m = NEEDS.exec(text)) {
    const word = m[0]
    // Needs overlap (`(2013D17498)` holds `(2013` and `2013D`): look again from the next character.
    NEEDS.lastIndex = m.index + 1
    RULES.forEach((r, k) => {
      if (!present.has(k) && r.needs.test(word)) present.add(k)
    })
    if (present.size === RULES.length) break
  }
  for (const [k, rule] of RULES.entries()) {
    if (!present.has(k)) continue
    rule.re.lastIndex = 0
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      for (const r of rule.make(m, ref)) {
        const f: FoundReference = { text: m[0].trim(), target: r.target, kind: r.kind, index: m.index, length: m[0].trim().length, rule: rule.name }
        if (r.date) f.date = r.date
        if (r.paper) f.paper = r.paper
        found.push(f)
      }
    }
  }
  if (own.dossier && text.includes('gedrukt onder')) {
    SAME_DOSSIER.lastIndex = 0
    for (let m = SAME_DOSSIER.exec(text); m; m = SAME_DOSSIER.exec(text))
      found.push({ text: m[0], target: `kst-${own.dossier}-${m[1]}`, kind: 'kamerstuk', index: m.index, length: m[0].length, rule: 'reference.same-dossier' })
  }
  // A paper's running head or footer (`21 501-02, nr. 3121`) names the paper itself: no citation.
  const inner = containedIn(found)
  const out = found.filter((r, k) => !inner[k] && !(own.id && r.target === own.id))
  for (const r of out) {
    if (r.kind === 'kamerstuk' && /\bmotie\b[^.()]{0,80}\(?$/i.test(text.slice(Math.max(0, r.index - 90), r.index))) r.kind = 'motie'
  }
  return out.sort((a, b) => a.index - b.index)
}

/**
 * For each found reference, whether another one holds it: a longer match over
 * the same text (`Kamerstuk 33 783, nr. 48` holds `33 783, nr. 48`), or the
 * same match found earlier; one with a target is not given up for one without.
 * Sorted by start, only the matches starting within the longest match's length
 * before a reference can hold it, so this is linear in the number found (a
 * line of 4,000 references compared each with each took seconds).
 */
function containedIn(found: FoundReference[]): boolean[] {
  const order = found.map((_, k) => k).sort((x, y) => (found[x] as FoundReference).index - (found[y] as FoundReference).index || x - y)
  const longest = found.reduce((m, r) => Math.max(m, r.length), 0)
  const inner = found.map(() => false)
  let low = 0
  for (const k of order) {
    const a = found[k] as FoundReference
    while ((found[order[low] as number] as FoundReference).index < a.index - longest) low++
    for (let i = low; i < order.length; i++) {
      const j = order[i] as number
      const b = found[j] as FoundReference
      if (b.index > a.index) break
      if (
        j !== k &&
        b.index + b.length >= a.index + a.length &&
        (b.length > a.length || (b.length === a.length && ((b.target === a.target && j < k) || (b.target !== null && a.target === null)))) &&
        (b.target !== null || a.target === null)
      ) {
        inner[k] = true
        break
      }
    }
  }
  return inner
}
