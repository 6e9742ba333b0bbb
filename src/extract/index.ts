import type {
  AskedBy,
  DateMention,
  DocIssue,
  Document,
  DuePeriod,
  Entity,
  OffsetMap,
  PaperType,
  PointsAt,
  PromiseSupport,
  Reference,
  Section,
  Span,
  Speaker,
  Turn,
} from '../model/document.js'
import { toSourceOffset } from '../normalize/pieces.js'
import { confidenceOf, DELIVERED_NOW, type FoundCommitment, findCommitment, findDue, maskAbbreviations, PROMISE_THRESHOLD } from './commitments.js'
import { findDates, lookingAhead } from './dates.js'
import { findAbbreviations, findEntities } from './entities.js'
import { MentionFold } from './fold.js'
import { type FulfilmentKind, findFulfilment, findRequest } from './fulfils.js'
import { type FoundReference, findReferences } from './references.js'
import { rarity, restates, toldSentence } from './same-promise.js'
import { type Sentence, sentences } from './sentences.js'
import { atOffset } from './spans.js'
import {
  acknowledgesPromise,
  actorOfSpeaker,
  affirms,
  asksGovernment,
  chairPromise,
  isGovernment,
  memberNamed,
  opensPromiseList,
  pledgesBack,
  promisedTo,
  turnAt,
} from './spoken.js'

// Words without which no rule of requests, fulfilments or commitments can match. Each is found in
// one scan of the whole text, and only sentences holding one are tried.
const REQUEST_WORDS = /verzoekt|roept/g
const FULFIL_WORDS = /toeze|toegez|belo|aangek|motie|verzo|antwoord|aanleiding|reactie|gevraagd|Toeze/g
// (No \b and no case classes: a plain alternation scans fastest; a few extra candidates cost little.)
// Promises are read from the clause (see commitments.ts), and a promise is an act directed at the Kamer:
// only sentences holding a word of such an act (`informeren`, `sturen`, `ingaan`, `betrekken` …) are tried.
const PROMISE_WORDS =
  /nforme|bericht|stuur|sturen|zend|toekom|rapport|terug|hoogte|kennis|tegemoet|ontvang|ingaan|in te gaan|ga ik|betrek|betrokken|aandacht|ndien|ingedien| dien | dienen|delen|gedeeld| bied |bieden|aanbied|aangeboden|voorleg|leg ik|beantwoord|toelicht|toegelicht|uiteen|verstrek|mededel|melden|meld ik|reactie|reageren|appreciatie|evaluatie|verslag|weten| kom ik| komen w| kom met| komen met|briefing|behandel|meeneem|meegenomen|overzicht|update|inzicht|gelegenheid|opnemen|op te nemen|gaat uw|gaan uw|gaat u |krijgt u|krijgen u/g
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
  /** The paper's own id and dossier: its running head is no citation, `gedrukt onder nr. 8` is a number of its dossier. */
  id?: string | null
  dossier?: string | null
  /** A debate's turns: only members of government promise, and they promise aloud (see spoken.ts). */
  turns?: Turn[]
  /** The day the debate was held, where the paper is dated later (a committee's verslag). */
  held?: string | null
}

/** Everything the extractors find in one paper. */
export type Extraction = Pick<Document, 'references' | 'dates' | 'commitments' | 'fulfils' | 'requests' | 'entities' | 'glossary'>

/**
 * Runs every extractor over the sentences of a paper. Deterministic and
 * local; each item carries its clean-text span, its source span (through the
 * offset map) and the rule that found it.
 */
export function extract(input: ExtractInput, issues: DocIssue[] = []): Extraction {
  const out: Extraction = { references: [], dates: [], commitments: [], fulfils: [], requests: [], entities: [], glossary: [] }
  const all = sentences(input.text, input.sections)
  const at = positions(input.offsetMap)
  const references = placeMentions(input, all, at, out, issues)
  const p = paperReading(input, all, references)
  p.readings = p.body.map((s, k) => (p.debate ? spokenItems(p, s, k) : sentenceItems(p, s)))
  if (p.debate) {
    acknowledged(p)
    confirmedByChair(p)
    barePledges(p)
  }
  settleReported(p.body, p.readings)
  collectReadings(p, at.where, out)
  for (const c of out.commitments) if (!c.due && c.dueText) c.due = dueFromEvent(c.dueText, input.text, out.dates, input.date)
  return out
}

