import { createHash } from 'node:crypto'
import type { Commitment, Document, DuePeriod, PointsAt } from '../model/document.js'
import { stem, WORD } from '../search/stem.js'

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
}

/** Why a later paper is taken to keep a promise. */
export type FulfilmentReason = 'points-at' | 'subject' | 'manual'

/** A link from a commitment to a paper that (probably) keeps it. */
export interface FulfilmentLink {
  commitmentId: string
  paperKey: string
  reason: FulfilmentReason
  /** 0–1; at or above {@link FACT_CONFIDENCE} the link is taken as fact, below it the paper is a candidate. */
  confidence: number
  /** What supports the link: the fulfilment sentence, or the subject words both share. */
  evidence: string
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
    'januari februari maart april mei juni juli augustus september oktober november december jaar maand week dag'
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
    const office = c.speaker?.function
    // It was made on the day of the debate, which a committee's verslag is dated weeks after.
    let by = office ? { ...paper, sender: office.charAt(0).toUpperCase() + office.slice(1) } : paper
    if (c.made) by = { ...by, date: c.made }
    const record: CommitmentRecord = { id, paper: by, text: c.text, actor: c.actor, action: c.action, object: c.object, dueText: c.dueText, due: c.due }
    if (c.confidence !== undefined) record.confidence = c.confidence
    out.push(record)
  }
  return out
}

/** How much a paper says about its subject, for matching: title, the opening paragraphs and its fulfilment sentences. */
export function linkProfile(paper: PaperRef, doc: Document): LinkProfile {
  const fulfils = doc.fulfils.map((f) => ({ text: f.text, pointsAt: f.pointsAt }))
  // The opening of a letter says what it is about (`Hierbij bied ik u het verslag aan van …`); 1,200 characters hold it.
  const opening = doc.text.slice(0, 1200)
  const terms = subjectTerms([doc.title ?? '', doc.dossierTitle ?? '', opening, ...fulfils.map((f) => f.text)].join(' '))
  return { ...paper, title: doc.title, fulfils, terms }
}

/** The highest confidence of a subject-only link whose later paper does not name what was promised. */
const CANDIDATE_CAP = 0.6

// Kinds of things a promise delivers, as a promise names them and as the paper that delivers them does.
const KINDS: Array<{ kind: string; promised: RegExp; words: string[] }> = [
  {
    kind: 'report',
    promised: /\b(?:rapport\w*|verslag\w*|evaluatie\w*|monitor\w*|voortgangs\w+)/i,
    words: ['rapport', 'rapportage', 'verslag', 'evaluatie', 'monitor', 'voortgangsrapportage', 'voortgangsbrief'],
  },
  {
    kind: 'reaction',
    promised: /\b(?:reactie|kabinetsreactie|beleidsreactie|appreciatie|reageren|standpunt)\b/i,
    words: ['reactie', 'kabinetsreactie', 'beleidsreactie', 'appreciatie', 'standpunt'],
  },
  { kind: 'bill', promised: /\b(?:wetsvoorstel|wetswijziging|indienen|in te dienen)\b/i, words: ['wetsvoorstel', 'wetswijziging', 'voorstel'] },
  { kind: 'answers', promised: /\b(?:antwoorden|beantwoord\w*|vragen)\b/i, words: ['antwoorden', 'beantwoording', 'vragen'] },
  {
    kind: 'plan',
    promised: /\b(?:visie|plan|actieplan|agenda|strategie|programma|nota)\b/i,
    words: ['visie', 'plan', 'actieplan', 'agenda', 'strategie', 'programma', 'nota'],
  },
]
const KIND_STEMS = KINDS.map((k) => ({ ...k, stems: k.words.map((w) => stem(w)) }))

/** The kind of thing a promise names that the later paper (by its subject stems) delivers, or null. */
function deliveredKind(promise: string, later: Set<string>): string | null {
  for (const k of KIND_STEMS) if (k.promised.test(promise) && k.stems.some((s) => later.has(s))) return k.kind
  return null
}

/** The subject words of a promise: what it is about, not how it is phrased. */
function promiseTerms(c: CommitmentRecord): string[] {
  return subjectTerms(c.text)
}

/** Share of a promise's subject words that the later paper uses too, and which. */
function overlap(promise: string[], later: Set<string>): { share: number; shared: string[] } {
  if (promise.length === 0) return { share: 0, shared: [] }
  const shared = promise.filter((t) => later.has(t))
  return { share: shared.length / promise.length, shared }
}

const sameSender = (a: string | null, b: string | null) => !!a && !!b && a.toLowerCase() === b.toLowerCase()

// The office a promise's actor or a paper's sender holds: `Staatssecretaris De Vries`, `Staatssecretaris van Economische Zaken` → `staatssecretaris`.
const office = (who: string | null) => /^(minister-president|minister|staatssecretaris)\b/i.exec(who ?? '')?.[1]?.toLowerCase() ?? null

/**
 * Whether a fulfilment sentence's pointers name the paper a promise was made in.
 * A debate record has no sender: there the later paper's sender must hold the
 * office of the member of government who made the promise aloud.
 */
