import { today } from '../link/status.js'
import type { SearchResult } from '../search/types.js'
import { followedPromise } from '../store/keys.js'
import type { FollowStatus, Store } from '../store/store.js'
import { Refusal } from './errors.js'
import { checkQuery } from './search.js'

/** Longest name and query of a follow. */
const NAME_MAX = 60
const QUERY_MAX = 1000

/**
 * Follows a search (or `dossier:33783`, or one promise: `toezegging:kst-33783-50~12995bb5`) under a name. What is stored already is not new: the follow
 * starts seen. A query the search would refuse is refused here, in the words the search uses.
 */
export async function addFollow(store: Store, name: string, query: string): Promise<FollowStatus> {
  const n = name.trim().slice(0, NAME_MAX)
  const q = query.trim().slice(0, QUERY_MAX)
  if (!n || !q) throw new Refusal('invalid-input', 'give a name and a query', 'Geef een naam en een zoekvraag.', n ? 'query' : 'name')
  const promise = followedPromise(q)
  if (!promise) checkQuery(q)
  else if (!(await store.commitment(promise, today()))) throw new Refusal('not-found', `no promise ${promise}`, `Er is geen toezegging ${promise}.`, 'query')
  const at = new Date().toISOString()
  await store.saveFollow(n, q, at)
  await store.markFollowSeen(n, at)
  return (await follow(store, n)) as FollowStatus
}

/** One follow by name, or null. */
export async function follow(store: Store, name: string): Promise<FollowStatus | null> {
  return (await store.follows()).find((f) => f.name === name) ?? null
}

/** The follow and the papers stored (or read again) since it was last looked at, newest first. */
export async function followNews(store: Store, name: string, limit = 100): Promise<{ follow: FollowStatus; result: SearchResult }> {
  const f = await follow(store, name)
  if (!f) throw new Refusal('not-found', `no follow ${name}`, `U volgt niets onder de naam ${name}.`, 'name')
  const promise = followedPromise(f.query)
  if (!promise) return { follow: f, result: await store.search({ q: f.query, sinceSeq: f.seenSeq, sort: 'date', limit }) }
  // A followed promise: the papers stored since the last look that keep it, or may.
  const c = await store.commitment(promise, today())
  const result: SearchResult = { total: 0, hits: [], facets: { type: [], year: [], sender: [], dossier: [] } }
  for (const e of [...(c?.evidence ?? []), ...(c?.candidates ?? [])])
    if (e.paperId) result.hits.push(...(await store.search({ q: `stuk:${e.paperId}`, sinceSeq: f.seenSeq, limit: 1 })).hits)
  result.total = result.hits.length
  return { follow: f, result }
}

/** Marks what a follow shows now as seen. */
export async function markSeen(store: Store, name: string): Promise<void> {
  if (!(await store.markFollowSeen(name, new Date().toISOString())))
    throw new Refusal('not-found', `no follow ${name}`, `U volgt niets onder de naam ${name}.`, 'name')
}
