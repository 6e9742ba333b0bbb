/**
 * The Document: what kamerwacht makes of one parliamentary paper, and the
 * types every stage shares. `kamerwacht read` prints exactly this object.
 */

/** Version of the Document JSON layout; bump on an incompatible change. */
export const SCHEMA_VERSION = 1 as const

/** The form an input came in, detected from its content. */
export type InputForm = 'kamerstuk-pdf-text' | 'letterhead-pdf-text' | 'web-page-text' | 'web-page-html' | 'official-xml' | 'pdf' | 'open-data'

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

/** A half-open range `[start, end)` of offsets into the clean text. */
export interface Span {
  start: number
  end: number
}

/** Something odd about a paper, recorded instead of thrown. */
export interface DocIssue {
  code: string
  message: string
  at?: Span
}

/** A part of the paper, as a span of the clean text. */
export interface Section {
  kind: 'header' | 'title' | 'addressee' | 'dateline' | 'salutation' | 'heading' | 'paragraph' | 'list-item' | 'closing' | 'signature' | 'footnote'
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
  /** Later stages (issue 3) fill these; the reader leaves them empty. */
  references: unknown[]
  dates: unknown[]
  commitments: unknown[]
  fulfils: unknown[]
  requests: unknown[]
  entities: unknown[]
  /** The Tweede Kamer open-data record this Document was read from, where it was. */
  openData?: Record<string, unknown>
  issues: DocIssue[]
  source: SourceInfo
}