/** Where a match lies: its span in the clean text, and (through the offset map) in the source. */
interface Positions {
  span: (start: number, length: number) => Span
  sourceSpan: (start: number, length: number) => Span
  where: (start: number, length: number) => { span: Span; sourceSpan: Span }
}

function positions(offsetMap: OffsetMap): Positions {
  const span = (start: number, length: number): Span => ({ start, end: start + length })
  const sourceSpan = (start: number, length: number): Span => ({
    start: toSourceOffset(offsetMap, start),
    end: length > 0 ? toSourceOffset(offsetMap, start + length - 1) + 1 : toSourceOffset(offsetMap, start),
  })
  return { span, sourceSpan, where: (start, length) => ({ span: span(start, length), sourceSpan: sourceSpan(start, length) }) }
}

/** Whether a sentence is of the paper's body: not its header or dateline. */
const inBody = (s: Sentence) => s.section !== 'header' && s.section !== 'dateline'

/**
 * Dates, references, entities and abbreviations are found in one scan of the whole text (many short
 * scans cost more than one long one) and kept where they fall inside one sentence. Returns the
 * references found, for the fulfilments that point at a paper named next to them.
 */
function placeMentions(input: ExtractInput, all: Sentence[], at: Positions, out: Extraction, issues: DocIssue[]): FoundReference[] {
  const { text, date } = input
  const { span, sourceSpan, where } = at
  const sentenceAt = (at: number): Sentence | undefined => atOffset(all, at)
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
  const dates = new MentionFold<DateMention>('dates', (d) => d.text)
  for (const d of findDates(text, date, looksAhead)) {
    const s = within(d.index, d.length)
    if (s)
      dates.add({
        text: d.text,
        start: d.start,
        end: d.end,
        precision: d.precision,
        sentenceSpan: s.span,
        span: span(d.index, d.length),
        sourceSpan: sourceSpan(d.index, d.length),
        rule: d.rule,
      })
  }
  out.dates = dates.kept
  const references = findReferences(text, date, { id: input.id ?? null, dossier: input.dossier ?? null })
  const refs = new MentionFold<Reference>('references', (r) => `${r.target ?? ''} ${r.text}`)
  for (const r of references) {
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
    if (r.paper) ref.paper = r.paper
    refs.add(ref)
  }
  out.references = refs.kept
  const entities = new MentionFold<Entity>('entities', (e) => `${e.kind} ${e.text}`)
  for (const e of findEntities(text)) {
    const s = within(e.index, e.length)
    if (!s || !inBody(s)) continue
    const entity: Entity = { text: e.text, kind: e.kind, span: span(e.index, e.length), sourceSpan: sourceSpan(e.index, e.length), rule: e.rule }
    if (e.role) entity.role = e.role
    entities.add(entity)
  }
  out.entities = entities.kept
  issues.push(...dates.issues(), ...refs.issues(), ...entities.issues())
  const defined = new Set<string>()
  for (const a of findAbbreviations(text)) {
    const s = within(a.index, a.length)
    if (!s || !inBody(s) || defined.has(a.abbreviation)) continue
    defined.add(a.abbreviation)
    out.glossary.push({
      text: text.slice(a.index, a.index + a.length),
      abbreviation: a.abbreviation,
      expansion: a.expansion,
      ...where(a.index, a.length),
      rule: 'glossary.bracketed',
    })
  }
  return references
}

/** A paper as the sentence readers see it: its body's sentences, which may hold which reading, who speaks. */
interface PaperReading {
  input: ExtractInput
  text: string
  date: string | null
  body: Sentence[]
  references: FoundReference[]
  isMotie: boolean
  mayRequest: Set<Sentence>
  mayFulfil: Set<Sentence>
  mayPromise: Set<Sentence>
  /** Whether a sentence is a member's question in answers to Kamervragen. */
  asked: (s: Sentence) => boolean
  turns: Turn[]
  debate: boolean
  speakers: Speaker[]
  /** Inside the chair's list of promises (`De volgende toezeggingen zijn gedaan`), and in which turn. */
  list: { open: boolean; turn: Turn | undefined }
  /** What each sentence of the body was read as. */
  readings: Reading[]
}

