import type { InputForm } from '../model/document.js'
import type { LineRole } from '../read/raw.js'
import {
  AAN_LINE,
  AANHANGSEL_FOOT,
  AANHANGSEL_HEAD,
  BETREFT_FIELD,
  CAPS_TITLE_START,
  CLOSING,
  COLOPHON,
  COMMITTEE_NAME,
  COMMITTEE_ROLE,
  COMMITTEE_SIGNER,
  DATELINE,
  DATUM_FIELD,
  DOSSIER_LINE,
  dutchDate,
  EK_DOSSIER_LINE,
  EK_NR_TITLE,
  FIXED_ON,
  HEAD_NR_LINE,
  KAMER_LINE,
  KENMERK_BEFORE,
  MONITOR_CHROME,
  MONITOR_DATE,
  MONITOR_KENMERK,
  MONITOR_TITLE,
  MOTIE_END,
  mostlyUpper,
  NAME_LINE,
  NR_LINE,
  PAGE_OF,
  RETOURADRES,
  ROLE_LINE,
  RUN_TOGETHER_TITLE,
  RUNNING_FOOT,
  RUNNING_FOOT_TK_NUMBER,
  SALUTATION,
  SIDEBAR_LABEL,
  SIDEBAR_VALUE,
  TABLE_LINE,
  tableRow,
  VERGADERJAAR_LINE,
  VOORGESTELD,
  WEB_CHROME,
  WEB_DATA_ROW,
  WEB_TAIL,
} from './patterns.js'
import type { Piece } from './pieces.js'

/** A source line after character folding and trimming. */
export interface NLine {
  pieces: Piece[]
  text: string
  page: number
  role?: LineRole
  /** Footnote number, on the first line of a footnote. */
  label?: string
}

/** Facts read off page furniture before it is removed (the running foot names dossier and nr). */
export interface FurnitureFacts {
  paperId?: string
  kamer?: 'Tweede Kamer' | 'Eerste Kamer'
  vergaderjaar?: string
  dossier?: string
  ondernummer?: string
  /** The day of a printed debate's sitting, from its running head; a web copy's date from its facts. */
  date?: string
  /** A web copy's title from its facts (parlementairemonitor.nl's `Officiële titel`): the subject, with the kind. */
  title?: string
}

/** `21 501-02` → `21501-02`, `36 200 IV` → `36200-IV`, `33 000 X` → `33000-X`. */
export function canonicalDossier(text: string): string {
  const m = /^(\d{2}) ?(\d{3})(?:[ -]+([A-Z]{1,3}|[IVXLC]+|\d{2}))?$/.exec(text.trim())
  if (m) return `${m[1]}${m[2]}${m[3] ? `-${m[3]}` : ''}`
  return text.trim().replace(/\s+/g, '-')
}

// Kamer, vergaderjaar, dossier and number run together at the head of a web page: `Eerste Kamer der Staten-Generaal2013-2014CII nr. G`.
const RUN_TOGETHER_KAMER = /^(?:Tweede|Eerste) Kamer der Staten-Generaal\s*\d{4}\s*[–-]\s*\d{4}\s*\S/

// The running head of a printed Handelingen page: Kamer, item title, the sitting's date, and `TK 38 38-12-3`
// (Kamer, sitting; sitting, item, page): `Tweede Kamer Betaaltermijnen mkb 15 december 2022 TK 38 38-12-3`.
const HANDELINGEN_HEAD = /^(Tweede|Eerste) Kamer\s+.*?(\d{1,2} \p{L}+ \d{4})\s+(?:TK|EK) (\d+)\s+(\d+)-(\d+)-\d+$/u

// The same running head as some PDF tools give it, the sitting's numbers on a line of their own:
// `Tweede Kamer Vragen Kostić 8 februari 2024` / `TK 45 45-4-1`.
const HANDELINGEN_HEAD_DATE = /^(Tweede|Eerste) Kamer\s+.*?(\d{1,2} \p{L}+ \d{4})$/u
const HANDELINGEN_HEAD_NUMBERS = /^(?:TK|EK) (\d+)\s+(\d+)-(\d+)-\d+$/

