import { roleTitle } from '../extract/spoken.js'
import type { DuePeriod } from '../model/document.js'
import { roleOfOffice } from '../normalize/patterns.js'
import type { CommitmentRecord, LinkProfile } from './fulfilment.js'
import { FULFILMENT_WEIGHTS } from './fulfilment-weights.js'
import { memoized } from './memo.js'

// ---------------------------------------------------------------------------------------------
// Fulfilment as weighed evidence. Whether a later paper keeps a promise is not one rule but several
// signs, none sure alone (chains of ../shared/corpus/chains):
//   - it cites the paper the promise was made in (`Kamerstuk 26 991, nr. 554`), or names its day
//     and comes from the same office (`Zoals ik in mijn brief van 28 oktober 2013 … heb aangekondigd`);
//   - it says it delivers now (`In deze brief reageren wij op de aanbevelingen`, `Hierbij ontvangt u de
//     eindevaluatie`) and what it delivers is the kind promised (a reactie, an evaluatie, a rapport);
//   - it is about what was promised (the promise's subject words, with `Deze` resolved to the sentence before);
//   - it comes from the same office (sets of offices: `Ministers van Defensie en van Buitenlandse Zaken` is
//     `Ministers van Buitenlandse Zaken en van Defensie`), in the same dossier, within the promised time;
//   - and against it: it moves the promise (`stuur ik u in januari 2014 een gecombineerde inhoudelijke reactie`).
// Each sign is a named feature in [0, 1]; the link's confidence is the logistic function of their weighted sum.
// scripts/fit-fulfilment.mjs fits the weights around hand-set values argued there, and keeps the fitted ones only
// where they do at least as well across dossiers (fulfilment-weights.ts says which are in use).
// ---------------------------------------------------------------------------------------------

/** The names of the fulfilment features, in the order the fitting script writes them. */
export const FULFILMENT_FEATURES = [
  'cites.paper',
  'cites.date-office',
  'says.kept',
  'says.kept-this',
  'delivers.now',
  'delivers.kind',
  'subject.share',
  'subject.delivery',
  'office.same',
  'dossier.same',
  'time.in-window',
  'postpones',
] as const
export type FulfilmentFeature = (typeof FULFILMENT_FEATURES)[number]

/** One pair's features: a value in [0, 1] per name. */
export type FeatureValues = Record<FulfilmentFeature, number>

/** A weight per feature and a bias: what `scripts/fit-fulfilment.mjs` writes to fulfilment-weights.ts. */
export interface FulfilmentModel {
  bias: number
  weights: FeatureValues
}

// Kinds of things a promise delivers, as a promise names them and as the paper that delivers them does.
const KINDS: Array<{ kind: string; promised: RegExp; delivered: RegExp }> = [
  {
    kind: 'rapport',
    promised: /\b(?:rapport\w*|verslag\w*|evaluatie\w*|eindevaluatie|monitor\w*|voortgangs\w+|onderzoek\w*)/i,
    delivered: /\b(?:rapport\w*|verslag\w*|\w*evaluatie\w*|monitor\w*|voortgangs\w+|onderzoek\w*)/i,
  },
  {
    kind: 'reactie',
    promised: /\b(?:\w*reactie|appreciatie|reageren|standpunt|oppakken|opvolging|aanbevelingen)\b/i,
    delivered: /\b(?:\w*reactie|appreciatie|reageren|reageer|standpunt|aanbevelingen)\b/i,
  },
  {
    kind: 'wetsvoorstel',
    promised: /\b(?:wetsvoorstel|wetswijziging|indienen|in te dienen)\b/i,
    delivered: /\b(?:wetsvoorstel|wetswijziging|voorstel van wet)\b/i,
  },
  { kind: 'antwoorden', promised: /\b(?:antwoorden|beantwoord\w*|vragen)\b/i, delivered: /\b(?:antwoorden|beantwoord\w*)\b/i },
  {
    kind: 'plan',
    promised: /\b(?:visie|plan|actieplan|agenda|strategie|programma|nota|aanpak)\b/i,
    delivered: /\b(?:visie|\w*plan|agenda|strategie|programma|nota|aanpak)\b/i,
  },
]

/** The kind a promise names that the later paper's delivery statement (or title) delivers, or null. */
export function deliveredKind(promise: string, delivery: string): string | null {
  for (const k of KINDS) if (k.promised.test(promise) && k.delivered.test(delivery)) return k.kind
  return null
}

/**
 * The offices a sender names, as a set: `Ministers van Defensie en van Buitenlandse Zaken en de
 * Staatssecretaris van Buitenlandse Zaken` → minister van defensie, minister van buitenlandse zaken,
 * staatssecretaris van buitenlandse zaken. Written in another order, the same set.
 */
export function officesOf(sender: string | null): ReadonlySet<string> {
  return sender ? officesSeen(sender) : new Set()
}

// Every pair of a promise and a later paper compares their senders' offices: a store has a few hundred senders.
const officesSeen = memoized<ReadonlySet<string>>(5_000, (sender) => readOffices(sender))