function paperReading(input: ExtractInput, all: Sentence[], references: FoundReference[]): PaperReading {
  const { text } = input
  const sentenceAt = (at: number): Sentence | undefined => atOffset(all, at)
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
  const body = all.filter(inBody)
  // In answers to Kamervragen the member's questions stand between `Vraag 3` and `Antwoord 3`: their words are the
  // member's (`Kunt u deze aantallen direct met de Kamer delen`), never a promise or a fulfilment of the government.
  const questions = questionBlocks(text, input.sections)
  const turns = input.turns ?? []
  const debate = turns.length > 0
  return {
    input,
    text,
    date: input.date,
    body,
    references,
    isMotie: input.type === 'motie' || input.type === 'amendement',
    mayRequest,
    mayFulfil,
    mayPromise,
    asked: (s) => questions.some((q) => s.span.start >= q.start && s.span.start < q.end),
    turns,
    debate,
    speakers: debate ? [...new Map(turns.map((t) => [t.label, t.speaker])).values()] : [],
    list: { open: false, turn: undefined },
    readings: [],
  }
}

/** The readings as the paper's requests, fulfilments and commitments. */
function collectReadings(p: PaperReading, where: Positions['where'], out: Extraction): void {
  for (const [k, r] of p.readings.entries()) {
    let s = p.body[k] as Sentence
    // `… voor de zomer informeren. Dat zeg ik toe.`: one promise of the two sentences.
    if (r.joinBefore) {
      const before = p.body[k - 1] as Sentence
      const last = out.commitments[out.commitments.length - 1]
      if (last && last.span.start === before.span.start) out.commitments.pop()
      s = { ...s, text: p.text.slice(before.span.start, s.span.end), span: { start: before.span.start, end: s.span.end } }
    }
    const at = where(s.span.start, s.text.length)
    if (r.request) out.requests.push({ text: s.text, addressee: r.request.addressee, ...at, rule: r.request.rule })
    else if (r.fulfil)
      out.fulfils.push({
        text: s.text,
        pointsAt: withNearbyPointers(p, r.fulfil.pointsAt, s, k),
        ...(r.fulfil.asked ? { asked: r.fulfil.asked } : {}),
        ...at,
        rule: r.fulfil.rule,
      })
    else if (r.commitment) {
      const c = r.commitment
      // In a debate, said again by the same speaker: one promise, the later sentence its support.
      const actor = r.speaker ? actorOfSpeaker(r.speaker) : c.actor
      const first = p.debate ? out.commitments.find((e) => e.actor === actor && restates(s.text, e.text)) : undefined
      if (first) {
        first.support = [...(first.support ?? []), { kind: 'restated', text: s.text }, ...(r.support ?? [])]
        continue
      }
      // `Ik zal de Kamer informeren over de afronding. Dat komt allemaal, meen ik, voor de zomer van 2015.`: a promise
      // with no deadline of its own takes the one said in the next sentence of the same part, if that sentence is no reading of its own.
      const later = c.dueText === null ? deadlineAfter(p, k) : null
      // `Deze zal ik uw Kamer toesturen na de rondetafelbijeenkomst.`: what `Deze` is, the sentence before says.
      const before = ANAPHOR.test(s.text) ? p.body[k - 1] : undefined
      out.commitments.push({
        ...(r.support ? { support: r.support } : {}),
        ...(before ? { context: before.text } : {}),
        text: s.text,
        actor,
        ...(r.speaker ? { speaker: r.speaker } : {}),
        ...(r.to !== undefined ? { to: r.to } : {}),
        ...(r.speaker && p.input.held && p.input.held !== p.date ? { made: p.input.held } : {}),
        action: c.action,
        object: c.object,
        dueText: later?.dueText ?? c.dueText,
        due: later?.due ?? c.due,
        condition: c.condition,
        confidence: c.confidence,
        features: c.features,
        ...at,
        rule: c.rule,
      })
    }
  }
}

/** The deadline the sentence after `k` gives, where it is short, of the same part (or turn), no reading of its own, and ahead. */
function deadlineAfter(p: PaperReading, k: number): { dueText: string; due: DuePeriod | null } | null {
  const here = p.body[k] as Sentence
  const next = p.body[k + 1]
  if (!next || next.text.length > NEXT_DEADLINE_MAX || p.readings[k + 1]?.commitment || p.readings[k + 1]?.fulfil || p.readings[k + 1]?.request) return null
  if (p.debate ? turnAt(p.turns, next.span.start) !== turnAt(p.turns, here.span.start) : next.sectionIndex !== here.sectionIndex) return null
  const found = findDue(maskAbbreviations(next.text), p.date)
  if (!found.dueText || (found.due && p.date && found.due.end < p.date)) return null
  return { dueText: found.dueText, due: found.due }
}

