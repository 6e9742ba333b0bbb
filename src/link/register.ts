import { type OpenDataRecord, fieldText as str } from '../model/opendata.js'
import { subjectTerms } from './fulfilment.js'
import { type Activity, activityOf } from './kamer.js'
import type { CommitmentStatus } from './status.js'

/** A promise of the Kamer's register (`Toezegging`), as `--compare` shows it. */
export interface RegisterEntry {
  id: string
  nummer: string | null
  text: string
  /** As the register writes it: `Openstaand`, `Voldaan`, `Deels voldaan` … */
  status: string | null
  ministerie: string | null
  /** Who made it: `W.B. Hoekstra, minister van Buitenlandse Zaken`. */
  by: string | null
  made: string | null
  due: string | null
  /** The letters the register says kept it (`KamerbriefNakoming`), by DocumentNummer, with the stored paper where there is one. */
  keptBy: Array<{ documentNummer: string | null; paper: string | null }>
  /** The debate or meeting it was made in (`Activiteit`, or the stored one of its `ActiviteitNummer`), with the committee that led it. */
  activiteit: Activity | null
  /** Its `ActiviteitNummer` (`2024A00101`), also where the activity itself is not stored. */
  activiteitNummer: string | null
  /** The members and fracties it was made to (`ToegezegdAan`): a member with their fractie where the record has it, or a fractie alone. */
  toegezegdAan: MadeTo[]
  /** The register's chain: what this record repeats, changes or adds to, and the later records that do so to it. */
  chain: ChainLink[]
}

/** One the register says a promise was made to: a member (`lid`, with their fractie where known) or a fractie alone. */
export interface MadeTo {
  lid: string | null
  fractie: string | null
}

/** Whom a promise was made to, as a line says it: `Jansen (SP)`, or the fractie alone. */
export const madeToText = (t: MadeTo): string => (t.lid ? `${t.lid}${t.fractie ? ` (${t.fractie})` : ''}` : (t.fractie ?? ''))

/** How two register records are linked: `herhaling-van` (this one repeats that), and the reverse `herhaald-in` … */
export type ChainRelation = 'herhaling-van' | 'wijziging-van' | 'aanvulling-op' | 'herhaald-in' | 'gewijzigd-in' | 'aangevuld-in'

/** A link in the register's chain of repeats, changes and additions, to another record by its id and number. */
export interface ChainLink {
  relation: ChainRelation
  id: string | null
  nummer: string | null
}

// The record's navigation (`IsHerhalingVan` …), and the name of the same link read from the other end.
const CHAIN: Array<[field: string, relation: ChainRelation, reverse: ChainRelation]> = [
  ['IsHerhalingVan', 'herhaling-van', 'herhaald-in'],
  ['IsWijzigingVan', 'wijziging-van', 'gewijzigd-in'],
  ['IsAanvullingOp', 'aanvulling-op', 'aangevuld-in'],
]

/** A promise kamerwacht found in a paper, with the paragraph around it for matching. */
export interface PaperPromise {
  id: string
  text: string
  paper: string
  sender: string | null
  date: string | null
  status: CommitmentStatus
  /** The paragraph the promise stands in: what it is about is often said in the sentences before it. */
  context: string
  /** For a promise made aloud in a debate: who made it (`Staatssecretaris De Vries`); the register lists mostly these. */
  speaker?: string
  /** The deadline kamerwacht read from its words (its last day), and the papers it found keep it: what it proposes where the register has neither. */
  due?: string | null
  keptBy?: string[]
  /** For a promise made aloud: the member or fractie it was made to, where the debate says (`Wörsdörfer`, `CDA`). */
  to?: string | null
  /** For a promise in a committee's verslag: the committee (`vaste commissie voor Volksgezondheid, Welzijn en Sport`). */
  commissie?: string | null
}

/** A register promise and a paper promise taken to be the same. */
export interface Agreement {
  register: RegisterEntry
  paper: PaperPromise
  /** Share of the register text's subject words the paper's paragraph has. */
  score: number
  /** Whether both say kept, or both say not kept; null when the register's status says neither (`Deels voldaan`). */
  statusAgrees: boolean | null
}

