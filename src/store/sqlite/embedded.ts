import type { Correction } from '../../link/status.js'
import type { Document } from '../../model/document.js'
import type { CommitmentQuery, SearchRequest, Store, SyncItem } from '../store.js'
import { SqliteStore } from './index.js'

/**
 * The embedded store behind the asynchronous `Store` interface. SQLite
 * answers at once, so each method is the synchronous call, resolved.
 */
export class EmbeddedStore implements Store {
  readonly sqlite: SqliteStore
  readonly location: string

  /** Opens a store file, or wraps a `SqliteStore` already open. */
  constructor(source: string | SqliteStore, options: { searchCache?: number; postingsMb?: number } = {}) {
    this.sqlite = typeof source === 'string' ? new SqliteStore(source, options) : source
    this.location = this.sqlite.db.name
  }

  async put(doc: Document, raw: Uint8Array, force = false) {
    return this.sqlite.put(doc, raw, force)
  }
  async putMany(items: Array<{ doc: Document; raw: Uint8Array }>, force = false) {
    return this.sqlite.putMany(items, force)
  }
  async get(idOrKey: string) {
    return this.sqlite.get(idOrKey)
  }
  async raw(idOrKey: string) {
    return this.sqlite.raw(idOrKey)
  }
  async hasCurrent(sha256: string) {
    return this.sqlite.hasCurrent(sha256)
  }
  async currentShas() {
    return this.sqlite.currentShas()
  }
  async sources() {
    return this.sqlite.sources().map((s) => ({ sha256: s.sha256, name: s.name, bytes: async () => s.bytes() }))
  }
  async search(request: SearchRequest) {
    return this.sqlite.search(request)
  }
  async warm() {
    this.sqlite.warm()
  }
  async all() {
    return this.sqlite.all()
  }
  async citations(idOrKey: string) {
    return this.sqlite.citations(idOrKey)
  }
  async dossier(dossier: string, today: string) {
    return this.sqlite.dossier(dossier, today)
  }
  async timeline(dossier: string, today: string) {
    return this.sqlite.timeline(dossier, today)
  }
  async commitments(query: CommitmentQuery, today: string) {
    return this.sqlite.commitments(query, today)
  }
  async commitment(id: string, today: string) {
    return this.sqlite.commitment(id, today)
  }
  async correct(id: string, correction: Correction) {
    return this.sqlite.correct(id, correction)
  }
  async applySync(source: string, items: SyncItem[], state: unknown) {
    return this.sqlite.applySync(source, items, state)
  }
  async follows() {
    return this.sqlite.follows()
  }
  async saveFollow(name: string, query: string, at: string) {
    this.sqlite.saveFollow(name, query, at)
  }
  async removeFollow(name: string) {
    return this.sqlite.removeFollow(name)
  }
  async markFollowSeen(name: string, at: string) {
    return this.sqlite.markFollowSeen(name, at)
  }
  async syncState(source: string) {
    return this.sqlite.syncState(source)
  }
  async openData(entity: string) {
    return this.sqlite.openData(entity)
  }
  async missingContent() {
    return this.sqlite.missingContent()
  }
  async count() {
    return this.sqlite.count()
  }
  async close() {
    this.sqlite.close()
  }
}
