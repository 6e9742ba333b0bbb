import type { DocIssue, Document, PaperType, Section } from '../model/document.js'
import { canonicalDossier, type FurnitureFacts } from '../normalize/layout.js'
import {
  DATELINE,
  DATUM_FIELD,
  DOSSIER_LINE,
  dutchDate,
  EK_DOSSIER_LINE,
  EK_NR_TITLE,
  HEAD_NR_LINE,
  KAMER_LINE,
  KENMERK_BEFORE,
  MONTH,
  NR_LINE,
  RUN_TOGETHER_TITLE,
  tableRow,
  VERGADERJAAR_LINE,
  WEB_DATA_ROW,
} from '../normalize/patterns.js'
import type { SourceHints } from '../read/raw.js'
import { type PaperParts, roleName } from '../structure/index.js'

/** `Brief regering : Reactie op …`, `Motie : Motie van het lid … over …`: a kind, ` : `, the subject. */
const ITEM_SUBJECT = /^\p{Lu}[\p{L} -]{2,40} : (\S.{4,})$/u

/** The metadata fields of a Document (see ../shared/corpus/README.md). */
export type Metadata = Pick<
  Document,
  'id' | 'dossier' | 'ondernummer' | 'vergaderjaar' | 'type' | 'title' | 'dossierTitle' | 'kamer' | 'sender' | 'signers' | 'addressee' | 'place' | 'date'
>

// The printed title names the kind of paper: `BRIEF VAN DE MINISTER…`, `GEWIJZIGDE MOTIE VAN…`.
const TITLE_TYPES: Array<[RegExp, PaperType]> = [
  [/^(GEWIJZIGDE |NADER GEWIJZIGDE )?MOTIE\b/i, 'motie'],
  [/^(GEWIJZIGD |NADER GEWIJZIGD )?AMENDEMENT\b/i, 'amendement'],
  [/^MEMORIE VAN TOELICHTING\b/i, 'memorie-van-toelichting'],
  [/^(VOORSTEL VAN WET|GEWIJZIGD VOORSTEL VAN WET)\b/i, 'wetsvoorstel'],
  [/^LIJST VAN (VRAGEN|VRAGEN EN ANTWOORDEN)\b/i, 'lijst-van-vragen'],
  [/^(NOTA|NADERE NOTA)\b/i, 'nota'],
  // The Eerste Kamer's answer to its voorlopig verslag is the government's nota of that chamber.
  [/^(NADERE )?MEMORIE VAN ANTWOORD\b/i, 'nota'],
  [/^(VERSLAG|EINDVERSLAG|VOORLOPIG VERSLAG|NADER VERSLAG)\b/i, 'verslag'],
  [/^(ADVIES|ADVIES RAAD VAN STATE|ADVIES AFDELING)\b/i, 'advies'],
  [/^BRIEF\b/i, 'brief'],
]

/** `Aan de Voorzitter van de Tweede Kamer der Staten-Generaal` → `Voorzitter van de Tweede Kamer der Staten-Generaal`. */
function addresseeName(text: string): string {
  let a = text.replace(/^Aan\s+(de|het)\s+/i, '').replace(/^(De|de)\s+/, '')
  // A letterhead's address block runs on into street and postcode.
  const sg = /Staten-Generaal/.exec(a)
  if (sg) a = a.slice(0, sg.index + sg[0].length)
  else a = a.replace(/\s+(Postbus\b|\S+\s+\d+\b|\d{4} ?[A-Z]{2}\b).*$/, '')
  a = a.trim().replace(/[,.]$/, '')
  return a.charAt(0).toUpperCase() + a.slice(1)
}

/** Sender from a printed title: `BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN` → `Minister van Buitenlandse Zaken`. */
function senderFromTitle(title: string): string | null {
  const m = /^BRIEF VAN (?:DE |HET )?(.+)$/i.exec(title)
  return m?.[1] ? roleName(m[1]) : null
}