// A fulfilment often names the earlier paper next to it, not in it: in its footnote (`zoals toegezegd in
// mijn brief1` / `1 Kamerstuk 33 783, nr. 50`) or in the sentence before, in the same paragraph
// (`In mijn brief van 27 mei (Kamerstuk 33 783, nr. 50) heb ik toegezegd … Met deze brief kom ik dat na.`).
function withNearbyPointers(p: PaperReading, pointsAt: PointsAt[], s: Sentence, k: number): PointsAt[] {
  const out = [...pointsAt]
  const have = new Set(pointsAt.map((p) => p.target).filter(Boolean))
  const take = (from: Span) => {
    for (const r of p.references)
      if (r.target && !have.has(r.target) && r.index >= from.start && r.index + r.length <= from.end) {
        have.add(r.target)
        out.push({ kind: r.kind === 'motie' ? 'motie' : 'reference', text: r.text, target: r.target })
      }
  }
  for (const m of s.text.matchAll(FOOTNOTE_MARK)) {
    const label = m[1] as string
    const note = p.input.sections.find((x) => x.kind === 'footnote' && x.label === label)
    if (note) take(note.span)
  }
  const before = p.body[k - 1]
  if (before && before.sectionIndex === s.sectionIndex) take(before.span)
  return out
}

// In a debate, who speaks decides: a member of government promises aloud (`Ik kom daar schriftelijk op
// terug`); the chair, or a report, tells the promises in the third person (`De minister zegt toe …`); a
// Kamerlid's `ik zal` is their own plan, and a Kamerlid telling what the minister promised is no promise.
// Requests (a motie read out) are found in every turn.
function spokenItems(p: PaperReading, s: Sentence, k: number): Reading {
  const turn = turnAt(p.turns, s.span.start)
  if (turn !== p.list.turn) p.list.open = false
  if (opensPromiseList(s.text) || (s.section === 'heading' && /^Toezeggingen\b/i.test(s.text))) {
    p.list.open = true
    p.list.turn = turn
    return {}
  }
  const request = p.mayRequest.has(s) ? findRequest(s.text) : null
  if (request) return { request }
  const who = turn?.speaker
  if (isGovernment(who) && turn) {
    const before = p.body[k - 1]
    const sameTurn = before && turnAt(p.turns, before.span.start) === turn ? before : undefined
    // `De motie op stuk nr. 33 kan ik oordeel Kamer geven. Ik ga het namelijk in kaart brengen.`: the promise that carries
    // a motie's appreciation is said with it, and is one promise with it.
    const appraised = !!sameTurn && sameTurn.text.length <= 200 && APPRAISES_MOTIE.test(maskAbbreviations(sameTurn.text))
    const answers = answersAsk(p, s, turn, sameTurn)
    const joinBefore =
      !!sameTurn &&
      (pledgesBack(s.text) || answers === 'in-turn' || (appraised && !!findCommitment(s.text, p.date, actorOfSpeaker(who as Speaker), false, true)))
    const said = joinBefore ? `${(sameTurn as Sentence).text} ${s.text}` : s.text
    const fulfil = p.mayFulfil.has(s) && !joinBefore ? findFulfilment(s.text, p.date) : null
    if (fulfil && fulfil.kind !== 'promise-reported') return { fulfil }
    // A yes to an ask is weighed with its sign added, so it is read whatever it scores alone.
    const commitment = answered(findCommitment(said, p.date, actorOfSpeaker(who as Speaker), !!answers, true), answers)
    if (!commitment) return fulfil ? { fulfil } : {}
    // The member the promise answers is named in it or in the question just before (`De CDA-fractie vroeg …`).
    const earlier = p.body
      .slice(Math.max(0, k - 3), k)
      .reverse()
      .filter((b) => turnAt(p.turns, b.span.start) === turn)
    const to = promisedTo(
      s.text,
      earlier.map((b) => b.text),
      turn,
      p.turns,
    )
    return { commitment, speaker: who as Speaker, to, ...(joinBefore ? { joinBefore } : {}) }
  }
  if (who && who.role !== 'voorzitter') return {}
  // The chair's words, or a report's outside the turns.
  const told = chairPromise(s.text, p.list.open, p.speakers)
  if (!told) return {}
  const reading = findCommitment(s.text, p.date, told.speaker ? actorOfSpeaker(told.speaker) : told.role, true, true)
  if (!reading) return {}
  const features = [...reading.features.filter((f) => f.name !== 'tense.past-report'), { name: 'chair.summary', weight: 4, text: told.role }]
  const confidence = confidenceOf(features)
  if (confidence < PROMISE_THRESHOLD) return {}
  const commitment = { ...reading, features, confidence: Math.round(confidence * 1000) / 1000, rule: 'commitment.chair-summary' }
  return { commitment, ...(told.speaker ? { speaker: told.speaker } : {}) }
}