/** `kamerwacht commitments --compare`. */
export interface RegisterComparison {
  agree: Agreement[]
  onlyRegister: RegisterEntry[]
  onlyPapers: PaperPromise[]
}

/**
 * A `Toezegging` record as a register entry; `paperOf` finds a stored paper by DocumentNummer, `activity` is the
 * stored `Activiteit` of its `ActiviteitNummer` where the record does not carry it expanded.
 */
export function registerEntry(
  r: OpenDataRecord,
  paperOf: (documentNummer: string) => string | null,
  activity: Record<string, unknown> | null = null,
): RegisterEntry {
  const t = r.record
  const kept = records(t.KamerbriefNakoming)
  const by = [str(t.Initialen), str(t.Naam)].filter(Boolean).join(' ')
  const held = records(t.Activiteit)[0] ?? activity
  return {
    id: r.id,
    nummer: str(t.Nummer),
    text: str(t.Tekst) ?? '',
    status: str(t.Status),
    ministerie: str(t.Ministerie),
    by: [by || null, str(t.Functie)].filter(Boolean).join(', ') || null,
    made: str(t.Aanmaakdatum)?.slice(0, 10) ?? null,
    due: str(t.DatumNakoming)?.slice(0, 10) ?? null,
    keptBy: kept.map((k) => {
      const nr = str(k.DocumentNummer)
      return { documentNummer: nr, paper: nr ? paperOf(nr) : null }
    }),
    activiteit: held ? activityOf(held) : null,
    activiteitNummer: str(t.ActiviteitNummer) ?? (held ? str(held.Nummer) : null),
    toegezegdAan: records(t.ToegezegdAan).flatMap(madeTo),
    chain: chainOf(t),
  }
}

/** What a record says it repeats, changes or adds to: the navigation expanded (`IsHerhalingVan: {Id, Nummer}`), or its key alone (`IsHerhalingVan_Id`). */
function chainOf(t: Record<string, unknown>): ChainLink[] {
  return CHAIN.flatMap(([field, relation]) => {
    const expanded = records(t[field]).map((o) => ({ relation, id: str(o.Id), nummer: str(o.Nummer) }))
    const id = str(t[`${field}_Id`])
    return expanded.length || !id ? expanded : [{ relation, id, nummer: null }]
  })
}

// A navigation as the API expands it: one record, a list of them, or nothing.
const records = (v: unknown): Array<Record<string, unknown>> =>
  (Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : []).filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')

/**
 * Whom a `ToegezegdAan` record names. The register links a promise to a member (a `Persoon`: `Roepnaam`,
 * `Tussenvoegsel`, `Achternaam`) or to a fractie (`Afkorting`, `NaamNL`), or through a record that holds either
 * (`Persoon`, `Fractie`); a member's fractie is read where it is given (`Fractielabel`, or the `Fractie` beside them).
 */
function madeTo(o: Record<string, unknown>): MadeTo[] {
  const persoon = records(o.Persoon)[0] ?? (str(o.Achternaam) ? o : null)
  const fractie = records(o.Fractie)[0] ?? (str(o.Afkorting) || str(o.NaamNL) ? o : null)
  const lid = persoon ? [str(persoon.Tussenvoegsel), str(persoon.Achternaam)].filter(Boolean).join(' ') || null : null
  const party = (fractie ? (str(fractie.Afkorting) ?? str(fractie.NaamNL)) : null) ?? (persoon ? str(persoon.Fractielabel) : null)
  const capital = lid ? lid.charAt(0).toUpperCase() + lid.slice(1) : null
  return capital || party ? [{ lid: capital, fractie: party }] : []
}

/**
 * The register's chain read both ways: a record that says it repeats, changes or adds to another is listed on that
 * other record too (`herhaald-in` …), and each link gets the number of the record it points to where the register
 * holds it. Links to records this store does not hold keep their id.
 */