function readOffices(sender: string): Set<string> {
  const out = new Set<string>()
  const s = sender.toLowerCase().replace(/\s+/g, ' ')
  for (const m of s.matchAll(
    /(minister-president|ministers?|staatssecretariss?en|staatssecretaris)\b(.*?)(?=\b(?:en (?:de |het )?)?(?:minister-president|ministers?|staatssecretaris)\b|$)/g,
  )) {
    const role = (m[1] as string).startsWith('minister-president')
      ? 'minister-president'
      : (m[1] as string).startsWith('minister')
        ? 'minister'
        : 'staatssecretaris'
    // `van Defensie en van Buitenlandse Zaken`, `voor Medische Zorg en van Landbouw, Natuur en Voedselkwaliteit`
    const parts = (m[2] as string).split(/,?\s+en\s+(?=van |voor )/)
    for (const p of parts) {
      const portfolio = p
        .replace(/^[\s,]*(?:van|voor)\s+/, '')
        .replace(/[\s,]+(?:en|de|het)?\s*$/, '')
        .trim()
      out.add(portfolio ? `${role} ${portfolio}` : role)
    }
  }
  return out
}

/** The role a sender names first, as a sender of its own (`Staatssecretaris van Economische Zaken` → `Staatssecretaris`), or null. */
export function senderRole(sender: string | null): string | null {
  return (sender && roleTitle(roleOfOffice(sender))) ?? null
}

/** Whether two senders share an office (`Minister voor Medische Zorg` and `Ministers voor Medische Zorg en van LNV`). */
export function sameOffice(a: string | null, b: string | null): boolean {
  const x = officesOf(a)
  const y = officesOf(b)
  // A sender that names no office (`De Nederlandsche Bank`) is the same only as itself.
  if (x.size === 0 || y.size === 0) return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase()
  for (const o of y) if (x.has(o)) return true
  // A role alone (`Staatssecretaris`: a debate that names no office) may be any office of that role.
  const bare = (s: ReadonlySet<string>, t: ReadonlySet<string>) => [...s].some((o) => ROLES.has(o) && [...t].some((p) => p === o || p.startsWith(`${o} `)))
  return bare(x, y) || bare(y, x)
}

const ROLES = new Set(['minister', 'staatssecretaris', 'minister-president'])

/** The last day by which a promise was to be kept, with a grace of a quarter: a letter a month late still keeps it. */
function windowEnd(due: DuePeriod | null, made: string | null): string | null {
  const end = due?.end ?? (made ? addDays(made.slice(0, 10), 365) : null)
  return end ? addDays(end, 92) : null
}

// Each promise's window is asked for once per later paper weighed: worked out once per record read.
const windowEnds = new WeakMap<CommitmentRecord, string | null>()

function windowEndOf(c: CommitmentRecord): string | null {
  let end = windowEnds.get(c)
  if (end === undefined) windowEnds.set(c, (end = windowEnd(c.due, c.paper.date)))
  return end
}

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(iso) + n * 864e5).toISOString().slice(0, 10)
}

/**
 * Share of a promise's subject words that a set of words holds, a Dutch compound counting for its last part:
 * the promised `evaluatie` is delivered as the `eindevaluatie`, a `reactie` as the `beleidsreactie`.
 */
function share(promise: string[], later: ReadonlySet<string>): { value: number; shared: string[] } {
  if (promise.length === 0) return { value: 0, shared: [] }
  const compounds = compoundsOf(later)
  const has = (t: string) => later.has(t) || (t.length >= 5 && compounds.some((w) => w.length > t.length + 2 && w.endsWith(t)))
  const shared = promise.filter(has)
  return { value: shared.length / promise.length, shared }
}

// A later paper is weighed against many promises: its words as a set, and their compounds, are made once per paper.
const termSets = new WeakMap<readonly string[], ReadonlySet<string>>()
const compoundLists = new WeakMap<ReadonlySet<string>, string[]>()

function termSet(terms: readonly string[]): ReadonlySet<string> {
  let set = termSets.get(terms)
  if (!set) termSets.set(terms, (set = new Set(terms)))
  return set
}

const pointerSets = new WeakMap<LinkProfile, { cited: ReadonlySet<string>; days: ReadonlySet<string> }>()

/** The papers a later paper cites and the days it names, from its references and its fulfilment sentences. */
function pointersOf(later: LinkProfile): { cited: ReadonlySet<string>; days: ReadonlySet<string> } {
  let sets = pointerSets.get(later)
  if (!sets) {
    const pointsAt = later.fulfils.flatMap((f) => f.pointsAt)
    sets = {
      cited: new Set([...(later.cites ?? []), ...pointsAt.map((p) => p.target).filter((t): t is string => !!t)]),
      days: new Set([...(later.dates ?? []), ...pointsAt.map((p) => p.date).filter((d): d is string => !!d)]),
    }
    pointerSets.set(later, sets)
  }
  return sets
}

function compoundsOf(words: ReadonlySet<string>): string[] {
  let list = compoundLists.get(words)
  if (!list) compoundLists.set(words, (list = [...words].filter((w) => w.length >= 9)))
  return list
}

