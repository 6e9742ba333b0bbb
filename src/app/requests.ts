import type { CommitmentQuery } from '../link/models.js'
import type { TrackedCommitment } from '../link/status.js'
import type { SearchRequest } from '../search/types.js'
import type { Store } from '../store/store.js'

// Requests from optional form or flag values, and paging over the store, shared by the CLI, the API and the web UI.

/** Every promise a query matches, page by page (500 at a time), in the query's order: for exports and comparisons. */
export async function* everyCommitment(store: Store, query: CommitmentQuery, today: string): AsyncGenerator<TrackedCommitment> {
  for (let offset = 0; ; offset += 500) {
    const page = await store.commitments({ ...query, limit: 500, offset }, today)
    yield* page.items
    if (page.items.length === 0 || offset + page.items.length >= page.total) return
  }
}

/** A search request from optional form or flag values: empty filters are left out (`exactOptionalPropertyTypes`). */
export function searchRequest(r: { [K in keyof SearchRequest]: SearchRequest[K] | undefined } & { q: string }): SearchRequest {
  const out: SearchRequest = { q: r.q }
  for (const k of ['type', 'dossier', 'sender', 'from', 'to'] as const) if (r[k]) out[k] = r[k]
  if (r.sort) out.sort = r.sort
  if (r.limit !== undefined) out.limit = r.limit
  if (r.offset !== undefined) out.offset = r.offset
  return out
}

/** A commitments query from optional form or flag values: empty filters are left out (`exactOptionalPropertyTypes`). */
export function commitmentQuery(r: { [K in keyof CommitmentQuery]?: CommitmentQuery[K] | undefined }): CommitmentQuery {
  const out: CommitmentQuery = {}
  if (r.status) out.status = r.status
  for (const k of ['sender', 'dossier', 'paper', 'q'] as const) if (r[k]) out[k] = r[k]
  if (r.sort) out.sort = r.sort
  if (r.limit !== undefined) out.limit = r.limit
  if (r.offset !== undefined) out.offset = r.offset
  return out
}
