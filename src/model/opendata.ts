// Records of the official open-data sources, as a sync keeps them and the rules read them.

/** A record of an official open-data source, as a sync keeps it (`Document`, `Zaak`, `Toezegging` …). */
export interface OpenDataRecord {
  /** The entity (`Document`, `Kamerstukdossier`, `Zaak`, `Activiteit`, `Persoon`, `Toezegging`, `ob`). */
  entity: string
  /** The record's `Id` (a GUID), or for officielebekendmakingen the paper id. */
  id: string
  /** When the source last changed it (`ApiGewijzigdOp`): what incremental syncs compare. */
  modified: string
  /** `Verwijderd: true`: the source deleted it; a sync keeps nothing of it. */
  deleted: boolean
  record: Record<string, unknown>
}

/** A record's text field, trimmed, or null where it is absent, empty or no text: open-data fields are often null. */
export const fieldText = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)