/**
 * Drops a Handelingen running head split over two lines (see HANDELINGEN_HEAD_DATE), reading its facts as
 * `isFurniture` reads the one-line head: the numbers line alone says it is a head, not a sentence that ends in a date.
 */
function withoutSplitHandelingenHeads(lines: NLine[], facts: FurnitureFacts): NLine[] {
  const drop = new Set<number>()
  lines.forEach((l, i) => {
    const next = lines[i + 1]
    if (l.role || !next || next.role || !HANDELINGEN_HEAD_NUMBERS.test(next.text)) return
    const joined = `${l.text} ${next.text}`
    if (!HANDELINGEN_HEAD_DATE.test(l.text) || !HANDELINGEN_HEAD.test(joined)) return
    isFurniture({ ...l, text: joined }, 'kamerstuk-pdf-text', facts)
    drop.add(i).add(i + 1)
  })
  return drop.size ? lines.filter((_, i) => !drop.has(i)) : lines
}

/** The vergaderjaar a day falls in: it runs from Prinsjesdag (the third Tuesday of September) to the next. */
function vergaderjaarOf(day: string): string {
  const y = Number(day.slice(0, 4))
  const firstOfSeptember = new Date(Date.UTC(y, 8, 1)).getUTCDay()
  const prinsjesdag = `${y}-09-${String(1 + ((2 - firstOfSeptember + 7) % 7) + 14).padStart(2, '0')}`
  return day >= prinsjesdag ? `${y}-${y + 1}` : `${y - 1}-${y}`
}

function isFurniture(line: NLine, form: InputForm, facts: FurnitureFacts): boolean {
  const t = line.text
  const colophon = COLOPHON.exec(t)
  if (colophon) {
    if (colophon[1]) facts.paperId ??= colophon[1]
    return true
  }
  const foot = RUNNING_FOOT.exec(t)
  if (foot) {
    facts.kamer ??= foot[1] === 'Eerste' ? 'Eerste Kamer' : 'Tweede Kamer'
    facts.vergaderjaar ??= `${foot[2]}-${foot[3]}`
    facts.dossier ??= canonicalDossier(foot[4] as string)
    if (foot[5]) facts.ondernummer ??= foot[5]
    return true
  }
  const aanhangsel = AANHANGSEL_HEAD.exec(t)
  if (aanhangsel && Number(aanhangsel[3]) === Number(aanhangsel[2]) + 1) {
    const ek = aanhangsel[1] === 'Eerste'
    facts.kamer ??= ek ? 'Eerste Kamer' : 'Tweede Kamer'
    facts.vergaderjaar ??= `${aanhangsel[2]}-${aanhangsel[3]}`
    facts.paperId ??= `ah-${ek ? 'ek' : 'tk'}-${aanhangsel[2]}${aanhangsel[3]}-${aanhangsel[4]}`
    return true
  }
  if (AANHANGSEL_FOOT.test(t)) return true
  const tkFoot = RUNNING_FOOT_TK_NUMBER.exec(t)
  if (tkFoot) {
    facts.kamer ??= tkFoot[1] === 'Eerste' ? 'Eerste Kamer' : 'Tweede Kamer'
    facts.vergaderjaar ??= `${tkFoot[2]}-${tkFoot[3]}`
    return true
  }
  const debateHead = HANDELINGEN_HEAD.exec(t)
  if (debateHead) {
    const kamer = debateHead[1] === 'Eerste' ? 'Eerste Kamer' : 'Tweede Kamer'
    facts.kamer ??= kamer
    const day = dutchDate(debateHead[2] as string)
    if (day) {
      facts.date ??= day
      const year = vergaderjaarOf(day)
      facts.vergaderjaar ??= year
      facts.paperId ??= `h-${kamer === 'Eerste Kamer' ? 'ek' : 'tk'}-${year.replace('-', '')}-${debateHead[4]}-${debateHead[5]}`
    }
    return true
  }
  if (PAGE_OF.test(t)) return true
  if ((form === 'web-page-text' || form === 'web-page-html') && WEB_CHROME.test(t)) return true
  return false
}

/**
 * Drops parlementairemonitor.nl's block of facts above a paper's text (see MONITOR_CHROME), reading the paper's own
 * Kamerstuk, date and title from it. Only a page that has the block (`1. Kerngegevens` near its top), and only up to
 * its last line (`Externe link …`, `Originele document in PDF`, then `2.` / `Tekst`): further down, a line `2.` is a
 * list's number.
 */
