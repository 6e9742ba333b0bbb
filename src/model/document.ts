/**
 * The Document: what kamerwacht makes of one parliamentary paper, and the
 * types every stage shares. `kamerwacht read` prints exactly this object.
 */

/** Version of the Document JSON layout; bump on an incompatible change. */
export const SCHEMA_VERSION = 1 as const

/** The form an input came in, detected from its content. */
export type InputForm = 'kamerstuk-pdf-text' | 'letterhead-pdf-text' | 'web-page-text' | 'web-page-html' | 'official-xml' | 'pdf' | 'docx' | 'open-data'

/** Kinds of paper, as ../shared/corpus/README.md defines them. */
export type PaperType =
  | 'brief'
  | 'motie'
  | 'amendement'
  | 'verslag'
  | 'nota'
  | 'wetsvoorstel'
  | 'memorie-van-toelichting'
  | 'advies'
  | 'lijst-van-vragen'
  | 'handelingen'
  | 'other'

/** Every PaperType, in the order the README lists them. */
export const PAPER_TYPES: readonly PaperType[] = [
  'brief',
  'motie',
  'amendement',
  'verslag',
  'nota',
  'wetsvoorstel',
  'memorie-van-toelichting',
  'advies',
  'lijst-van-vragen',
  'handelingen',
  'other',
]

/** A half-open range `[start, end)` of offsets into the clean text. */
export interface Span {
  start: number
  end: number
}

/**
 * What every extracted item carries: where it is (clean-text span and, through
 * the offset map, source span) and which rule found it.
 */
export interface Extracted {
  text: string
  span: Span
  sourceSpan: Span
  rule: string
  /**
   * Further places in `text` (each a `span.start`) where the same words stand again, on a paper that repeats
   * them more often than any real paper does (see `extract/fold.ts`): one record for them, not one each.
   */
  also?: number[]
}

/** What a reference points at. */
/**
 * What a reference cites: `memorie` is a memorie van toelichting or van antwoord or a nota of a bill, `verslag` a
 * committee's (voorlopig, nader) verslag, `advies` the Raad van State's advice, `rapport` a report by title or number.
 */
export type ReferenceKind = 'kamerstuk' | 'motie' | 'handelingen' | 'aanhangsel' | 'zaak' | 'document' | 'brief' | 'memorie' | 'verslag' | 'advies' | 'rapport'

/** A citation of another parliamentary paper. */
export interface Reference extends Extracted {
  /** Canonical id (`kst-33783-48`, `h-tk-20212022-50-3`, `2022Z11655`), or null when the text gives no number. */
  target: string | null
  kind: ReferenceKind
  /** For a letter cited by its date (`de brief van 1 december 2021`): that date, to link it later. */
  date?: string
  /** The id of a paper cited where `target` stays null by convention: answers to written questions (`ah-tk-20182019-2948`). */
  paper?: string
}

/** How exact a date or period is. */
export type DatePrecision = 'day' | 'month' | 'quarter' | 'season' | 'half' | 'year' | 'years'

/** A date or period the paper names. */
export interface DateMention extends Extracted {
  /** ISO first and last day. */
  start: string
  end: string
  precision: DatePrecision
  /** Where the sentence the date stands in is, in `text` (a span, not a copy: a paper of many dates in one long sentence stays linear in size). */
  sentenceSpan: Span
}

/** A resolved due date or period. */
export interface DuePeriod {
  start: string
  end: string
}

/** A promise of the government to the Kamer (toezegging). */
export interface Commitment extends Extracted {
  /** Who promises, as a role: `Minister van Buitenlandse Zaken`, or the subject as written (`het kabinet`). */
  actor: string | null
  /** What is promised, as a verb: `informeren`, `rapporteren`, `toesturen`, `briefing`. */
  action: string
  /** About what, as written after the verb (`over dit besluit`). */
  object: string | null
  /** The deadline as written (`t.z.t.`, `voor de zomer`, `na afloop van de Toetsingsconferentie`). */
  dueText: string | null
  due: DuePeriod | null
  /** A condition the promise waits for instead of a date: `zodra die afstemming gereed is`. */
  condition?: string | null
  /** 0–1: how sure the recogniser is that this sentence promises the Kamer something. */
  confidence?: number
  /** The named cues of the sentence that make up that confidence (see `read --explain`). */
  features?: PromiseFeature[]
  /** In a debate: the member of government who made the promise aloud (or whom the chair's summary names). */
  speaker?: Speaker
  /** In a debate: the Kamerlid or fractie the promise was made to (`Wörsdörfer`, `CDA`), where the debate says. */
  to?: string | null
  /** In the verslag of a committee debate, dated when it was adopted: the day the promise was made aloud. */
  made?: string
  /** Other sentences of the paper that state the same promise: the speaker restating it, the chair reading it out at the end. */
  support?: PromiseSupport[]
  /** The sentence before, where the promise opens with a word pointing back to it (`Deze zal ik uw Kamer toesturen na de rondetafelbijeenkomst.`). */
  context?: string
}

/** A sentence that states a promise again (`restated`) or confirms it in the chair's reading of the toezeggingen (`chair-reading`). */
export interface PromiseSupport {
  kind: 'restated' | 'chair-reading'
  text: string
}

/** What a speaker in a debate is there as. */
export type SpeakerRole = 'voorzitter' | 'minister-president' | 'minister' | 'staatssecretaris' | 'kamerlid' | 'other'