/**
 * Whether a government speaker's sentence is a short yes to what was just asked of it: the first sentence of its turn
 * answering the turn before (`Kan de staatssecretaris dat toezeggen?` — `Geen enkel probleem.`; the chair's `Ik zou u
 * dan willen verzoeken om …` — `Zullen we doen.`), or a yes to the ask it names itself just before (`Het eerste deel
 * van de motie vraagt van mij … Dat is prima, dat zal ik doen.`).
 */
function answersAsk(p: PaperReading, s: Sentence, turn: Turn, sameTurn: Sentence | undefined): 'before' | 'in-turn' | null {
  if (!affirms(s.text)) return null
  // The turn's label (`Staatssecretaris Van Oostenbruggen:`) is no sentence of what it says.
  if (sameTurn && sameTurn.span.start > turn.span.start) return asksGovernment(sameTurn.text) ? 'in-turn' : null
  const before = p.turns[p.turns.indexOf(turn) - 1]
  // The end of the turn before: what it asked last.
  return before && !isGovernment(before.speaker) && asksGovernment(p.text.slice(Math.max(before.span.start, before.span.end - 400), before.span.end))
    ? 'before'
    : null
}

/** A yes to what was asked (see {@link answersAsk}) is a promise: the named sign `spoken.answers-ask` carries it over the threshold. */
function answered(reading: FoundCommitment | null, answers: 'before' | 'in-turn' | null): FoundCommitment | null {
  if (!reading || !answers) return reading
  const features = [...reading.features, { name: 'spoken.answers-ask', weight: ANSWERS_ASK_WEIGHT, text: answers }]
  const confidence = confidenceOf(features)
  if (confidence < PROMISE_THRESHOLD) return null
  return { ...reading, features, confidence: Math.round(confidence * 1000) / 1000, rule: 'commitment.answers-ask' }
}

// Set by hand, as `chair.summary` and `spoken.acknowledged` are: a bare yes has no other sign of a promise (`Geen enkel
// probleem.` scores the bias alone), and right after an explicit ask it is one.
const ANSWERS_ASK_WEIGHT = 6

// `U hebt een toezegging, mijnheer Segers.`: the chair or a member names a promise in the government's
// turn just before (the chair's words between not counted). Where no sentence of that turn was read as a
// promise, its most promising sentence is the one (`We gaan het bij de Staat van de Unie van nader commentaar voorzien.`).
function acknowledged(p: PaperReading): void {
  for (const [k, s] of p.body.entries()) {
    const turn = turnAt(p.turns, s.span.start)
    // The chair's list of toezeggingen (`… Dat is een toezegging aan de heer Olger van Dijk.`) names its own item, not the turn before.
    if (!turn || isGovernment(turn.speaker) || s.section === 'list-item' || !acknowledgesPromise(s.text)) continue
    let at = p.turns.indexOf(turn) - 1
    while (at >= 0 && (p.turns[at] as Turn).speaker.role === 'voorzitter' && turn.speaker.role !== 'voorzitter') at--
    const promiser = p.turns[at]
    if (!promiser || !isGovernment(promiser.speaker)) continue
    // The sentences of that turn: those before this one that fall inside its span.
    const inTurn: number[] = []
    for (let j = k - 1; j >= 0 && (p.body[j] as Sentence).span.start >= promiser.span.start; j--)
      if ((p.body[j] as Sentence).span.start < promiser.span.end) inTurn.unshift(j)
    if (inTurn.some((j) => p.readings[j]?.commitment)) continue
    let best: { j: number; c: FoundCommitment } | null = null
    for (const j of inTurn) {
      if (p.readings[j]?.request || p.readings[j]?.fulfil) continue
      const c = findCommitment((p.body[j] as Sentence).text, p.date, actorOfSpeaker(promiser.speaker), true, true)
      if (c && c.confidence > (best?.c.confidence ?? 0)) best = { j, c }
    }
    if (!best) continue
    const features = [...best.c.features, { name: 'spoken.acknowledged', weight: 4, text: s.text }]
    const confidence = confidenceOf(features)
    if (confidence < PROMISE_THRESHOLD) continue
    p.readings[best.j] = {
      commitment: { ...best.c, features, confidence: Math.round(confidence * 1000) / 1000, rule: 'commitment.acknowledged' },
      speaker: promiser.speaker,
      to: turn.speaker.role === 'kamerlid' ? turn.speaker.name : memberNamed(s.text),
    }
  }
}

