import { createHash } from 'node:crypto'
import { keepOffBoard } from './extract/audience.js'
import { extract } from './extract/index.js'
import { debateMetadata, extractMetadata } from './extract/metadata.js'
import { type Document, SCHEMA_VERSION } from './model/document.js'
import { type Lexicon, loadDutchLexicon, normalize } from './normalize/index.js'
import { looksLikePaper, tableDelimiter } from './read/detect.js'
import { ReadError, type ReadOptions, readSource } from './read/index.js'
import { withoutNul } from './read/nul.js'
import type { RawText } from './read/raw.js'
import { structure } from './structure/index.js'
import { findTurns } from './structure/turns.js'

/** Everything the pipeline needs besides the input: the dictionary and reading limits. */
export interface PipelineContext extends ReadOptions {
  lexicon: Lexicon
  /** Run the extractors (references, dates, commitments …); default true. The bench turns it off to time reading alone. */
  extract?: boolean
  /**
   * Take a paper's dossier from its file name when the text gives only its
   * number: a printed Kamerstuk's first page says `Nr. 50` and leaves the
   * dossier to the running head, which PDF text often loses; the official
   * file names (`kst-33783-50.pdf`, `33783-50.txt`) carry both. Used by
   * ingest, so papers join their dossier; off for `read`, which reports what
   * the paper itself says.
   */
  nameHints?: boolean
  /**
   * The source vouches that the input is a parliamentary paper: a file the Tweede Kamer's open data
   * lists as a Document (`sync tk`). Such a file is read even when its text shows no sign of a paper
   * (an annex that is a table of figures), instead of being refused as junk.
   */
  vouched?: boolean
}

// `kst-33783-50.pdf`, `33783-50.txt`, `kst-36410-XVI-96.xml`: dossier (with chapter or part) and ondernummer.
const KOOP_NAME = /^(?:kst-)?(\d{5}(?:-[0-9A-Z]{1,6})?)-(\d+)(?:\.|$)/

/** The dossier a file name gives a paper that states only its ondernummer, recorded as an issue so it is never mistaken for the text's own. */
function dossierFromName(doc: Document): void {
  if (doc.dossier || !doc.ondernummer) return
  const m = KOOP_NAME.exec(doc.source.name)
  if (!m || m[2] !== doc.ondernummer) return
  doc.dossier = m[1] as string
  doc.id ??= `kst-${doc.dossier}-${doc.ondernummer}`
  doc.issues.push({
    code: 'dossier-from-file-name',
    message: `dossier ${doc.dossier} taken from the file name ${doc.source.name}; the text gives only nr. ${doc.ondernummer}`,
  })
}

/**
 * Refuses text that is no parliamentary paper, so it is never stored and never found: a table (CSV,
 * TSV) or text without a sign of one. Official XML and open-data records say what they are.
 */
function refuseNonPaper(raw: RawText): void {
  if (raw.form === 'official-xml' || raw.form === 'open-data') return
  const delimiter = tableDelimiter(raw.text)
  if (delimiter) {
    const name = delimiter === '\t' ? 'tab-separated (TSV)' : delimiter === ',' ? 'comma-separated (CSV)' : 'semicolon-separated'
    throw new ReadError('not-a-paper', `a ${name} table, not a parliamentary paper; refused`)
  }
  if (!looksLikePaper(raw.text))
    throw new ReadError('not-a-paper', 'no sign of a parliamentary paper (no Kamer, minister, motie or Kamerstuk in its first pages); refused')
  if ((raw.form === 'web-page-html' || raw.form === 'web-page-text') && onlySiteMenu(raw))
    throw new ReadError('not-a-paper', "a web site's menu and links, with no paper's text in it; refused")
}

/**
 * A saved web page that holds only its site's menu and links (a tweedekamer.nl page whose paper did not load:
 * `Home`, `Vergaderingen`, `Plenaire vergaderingen`, … 387 lines, two of them sentences). Told by many lines of
 * a few words without punctuation, and few words in sentences: on that page 93% of 387 lines and 6% of the
 * words; on the corpus's 70 page copies at most 69% of a few dozen lines, with a fifth or more of the words in
 * sentences.
 */
function onlySiteMenu(raw: RawText): boolean {
  let lines = 0
  let menu = 0
  let words = 0
  let prose = 0
  for (const l of raw.lines) {
    const t = l.text.trim()
    if (!t) continue
    const n = t.split(/\s+/).length
    lines++
    words += n
    if (n <= 5 && !/[.;:?!,]$/.test(t)) menu++
    if (n >= 12 && /[.;:?!)»"]\d*$/.test(t)) prose += n
  }
  return lines >= 100 && menu >= lines * 0.85 && prose < words * 0.2
}

/** Builds a context with the Dutch dictionary loaded (about 0.3 s, once per process). */
export async function createContext(options: ReadOptions = {}): Promise<PipelineContext> {
  return { ...options, lexicon: await loadDutchLexicon() }
}

/**
 * Reads one paper: bytes → read → normalize → structure → metadata → extraction → Document.
 * Throws `ReadError` only for input that cannot be read at all; anything odd
 * about a readable paper ends up in `doc.issues`.
 */
export async function readDocument(bytes: Uint8Array, name: string, ctx: PipelineContext): Promise<Document> {
  const raw = withoutNul(await readSource(bytes, ctx))
  if (!ctx.vouched) refuseNonPaper(raw)
  const clean = normalize(raw, ctx)
  const structured = structure(clean)
  const { parts } = structured
  // A debate record's turns: each speaker's label and speech (none for a letter).
  const { turns, sections } = findTurns(clean.text, structured.sections, raw.hints.speakers)
  const issues = [...raw.issues]
  const letterMeta = extractMetadata(parts, clean.facts, raw.hints, issues, clean.text)
  const debate = turns[0] ? debateMetadata(letterMeta, clean.text, sections, turns[0].span.start, issues) : null
  const { held, ...meta } = debate ?? { ...letterMeta, held: null }
  const doc: Document = {
    schemaVersion: SCHEMA_VERSION,
    id: meta.id,
    form: raw.form,
    dossier: meta.dossier,
    ondernummer: meta.ondernummer,
    vergaderjaar: meta.vergaderjaar,
    type: meta.type,
    title: meta.title,
    dossierTitle: meta.dossierTitle,
    kamer: meta.kamer,
    sender: meta.sender,
    signers: meta.signers,
    signatures: parts.signatures,
    addressee: meta.addressee,
    place: meta.place,
    date: meta.date,
    text: clean.text,
    sections,
    ...(ctx.extract === false
      ? { references: [], dates: [], commitments: [], fulfils: [], requests: [], entities: [], glossary: [] }
      : extract(
          {
            text: clean.text,
            sections,
            offsetMap: clean.offsetMap,
            date: meta.date,
            type: meta.type,
            sender: meta.sender,
            id: meta.id,
            dossier: meta.dossier,
            turns,
            held,
          },
          issues,
        )),
    issues,
    source: {
      name,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      text: raw.text,
      offsetMap: clean.offsetMap,
    },
  }
  const others = raw.hints.otherDossiers?.filter((d) => d !== doc.dossier)
  if (others?.length) doc.otherDossiers = others
  if (turns.length) doc.turns = turns
  if (raw.hints.openData) doc.openData = raw.hints.openData
  if (ctx.nameHints) dossierFromName(doc)
  // A paper not written to the Kamer (a letter to the VNG, a committee's besluitenlijst) holds no toezeggingen.
  keepOffBoard(doc)
  return doc
}