/**
 * Reads the metadata of a paper from its parts, its page furniture and the
 * hints of a structured source (which win). A field the paper does not state
 * stays null: `33783-50.txt` names `Nr. 50` but not its dossier, so its id is null.
 */
export function extractMetadata(parts: PaperParts, facts: FurnitureFacts, hints: SourceHints, issues: DocIssue[], text = ''): Metadata {
  let dossier: string | null = null
  let ondernummer: string | null = null
  let vergaderjaar: string | null = null
  let kamer: Metadata['kamer'] = null
  let title: string | null = null
  let dossierTitle: string | null = null

  for (const k of parts.kop) {
    const row = WEB_DATA_ROW.exec(tableRow(k))
    if (row) {
      kamer ??= row[1] === 'Eerste' ? 'Eerste Kamer' : 'Tweede Kamer'
      vergaderjaar ??= `${row[2]}-${row[3]}`
      dossier ??= canonicalDossier(row[4] as string)
      ondernummer ??= row[5] as string
      continue
    }
    const vj = VERGADERJAAR_LINE.exec(k)
    if (vj) vergaderjaar ??= `${vj[1]}-${vj[2]}`
    const kl = KAMER_LINE.exec(k)
    if (kl) kamer ??= kl[1] === 'Eerste' ? 'Eerste Kamer' : 'Tweede Kamer'
    const nr = NR_LINE.exec(k) ?? HEAD_NR_LINE.exec(k)
    if (nr) ondernummer ??= nr[1] as string
  }
  if (parts.dossierTitle) {
    const d = DOSSIER_LINE.exec(parts.dossierTitle)
    if (d) {
      dossier ??= canonicalDossier(`${d[1]}${d[2] ? ` ${d[2]}` : ''}`)
      dossierTitle = d[3] ?? null
    } else {
      const ek = EK_DOSSIER_LINE.exec(parts.dossierTitle)
      if (ek) {
        dossier ??= ek[1] as string
        dossierTitle = ek[2] ?? null
      } else dossierTitle = parts.dossierTitle
    }
  }
  if (parts.title) {
    const rt = RUN_TOGETHER_TITLE.exec(parts.title)
    const nr = NR_LINE.exec(parts.title)
    const ek = EK_NR_TITLE.exec(parts.title)
    if (rt) {
      dossier ??= canonicalDossier(`${rt[1]}${rt[2] ? ` ${rt[2]}` : ''}`)
      ondernummer ??= rt[3] as string
      title = rt[4] as string
    } else if (nr?.[2]) {
      ondernummer ??= nr[1] as string
      title = nr[2]
    } else if (ek) {
      ondernummer ??= ek[1] as string
      title = ek[2] as string
    } else title = parts.title.replace(/^Betreft\s+/, '')
  }

  // A tweedekamer.nl page heads a paper with its kind and subject: `Brief regering : Reactie op het verzoek van …`.
  // The subject is the title; the printed `BRIEF VAN DE MINISTER …` says only what kind of paper it is.
  // It replaces the title only at the end: the kind and the sender are read from the printed one.
  const subject = parts.kop.map((k) => ITEM_SUBJECT.exec(k)?.[1]?.trim()).find(Boolean)

  let place: string | null = null
  let date: string | null = null
  if (parts.dateline) {
    const line = parts.dateline.replace(DATUM_FIELD, '$1').replace(KENMERK_BEFORE, '')
    date = dutchDate(line)
    const dl = DATELINE.exec(line)
    if (dl?.[1]) place = dl[1]
    if (!date) issues.push({ code: 'date-unreadable', message: `date line without a readable date: ${parts.dateline}` })
  }

  const signers = parts.signatures.map((s) => s.name)
  const answer = parts.signatures.length === 0 ? answerHead(text) : null
  const type = paperType(title, parts, answer !== null, text)
  let sender = parts.signatures.find((s) => s.role)?.role ?? answer?.sender ?? null
  if (!sender && type === 'brief' && title) sender = senderFromTitle(title)
  if (type === 'motie' || type === 'amendement') sender = null

  const { id, ...numbers } = paperIds(
    parts,
    hints.id ?? facts.paperId ?? null,
    hints.dossier ?? facts.dossier ?? dossier,
    hints.ondernummer ?? facts.ondernummer ?? ondernummer,
  )
  dossier = numbers.dossier
  ondernummer = numbers.ondernummer

  if (!parts.title && !hints.title) issues.push({ code: 'no-title', message: 'no paper title found in the head' })
  if (type === 'brief' && signers.length === 0) issues.push({ code: 'no-signature', message: 'letter without a recognised signature' })

  return {
    id,
    dossier,
    ondernummer,
    vergaderjaar: hints.vergaderjaar ?? facts.vergaderjaar ?? vergaderjaar,
    type: hints.type ?? type,
    title: chosenTitle({
      given: hints.title ?? subject ?? facts.title ?? null,
      printed: title,
      type,
      dossierTitle: hints.dossierTitle ?? dossierTitle,
      answer,
      text,
      sender: hints.sender ?? sender,
    }),
    dossierTitle: hints.dossierTitle ?? dossierTitle,
    kamer: hints.kamer ?? facts.kamer ?? kamer,
    sender: hints.sender ?? sender,
    signers: signers.length ? signers : (hints.signers ?? []),
    addressee: parts.addressee ? addresseeName(parts.addressee) : (hints.addressee ?? null),
    place,
    // A printed Handelingen page names its sitting's day in every running head (`Tweede Kamer … 8 februari 2024 TK 45 45-3-1`):
    // that day, not a date line read from the text (`(Zie vergadering van 31 januari 2024.)` names an earlier sitting).
    date: hints.date ?? (facts.paperId?.startsWith('h-') ? facts.date : undefined) ?? date ?? answer?.date ?? facts.date ?? stampDate(text, issues),
  }
}