// The chair's reading of the toezeggingen (`De staatssecretaris zegt de Kamer toe … te informeren over …`) tells a
// promise the member of government made in their own words earlier in the debate: that sentence is the promise,
// confirmed, and the reading is its support, not a second promise (see same-promise.ts). A reading whose words
// no sentence of the speaker shares stays the record.
function confirmedByChair(p: PaperReading): void {
  const weight = rarity(p.body.map((s) => s.text))
  const own = new Map<number, FoundCommitment | null>()
  // The speaker's own words must read as half a promise at least (an actor, a modality, an act): the chair's
  // words confirm a promise, they do not make one of a sentence that only names the same subject.
  const ownReading = (j: number, speaker: Speaker): FoundCommitment | null => {
    if (!own.has(j)) {
      const c = p.readings[j]?.commitment ?? findCommitment((p.body[j] as Sentence).text, p.date, actorOfSpeaker(speaker), true, true)
      own.set(j, c && c.confidence >= OWN_WORDS_MIN ? c : null)
    }
    return own.get(j) ?? null
  }
  for (const [k, r] of p.readings.entries()) {
    if (r.commitment?.rule !== 'commitment.chair-summary' || !r.speaker) continue
    const speaker = r.speaker
    const candidates: Array<{ index: number; text: string; bonus: number }> = []
    for (let j = 0; j < k; j++) {
      const b = p.body[j] as Sentence
      const t = turnAt(p.turns, b.span.start)
      const rj = p.readings[j]
      if (!t || !isGovernment(t.speaker) || t.speaker.name !== speaker.name || rj?.request || rj?.fulfil) continue
      const c = ownReading(j, speaker)
      if (c) candidates.push({ index: j, text: b.text, bonus: c.confidence })
    }
    // Where no sentence shares its rare words, the reading most likely tells a promise already found in other words
    // (`… indien daar aanleiding toe is de Kamer te informeren over …` ↔ `Als het zover is, … dan zal ik uw Kamer daarover
    // zeker informeren`): the speaker's found promise it shares most with takes it as support.
    const told =
      toldSentence((p.body[k] as Sentence).text, candidates, weight) ??
      toldSentence(
        (p.body[k] as Sentence).text,
        candidates.filter((c) => p.readings[c.index]?.commitment && (p.readings[c.index]?.commitment?.confidence ?? 0) >= PROMISE_THRESHOLD),
        weight,
        0,
      )
    if (!told) continue
    const j = told.index
    const before = p.readings[j] ?? {}
    const reading = ownReading(j, speaker) as FoundCommitment
    const features = [...reading.features, { name: 'chair.confirms', weight: 4, text: told.shared.join(', ') }]
    const confidence = confidenceOf(features)
    const support: PromiseSupport[] = [...(before.support ?? []), { kind: 'chair-reading', text: (p.body[k] as Sentence).text }]
    const rule = before.commitment ? reading.rule : 'commitment.chair-confirmed'
    p.readings[j] = { ...before, commitment: { ...reading, features, confidence: Math.round(confidence * 1000) / 1000, rule }, speaker, support }
    if (before.to === undefined) (p.readings[j] as Reading).to = memberNamed((p.body[k] as Sentence).text)
    p.readings[k] = {}
  }
}

// `Ja, dat kan ik toezeggen. Ik neem de gemeenten mee in de evaluatie en kom daar schriftelijk op terug.`: a bare
// pledge followed in the same turn by the promise in words is that promise, not a second one.
function barePledges(p: PaperReading): void {
  for (const [k, r] of p.readings.entries()) {
    const c = r.commitment
    if (!c?.features.some((f) => f.name === 'spoken.bare-pledge') || c.features.some((f) => f.name.startsWith('act.'))) continue
    const turn = turnAt(p.turns, (p.body[k] as Sentence).span.start)
    for (const j of [k + 1, k + 2]) {
      const next = p.body[j]
      if (!next || turnAt(p.turns, next.span.start) !== turn) break
      if (p.readings[j]?.commitment) {
        delete r.commitment
        break
      }
    }
  }
}