/** Who speaks in a debate, as the record labels them (`Staatssecretaris Keijzer:`, `De heer Graus (PVV):`). */
export interface Speaker {
  /** Surname as printed: `Keijzer`, `Van der Lee`. */
  name: string
  role: SpeakerRole
  /** A Kamerlid's fractie: `VVD`, `GroenLinks`. */
  party?: string
  /** A member of government's office, where the record gives it: `staatssecretaris van Economische Zaken en Klimaat`. */
  function?: string
}

/** One turn of speech in a debate: the speaker's label and what they say, up to the next label. */
export interface Turn {
  speaker: Speaker
  /** The label as printed, without its colon. */
  label: string
  /** The whole turn in the clean text, label included. */
  span: Span
  /** A Kamerlid or minister breaking into another's speech (an interruptie), where the record says so or the turns show it. */
  interruption: boolean
}

/** One named cue of a promise (actor, modality, act, receiver, deadline, a negative cue) and its weight. */
export interface PromiseFeature {
  name: string
  weight: number
  /** The words that showed the cue. */
  text?: string
}

/** What a fulfilment points at: an earlier paper, debate, motie or request. */
export interface PointsAt {
  kind: 'reference' | 'motie' | 'debate' | 'request' | 'date'
  text: string
  target?: string | null
  date?: string
}

/** A sentence in which the paper says it keeps an earlier promise or answers a request. */
export interface Fulfilment extends Extracted {
  pointsAt: PointsAt[]
  /** Where it answers a request of the Kamer: who asked, how and when (`het verzoek van het lid Van Dijck`, `het vragenuur van 7 november`). */
  asked?: AskedBy
}

/** Who in the Kamer asked for what a paper answers. */
export interface AskedBy {
  /** A committee, a member, or the Kamer as a whole. */
  who: string
  /** How: a committee's letter or request, a member's (at the regeling van werkzaamheden, in the vragenuur), a motie. */
  how: 'commissie' | 'lid' | 'kamer' | 'motie' | 'vragenuur' | 'regeling' | 'debat'
  /** The day it was asked, where the sentence says. */
  on: string | null
}

/** A motie's request to the government (`verzoekt de regering …`): not a promise. */
export interface Request extends Extracted {
  /** Whom the Kamer asks: `de regering`, `het kabinet`, `de minister`. */
  addressee: string
}

/** A person, organisation, country or place the paper names. */
export interface Entity extends Extracted {
  kind: 'person' | 'organisation' | 'country' | 'place'
  role?: string
}

/** An abbreviation and what the paper says it stands for. */
export interface GlossaryEntry extends Extracted {
  abbreviation: string
  expansion: string
}

/** Something odd about a paper, recorded instead of thrown. */
export interface DocIssue {
  code: string
  message: string
  at?: Span
}

/** A part of the paper, as a span of the clean text. */
export interface Section {
  kind:
    | 'header'
    | 'title'
    | 'addressee'
    | 'dateline'
    | 'salutation'
    | 'heading'
    | 'paragraph'
    | 'list-item'
    | 'closing'
    | 'signature'
    | 'footnote'
    /** A debate speaker's label (`De heer Graus (PVV):`). */
    | 'speaker'
  span: Span
  /** The heading this part falls under, where the paper has headings. */
  heading?: string
  /** Footnote number (`1`) for footnotes; bullet or number for list items. */
  label?: string
}

/** One person who signed the paper. */
export interface Signer {
  name: string
  role: string | null
}

/**
 * A map from clean-text offsets back to the source text: flat triples
 * `[cleanStart, sourceStart, length]` in clean order. Clean characters not in
 * a run (a space put between two reflowed lines) map to the end of the run before.
 */
export type OffsetMap = number[]

/** Where the clean text came from and how to map back into it. */
export interface SourceInfo {
  name: string
  sha256: string
  bytes: number
  /** The text that offsets in `offsetMap` point into: the file as decoded, or the text a PDF/XML/HTML reader extracted. */
  text: string
  offsetMap: OffsetMap
}

/** The Document JSON (`schemaVersion` 1). */
export interface Document {
  schemaVersion: typeof SCHEMA_VERSION
  id: string | null
  form: InputForm
  dossier: string | null
  ondernummer: string | null
  vergaderjaar: string | null
  type: PaperType | null
  title: string | null
  dossierTitle: string | null
  kamer: 'Tweede Kamer' | 'Eerste Kamer' | null
  sender: string | null
  signers: string[]
  signatures: Signer[]
  addressee: string | null
  place: string | null
  date: string | null
  /** Clean text: dehyphenated, reflowed, without page furniture; paragraphs separated by a blank line. */
  text: string
  sections: Section[]
  references: Reference[]
  dates: DateMention[]
  commitments: Commitment[]
  fulfils: Fulfilment[]
  requests: Request[]
  entities: Entity[]
  /** Abbreviations the paper defines: `Non-Proliferatieverdrag (NPV)`. */
  glossary: GlossaryEntry[]
  /** Further dossiers the paper is printed in, beside `dossier` (a letter on two subjects); absent for most papers. */
  otherDossiers?: string[]
  /** For a debate record (Handelingen, a committee debate's verslag): who spoke, in order. Absent for other papers. */
  turns?: Turn[]
  /** The Tweede Kamer open-data record this Document was read from, where it was. */
  openData?: Record<string, unknown>
  issues: DocIssue[]
  source: SourceInfo
}