export function registerChains(entries: RegisterEntry[]): RegisterEntry[] {
  const byId = new Map(entries.map((e) => [e.id, e]))
  const reverse = new Map<string, ChainLink[]>()
  for (const e of entries)
    for (const link of e.chain) {
      const back = CHAIN.find(([, relation]) => relation === link.relation)?.[2]
      if (!link.id || !back) continue
      reverse.set(link.id, [...(reverse.get(link.id) ?? []), { relation: back, id: e.id, nummer: e.nummer }])
    }
  return entries.map((e) => {
    const own = e.chain.map((l) => ({ ...l, nummer: l.nummer ?? (l.id ? (byId.get(l.id)?.nummer ?? null) : null) }))
    const seen = new Set(own.map((l) => `${l.relation} ${l.id}`))
    const later = (reverse.get(e.id) ?? []).filter((l) => !seen.has(`${l.relation} ${l.id}`))
    return { ...e, chain: [...own, ...later] }
  })
}

/** Shares of subject words below this, or fewer than two words, are no match: one shared word is chance. */
export const MATCH_SCORE = 0.4

const kept = (status: string | null): boolean | null => {
  const s = status?.toLowerCase() ?? ''
  if (s === 'voldaan') return true
  if (s === 'openstaand' || s === 'open') return false
  return null
}

/** Whether a sender (`Minister van Buitenlandse Zaken`) is of the register's ministry (`Buitenlandse Zaken`); true when either is unknown. */
function sameMinistry(ministerie: string | null, sender: string | null): boolean {
  if (!ministerie || !sender) return true
  const m = ministerie.toLowerCase().replace(/^ministerie van /, '')
  return sender.toLowerCase().includes(m)
}

/**
 * Whether the register names the one who made a promise found in a debate: its `Functie` is the
 * speaker's office (`minister voor Jeugd, Preventie en Sport`, of no ministry's name), or its `Naam`
 * the speaker's (`Minister Van den Berg`).
 */
function sameMaker(by: string | null, promise: PaperPromise): boolean {
  if (!by || !promise.speaker) return false
  const b = by.toLowerCase()
  const name = promise.speaker.replace(/^(?:Minister-president|Minister|Staatssecretaris)\s+/, '').toLowerCase()
  return (!!promise.sender && b.includes(promise.sender.toLowerCase())) || b.includes(name)
}

/**
 * Compares the register with the papers: each register promise is paired
 * with the paper promise of the same ministry (or, for one made aloud, the
 * same member of government) whose paragraph has the largest
 * share of its subject words (at least {@link MATCH_SCORE} and two words),
 * best pairs first and each promise used once. The rest is what only one
 * side has: a promise made in a debate that no letter repeats, or a promise
 * in a letter the register does not list.
 */
export function compareRegister(register: RegisterEntry[], papers: PaperPromise[]): RegisterComparison {
  const paperTerms = papers.map((p) => new Set(subjectTerms(`${p.context} ${p.text}`)))
  const pairs: Array<{ r: number; p: number; score: number }> = []
  register.forEach((entry, r) => {
    const terms = subjectTerms(entry.text)
    if (terms.length === 0) return
    papers.forEach((promise, p) => {
      if (!sameMinistry(entry.ministerie, promise.sender) && !sameMaker(entry.by, promise)) return
      const shared = terms.filter((t) => paperTerms[p]?.has(t)).length
      const score = shared / terms.length
      if (shared >= 2 && score >= MATCH_SCORE) pairs.push({ r, p, score })
    })
  })
  pairs.sort((a, b) => b.score - a.score || a.r - b.r || a.p - b.p)
  const usedR = new Set<number>()
  const usedP = new Set<number>()
  const agree: Agreement[] = []
  for (const { r, p, score } of pairs) {
    if (usedR.has(r) || usedP.has(p)) continue
    usedR.add(r)
    usedP.add(p)
    const entry = register[r] as RegisterEntry
    const promise = papers[p] as PaperPromise
    const k = kept(entry.status)
    agree.push({
      register: entry,
      paper: promise,
      score: Math.round(score * 100) / 100,
      statusAgrees: k === null ? null : k === (promise.status === 'fulfilled'),
    })
  }
  return {
    agree,
    onlyRegister: register.filter((_, r) => !usedR.has(r)),
    onlyPapers: papers.filter((_, p) => !usedP.has(p)),
  }
}
