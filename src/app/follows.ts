import { today } from '../link/status.js'
import type { SearchHit, SearchResult } from '../search/types.js'
import { type FollowedItem, followedItem } from '../store/keys.js'
import type { FollowStatus, Store } from '../store/store.js'
import { Refusal } from './errors.js'
import { committeeView, memberMoties } from './kamer-people.js'
import { motieFacts, motieFollowUps } from './moties.js'
import { answeredQuestions } from './questions.js'
import { checkQuery } from './search.js'

/** Longest name and query of a follow. */
const NAME_MAX = 60
const QUERY_MAX = 1000

/**
 * Follows, as `owner` ('' the store's own; else a user's name), a search (or `dossier:33783`; one promise,
 * `toezegging:kst-33783-50~12995bb5`; one motie, `motie:kst-36583-14`; a member, `lid:Kostić`; a committee,
 * `commissie:BuZa`; a ministry's new promises, `ministerie:"Buitenlandse Zaken"`) under a name. What is stored already is not new: the follow starts seen. A query the search
 * would refuse is refused here, in the words the search uses; a promise or motie the store does not have, too.
 */
export async function addFollow(store: Store, owner: string, name: string, query: string): Promise<FollowStatus> {
  const n = name.trim().slice(0, NAME_MAX)
  const q = query.trim().slice(0, QUERY_MAX)
  if (!n || !q) throw new Refusal('invalid-input', 'give a name and a query', 'Geef een naam en een zoekvraag.', n ? 'query' : 'name')
  const item = followedItem(q)
  if (!item) checkQuery(q)
  else if (item.kind === 'toezegging' && !(await store.commitment(item.id, today())))
    throw new Refusal('not-found', `no promise ${item.id}`, `Er is geen toezegging ${item.id}.`, 'query')
  else if (item.kind === 'motie' && !(await motieFacts(store, item.id)))
    throw new Refusal('not-found', `no motie ${item.id}`, `Er is geen motie ${item.id}.`, 'query')
  const at = new Date().toISOString()
  await store.saveFollow(owner, n, q, at)
  await store.markFollowSeen(owner, n, at)
  return (await follow(store, owner, n)) as FollowStatus
}

/**
 * The papers a followed item is in: those that keep a followed promise (or may); that answer a followed motie; a
 * member's moties, the answers to their written questions and the promises that name them; a committee's moties and
 * the promises made in its debates. A ministry's are found by search (see {@link itemNews}).
 */
export async function followedPapers(store: Store, item: FollowedItem): Promise<string[]> {
  if (item.kind === 'motie') return (await motieFollowUps(store, item.id)).map((f) => f.paper.id ?? f.paper.key)
  if (item.kind === 'lid') return memberPapers(store, item.id)
  if (item.kind === 'commissie') {
    const view = await committeeView(store, item.id, today())
    return [...view.moties.flatMap((m) => (m.motie ? [m.motie] : [])), ...view.promises.map((c) => c.paper.id ?? c.paper.key)]
  }
  if (item.kind === 'ministerie') return []
  const c = await store.commitment(item.id, today())
  return [...(c?.evidence ?? []), ...(c?.candidates ?? [])].map((e) => e.paperId ?? e.paperKey)
}

/** A member's papers: the moties they submitted, the answers to their written questions, the promises that name them. */
async function memberPapers(store: Store, name: string): Promise<string[]> {
  const moties = (await memberMoties(store, name)).flatMap((m) => (m.motie ? [m.motie] : []))
  const answers = (await answeredQuestions(store, { asker: name, limit: 200 })).map((q) => q.paper)
  const promises = (await store.commitments({ q: name, limit: 200 }, today())).items.map((c) => c.paper.id ?? c.paper.key)
  return [...moties, ...answers, ...promises]
}

/**
 * What is new for a followed item since the write counter `seq`, each paper as a search finds it: for a member also
 * the debates they speak in (`spreker:`); for a ministry its letters stored since that hold promises.
 */
export async function itemNews(store: Store, item: FollowedItem, seq: number): Promise<SearchHit[]> {
  const quoted = `"${item.id.replace(/"/g, '')}"`
  if (item.kind === 'ministerie') {
    const { hits } = await store.search({ q: `afzender:${quoted}`, sinceSeq: seq, sort: 'date', limit: 100 })
    const out: SearchHit[] = []
    for (const h of hits) if ((await store.get(h.id))?.commitments.length) out.push(h)
    return out
  }
  const hits = await papersSince(store, await followedPapers(store, item), seq)
  if (item.kind !== 'lid') return hits
  const spoken = (await store.search({ q: `spreker:${quoted}`, sinceSeq: seq, sort: 'date', limit: 100 })).hits
  const seen = new Set(hits.map((h) => h.id))
  return [...hits, ...spoken.filter((h) => !seen.has(h.id))]
}

/** Which of these papers were stored (or read again) after the write counter `seq`, each as a search finds it. */
export async function papersSince(store: Store, papers: string[], seq: number): Promise<SearchHit[]> {
  const hits: SearchHit[] = []
  for (const id of new Set(papers)) hits.push(...(await store.search({ q: `stuk:${id}`, sinceSeq: seq, limit: 1 })).hits)
  return hits
}

/** One follow of `owner` by name, or null. */
export async function follow(store: Store, owner: string, name: string): Promise<FollowStatus | null> {
  return (await store.follows(owner)).find((f) => f.name === name) ?? null
}

/** The follow and the papers stored (or read again) since it was last looked at, newest first. */
export async function followNews(store: Store, owner: string, name: string, limit = 100): Promise<{ follow: FollowStatus; result: SearchResult }> {
  const f = await follow(store, owner, name)
  if (!f) throw new Refusal('not-found', `no follow ${name}`, `U volgt niets onder de naam ${name}.`, 'name')
  const item = followedItem(f.query)
  if (!item) return { follow: f, result: await store.search({ q: f.query, sinceSeq: f.seenSeq, sort: 'date', limit }) }
  // A followed promise, motie, member, committee or ministry: the papers stored since the last look that are its.
  const hits = await itemNews(store, item, f.seenSeq)
  return { follow: f, result: { total: hits.length, hits, facets: { type: [], year: [], sender: [], dossier: [] } } }
}

/** Marks what a follow shows now as seen. */
export async function markSeen(store: Store, owner: string, name: string): Promise<void> {
  if (!(await store.markFollowSeen(owner, name, new Date().toISOString())))
    throw new Refusal('not-found', `no follow ${name}`, `U volgt niets onder de naam ${name}.`, 'name')
}
