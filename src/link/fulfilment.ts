import { createHash } from 'node:crypto'
import { roleTitle } from '../extract/spoken.js'
import type { Commitment, Document, DuePeriod, PointsAt } from '../model/document.js'
import { stem, WORD } from '../search/stem.js'
import { explainScore, linkConfidence, pairFeatures } from './evidence.js'
import { memoized } from './memo.js'

/** A paper as the linker sees it: who sent it, when, in which dossier. */
export interface PaperRef {
  key: string
  id: string | null
  date: string | null
  sender: string | null
  dossier: string | null
}

/** A commitment as stored: the extraction plus the paper it was made in and a stable id. */
export interface CommitmentRecord {
  /** `kst-33783-50~12995bb5`: the paper's key and a hash of the promise's words, so corrections survive re-ingest. */
  id: string
  paper: PaperRef
  text: string
  actor: string | null
  action: string
  object: string | null
  dueText: string | null
  due: DuePeriod | null
  /** The recogniser's confidence that the sentence is a promise (absent in stores written before it had one). */
  confidence?: number
  /** The sentence before, where the promise opens with a word that points back to it (`Deze zal ik uw Kamer toesturen …`). */
  context?: string
  /** Earlier deadlines, where a later paper moved the promise (`in plaats van … ontvangt u in januari`): oldest first. */
  moved?: Array<{ dueText: string | null; due: DuePeriod | null; by: string }>
}

/**
 * What a later paper offers for matching against earlier promises: its
 * fulfilment sentences with what they point at, and the subject words of its
 * title, opening and fulfilment sentences. Small, so it is stored per paper
 * and matching never reopens whole Documents.
 */
export interface LinkProfile extends PaperRef {
  title: string | null
  fulfils: Array<{ text: string; pointsAt: PointsAt[] }>
  /** Subject stems (see {@link subjectTerms}). */
  terms: string[]
  /** The papers it cites (reference targets), and the days it names a paper by (`mijn brief van 28 oktober 2013`). */
  cites?: string[]
  dates?: string[]
  /** The sentence of its opening that says what it delivers now: `Hierbij ontvangt u de eindevaluatie …`. */
  delivers?: string | null
  /** Its first paragraph (up to 600 characters): what a letter without such a sentence is about. */
  opening?: string
  /**
   * A promise of its own that points back to an earlier one: it restates it (`Zoals toegezegd zal ik u voor de zomer …`),
   * and with a later date moves it (`Zoals ik in mijn brief van … heb aangekondigd stuur ik u in januari 2014 …`).
   */
  postpones?: { text: string; dueText: string | null; due: DuePeriod | null } | null
  otherDossiers?: string[]
}

/** Why a later paper is taken to keep a promise. */
export type FulfilmentReason = 'points-at' | 'subject' | 'manual' | 'postponed'

/** A link from a commitment to a paper that (probably) keeps it. */
export interface FulfilmentLink {
  commitmentId: string
  paperKey: string
  reason: FulfilmentReason
  /** 0–1; at or above {@link FACT_CONFIDENCE} the link is taken as fact, below it the paper is a candidate. */
  confidence: number
  /** What supports the link: the fulfilment sentence, or the subject words both share. */
  evidence: string
  /**
   * For a later paper that moves the promise: the new deadline, and the id of the later paper's own record of the
   * promise restated, which the store drops (one promise, one record). Not stored on the link; the store moves the promise.
   */
  postponement?: { dueText: string | null; due: DuePeriod | null; restatedBy: string }
}

/** Links at or above this confidence make a commitment `fulfilled`; weaker ones are shown as candidates. */
export const FACT_CONFIDENCE = 0.7

// Words that say nothing about a promise's subject: function words, the parliamentary frame
// (`Kamer`, `brief`, `informeren`) and the promise's own verbs, which every fulfilment repeats.
const STOP = new Set(
  (
    'aan al alle als andere bij binnen daar daarbij daarmee daarna dan dat de deze die dit doen door een en er gaan geen graag het hier hierbij hierover ' +
    'hun ik in is je kan kunnen lid maar meer mijn met na naar nader niet nog nu of om onder ons onze ook op over per te tegen ten ter tijdens tot u uw van ' +
    'veel via voor vanuit voordat wat we wel welke wij worden wordt zal zullen zijn zich zo zoals ' +
    'kamer kamerlid kamerleden brief brieven voorzitter minister staatssecretaris kabinet regering ministerie tweede eerste staten generaal ' +
    'informeren informeer geinformeerd berichten bericht rapporteren rapporteer toesturen sturen stuur zenden toezegging toegezegd beloofd ' +
    'aangekondigd hierbij bijgaand treft aan daarover eerder later tzt spoedig mogelijk binnenkort voorjaar zomer najaar winter ' +
    'januari februari maart april mei juni juli augustus september oktober november december jaar maand week dag ' +
    // The words of a ministry's name (`Het Ministerie van Buitenlandse Zaken verzorgt …`): who acts, not what about.
    'buitenlandse binnenlandse zaken koninkrijksrelaties algemene defensie financien financiën justitie veiligheid economische klimaat ' +
    'landbouw visserij voedselzekerheid natuur voedselkwaliteit volksgezondheid welzijn sport onderwijs cultuur wetenschap ' +
    'infrastructuur waterstaat milieu sociale werkgelegenheid volkshuisvesting ruimtelijke ordening asiel migratie'
  )
    .split(' ')
    .map((w) => stem(w)),
)