/**
 * A paper's id, dossier and number, each filled from the others: `kst-<dossier>-<nr>` from the two numbers, the
 * numbers from a `kst-` id. A paper outside any dossier (a letter on a citizen's petition, say) is published as
 * `nds-tk-2019D21842`: its Tweede Kamer document number, which its web page prints at the head. Its PDF says so in
 * the colophon; without this its page text read with no id and was stored beside the PDF as another paper.
 */
function paperIds(
  parts: PaperParts,
  given: string | null,
  dossier: string | null,
  ondernummer: string | null,
): { id: string | null; dossier: string | null; ondernummer: string | null } {
  let id = given ?? (dossier && ondernummer ? `kst-${dossier}-${ondernummer}` : null)
  if (id && /^kst-/.test(id) && (!dossier || !ondernummer)) {
    const m = /^kst-(.+)-([^-]+)$/.exec(id)
    dossier ??= m?.[1] ?? null
    ondernummer ??= m?.[2] ?? null
  }
  if (id === 'kst-') id = null
  const tkNumber = parts.kop.map((k) => /^(\d{4}D\d{5})$/.exec(k.trim())?.[1]).find(Boolean)
  if (!id && !dossier && !ondernummer && tkNumber && !/Eerste Kamer/.test(parts.addressee ?? '')) id = `nds-tk-${tkNumber}`
  return { id, dossier, ondernummer }
}

/**
 * The title a paper is known by: one its source gives (a structured source's, a web page's subject, a copy's facts);
 * else its printed title; else, for a paper printed without one, an answer's subject or a besluitenlijst's own line.
 * A letter whose printed title names only its kind and sender, with no dossier title to go with it (a copy without
 * its head), adds the subject its first paragraph gives (`… wil ik u middels deze brief informeren over de nieuwe
 * data van de conferentie …`): that tells it apart from the sender's other letters. A letter printed with no title at
 * all is named by its sender and that subject (see {@link untitledLetter}).
 */
