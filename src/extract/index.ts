import type {
  Commitment,
  DateMention,
  DuePeriod,
  Entity,
  Fulfilment,
  GlossaryEntry,
  OffsetMap,
  PaperType,
  Reference,
  Request,
  Section,
  Span,
} from '../model/document.js'
import { toSourceOffset } from '../normalize/pieces.js'
import { findCommitment } from './commitments.js'
import { findDates } from './dates.js'
import { findAbbreviations, findEntities } from './entities.js'
import { findFulfilment, findRequest } from './fulfils.js'
import { findReferences } from './references.js'
import { sentences } from './sentences.js'

/** What the extractors need to know of the paper. */
export interface ExtractInput {
  text: string
  sections: Section[]
  offsetMap: OffsetMap
  /** The paper's own date: `3 januari jl.` and `het najaar` are read against it. */
  date: string | null
  type: PaperType | null
  sender: string | null
}

/** Everything the extractors find in one paper. */
export interface Extraction {
  references: Reference[]
  dates: DateMention[]
  commitments: Commitment[]
  fulfils: Fulfilment[]
  requests: Request[]
  entities: Entity[]
  glossary: GlossaryEntry[]
}

/**
 * Runs every extractor over the sentences of a paper. Deterministic and
 * local; each item carries its clean-text span, its source span (through the
 * offset map) and the rule that found it.
 */
export function extract(input: ExtractInput): Extraction {
  const { text, offsetMap, date } = input
  const where = (start: number, length: number): { span: Span; sourceSpan: Span } => ({
    span: { start, end: start + length },
    sourceSpan: {
      start: toSourceOffset(offsetMap, start),
      end: length > 0 ? toSourceOffset(offsetMap, start + length - 1) + 1 : toSourceOffset(offsetMap, start),
    },
  })
  const out: Extraction = { references: [], dates: [], commitments: [], fulfils: [], requests: [], entities: [], glossary: [] }
  const isMotie = input.type === 'motie' || input.type === 'amendement'
  const seenRefs = new Set<string>()

  for (const s of sentences(text, input.sections)) {
    const base = s.span.start
    for (const d of findDates(s.text, date)) {
      out.dates.push({ text: d.text, start: d.start, end: d.end, precision: d.precision, sentence: s.text, ...where(base + d.index, d.length), rule: d.rule })
    }
    if (s.section === 'header' || s.section === 'dateline') continue
    for (const r of findReferences(s.text, date)) {
      // One reference per target per sentence: `nrs. 2507 en 2510` gives two, a repeated id one.
      const key = `${base + r.index}:${r.target}`
      if (seenRefs.has(key)) continue
      seenRefs.add(key)
      const ref: Reference = { text: r.text, target: r.target, kind: r.kind, ...where(base + r.index, r.length), rule: r.rule }
      if (r.date) ref.date = r.date
      out.references.push(ref)
    }
    for (const e of findEntities(s.text)) {
      const entity: Entity = { text: e.text, kind: e.kind, ...where(base + e.index, e.length), rule: e.rule }
      if (e.role) entity.role = e.role
      out.entities.push(entity)
    }
    for (const a of findAbbreviations(s.text)) {
      if (!out.glossary.some((g) => g.abbreviation === a.abbreviation)) {
        out.glossary.push({
          text: s.text.slice(a.index, a.index + a.length),
          abbreviation: a.abbreviation,
          expansion: a.expansion,
          ...where(base + a.index, a.length),
          rule: 'glossary.bracketed',
        })
      }
    }
    const request = findRequest(s.text)
    if (request) {
      out.requests.push({ text: s.text, addressee: request.addressee, ...where(base, s.text.length), rule: request.rule })
      continue
    }
    if (isMotie) continue
    const fulfil = findFulfilment(s.text, date)
    if (fulfil) {
      out.fulfils.push({ text: s.text, pointsAt: fulfil.pointsAt, ...where(base, s.text.length), rule: fulfil.rule })
      continue
    }
    const c = findCommitment(s.text, date, input.sender)
    if (c)
      out.commitments.push({
        text: s.text,
        actor: c.actor,
        action: c.action,
        object: c.object,
        dueText: c.dueText,
        due: c.due,
        ...where(base, s.text.length),
        rule: c.rule,
      })
  }
  for (const c of out.commitments) if (!c.due && c.dueText) c.due = dueFromEvent(c.dueText, out.dates, date)
  return out
}

/** How long after an event a promise to report on it falls due: kamerwacht's convention, three months. */
const AFTER_EVENT_DAYS = 90

/**
 * Resolves a deadline tied to an event (`voor aanvang van de toetsingsconferentie`,
 * `na afloop van de Toetsingsconferentie`) through a date the same paper gives
 * that event (`de conferentie zal plaatsvinden van 1 t/m 26 augustus 2022`).
 */
function dueFromEvent(dueText: string, dates: DateMention[], ref: string | null): DuePeriod | null {
  const m = /\b(voor|vóór|na|tijdens|bij)\s+(?:(?:aanvang|afloop|afronding|het einde|de start|het begin|begin|einde)\s+van\s+)?(?:de|het)\s+([\p{L}-]+)/iu.exec(
    dueText,
  )
  if (!m) return null
  const event = (m[2] as string).toLowerCase()
  // The event as named, or the last part of its compound: `toetsingsconferentie` → `conferentie`.
  const names = [event]
  for (let k = 1; event.length - k >= 8; k++) names.push(event.slice(k))
  const when = dates.find((d) => d.start !== d.end && d.precision === 'day' && names.some((n) => d.sentence.toLowerCase().includes(n)))
  if (!when) return null
  const add = (iso: string, days: number) => new Date(Date.parse(iso) + days * 864e5).toISOString().slice(0, 10)
  const word = (m[1] as string).toLowerCase()
  if (word === 'na') return { start: add(when.end, 1), end: add(when.end, AFTER_EVENT_DAYS) }
  if (word === 'tijdens' || word === 'bij') return { start: when.start, end: when.end }
  return ref ? { start: ref, end: add(when.start, -1) } : null
}