// Requests, fulfilments and commitments are whole sentences; a sentence is at most one of them.
function sentenceItems(p: PaperReading, s: Sentence): Reading {
  const request = p.mayRequest.has(s) ? findRequest(s.text) : null
  if (request) return { request }
  // A question is never a promise: `Kunt u … aangeven welke vervolgactie u … neemt?` asks the government for one.
  // (No promise of the corpus's gold ends in a question mark.)
  if (p.isMotie || p.asked(s) || /\?[\s»”’")]*$/.test(s.text)) return {}
  const fulfil = p.mayFulfil.has(s) ? findFulfilment(s.text, p.date) : null
  const commitment = p.mayPromise.has(s) || fulfil ? findCommitment(s.text, p.date, p.input.sender, fulfil?.kind === 'promise-reported') : null
  // `Zoals toegezegd zal ik uw Kamer hiervan direct op de hoogte stellen`: a promise repeated is a promise
  // (still open); `Hierbij zend ik u, zoals toegezegd, …` is kept.
  if (fulfil?.kind === 'kept' && commitment && commitment.confidence >= PROMISE_THRESHOLD && promisesAhead(commitment)) return { commitment }
  if (fulfil) return { fulfil, ...(commitment ? { reported: commitment } : {}) }
  return commitment && commitment.confidence >= PROMISE_THRESHOLD ? { commitment } : {}
}

// A footnote marker glued to a word: `brief1`, `verzocht1.`, `rapport.2`.
const FOOTNOTE_MARK = /\p{L}[.,»)]?(\d{1,2})(?=[\s.,;:)]|$)/gu

// `Vraag 3`, `Vraag 3:`, `Vragen 4 en 5` open a member's question; `Antwoord 3`, `Antwoord op vraag 3` the government's answer.
const QUESTION_HEAD = /^Vra(?:ag|gen)\s+\d+[\p{L}]?(?:\s*(?:en|,|t\/m)\s*\d+)*\s*[:.]?\s*$/u
const ANSWER_HEAD = /^Antwoord(?:\s+(?:op\s+(?:de\s+)?vra(?:ag|gen)\s+)?\d+[\p{L}]?(?:\s*(?:en|,|t\/m)\s*\d+)*)?\s*[:.]?/iu

/** The spans of a paper's members' questions: from each `Vraag N` head to the `Antwoord N` that follows it. */
function questionBlocks(text: string, sections: Section[]): Span[] {
  const out: Span[] = []
  let open: number | null = null
  for (const s of sections) {
    const line = text.slice(s.span.start, s.span.end).trim()
    if (line.length > 40) continue
    if (QUESTION_HEAD.test(line)) {
      if (open === null) open = s.span.end
    } else if (open !== null && ANSWER_HEAD.test(line)) {
      out.push({ start: open, end: s.span.start })
      open = null
    }
  }
  return out
}

// A promise that opens with a word pointing back: `Deze zal ik …`, `Hierover informeer ik u …`, `Dit rapport zal …`.
const ANAPHOR = /^(?:[Dd]eze|[Dd]it|[Dd]ie|[Dd]at|[Hh]ierover|[Dd]aarover|[Hh]ierop|[Dd]aarop)\b/

// A member of government's appreciation of a motie: `De motie op stuk nr. 33 kan ik oordeel Kamer geven.`
const APPRAISES_MOTIE = /\bmotie\b[^.;]{0,120}\boordeel (?:aan de )?Kamer\b/i

/** How long a sentence after a promise may be to lend it its deadline: a short one says only when (`Dat zal in september zijn.`). */
const NEXT_DEADLINE_MAX = 120

/** How sure the recogniser must be of a speaker's own sentence before the chair's reading can confirm it (a score of about −0.6). */
const OWN_WORDS_MIN = 0.35

/** What one sentence was read as, before the paper as a whole settles reported requests and promises. */
interface Reading {
  request?: { addressee: string; rule: string }
  fulfil?: { rule: string; kind: FulfilmentKind; pointsAt: PointsAt[]; asked?: AskedBy }
  commitment?: FoundCommitment
  /** For a promise told in the past: the sentence read as a promise, in case the paper does not keep it. */
  reported?: FoundCommitment
  /** In a debate: the member of government who promised, and to whom. */
  speaker?: Speaker
  to?: string | null
  /** The promise is the sentence before and this one (`… informeren. Dat zeg ik toe.`). */
  joinBefore?: boolean
  /** Other sentences that state the same promise (the chair's reading of it). */
  support?: PromiseSupport[]
}

/** Whether a promise reading commits to the future (a modal or a time ahead), not only tells the Kamer something now. */
function promisesAhead(c: FoundCommitment): boolean {
  return c.features.some((f) => f.name.startsWith('modality.') || f.name === 'tense.present-with-time')
}