/** What the features of one pair are computed from, beyond the two records. */
export interface PairContext {
  /** The promise's subject stems (its sentence and, for `Deze zal ik …`, the sentence before). */
  promiseTerms: string[]
  /** The subject stems of the later paper's delivery statement and title. */
  deliveryTerms: ReadonlySet<string>
}

/** The features of a promise and a later paper, with a short note of what each found. */
export function pairFeatures(c: CommitmentRecord, later: LinkProfile, ctx: PairContext): { values: FeatureValues; notes: string[] } {
  const owner = c.paper
  const notes: string[] = []
  const v = Object.fromEntries(FULFILMENT_FEATURES.map((f) => [f, 0])) as FeatureValues
  const { cited, days } = pointersOf(later)
  if (owner.id && cited.has(owner.id)) {
    v['cites.paper'] = 1
    notes.push(`cites ${owner.id}`)
  }
  const day = owner.date?.slice(0, 10)
  // A promise of a store written before spoken promises took their role as sender has none: there the actor's
  // role (`Staatssecretaris De Vries`) must be the later sender's.
  const office = sameOffice(owner.sender, later.sender) || (!owner.sender && !!senderRole(c.actor) && senderRole(c.actor) === senderRole(later.sender))
  if (day && days.has(day) && office) {
    v['cites.date-office'] = 1
    notes.push(`names ${day} and comes from the same office`)
  }
  if (later.fulfils.length > 0) {
    v['says.kept'] = 1
    notes.push(`says it keeps a promise: ${clip(later.fulfils[0]?.text ?? '')}`)
  }
  // `Conform mijn toezegging (Kamerstuk 33 783, nr. 50) stuur ik u …`: the sentence that says so names this paper.
  const naming = later.fulfils.find((f) => f.pointsAt.some((p) => (owner.id && p.target === owner.id) || (p.date && p.date === day && office)))
  if (naming) {
    v['says.kept-this'] = 1
    notes.push('that sentence names the paper of the promise')
  }
  if (later.delivers) {
    v['delivers.now'] = 1
    notes.push(`delivers now: ${clip(later.delivers)}`)
  }
  // What it delivers: its delivery statement, or where it has none, its first paragraph (`Ik heb toen mijn inhoudelijke reactie opgeschort …`).
  const kind = deliveredKind(`${c.text} ${c.context ?? ''}`, `${later.delivers ?? later.opening ?? ''} ${later.title ?? ''}`)
  if (kind) {
    v['delivers.kind'] = 1
    notes.push(`delivers the ${kind} promised`)
  }
  const inPaper = share(ctx.promiseTerms, termSet(later.terms))
  v['subject.share'] = Math.round(inPaper.value * 1000) / 1000
  if (inPaper.shared.length) notes.push(`shares ${inPaper.shared.join(', ')} of ${ctx.promiseTerms.join(', ')}`)
  v['subject.delivery'] = Math.round(share(ctx.promiseTerms, ctx.deliveryTerms).value * 1000) / 1000
  if (office) {
    v['office.same'] = 1
    notes.push('same office')
  }
  if (owner.dossier && (owner.dossier === later.dossier || later.otherDossiers?.includes(owner.dossier))) {
    v['dossier.same'] = 1
    notes.push(`same dossier ${owner.dossier}`)
  }
  const end = windowEndOf(c)
  if (later.date && (!end || later.date.slice(0, 10) <= end)) {
    v['time.in-window'] = 1
    notes.push(c.due ? `within the promised time (by ${c.due.end})` : 'within a year')
  }
  if (later.postpones && (v['cites.paper'] || v['cites.date-office'])) {
    v.postpones = 1
    notes.push(`moves it: ${clip(later.postpones.text)}`)
  }
  return { values: v, notes }
}

const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s)

/** The weighted sum of a pair's features and the bias. */
export function score(values: FeatureValues, model: FulfilmentModel = FULFILMENT_WEIGHTS): number {
  let s = model.bias
  for (const f of FULFILMENT_FEATURES) s += model.weights[f] * values[f]
  return s
}

/** The confidence that the later paper keeps the promise: the logistic function of the score. */
export function linkConfidence(values: FeatureValues, model: FulfilmentModel = FULFILMENT_WEIGHTS): number {
  return 1 / (1 + Math.exp(-score(values, model)))
}

/** Each feature's part in the score, largest first, for `--explain`: `cites.paper +3.10`. */
export function explainScore(values: FeatureValues, model: FulfilmentModel = FULFILMENT_WEIGHTS): string {
  const parts = FULFILMENT_FEATURES.filter((f) => values[f] !== 0).map((f) => ({ f, w: model.weights[f] * values[f] }))
  parts.sort((a, b) => Math.abs(b.w) - Math.abs(a.w))
  return [`bias ${model.bias.toFixed(2)}`, ...parts.map((p) => `${p.f} ${p.w >= 0 ? '+' : ''}${p.w.toFixed(2)}`)].join(', ')
}
