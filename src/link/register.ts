import { type OpenDataRecord, fieldText as str } from '../model/opendata.js'
import { subjectTerms } from './fulfilment.js'
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
}

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

/** A `Toezegging` record as a register entry; `paperOf` finds a stored paper by DocumentNummer. */
export function registerEntry(r: OpenDataRecord, paperOf: (documentNummer: string) => string | null): RegisterEntry {
  const t = r.record
  const kept = Array.isArray(t.KamerbriefNakoming) ? (t.KamerbriefNakoming as Array<Record<string, unknown>>) : []
  const by = [str(t.Initialen), str(t.Naam)].filter(Boolean).join(' ')
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
  }
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