function withoutMonitorFacts(lines: NLine[], facts: FurnitureFacts): NLine[] {
  const head = lines.slice(0, 40)
  if (!head.some((l) => /^\d\.\s*Kerngegevens$/.test(l.text))) return lines
  const last = head.findLastIndex((l) => /^(?:Externe link\s|Originele? document in PDF$)/.test(l.text))
  const end = last < 0 ? head.length : Math.min(head.length, last + 4)
  return lines.filter((l, i) => {
    if (i >= end || !MONITOR_CHROME.test(l.text)) return true
    monitorFacts(l.text, facts)
    return false
  })
}

/** The paper's own Kamerstuk and date from parlementairemonitor.nl's facts (see MONITOR_CHROME). */
function monitorFacts(t: string, facts: FurnitureFacts): void {
  const kenmerk = MONITOR_KENMERK.exec(t)
  if (kenmerk) {
    facts.dossier ??= kenmerk[1] as string
    facts.ondernummer ??= kenmerk[2] as string
    facts.paperId ??= `kst-${kenmerk[1]}-${kenmerk[2]}`
  }
  const day = MONITOR_DATE.exec(t)
  if (day) facts.date ??= `${day[3]}-${day[2]}-${day[1]}`
  const title = MONITOR_TITLE.exec(t)?.[1]?.trim()
  if (title) facts.title ??= title
}

/**
 * Drops sidebar columns of a ministry letterhead (`Directoraat-generaal`,
 * `Bezoekadres`, `Ons kenmerk` …). The sidebar repeats on every page, so a run
 * of lines that starts with a line seen on two or more pages (or a label), and
 * goes on through repeated lines, sidebar labels and their values, is sidebar;
 * on a one-page letter, a run with two labels is.
 */
function dropSidebars(lines: NLine[]): NLine[] {
  const pagesOf = new Map<string, Set<number>>()
  for (const l of lines) {
    if (!l.text || l.text.length > 60) continue
    let set = pagesOf.get(l.text)
    if (!set) pagesOf.set(l.text, (set = new Set()))
    set.add(l.page)
  }
  const repeated = (l: NLine) => (pagesOf.get(l.text)?.size ?? 0) >= 2
  // A sidebar value as the PDF spaced it out: `2 5 00 E X Den Haag`, `T 0 7 0-456 0000`.
  const value = (t: string) => SIDEBAR_VALUE.test(t) || SIDEBAR_VALUE.test(t.replace(/(?<=\b[\dA-Z]) (?=[\dA-Z]\b|\d)/g, ''))
  // In the body (after the salutation), the sidebar can sit between two lines of a sentence, with no label:
  // `… de ervaringen van andere` / `Postbus 20901` / `2 5 00 E X Den Haag` / `T 0 7 0-456 0000` / `landen, …`.
  const salutation = lines.findIndex((l) => SALUTATION.test(l.text))
  const drop = new Set<number>(noticeLines(lines))
  for (let i = 0; i < lines.length; i++) {
    if (drop.has(i)) continue
    const first = lines[i] as NLine
    const inBody = salutation >= 0 && i > salutation
    if (!(repeated(first) || SIDEBAR_LABEL.test(first.text) || (inBody && value(first.text))) || first.role) continue
    // A run must hold at least one repeated line and one label, or two repeated lines.
    let j = i
    let valuesLeft = 0
    let reps = 0
    let labels = 0
    let values = 0
    let lastGood = i - 1
    while (j < lines.length) {
      const l = lines[j] as NLine
      if (!l.text) {
        j++
        continue
      }
      // The letter itself begins: `Geachte voorzitter,` is short and has no full stop, like a sidebar value.
      if (SALUTATION.test(l.text) || CLOSING.test(l.text)) break
      const isValue = value(l.text)
      if (repeated(l)) {
        reps++
        valuesLeft = 2
        lastGood = j
      } else if (SIDEBAR_LABEL.test(l.text)) {
        labels++
        valuesLeft = 3
        lastGood = j
      } else if (isValue || (valuesLeft > 0 && l.text.length <= 45 && !/[.;:]$/.test(l.text))) {
        if (isValue) values++
        valuesLeft--
        lastGood = j
      } else break
      j++
    }
    // One page has nothing to repeat: there two labels (`Bezoekadres`, `Ons kenmerk`) make a sidebar.
    // In the body, two values in a row (a postbox, a postcode, a phone number) are a sidebar too.
    if (reps >= 2 || (reps >= 1 && labels >= 1) || labels >= 2 || (inBody && values >= 2)) {
      for (let k = i; k <= lastGood; k++) drop.add(k)
      i = lastGood
    }
  }
  return lines.filter((_, k) => !drop.has(k))
}

