import { today } from '../link/status.js'
import type { SearchHit, SearchResult } from '../search/types.js'
import { type FollowedItem, followedItem } from '../store/keys.js'
import type { FollowStatus, Store } from '../store/store.js'
import { Refusal } from './errors.js'
import { motieFacts, motieFollowUps } from './moties.js'
import { checkQuery } from './search.js'

/** Longest name and query of a follow. */
const NAME_MAX = 60
const QUERY_MAX = 1000

/**
 * Follows, as `owner` ('' the store's own; else a user's name), a search (or `dossier:33783`; or one promise, `toezegging:kst-33783-50~12995bb5`; or one motie,
 * `motie:kst-36583-14`) under a name. What is stored already is not new: the follow starts seen. A query the search
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

/** The papers that keep a followed promise (or may), or that answer a followed motie. */
export async function followedPapers(store: Store, item: FollowedItem): Promise<string[]> {
  if (item.kind === 'motie') return (await motieFollowUps(store, item.id)).map((f) => f.paper.id ?? f.paper.key)
  const c = await store.commitment(item.id, today())
  return [...(c?.evidence ?? []), ...(c?.candidates ?? [])].map((e) => e.paperId ?? e.paperKey)
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
  // A followed promise or motie: the papers stored since the last look that keep it (or may), or answer it.
  const hits = await papersSince(store, await followedPapers(store, item), f.seenSeq)
  return { follow: f, result: { total: hits.length, hits, facets: { type: [], year: [], sender: [], dossier: [] } } }
}

/** Marks what a follow shows now as seen. */
export async function markSeen(store: Store, owner: string, name: string): Promise<void> {
  if (!(await store.markFollowSeen(owner, name, new Date().toISOString())))
    throw new Refusal('not-found', `no follow ${name}`, `U volgt niets onder de naam ${name}.`, 'name')
}