function pointsAtPaper(pointsAt: PointsAt[], owner: PaperRef, later: PaperRef, promises: CommitmentRecord[]): string | null {
  const spokenBySender = owner.sender === null && promises.some((c) => office(c.actor) !== null && office(c.actor) === office(later.sender))
  for (const p of pointsAt) {
    if ((p.kind === 'reference' || p.kind === 'motie') && p.target && owner.id && p.target === owner.id) return `reference to ${owner.id}`
    // `zoals toegezegd in mijn brief van 27 mei 2022`: the letter of that date from the same sender,
    // or the debate of that date (`tijdens het commissiedebat van 19 april`) where the promise was made.
    if (p.kind === 'date' && p.date && owner.date && p.date === owner.date.slice(0, 10) && (sameSender(owner.sender, later.sender) || spokenBySender))
      return spokenBySender ? `the debate of ${owner.date.slice(0, 10)}` : `the ${owner.date.slice(0, 10)} paper of the same sender`
  }
  return null
}

/**
 * Which of a paper's promises a later paper keeps, and how surely.
 *
 * (a) The later paper says it keeps a promise (`Zoals toegezegd in mijn brief
 * van 27 mei 2022 (Kamerstuk 33 783, nr. 50) …`) and points at the paper the
 * promise was made in: the promise whose subject it shares most is kept
 * (confidence 0.9–0.95); a paper with a single promise needs no subject.
 * (b) Without such a sentence: the same sender, the same dossier, later, and
 * most of the promise's subject words in the later paper's title, opening or
 * fulfilment sentences (`rapporteren over de resultaten` of the
 * Toetsingsconferentie ↔ `het verslag van de Toetsingsconferentie … de
 * resultaten`). Half the words or more is a fact (0.7–0.85), a quarter a
 * candidate.
 */
export function matchFulfilments(commitments: CommitmentRecord[], later: LinkProfile): FulfilmentLink[] {
  const links: FulfilmentLink[] = []
  const laterTerms = new Set(later.terms)
  const after = (c: CommitmentRecord) => !c.paper.date || !later.date || later.date > c.paper.date
  const byOwner = new Map<string, CommitmentRecord[]>()
  for (const c of commitments) {
    if (c.paper.key === later.key || !after(c)) continue
    // By paper and sender: in a debate, each member of government's promises are theirs.
    const owner = `${c.paper.key}\u0000${c.paper.sender ?? ''}`
    const list = byOwner.get(owner) ?? []
    list.push(c)
    byOwner.set(owner, list)
  }
  for (const promises of byOwner.values()) {
    const owner = (promises[0] as CommitmentRecord).paper
    // (a) an explicit pointer
    let kept = false
    for (const f of later.fulfils) {
      const why = pointsAtPaper(f.pointsAt, owner, later, promises)
      if (!why) continue
      // The promise the fulfilment sentence itself names wins; the rest of the paper breaks ties.
      const sentenceTerms = new Set(subjectTerms(f.text))
      const scored = promises
        .map((c) => {
          const terms = promiseTerms(c)
          const inSentence = overlap(terms, sentenceTerms)
          const inPaper = overlap(terms, new Set([...sentenceTerms, ...laterTerms]))
          return { c, score: 2 * inSentence.share + inPaper.share, share: inPaper.share, shared: inPaper.shared }
        })
        .sort((a, b) => b.score - a.score)
      const best = scored[0]
      if (!best) continue
      const chosen = promises.length === 1 ? scored : scored.filter((s) => s.score > 0 && s.score === best.score)
      for (const s of chosen) {
        links.push({
          commitmentId: s.c.id,
          paperKey: later.key,
          reason: 'points-at',
          confidence: s.share >= 0.5 ? 0.95 : 0.9,
          evidence: `${f.text} (${why}${s.shared.length ? `; shares ${s.shared.join(', ')}` : ''})`,
        })
      }
      if (chosen.length) kept = true
    }
    if (kept) continue
    // (b) same sender, same dossier, matching subject: a fact only when the later paper delivers the kind of
    // thing promised (a report for `rapporteren`, a reaction, a bill, answers); sharing words alone is a candidate.
    if (!sameSender(owner.sender, later.sender) || !owner.dossier || owner.dossier !== later.dossier) continue
    for (const c of promises) {
      const terms = promiseTerms(c)
      const { share, shared } = overlap(terms, laterTerms)
      if (shared.length < 2 || share < 0.25) continue
      const delivered = deliveredKind(c.text, laterTerms)
      const confidence = share >= 0.5 ? Math.min(0.85, 0.55 + 0.3 * share) : 0.4 + 0.4 * share
      links.push({
        commitmentId: c.id,
        paperKey: later.key,
        reason: 'subject',
        confidence: delivered ? confidence : Math.min(confidence, CANDIDATE_CAP),
        evidence: `same sender and dossier, later; shares ${shared.join(', ')} of ${terms.join(', ')}${delivered ? `; delivers the ${delivered} promised` : '; what was promised is not named'}`,
      })
    }
  }
  return links
}