// The notice every Rijksoverheid letterhead prints in its sidebar, wrapped over as many lines as its column takes.
const NOTICE = 'correspondentie uitsluitend richten aan het retouradres met vermelding van de datum en het kenmerk van deze brief.'

/**
 * The lines of the letterhead's notice `Correspondentie uitsluitend` / `richten aan het retouradres` / `met
 * vermelding van de` / `datum en het kenmerk van` / `deze brief.`: sidebar, not the subject line it follows
 * (`Betreft Voortgang … (AZWA)` became `… (AZWA) richten aan het retouradres met vermelding …`). Lines that,
 * read in order, spell the notice from its start.
 */
function noticeLines(lines: NLine[]): number[] {
  const out: number[] = []
  for (let i = 0; i < lines.length; i++) {
    if (!/^correspondentie uitsluitend\b/i.test(lines[i]?.text ?? '')) continue
    let read = ''
    const run: number[] = []
    for (let j = i; j < lines.length && read !== NOTICE; j++) {
      const t = (lines[j] as NLine).text.trim().toLowerCase()
      if (!t) continue
      const next = read ? `${read} ${t}` : t
      if (!NOTICE.startsWith(next)) break
      read = next
      run.push(j)
    }
    // Most of the notice, or all of it: a letter's sentence that starts with these two words goes on otherwise.
    if (read.length >= NOTICE.length / 2) out.push(...run)
  }
  return out
}

const markers: RegExp[] = []
/** The marker of footnote `n` in the body: `jl.1,`, `innovatiebeleid2`, and with a stray space before a closing mark: `(zoals ABOARD 11)`. */
function footnoteMarker(n: number): RegExp {
  let re = markers[n]
  if (!re) markers[n] = re = new RegExp(`[\\p{L}.,;:)»"'’]${n}(?!\\d)|\\p{L} ${n}(?=[).,;:])`, 'u')
  return re
}

/** Whether one of the last lines of body text holds the marker of footnote `n`. */
function markedInBody(body: NLine[], n: number): boolean {
  const re = footnoteMarker(n)
  const digits = String(n)
  for (let k = body.length - 1; k >= 0 && k >= body.length - 120; k--) {
    const t = (body[k] as NLine).text
    if (t.includes(digits) && re.test(t)) return true
  }
  return false
}

/**
 * Footnotes sit at the foot of each page, between the body and the page
 * furniture; they are numbered through the paper (`1 Kamerstuk 33009, nr. 117.`)
 * and marked in the body by the same number glued to a word (`jl.1`,
 * `innovatiebeleid2`). Moving them to the end lets a sentence run on across
 * the page break.
 */
function moveFootnotes(lines: NLine[]): NLine[] {
  const body: NLine[] = []
  const notes: NLine[] = []
  let next = 1
  let inNotesOnPage = -1
  // A number alone on its line, its note on the next (`1` / `Kst. 36 725, nr. 29.`: how pdftotext gives
  // today's letterhead PDFs, whose footnote numbers sit in a column of their own).
  let numberAlone: NLine | null = null
  for (const line of lines) {
    if (line.page !== inNotesOnPage) inNotesOnPage = -1
    if (numberAlone && line.text) {
      notes.push({ ...line, role: 'footnote', label: numberAlone.text })
      numberAlone = null
      inNotesOnPage = line.page
      continue
    }
    if (line.text === String(next) && !line.role && (inNotesOnPage >= 0 || markedInBody(body, next))) {
      numberAlone = line
      next++
      continue
    }
    const c0 = line.text.charCodeAt(0)
    const m = c0 >= 48 && c0 <= 57 ? /^(\d{1,3})\s+(\S.*)$/.exec(line.text) : null
    if (m && Number(m[1]) === next && !line.role) {
      if (inNotesOnPage >= 0 || markedInBody(body, next)) {
        inNotesOnPage = line.page
        notes.push({ ...line, role: 'footnote', label: String(next) })
        next++
        continue
      }
    }
    if (inNotesOnPage >= 0 && line.text) {
      // A footnote's second line, unless the page turned.
      notes.push({ ...line, role: 'footnote' })
      continue
    }
    body.push(line)
  }
  return [...body, ...notes]
}