/** The subject stems of a text: content words (four letters or more, not in the stop list), stemmed, once each. */
export function subjectTerms(text: string): string[] {
  const out = new Set<string>()
  for (const m of text.matchAll(WORD)) {
    const w = m[0]
    if (w.length < 4 || /\d/.test(w)) continue
    const s = stem(w)
    if (!STOP.has(s)) out.add(s)
  }
  return [...out]
}

/** The stable id of a commitment: its paper's key and eight hex digits of a SHA-1 of its words (white space folded). */
export function commitmentId(paperKey: string, text: string): string {
  const hash = createHash('sha1').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 8)
  return `${paperKey}~${hash}`
}

/** The commitments of a stored paper, as records. */
export function commitmentRecords(paper: PaperRef, commitments: Commitment[]): CommitmentRecord[] {
  const seen = new Set<string>()
  const out: CommitmentRecord[] = []
  for (const c of commitments) {
    const id = commitmentId(paper.key, c.text)
    if (seen.has(id)) continue
    seen.add(id)
    // A promise made aloud is the speaker's: its sender is their office where the debate names it
    // (`Staatssecretaris van Volksgezondheid, Welzijn en Sport`), so the board groups it and later letters find it.
    // Where the record names no office (a debate read from page text without its presence list), the role alone
    // (`Staatssecretaris`): the board has no `(onbekend)` for it, and later letters of any staatssecretaris are weighed.
    const office = c.speaker?.function ?? roleTitle(c.speaker?.role)
    // It was made on the day of the debate, which a committee's verslag is dated weeks after.
    let by = office ? { ...paper, sender: office.charAt(0).toUpperCase() + office.slice(1) } : paper
    if (c.made) by = { ...by, date: c.made }
    const record: CommitmentRecord = { id, paper: by, text: c.text, actor: c.actor, action: c.action, object: c.object, dueText: c.dueText, due: c.due }
    if (c.confidence !== undefined) record.confidence = c.confidence
    if (c.context) record.context = c.context
    out.push(record)
  }
  return out
}

export { senderRole } from './evidence.js'

/** How much a paper says about its subject, for matching: title, the opening paragraphs and its fulfilment sentences. */
export function linkProfile(paper: PaperRef, doc: Document): LinkProfile {
  const fulfils = doc.fulfils.map((f) => ({ text: f.text, pointsAt: f.pointsAt }))
  // The opening of a letter says what it is about (`Hierbij bied ik u het verslag aan van …`); 1,200 characters hold it.
  const opening = doc.text.slice(0, 1200)
  const terms = subjectTerms([doc.title ?? '', doc.dossierTitle ?? '', opening, ...fulfils.map((f) => f.text)].join(' '))
  const cites = [...new Set(doc.references.map((r) => r.target).filter((t): t is string => !!t))]
  const dates = [...new Set(doc.references.map((r) => r.date).filter((d): d is string => !!d))]
  const first = doc.sections.find((x) => x.kind === 'paragraph')
  const profile: LinkProfile = { ...paper, title: doc.title, fulfils, terms, cites, dates, delivers: deliveryStatement(doc), postpones: postponement(doc) }
  if (first) profile.opening = doc.text.slice(first.span.start, Math.min(first.span.end, first.span.start + 600))
  if (doc.otherDossiers?.length) profile.otherDossiers = doc.otherDossiers
  return profile
}

// The paper says what it delivers now: `Hierbij ontvangt u de eindevaluatie …`, `In deze brief reageren wij op de aanbevelingen`,
// `Met deze brief geef ik u mijn beleidsreactie …`, `Bijgaand treft u …`, `Hierbij bied ik u … aan`.
const DELIVERS =
  /\b(?:[Hh]ierbij|[Hh]iermee|[Mm]et deze brief|[Ii]n deze brief|[Mm]iddels deze brief|[Bb]ijgaand|[Bb]ijgevoegd)\b[^.;]{0,160}?\b(?:ontvangt|ontvang|bied|bieden|zend|zenden|stuur|sturen|geef|geven|reageer|reageren|informeer|informeren|treft|doe|doen|deel|delen|ga|gaan|kom|komen|leg|leggen)\b|\b(?:[Tt]reft|[Oo]ntvangt) u\b[^.;]{0,40}?\b(?:hierbij|bijgaand|bijgevoegd)\b/

