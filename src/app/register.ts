import { z } from 'zod'
import { compareRegister, type PaperPromise, type RegisterComparison, type RegisterEntry, registerEntry } from '../link/register.js'
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../link/status.js'
import { fold } from '../search/stem.js'
import type { Store } from '../store/store.js'
import { everyCommitment } from './requests.js'
import { type Lang, text } from './search.js'

/**
 * The register's input, as the CLI (`kamerwacht commitments --compare`), the API (`GET /api/register`) and the web
 * page (`/register`) take it: a status (kamerwacht's for the promises it read, the register's for its own) and a
 * ministry.
 */
export function registerInput(lang: Lang = 'en') {
  const nl = lang === 'nl'
  return z.object({
    status: z
      .enum(COMMITMENT_STATUSES, { error: nl ? `kies ${COMMITMENT_STATUSES.join(', ')}` : `one of ${COMMITMENT_STATUSES.join(', ')}` })
      .optional()
      .describe('only promises that stand so: open, due-soon, overdue, fulfilled'),
    ministerie: text(120).describe('only promises of this ministry (part of its name: Buitenlandse Zaken)'),
  })
}

/** A register input, checked. */
export type RegisterInput = z.infer<ReturnType<typeof registerInput>>

/** The register beside the papers, and how many register records the store holds in all. */
export interface RegisterView extends RegisterComparison {
  registered: number
}

/**
 * The Kamer's register of promises (its `Toezegging` records) beside the promises kamerwacht read in the papers:
 * the pairs (with kamerwacht's deadline and keeping letter where the register has none: its proposal), the
 * register's records kamerwacht did not find, and the promises it read that the register lacks.
 */
export async function registerComparison(
  store: Store,
  input: { status?: CommitmentStatus | undefined; ministerie?: string | undefined },
  day: string,
): Promise<RegisterView> {
  const register: RegisterEntry[] = []
  for (const r of await store.openData('Toezegging')) {
    const kept = Array.isArray(r.record.KamerbriefNakoming) ? (r.record.KamerbriefNakoming as Array<Record<string, unknown>>) : []
    const papers = new Map<string, string | null>()
    for (const k of kept)
      if (typeof k.DocumentNummer === 'string') {
        const doc = await store.get(k.DocumentNummer)
        papers.set(k.DocumentNummer, doc ? (doc.id ?? k.DocumentNummer) : null)
      }
    register.push(registerEntry(r, (nr) => papers.get(nr) ?? null))
  }
  const all = compareRegister(register, await paperPromises(store, day))
  // Pairs and paper promises by the status kamerwacht gives them, register entries by the register's.
  const byStatus = input.status ? withStatus(all, input.status, day) : all
  return { ...(input.ministerie ? ofMinistry(byStatus, input.ministerie) : byStatus), registered: register.length }
}

/** Every promise in the store with the paragraph it stands in, for comparing with the register. */
async function paperPromises(store: Store, day: string): Promise<PaperPromise[]> {
  const out: PaperPromise[] = []
  const docs = new Map<string, Awaited<ReturnType<Store['get']>>>()
  for await (const c of everyCommitment(store, {}, day)) {
    if (!docs.has(c.paper.key)) docs.set(c.paper.key, await store.get(c.paper.key))
    const doc = docs.get(c.paper.key)
    const found = doc?.commitments.find((x) => x.text === c.text)
    const at = found?.span.start ?? -1
    const section = doc?.sections.find((s) => s.span.start <= at && at < s.span.end)
    out.push({
      id: c.id,
      text: c.text,
      paper: c.paper.id ?? c.paper.key,
      // A promise made aloud has the speaker's office for its sender, where the debate names it (see `commitmentRecords`).
      sender: c.paper.sender,
      ...(found?.speaker ? { speaker: c.actor ?? found.speaker.name } : {}),
      date: c.paper.date,
      status: c.status,
      context: doc && section ? doc.text.slice(section.span.start, section.span.end) : c.text,
      due: c.due?.end ?? null,
      keptBy: c.evidence.map((e) => e.paperId ?? e.paperKey),
    })
  }
  return out
}

/** The comparison cut to one status. */
function withStatus(c: RegisterComparison, status: CommitmentStatus, day: string): RegisterComparison {
  const soon = new Date(Date.parse(day) + 30 * 864e5).toISOString().slice(0, 10)
  const registerStatus = (r: RegisterEntry): CommitmentStatus => {
    if (r.status?.toLowerCase() === 'voldaan') return 'fulfilled'
    if (r.due && r.due < day) return 'overdue'
    if (r.due && r.due <= soon) return 'due-soon'
    return 'open'
  }
  return {
    agree: c.agree.filter((a) => a.paper.status === status),
    onlyRegister: c.onlyRegister.filter((r) => registerStatus(r) === status),
    onlyPapers: c.onlyPapers.filter((p) => p.status === status),
  }
}

/** The comparison cut to one ministry: the register's by its Ministerie, the papers' by their sender's office. */
function ofMinistry(c: RegisterComparison, ministerie: string): RegisterComparison {
  const want = fold(ministerie)
  const has = (s: string | null | undefined) => !!s && fold(s).includes(want)
  return {
    agree: c.agree.filter((a) => has(a.register.ministerie) || has(a.paper.sender)),
    onlyRegister: c.onlyRegister.filter((r) => has(r.ministerie)),
    onlyPapers: c.onlyPapers.filter((p) => has(p.sender)),
  }
}