/**
 * Footnotes of a web page: `X Noot` / `1` / text (officielebekendmakingen) or
 * `Noot 1: text` (rijksbegroting.nl).
 */
function webFootnotes(lines: NLine[]): NLine[] {
  const out: NLine[] = []
  let inNotes = false
  let pendingLabel: string | undefined
  for (const line of lines) {
    const t = line.text
    if (/^(X )?Noot$|^Noten$|^Voetnoten$/.test(t)) {
      inNotes = true
      continue
    }
    const inline = /^Noot (\d+):\s*(.*)$/.exec(t)
    if (inline) {
      out.push({ ...line, role: 'footnote', label: inline[1] as string })
      continue
    }
    if (inNotes && /^\d{1,3}$/.test(t)) {
      pendingLabel = t
      continue
    }
    if (inNotes && t) {
      out.push(pendingLabel ? { ...line, role: 'footnote', label: pendingLabel } : { ...line, role: 'footnote' })
      pendingLabel = undefined
      continue
    }
    out.push(line)
  }
  return out
}

/**
 * Tags the head of a paper: Kamer, vergaderjaar, dossier and its title, `Nr.`,
 * the paper's title, addressee and date line (printed Kamerstuk and web page
 * text), or return address, addressee, Datum, Betreft and salutation (letterhead).
 */