function chosenTitle(o: {
  given: string | null
  printed: string | null
  type: PaperType | null
  dossierTitle: string | null
  answer: unknown
  text: string
  sender: string | null
}): string | null {
  if (o.given) return o.given
  if (!o.printed && o.type === 'brief') return untitledLetter(o.text, o.sender)
  if (!o.printed) return o.answer ? answerTitle(o.text) : decisionsTitle(o.text)
  const purpose = o.type === 'brief' && KIND_ONLY_TITLE.test(o.printed) && !o.dossierTitle ? letterPurpose(o.text) : null
  return purpose ? `${o.printed} over ${purpose}` : o.printed
}

// How a letter addresses the Kamer in its body: the salutation, or the Kamer as `uw Kamer`.
const ADDRESSES_KAMER = /^Geachte [Vv]oorzitter\b|\b[Uu]w Kamer\b/m

/** The kind of paper: by its printed title, else by what its parts show. */
function paperType(title: string | null, parts: PaperParts, isAnswer: boolean, text: string): PaperType | null {
  const titled = title ? TITLE_TYPES.find(([re]) => re.test(title))?.[1] : undefined
  if (titled) return titled
  if (parts.motie) return 'motie'
  if (parts.salutation || parts.addressee) return 'brief'
  // An answer to written questions has no kind of its own among the Kamerstukken: `other`, with its sender and date.
  if (isAnswer) return 'other'
  // A letter reposted without its head still speaks to the Kamer: `Geachte Voorzitter,`, `het lid van uw Kamer mevrouw Peters`.
  return ADDRESSES_KAMER.test(text) ? 'brief' : null
}

// A date stamped on a letter instead of typed (`2 2 APR. 2026`, `22 APR 2026`: the stamp's day as OCR spaces it, its
// month in three capitals), in the head above the salutation.
const MONTHS_STAMPED: Record<string, number> = { JAN: 1, FEB: 2, MRT: 3, MAA: 3, APR: 4, MEI: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OKT: 10, NOV: 11, DEC: 12 }
const STAMP = /(?<![\d\p{L}])(\d)\s?(\d)?\s+(JAN|FEB|MRT|MAA|APR|MEI|JUN|JUL|AUG|SEP|OKT|NOV|DEC)\.?\s+((?:19|20)\d{2})(?!\d)/u

/** The date of a stamp in the paper's head (before `Geachte …`), as a last resort; said as an issue. */
function stampDate(text: string, issues: DocIssue[]): string | null {
  const salutation = text.search(/\bGeachte\b/)
  const head = text.slice(0, salutation >= 0 ? Math.min(salutation, 3000) : 1500)
  const m = STAMP.exec(head)
  if (!m) return null
  const day = Number(`${m[1]}${m[2] ?? ''}`)
  const month = MONTHS_STAMPED[m[3] as string] as number
  const year = Number(m[4])
  const date = new Date(Date.UTC(year, month - 1, day))
  if (day < 1 || date.getUTCMonth() !== month - 1) return null
  issues.push({ code: 'date-from-stamp', message: `date read from the stamp ${m[0].replace(/\s+/g, ' ')}: the date line is empty` })
  return date.toISOString().slice(0, 10)
}

/**
 * The head of an answer to written questions, as the Aanhangsel prints it: `Antwoord van Minister Hennis-Plasschaert
 * (Defensie) (ontvangen 2 mei 2017).`, or with others named between (`Antwoord van Staatssecretaris Heijnen
 * (Infrastructuur en Waterstaat), mede namens de Ministers … (ontvangen 14 juli 2022).`), wrapped over lines.
 * Who answers is the sender (`Minister van Defensie`); the day it was received is the paper's date.
 */
const ANSWERED_BY = new RegExp(
  `\\bAntwoord van (?:de )?([Mm]inister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris)\\s+[^()]{1,60}?\\s*\\(([^()]{3,80})\\)[^]{0,600}?\\(ontvangen (\\d{1,2}\\s+${MONTH}\\s+\\d{4})\\)`,
  'u',
)

