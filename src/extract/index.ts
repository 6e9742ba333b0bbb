import type { Commitment, DateMention, Entity, Fulfilment, GlossaryEntry, OffsetMap, PaperType, Reference, Request, Section, Span } from '../model/document.js'
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
    sourceSpan: { start: toSourceOffset(offsetMap, start), end: length > 0 ? toSourceOffset(offsetMap, start + length - 1) + 1 : toSourceOffset(offsetMap, start) },
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
        out.glossary.push({ text: s.text.slice(a.index, a.index + a.length), abbreviation: a.abbreviation, expansion: a.expansion, ...where(base + a.index, a.length), rule: 'glossary.bracketed' })
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
    if (c) out.commitments.push({ text: s.text, actor: c.actor, action: c.action, object: c.object, dueText: c.dueText, due: c.due, ...where(base, s.text.length), rule: c.rule })
  }
  return out
}