// A long line that closes a sentence, as a page title never does: a web page's body line. (A title may end in a
// quoted sentence: `CII Nota «Bestuur in samenhang. De bestuurlijke organisatie in Nederland.»`.)
// (By length first: a pattern `^.{100,}` over a line of 24 MB backtracks past the regex engine's stack.)
const endsSentence = (t: string) => t.length >= 200 || (t.length >= 100 && /[.;:!?][\s»”’")\d]*$/.test(t))

/** The non-blank lines among the first `limit` of a paper, in order. */
function* headLines(lines: NLine[], limit: number): Generator<NLine> {
  for (let i = 0; i < Math.min(lines.length, limit); i++) if ((lines[i] as NLine).text) yield lines[i] as NLine
}

/**
 * A ministry letterhead's head: the return address and the addressee under it, `Datum` and `Betreft` fields, up to
 * the salutation. Without a salutation the lines are left as body rather than guessed at.
 */
function tagLetterheadHead(lines: NLine[]): void {
  let state: 'top' | 'addressee' | 'betreft' | 'datum' = 'top'
  for (const line of headLines(lines, 60)) {
    const t = line.text
    if (SALUTATION.test(t)) {
      line.role = 'salutation'
      return
    }
    if (RETOURADRES.test(t)) {
      line.role = 'kop'
      state = 'addressee'
    } else if (DATUM_FIELD.test(t)) {
      line.role = 'dateline'
      state = 'top'
    } else if (t === 'Datum') {
      // The label on a line of its own, the date on the next (a right-hand column).
      line.role = 'kop'
      state = 'datum'
    } else if (state === 'datum' && dutchDate(t)) {
      line.role = 'dateline'
      state = 'top'
    } else if (BETREFT_FIELD.test(t) || t === 'Betreft') {
      line.role = t === 'Betreft' ? 'kop' : 'title'
      state = 'betreft'
    } else if (state === 'betreft') line.role = 'title'
    else if (state === 'addressee') line.role = 'addressee'
    else line.role = 'kop'
  }
  for (const l of lines) delete l.role
}

function tagHead(lines: NLine[], form: InputForm): void {
  if (form === 'letterhead-pdf-text') {
    tagLetterheadHead(lines)
    return
  }
  let i = 0
  const next = () => {
    while (i < lines.length && !(lines[i] as NLine).text) i++
    return lines[i]
  }
  let seenTitle = false
  let seenDossier = false
  let afterVergaderjaar = false
  // A web page's own title line, taken as head (see the end of the loop).
  let pageTitle: NLine | null = null
  // The role of the last non-blank line: a title or dossier title goes on over several lines.
  let prevRole: LineRole | undefined
  for (let line = next(); line && i < Math.min(lines.length, 80); prevRole = line.role, i++, line = next()) {
    const t = line.text
    // A reader's role stands, except the generic ones an HTML page gives its head (`<h1>Nr. 11 BRIEF…`).
    if (line.role && line.role !== 'heading') continue
    const prev = prevRole
    // A web page runs Kamer, vergaderjaar and number together (`Eerste Kamer der Staten-Generaal2013-2014CII nr. G`):
    // the dossier line may follow (`CII Nota «Bestuur in samenhang …»`), as it follows `Vergaderjaar …` in print.
    if (RUN_TOGETHER_KAMER.test(t)) {
      line.role = 'kop'
      afterVergaderjaar = true
      continue
    }
    if (
      KAMER_LINE.test(t) ||
      WEB_DATA_ROW.test(tableRow(t)) ||
      TABLE_LINE.test(t) ||
      /^\d$/.test(t) ||
      /^\d{4}[DZ]\d{5}$/.test(t) ||
      /^Brief regering\s*:/.test(t)
    ) {
      line.role = 'kop'
      continue
    }
    if (VERGADERJAAR_LINE.test(t)) {
      line.role = 'kop'
      afterVergaderjaar = true
      continue
    }
    if (RUN_TOGETHER_TITLE.test(t)) {
      line.role = 'title'
      seenTitle = true
      seenDossier = true
      // The page's own title just above `34775 A 52 BRIEF VAN …` is the dossier's, as a printed head sets it above the number.
      if (pageTitle && prev === 'kop') pageTitle.role = 'dossier-title'
      continue
    }
    // `nr. 204` in lower case counts only before the title: further down it is a reference wrapped over a line.
    if (!seenTitle && HEAD_NR_LINE.test(t)) {
      line.role = 'kop'
      continue
    }
    const nr = NR_LINE.exec(t)
    if (nr) {
      line.role = nr[2] ? 'title' : 'kop'
      if (nr[2]) seenTitle = true
      afterVergaderjaar = false
      continue
    }
    if (!seenTitle && (CAPS_TITLE_START.test(t) || EK_NR_TITLE.test(t)) && mostlyUpper(t)) {
      line.role = 'title'
      seenTitle = true
      continue
    }
    if (prev === 'title' && mostlyUpper(t) && !AAN_LINE.test(t)) {
      line.role = 'title'
      continue
    }
    if (AAN_LINE.test(t) && t.length < 140) {
      line.role = 'addressee'
      continue
    }
    if (DATELINE.test(t.replace(KENMERK_BEFORE, '')) || VOORGESTELD.test(t) || FIXED_ON.test(t)) {
      line.role = 'dateline'
      return
    }
    if (!seenDossier && !seenTitle && (DOSSIER_LINE.test(t) || (afterVergaderjaar && EK_DOSSIER_LINE.test(t) && t.length < 200))) {
      line.role = 'dossier-title'
      seenDossier = true
      afterVergaderjaar = false
      continue
    }
    if (seenDossier && !seenTitle && prev === 'dossier-title') {
      line.role = 'dossier-title'
      continue
    }
    // A web page's own title before the paper's head (`Vaststelling begroting Infrastructuurfonds 2018`): a short line
    // that ends no sentence. A page copied from its body on (`Geachte Voorzitter,` / `Het kabinet zet stevig in op …`)
    // has no head: its first lines are the letter.
    if (!seenTitle && !seenDossier && i < 6 && form !== 'kamerstuk-pdf-text' && form !== 'pdf' && !SALUTATION.test(t) && !endsSentence(t)) {
      line.role = 'kop'
      pageTitle = line
      continue
    }
    return
  }
}

/**
 * Tags signature blocks: a motion's signers after `en gaat over tot de orde
 * van de dag.`; a letter's role and name lines (`De Minister van Buitenlandse
 * Zaken,` / `W.B. Hoekstra`), in either order, after an optional closing.
 */
/** How many lines from the end a signature is looked for (a letter's annex can follow it). */
const SIGNATURE_ZONE = 400

// A full name without initials: two to five capitalised words, with particles (`Jan Anthonie Bruijn`, `Dirk van der Burg`).
const FULL_NAME = /^\p{Lu}[\p{Ll}'-]+(?:\s+(?:(?:van|de|der|den|ten|ter|te|von|'t)\s+)*\p{Lu}[\p{L}'-]+){1,4}$/u
// Words of a ministry's name or a letter's closing, which a signer's name never holds (`Buitenlandse Zaken`).
const MINISTRY_WORD =
  /\b(Zaken|Sport|Welzijn|Justitie|Veiligheid|Financiën|Defensie|Onderwijs|Cultuur|Wetenschap|Infrastructuur|Waterstaat|Klimaat|Groene|Groei|Economische|Landbouw|Natuur|Visserij|Voedselkwaliteit|Volkshuisvesting|Ruimtelijke|Ordening|Asiel|Migratie|Koninkrijksrelaties|Sociale|Werkgelegenheid|Volksgezondheid|Zorg|Jeugd|Preventie|Handel|Ontwikkelingshulp|Ontwikkelingssamenwerking|Toeslagen|Douane|Kamer|Staten-Generaal|Voorzitter|Hoogachtend|Minister|Staatssecretaris)\b/u

// The rest of a ministry's name wrapped onto a line of its own: `Welzijn en Sport,`, `Koninkrijksrelaties,`.
const ROLE_WRAP = /^[\p{L}][\p{L} ,'-]{2,40},$/u

export function tagSignatures(lines: NLine[]): void {
  const motieEnd = lines.findIndex((l) => !l.role && MOTIE_END.test(l.text))
  if (motieEnd >= 0) {
    for (let k = motieEnd + 1; k < lines.length; k++) {
      const l = lines[k] as NLine
      if (l.role === 'footnote') break
      if (!l.text || l.role) continue
      if (l.text.length > 60 || /[\d;:]/.test(l.text) || !/^\p{Lu}/u.test(l.text)) break
      l.role = 'signature-name'
    }
    return
  }
  const isRole = (t: string) => ROLE_LINE.test(t) && !/\b(heeft|is|zal|wordt|zijn|heb|kan|werd)\b/.test(t)
  const isName = (t: string) => t.length <= 60 && NAME_LINE.test(t)
  // Today's letters sign with the full name (`Sophie Hermans`, `Jan Anthonie Bruijn`): taken under a role only.
  const isNameUnderRole = (t: string) => isName(t) || (FULL_NAME.test(t) && !MINISTRY_WORD.test(t))
  // One-line signatures of web pages: `De Minister van Buitenlandse Zaken, A.G. Koenders`.
  const splitOneLine = (t: string): [string, string] | null => {
    if (!/^(De |DE )?(Minister|Staatssecretaris)/i.test(t)) return null
    const at = t.lastIndexOf(', ')
    if (at < 0) return null
    const role = t.slice(0, at)
    const name = t.slice(at + 2)
    return isRole(role) && isName(name) ? [role, name] : null
  }
  // The nearest non-empty line before or after `k` (and, before, one that is no name yet).
  const near = (k: number, step: 1 | -1, skipNames = false) => {
    for (let j = k + step; j >= 0 && j < lines.length; j += step) {
      const x = lines[j] as NLine
      if (x.text && !(skipNames && x.role === 'signature-name')) return x
    }
    return undefined
  }
  // Signatures close a paper, or its letter before an annex: only the last lines are looked at,
  // which also keeps a huge input from costing time for every line that looks like a role.
  for (let k = lines.length - 1; k >= Math.max(0, lines.length - SIGNATURE_ZONE); k--) {
    const l = lines[k] as NLine
    if (l.role || !l.text) continue
    if (isRole(l.text)) {
      const nextLine = near(k, 1)
      const prevLine = near(k, -1)
      // A role wrapped over two lines: `de minister van Volksgezondheid,` / `Welzijn en Sport,` / `Sophie Hermans`.
      const afterNext = nextLine ? near(lines.indexOf(nextLine), 1) : undefined
      if (nextLine && !nextLine.role && isNameUnderRole(nextLine.text)) {
        l.role = 'signature-role'
        nextLine.role = 'signature-name'
      } else if (nextLine && afterNext && !nextLine.role && !afterNext.role && ROLE_WRAP.test(nextLine.text) && isNameUnderRole(afterNext.text)) {
        l.role = 'signature-role'
        nextLine.role = 'signature-role'
        afterNext.role = 'signature-name'
      } else if (prevLine && !prevLine.role && isName(prevLine.text)) {
        l.role = 'signature-role'
        prevLine.role = 'signature-name'
      } else if (nextLine?.role === 'signature-role' && /^(?:De |DE )?Minister-President,?$/i.test(l.text)) {
        // The Minister-President's first office over the second: `DE MINISTER-PRESIDENT,` / `Minister van Algemene Zaken,`.
        l.role = 'signature-role'
      } else continue
      const before = near(k, -1, true)
      if (before && !before.role && CLOSING.test(before.text)) before.role = 'salutation'
    } else if (splitOneLine(l.text)) l.role = 'signature-role'
  }
}

/** How many lines from the top a committee's verslag is signed in (after its opening paragraphs). */
const COMMITTEE_ZONE = 40

/**
 * A committee's verslag is signed at its head, by its voorzitter and griffier, after the paragraphs that say what
 * it reports (`De voorzitter van de commissie, Tielen`); the letters it prints below are signed by others, who are
 * not its signers. Tagged only in a paper whose head gives a `Vastgesteld` date.
 */
function tagCommitteeSigners(lines: NLine[]): void {
  const head = lines.slice(0, COMMITTEE_ZONE)
  if (!head.some((l) => l.role === 'dateline' && /^Vastgesteld/.test(l.text))) return
  for (const [k, l] of head.entries()) {
    if (l.role) continue
    if (COMMITTEE_SIGNER.test(l.text)) l.role = 'signature-role'
    else if (COMMITTEE_ROLE.test(l.text)) {
      const name = head.slice(k + 1).find((x) => x.text)
      if (name && !name.role && name.text.length <= 40 && COMMITTEE_NAME.test(name.text)) {
        l.role = 'signature-role'
        name.role = 'signature-name'
      }
    }
  }
}

/**
 * The layout pass: removes page furniture (recording what it says), drops
 * letterhead sidebars, moves footnotes to the end and tags head and signature
 * lines. Body lines keep no role; reflow makes paragraphs of them.
 */
export function layout(input: NLine[], form: InputForm): { lines: NLine[]; facts: FurnitureFacts } {
  const facts: FurnitureFacts = {}
  let lines = input
  // Letterhead text from a PDF tool may lack form feeds: `Pagina N van M` ends each page.
  // Older letters print it at the foot of a page; today's at the head (the paper's first line is `Pagina 1 van 2`).
  if (form === 'letterhead-pdf-text' && !lines.some((l) => l.page > 1)) {
    const atHead = PAGE_OF.test(lines.find((l) => l.text)?.text ?? '')
    let page = atHead ? 0 : 1
    lines = lines.map((l) => {
      if (atHead && PAGE_OF.test(l.text)) page = Number(/(\d+) van/.exec(l.text)?.[1] ?? page + 1)
      const out = { ...l, page: Math.max(1, page) }
      if (!atHead && PAGE_OF.test(l.text)) page++
      return out
    })
  }
  // Everything from a web page's own metadata block on is page chrome.
  if (form === 'web-page-text') {
    const tail = lines.findIndex((l) => WEB_TAIL.test(l.text))
    if (tail > 0) lines = lines.slice(0, tail)
  }
  if (form === 'web-page-text') lines = withoutMonitorFacts(lines, facts)
  lines = lines.filter((l) => l.role || !isFurniture(l, form, facts))
  lines = withoutSplitHandelingenHeads(lines, facts)
  if (form === 'letterhead-pdf-text') lines = dropSidebars(lines)
  tagHead(lines, form)
  lines = form === 'web-page-text' || form === 'web-page-html' ? webFootnotes(lines) : moveFootnotes(lines)
  tagCommitteeSigners(lines)
  if (!lines.some((l) => l.role === 'signature-name' || l.role === 'signature-role')) tagSignatures(lines)
  return { lines, facts }
}