// Ministers without a ministry of their own are `voor` their portfolio (`Minister voor Rechtsbescherming`).
const VOOR_PORTFOLIO =
  /^(?:Rechtsbescherming|Medische Zorg|Volkshuisvesting|Primair en Voortgezet Onderwijs|Basis- en Voortgezet Onderwijs|Buitenlandse Handel|Klimaat en Energie|Langdurige Zorg|Armoedebeleid|Natuur en Stikstof|Migratie|Ontwikkelingssamenwerking|Wonen|Vreemdelingenzaken|Jeugd en Gezin|Integratie|Bestuurlijke)/

/** Who answered written questions and when the answer was received, from the answer's head; null for other papers. */
export function answerHead(text: string): { sender: string; date: string | null } | null {
  const m = ANSWERED_BY.exec(text.slice(0, 4000))
  if (!m) return null
  const role =
    (m[1] as string).toLowerCase() === 'minister-president'
      ? 'Minister-President'
      : `${(m[1] as string).charAt(0).toUpperCase()}${(m[1] as string).slice(1).toLowerCase()}`
  const portfolio = (m[2] as string).replace(/\s+/g, ' ').trim()
  return { sender: `${role} ${VOOR_PORTFOLIO.test(portfolio) ? 'voor' : 'van'} ${portfolio}`, date: dutchDate((m[3] as string).replace(/\s+/g, ' ')) }
}

// A printed letter's kind-and-sender title in capitals: `BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN`.
const KIND_ONLY_TITLE = /^BRIEF VAN\b[^a-z]*$/
// Where a letter says what it is about, in its opening: `Met deze brief informeer ik uw Kamer over …`, `wil ik u middels
// deze brief informeren over …`, `In deze brief ga ik in op …`, `Hierbij bericht ik u over …`.
const PURPOSE =
  /(?:\b(?:[Mm]et|[Mm]iddels|[Ii]n|[Vv]ia) (?:deze|dit|onderhavige) (?:brief|schrijven|Kamerbrief)\b|\b[Hh]ierbij\b)[^.]{0,60}?\b(?:informeer|informeren|bericht|berichten|ga|gaan|reageer|reageren)\b(?:\s+ik)?(?:\s+(?:u|uw Kamer|de Kamer))?(?:\s+graag)?\s+(?:over|inzake|betreffende|op|in op)\s+([^.;:]{8,400})/u

// The head of a letter that is no part of its body: the addressee, the dateline, a field of the letterhead.
const HEAD_LINE = /^(?:Aan\s|Den Haag\b|Geachte\b|Datum\b|Betreft\b|Kenmerk\b|Uw\s|Onze\s|Bijlage|\d{4}D\d{5}\s*$)/
// What a letter's first paragraph says it answers or is about: `Op 25 april heeft u mij een schrijven doorgestuurd van
// dhr. Sneek (DP Statia) aan uw Kamer over de postvoorziening in Caribisch Nederland.`
const FIRST_ABOUT = /\sover\s+((?:de|het|een|uw|mijn)\s[^.;:?!]{6,160}?)(?=[.;:?!]|,\s+(?:en|waarin|dat|die|zoals)\b|$)/u
// A subject that only points back (`over het onderwerp van voornoemd VAO`) names nothing a reader knows the letter by.
const POINTS_BACK = /\b(?:voornoemd\p{L}*|bovengenoemd\p{L}*|eerdergenoemd\p{L}*|hiervoor|daarvan|dezelfde)\b/iu

/**
 * The title of a letter printed without one (a letter the Kamer's site reposts with only its number, 2019D21842):
 * its sender and what it says it is about, first in the words of {@link letterPurpose}, else in the first paragraph
 * of its body (`… aan uw Kamer over de postvoorziening in Caribisch Nederland.`). Null where neither says: the
 * letter is then shown by its number, as before.
 */