// The paper puts a request off or declines it: `Ik zal uw Kamer informeren zodra …`, `niet aan het verzoek voldoen`,
// `Ik stel voor u uiterlijk 21 juni nader te berichten`, `Ik zie daarom geen aanleiding …`.
const DEFERS =
  /\b(?:zodra|nader (?:te )?(?:informeren|berichten)|op korte termijn|niet aan (?:het|uw|dit) verzoek|geen aanleiding|niet mogelijk|vereist (?:nog )?(?:meer )?tijd)\b/
/** How many sentences after a reported request the paper's answer to it is looked for. */
const ANSWER_WINDOW = 4

/**
 * Settles the sentences that tell a request or a promise, which only the
 * paper as a whole decides:
 * - a request told (`De vaste commissie heeft mij verzocht …`) is answered
 *   by the paper, unless one of the next sentences defers or declines it
 *   (`Ik zal uw Kamer informeren zodra die afstemming gereed is.`);
 * - a promise told (`heb ik toegezegd deze brief binnen enkele weken te
 *   versturen`) is kept by a paper that delivers something; in one that
 *   delivers nothing and times the promise ahead, it is still open and is
 *   recorded as a commitment.
 */
function settleReported(body: Sentence[], readings: Reading[]): void {
  // The paper delivers something now (`Hierbij zend ik u`, `bijgevoegd`, `treft u aan`) or says it keeps a promise.
  const delivers = body.some((s, k) => DELIVERED_NOW.test(s.text) || readings[k]?.fulfil?.kind === 'kept')
  for (const [k, r] of readings.entries()) {
    if (r.fulfil?.kind === 'request-reported') {
      const next = body.slice(k + 1, k + 1 + ANSWER_WINDOW)
      if (next.some((s) => DEFERS.test(s.text))) delete r.fulfil
    } else if (r.fulfil?.kind === 'promise-reported' && !delivers && r.reported) {
      const c = r.reported
      const has = (name: string) => c.features.some((f) => f.name === name)
      // Open only as an act towards the Kamer with a deadline: `… toegezegd deze brief binnen enkele weken aan uw Kamer te versturen`.
      if (!has('deadline') || !has('act.inform') || !has('receiver.kamer')) continue
      const features = c.features.filter((f) => f.name !== 'tense.past-report')
      features.push({ name: 'reported-open', weight: 0, text: 'promised earlier, not kept in this paper' })
      const confidence = confidenceOf(features)
      if (confidence < PROMISE_THRESHOLD) continue
      r.commitment = { ...c, features, confidence: Math.round(confidence * 1000) / 1000, rule: 'commitment.reported-open' }
      delete r.fulfil
    }
  }
}

/** How long after an event a promise to report on it falls due: kamerwacht's convention, three months. */
const AFTER_EVENT_DAYS = 90

/**
 * Resolves a deadline tied to an event (`voor aanvang van de toetsingsconferentie`,
 * `na afloop van de Toetsingsconferentie`) through a date the same paper gives
 * that event (`de conferentie zal plaatsvinden van 1 t/m 26 augustus 2022`).
 */
function dueFromEvent(dueText: string, text: string, dates: DateMention[], ref: string | null): DuePeriod | null {
  const m = /\b(voor|vóór|na|tijdens|bij)\s+(?:(?:aanvang|afloop|afronding|het einde|de start|het begin|begin|einde)\s+van\s+)?(?:de|het)\s+([\p{L}-]+)/iu.exec(
    dueText,
  )
  if (!m) return null
  const event = (m[2] as string).toLowerCase()
  // The event as named, or the last part of its compound: `toetsingsconferentie` → `conferentie`.
  const names = [event]
  for (let k = 1; event.length - k >= 8; k++) names.push(event.slice(k))
  const when = dates.find(
    (d) => d.start !== d.end && d.precision === 'day' && names.some((n) => text.slice(d.sentenceSpan.start, d.sentenceSpan.end).toLowerCase().includes(n)),
  )
  if (!when) return null
  const add = (iso: string, days: number) => new Date(Date.parse(iso) + days * 864e5).toISOString().slice(0, 10)
  const word = (m[1] as string).toLowerCase()
  if (word === 'na') return { start: add(when.end, 1), end: add(when.end, AFTER_EVENT_DAYS) }
  if (word === 'tijdens' || word === 'bij') return { start: when.start, end: when.end }
  return ref ? { start: ref, end: add(when.start, -1) } : null
}