/** The first sentence of the opening that says what the paper delivers now, or null. */
function deliveryStatement(doc: Document): string | null {
  // The first paragraphs of the body, not the header or the title above them.
  const body = doc.sections.filter((x) => x.kind === 'paragraph' || x.kind === 'list-item').slice(0, 6)
  for (const part of body) {
    const text = doc.text.slice(part.span.start, part.span.end)
    for (const sentence of text.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) if (DELIVERS.test(sentence)) return sentence.trim().slice(0, 400)
  }
  return null
}

// A promise that points back (`Zoals ik in mijn brief van 28 oktober 2013 … heb aangekondigd`, `later dan toegezegd`, `uitstel`,
// `in plaats van`): in a paper that cites an earlier promise, it moves that promise to its own date.
const POINTS_BACK =
  /\b(?:[Zz]oals\b[^.;]{0,160}?\b(?:aangekondigd|toegezegd|gemeld)|later dan (?:toegezegd|aangekondigd|gepland|voorzien|verwacht)|uitstel|uitgesteld|in plaats van|opgeschort)\b/

/** The paper's own promise that points back to an earlier one (restating it, and with a later date moving it), or null. */
function postponement(doc: Document): NonNullable<LinkProfile['postpones']> | null {
  for (const c of doc.commitments) {
    const pointer = doc.references.some((r) => r.span.start >= c.span.start && r.span.end <= c.span.end)
    if (pointer || POINTS_BACK.test(c.text)) return { text: c.text, dueText: c.dueText, due: c.due }
  }
  return null
}

/** The named features of a promise and a later paper (see evidence.ts); `deliveryTerms` may be passed in when one paper is weighed against many promises. */
export function weighPair(
  c: CommitmentRecord,
  later: LinkProfile,
  deliveryTerms: ReadonlySet<string> = deliveryTermsOf(later),
): ReturnType<typeof pairFeatures> {
  return pairFeatures(c, later, { promiseTerms: promiseTerms(c), deliveryTerms })
}

/** What the later paper says it delivers or keeps: its delivery statement, title and fulfilment sentences, as subject stems. */
function deliveryTermsOf(later: LinkProfile): ReadonlySet<string> {
  let terms = deliveryTermsSeen.get(later)
  if (!terms) {
    terms = new Set(subjectTerms([later.delivers ?? '', later.title ?? '', ...later.fulfils.map((f) => f.text)].join(' ')))
    deliveryTermsSeen.set(later, terms)
  }
  return terms
}

// The store keeps a profile it reads again (see `Values.cachedJson`): weighed against the promises of each new paper
// that comes before it, its delivery words are worked out once.
const deliveryTermsSeen = new WeakMap<LinkProfile, ReadonlySet<string>>()

// A promise is weighed against every later paper of its dossier (up to 200 a paper written): its subject words are
// kept by its words, not worked out again for each pair.
const promiseTermsSeen = memoized(20_000, subjectTerms)

/** The subject words of a promise: what it is about, not how it is phrased; with the sentence before for `Deze zal ik …`. */
function promiseTerms(c: CommitmentRecord): string[] {
  return promiseTermsSeen(`${c.context ?? ''} ${c.text}`)
}

/**
 * Which of the given promises a later paper keeps, and how surely: each pair of
 * a promise and the later paper is weighed on named features (evidence.ts) and
 * the logistic function of their weighted sum is the link's confidence. At or
 * above {@link FACT_CONFIDENCE} the promise is kept; from {@link CANDIDATE_MIN}
 * the paper is a candidate for a person to confirm. A later paper that moves the
 * promise (it cites it and promises again with a later date) gives a
 * `postponed` link instead: the promise stays open with the new deadline.
 */