export function untitledLetter(text: string, sender: string | null): string | null {
  const first = text
    .slice(0, 3000)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .find((p) => p.length >= 60 && !HEAD_LINE.test(p))
  const about = letterPurpose(text) ?? (first ? FIRST_ABOUT.exec(first)?.[1]?.trim() : undefined)
  if (!about || POINTS_BACK.test(about)) return null
  // `Minister-President, Minister van Algemene Zaken`: the office with the ministry's name.
  const office = sender?.split(',').pop()?.trim()
  const from = office ? ` van de ${office.charAt(0).toLowerCase()}${office.slice(1)}` : ''
  return `Brief${from} over ${about.length <= 120 ? about : `${about.slice(0, 120).replace(/\s+\S*$/, '')} …`}`
}

/** What a letter says it is about in its opening paragraphs, cut at a word to about 120 characters; null where it says not. */
export function letterPurpose(text: string): string | null {
  const subject = PURPOSE.exec(text.slice(0, 2500))?.[1]?.replace(/\s+/g, ' ').trim()
  if (!subject) return null
  if (subject.length <= 120) return subject
  return `${subject.slice(0, 120).replace(/\s+\S*$/, '')} …`
}

// A committee's list of decisions names itself near its head (`Document: Besluitenlijst van de procedurevergadering van
// donderdag 2 april 2009`), and its committee (`Voortouwcommissie: vaste commissie voor Binnenlandse Zaken en …`).
const DECISIONS_HEAD = /\bBesluitenlijst van de [\p{L} -]{0,40}?vergadering van (?:\p{L}+dag )?\d{1,2} \p{L}+ \d{4}/u
const LEAD_COMMITTEE = /\bVoortouwcommissie:\s*((?:vaste|algemene|tijdelijke) commissie voor [\p{L}, -]{3,120}?)(?=\s+Volgcommissie|\s*\n|$)/u

/** A besluitenlijst's title, with its committee where it names one; null for any other paper. */
export function decisionsTitle(text: string): string | null {
  const head = text.slice(0, 1500)
  const m = DECISIONS_HEAD.exec(head)
  if (!m) return null
  const committee = LEAD_COMMITTEE.exec(head)?.[1]?.trim()
  return committee ? `${m[0]} (${committee})` : m[0]
}

// The questions an answer answers, as its head gives them: `Vragen van het lid Eerdmans (JA21) aan de Staatssecretaris
// van Justitie en Veiligheid over de aantallen asielzoekers … (ingezonden 3 november 2022).`
const QUESTIONS_HEAD = /^Vragen van (het lid|de leden) (.{2,200}?) aan (?:de|het) .{3,200}? over (.{3,400}?)\s*\(ingezonden [^()]{6,30}\)/mu

/**
 * An answer's title as the Kamer's sites give it, by its subject: `Antwoord op vragen van het lid Eerdmans over de
 * aantallen asielzoekers …` (the askers' fracties left out); null where the head names no questions.
 */
export function answerTitle(text: string): string | null {
  const m = QUESTIONS_HEAD.exec(text.slice(0, 3000))
  if (!m) return null
  const askers = (m[2] as string).replace(/\s*\([^()]{1,30}\)/g, '').replace(/\s+/g, ' ')
  return `Antwoord op vragen van ${m[1]} ${askers} over ${(m[3] as string).replace(/\s+/g, ' ')}`
}

// `Handelingen II 2022/23, nr. 38, item 12`: the citation of a Handelingen item, as its page heads it.
const HANDELINGEN_CITATION = /\bHandelingen (II|I) (\d{4})\s*[/–-]\s*(\d{2}|\d{4}),? nr\. (\d+)(?:,? item (\d+))?/
// `TK 38 38-12-1`: the running head of a printed Handelingen item (Kamer, sitting, sitting-item-page).
const HANDELINGEN_RUNNING = /\b(TK|EK) (\d+)\s+\2-(\d+)-\d+\b/
// The date a debate's head gives: `donderdag 15 december 2022`, or the web page's data row ending `15-12-2022`.
const NUMERIC_DAY = /(\d{2})-(\d{2})-(\d{4})$/

