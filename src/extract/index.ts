import type { DateMention, Document, DuePeriod, Entity, OffsetMap, PaperType, Reference, Section, Span } from '../model/document.js'
import { toSourceOffset } from '../normalize/pieces.js'
import { findCommitment } from './commitments.js'
import { findDates, lookingAhead } from './dates.js'
import { findAbbreviations, findEntities } from './entities.js'
import { findFulfilment, findRequest } from './fulfils.js'
import { findReferences } from './references.js'
import { type Sentence, sentences } from './sentences.js'

// Words without which no rule of requests, fulfilments or commitments can match. Each is found in
// one scan of the whole text, and only sentences holding one are tried.
const REQUEST_WORDS = /verzoekt|roept/g
const FULFIL_WORDS = /toeze|toegez|belo|aangek|motie|verzo|antwoord|aanleiding|reactie|gevraagd|Toeze/g
// (No \b and no case classes: a plain alternation scans fastest; a few extra candidates cost little.)
const PROMISE_WORDS = /zal|zullen|ga|Ga|zeg|tegemoet|voornemens|plan|stel|streef|verwacht|beoog|briefing|rondetafel|werkbezoek/g
const TRIGGERS = new RegExp(`(${REQUEST_WORDS.source})|(${FULFIL_WORDS.source})|(${PROMISE_WORDS.source})`, 'g')

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
export type Extraction = Pick<Document, 'references' | 'dates' | 'commitments' | 'fulfils' | 'requests' | 'entities' | 'glossary'>

/**
 * Runs every extractor over the sentences of a paper. Deterministic and
 * local; each item carries its clean-text span, its source span (through the
 * offset map) and the rule that found it.
 */
export function extract(input: ExtractInput): Extraction {
  const { text, offsetMap, date } = input
  const span = (start: number, length: number): Span => ({ start, end: start + length })
  const sourceSpan = (start: number, length: number): Span => ({
    start: toSourceOffset(offsetMap, start),
    end: length > 0 ? toSourceOffset(offsetMap, start + length - 1) + 1 : toSourceOffset(offsetMap, start),
  })
  const where = (start: number, length: number): { span: Span; sourceSpan: Span } => ({ span: span(start, length), sourceSpan: sourceSpan(start, length) })
  const out: Extraction = { references: [], dates: [], commitments: [], fulfils: [], requests: [], entities: [], glossary: [] }
  const isMotie = input.type === 'motie' || input.type === 'amendement'

  const all = sentences(text, input.sections)
  // Dates, references, entities and abbreviations are found in one scan of the whole text (many short
  // scans cost more than one long one) and kept where they fall inside one sentence.
  const sentenceAt = (at: number): Sentence | undefined => {
    let lo = 0
    let hi = all.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = all[mid] as Sentence
      if (at < s.span.start) hi = mid - 1
      else if (at >= s.span.end) lo = mid + 1
      else return s
    }
    return undefined
  }
  const within = (index: number, length: number): Sentence | undefined => {
    const s = sentenceAt(index)
    return s && index + length <= s.span.end ? s : undefined
  }
  const ahead = new Map<Sentence, boolean>()
  const looksAhead = (at: number) => {
    const s = sentenceAt(at)
    if (!s) return false
    let a = ahead.get(s)
    if (a === undefined) ahead.set(s, (a = lookingAhead(s.text)()))
    return a
  }
  const inBody = (s: Sentence) => s.section !== 'header' && s.section !== 'dateline'
  for (const d of findDates(text, date, looksAhead)) {
    const s = within(d.index, d.length)
    if (s)
      out.dates.push({
        text: d.text,
        start: d.start,
        end: d.end,
        precision: d.precision,
        sentence: s.text,
        span: span(d.index, d.length),
        sourceSpan: sourceSpan(d.index, d.length),
        rule: d.rule,
      })
  }
  for (const r of findReferences(text, date)) {
    const s = within(r.index, r.length)
    if (!s || !inBody(s)) continue
    const ref: Reference = {
      text: r.text,
      target: r.target,
      kind: r.kind,
      span: span(r.index, r.length),
      sourceSpan: sourceSpan(r.index, r.length),
      rule: r.rule,
    }
    if (r.date) ref.date = r.date
    out.references.push(ref)
  }
  for (const e of findEntities(text)) {
    const s = within(e.index, e.length)
    if (!s || !inBody(s)) continue
    const entity: Entity = { text: e.text, kind: e.kind, span: span(e.index, e.length), sourceSpan: sourceSpan(e.index, e.length), rule: e.rule }
    if (e.role) entity.role = e.role
    out.entities.push(entity)
  }
  for (const a of findAbbreviations(text)) {
    const s = within(a.index, a.length)
    if (!s || !inBody(s) || out.glossary.some((g) => g.abbreviation === a.abbreviation)) continue
    out.glossary.push({
      text: text.slice(a.index, a.index + a.length),
      abbreviation: a.abbreviation,
      expansion: a.expansion,
      ...where(a.index, a.length),
      rule: 'glossary.bracketed',
    })
  }
  // One scan for the trigger words of all three: the group that matched says which.
  const mayRequest = new Set<Sentence>()
  const mayFulfil = new Set<Sentence>()
  const mayPromise = new Set<Sentence>()
  TRIGGERS.lastIndex = 0
  for (let m = TRIGGERS.exec(text); m; m = TRIGGERS.exec(text)) {
    const s = sentenceAt(m.index)
    if (!s) continue
    // `verzoekt` is also a fulfilment's word (`verzo…`): a request word marks both.
    if (m[1]) mayRequest.add(s)
    if (m[1] || m[2]) mayFulfil.add(s)
    else mayPromise.add(s)
  }
  for (const s of all) if (inBody(s)) sentenceItems(s)

  // Requests, fulfilments and commitments are whole sentences.
  function sentenceItems(s: Sentence): void {
    const base = s.span.start
    const request = mayRequest.has(s) ? findRequest(s.text) : null
    if (request) {
      out.requests.push({ text: s.text, addressee: request.addressee, ...where(base, s.text.length), rule: request.rule })
      return
    }
    if (isMotie) return
    const fulfil = mayFulfil.has(s) ? findFulfilment(s.text, date) : null
    if (fulfil) {
      out.fulfils.push({ text: s.text, pointsAt: fulfil.pointsAt, ...where(base, s.text.length), rule: fulfil.rule })
      return
    }
    const c = mayPromise.has(s) ? findCommitment(s.text, date, input.sender) : null
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