export function matchFulfilments(commitments: CommitmentRecord[], later: LinkProfile): FulfilmentLink[] {
  const links: FulfilmentLink[] = []
  const laterDay = later.date?.slice(0, 10) ?? null
  const deliveryTerms = deliveryTermsOf(later)
  const restated = restatedPromises(commitments, later)
  for (const c of commitments) {
    const made = c.paper.date?.slice(0, 10) ?? null
    if (c.paper.key === later.key || (made && laterDay && laterDay <= made)) continue
    const { values, notes } = weighPair(c, later, deliveryTerms)
    const confidence = Math.round(linkConfidence(values) * 1000) / 1000
    const reason: FulfilmentReason = values['cites.paper'] || values['cites.date-office'] ? 'points-at' : 'subject'
    // Written out only for the pairs kept: most pairs of a dossier are dropped below.
    const evidence = () => `${notes.join('; ')} (${explainScore(values)})`
    if (values.postpones && later.postpones && restated.get(c.paper.key)?.id === c.id) {
      // The promise the later paper restates (the one of the cited paper its restating sentence shares most with):
      // one promise, one record; with a later deadline, moved to it.
      const r = later.postpones
      const moves = !!r.due && (!c.due || r.due.end > c.due.end)
      links.push({
        commitmentId: c.id,
        paperKey: later.key,
        reason: 'postponed',
        confidence: Math.min(confidence, CANDIDATE_MIN),
        evidence: moves ? `moved to ${r.dueText}${r.due ? ` (by ${r.due.end})` : ''}: ${r.text}` : `restated: ${r.text}`,
        postponement: { dueText: r.dueText, due: moves ? r.due : null, restatedBy: commitmentId(later.key, r.text) },
      })
      continue
    }
    // A candidate must have something to do with the promise: its subject, or a pointer to its paper. A letter of the
    // same office and dossier that only delivers something else (`… over de Nederlandse bijdrage aan het IAEA`) is none.
    const related = values['subject.share'] >= 0.25 || values['cites.paper'] > 0 || values['cites.date-office'] > 0 || values['says.kept-this'] > 0
    if (confidence < CANDIDATE_MIN || (confidence < FACT_CONFIDENCE && !related)) continue
    links.push({
      commitmentId: c.id,
      paperKey: later.key,
      reason,
      confidence,
      evidence: evidence(),
      delivery: values['subject.delivery'],
      owner: c.paper.key,
    } as FulfilmentLink)
  }
  return oneKeptPerCitation(links)
}

/**
 * Per earlier paper, the promise a later paper's pointing-back promise restates: the one whose subject words its
 * sentence shares most, a quarter of them at least (`stuur ik u in januari 2014 een gecombineerde inhoudelijke reactie op
 * dit OvV-rapport` restates `… uiterlijk voor het einde van dit jaar, mijn reactie doen toekomen`, not the other promise
 * of that letter).
 */
function restatedPromises(commitments: CommitmentRecord[], later: LinkProfile): Map<string, CommitmentRecord> {
  const best = new Map<string, { c: CommitmentRecord; share: number }>()
  if (!later.postpones) return new Map()
  const words = new Set(subjectTerms(later.postpones.text))
  for (const c of commitments) {
    const terms = promiseTerms(c)
    const share = terms.length ? terms.filter((t) => words.has(t)).length / terms.length : 0
    const was = best.get(c.paper.key)
    if (share >= 0.25 && (!was || share > was.share)) best.set(c.paper.key, { c, share })
  }
  return new Map([...best].map(([k, v]) => [k, v.c]))
}

/**
 * A later paper that cites a paper of several promises keeps the one its words name (`bericht ik u hierbij over de
 * resultaten van de Toetsingsconferentie` → the promise to report on the results), not all of them: of the facts
 * per earlier paper, those whose share of subject words in the delivery falls short of the best are dropped.
 * A paper with one promise needs no words.
 */
function oneKeptPerCitation(links: FulfilmentLink[]): FulfilmentLink[] {
  const best = new Map<string, number>()
  const meta = (l: FulfilmentLink) => l as FulfilmentLink & { delivery?: number; owner?: string }
  for (const l of links) {
    const m = meta(l)
    if (l.confidence >= FACT_CONFIDENCE && m.owner !== undefined) best.set(m.owner, Math.max(best.get(m.owner) ?? 0, m.delivery ?? 0))
  }
  const out: FulfilmentLink[] = []
  for (const l of links) {
    const { delivery, owner, ...link } = meta(l)
    if (owner === undefined || l.confidence < FACT_CONFIDENCE || (delivery ?? 0) >= (best.get(owner) ?? 0)) out.push(link)
  }
  return out
}

/** Links below this confidence are not kept at all: most pairs of papers in a dossier have nothing to do with each other. */
export const CANDIDATE_MIN = 0.1

/**
 * A promise moved by a later paper (a `postponed` link): its new deadline, with the old one kept in `moved`.
 * Null when the link moves nothing (the same deadline, or an earlier one: a paper cannot bring a promise forward
 * by restating it).
 */
export function movedPromise(c: CommitmentRecord, link: FulfilmentLink): CommitmentRecord | null {
  const next = link.postponement
  if (!next?.due || (c.due && next.due.end <= c.due.end)) return null
  if (c.moved?.some((m) => m.by === link.paperKey)) return null
  return { ...c, dueText: next.dueText, due: next.due, moved: [...(c.moved ?? []), { dueText: c.dueText, due: c.due, by: link.paperKey }] }
}