/**
 * The metadata of a debate record read as text (its page or its PDF), which
 * the head of a letter does not give: the type (`handelingen`, unless it is
 * the verslag of a committee debate), the id and vergaderjaar from the
 * citation of the item (`Handelingen II 2022/23, nr. 38, item 12` →
 * `h-tk-20222023-38-12`), the sitting's date and the item's title, the first
 * heading before the first turn. What a structured source stated is kept.
 */
export function debateMetadata(meta: Metadata, text: string, sections: Section[], firstTurnAt: number, issues: DocIssue[]): Metadata & { held: string | null } {
  const out = { ...meta }
  if (out.type !== 'verslag') out.type = 'handelingen'
  const headSections = sections.filter((s) => s.span.start < firstTurnAt)
  const head = text.slice(0, Math.min(firstTurnAt, 5000))
  if (out.type === 'handelingen') {
    const cite = HANDELINGEN_CITATION.exec(head)
    const running = HANDELINGEN_RUNNING.exec(text.slice(0, 20_000))
    if (cite) {
      const y1 = cite[2] as string
      const y2 = (cite[3] as string).length === 2 ? `${y1.slice(0, 2)}${cite[3]}` : (cite[3] as string)
      out.vergaderjaar ??= `${y1}-${y2}`
      out.kamer ??= cite[1] === 'I' ? 'Eerste Kamer' : 'Tweede Kamer'
      out.id ??= `h-${cite[1] === 'I' ? 'ek' : 'tk'}-${y1}${y2}-${cite[4]}${cite[5] ? `-${cite[5]}` : ''}`
    } else if (running && out.vergaderjaar && !out.id)
      out.id = `h-${running[1]?.toLowerCase()}-${out.vergaderjaar.replace('-', '')}-${running[2]}-${running[3]}`
  }
  // `(Zie vergadering van 31 januari 2024.)` names the sitting where the item began, not this one: a date read from it is dropped.
  const earlier = /\(Zie vergadering van (\d{1,2}\s+\p{L}+\s+\d{4})/u.exec(head)
  if (earlier && out.date && dutchDate(earlier[1] as string) === out.date) out.date = null
  if (!out.date) {
    for (const s of headSections) {
      // `(Zie vergadering van 31 januari 2024.)`: where an item began, at an earlier sitting.
      const line = text.slice(s.span.start, s.span.end).replace(/\(Zie vergadering van [^)]*\)/gu, '')
      const numeric = NUMERIC_DAY.exec(line)
      const day = dutchDate(line) ?? (numeric ? dutchDate(`${numeric[1]} ${MONTH_NAMES[Number(numeric[2]) - 1] ?? ''} ${numeric[3]}`) : null)
      if (day) {
        out.date = day
        break
      }
    }
  }
  if (!out.title) {
    const heading = headSections.find((s) => s.kind === 'heading' || s.kind === 'title')
    if (heading) out.title = text.slice(heading.span.start, heading.span.end)
  }
  if (out.title) {
    const noTitle = issues.findIndex((i) => i.code === 'no-title')
    if (noTitle >= 0) issues.splice(noTitle, 1)
  }
  if (out.type === 'handelingen') out.sender = null
  // The day the debate was held: a committee's verslag is dated when it was adopted, weeks later, and says
  // `De vaste commissie voor … heeft op 18 januari 2024 overleg gevoerd met …`.
  const held = HELD.exec(head)
  return { ...out, held: (held ? dutchDate(held[1] as string) : null) ?? out.date }
}

// `heeft op 18 januari 2024 overleg gevoerd`, `heeft op 3 april 2024 een commissiedebat gevoerd`.
const HELD = /\bheeft op (\d{1,2}\s+\p{L}+\s+\d{4})\s+(?:overleg|een [\p{L}-]*(?:debat|overleg))\s+gevoerd/u

const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']
