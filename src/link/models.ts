import type { ReferenceKind } from '../model/document.js'
import type { Facet } from '../search/types.js'
import type { CommitmentStatus, TrackedCommitment } from './status.js'

// The read models of papers, dossiers, timelines and the tracker: what the store answers and the
// edges show. They sit with the rules that build them (`views.ts`), below the store.

/** A stored paper in one line: what lists, graphs and timelines show of it. */
export interface PaperInfo {
  key: string
  id: string | null
  type: string | null
  date: string | null
  sender: string | null
  title: string | null
  dossier: string | null
}

/** A stored paper's row, without the whole Document. */
export interface PaperSummary extends PaperInfo {
  sourceName: string
  sha256: string
}

/** A reference out of a paper, with the stored paper it names when there is one. */
export interface Citation {
  text: string
  kind: ReferenceKind
  target: string | null
  date: string | null
  /** The paper it links to: by id, or for a letter cited by date, the one letter of that date from the same sender. */
  paper: PaperInfo | null
  via: 'id' | 'date' | null
}

/** A paper citing another one. */
export interface CitingPaper {
  paper: PaperInfo
  text: string
  via: 'id' | 'date'
}

/** Both directions of the citation graph around one paper. */
export interface Citations {
  paper: PaperInfo
  out: Citation[]
  in: CitingPaper[]
  /**
   * False for a paper the store does not hold but its papers cite (`kst-33783-48`): what is known of it is its
   * id, its dossier (from the id) and who cites it. Absent (true) for a stored paper.
   */
  stored?: false
}

/** A paper in a dossier's list, with one line of what it says. */
export interface DossierPaper extends PaperInfo {
  line: string
}

/** `kamerwacht dossier 33783`: a dossier at a glance. */
export interface DossierView {
  dossier: string
  title: string | null
  papers: DossierPaper[]
  counts: { papers: number; byType: Facet; byYear: Facet; commitments: Record<CommitmentStatus, number> }
  /** Papers outside the dossier that its papers cite (stored or not). */
  citesOutside: Array<{ target: string; count: number; paper: PaperInfo | null }>
  /** Papers of this dossier that its papers cite and that are not stored (`kst-33783-48` cited in 33 783): inside, not outside. */
  citesMissing: Array<{ target: string; count: number }>
  /** Papers outside the dossier that cite into it. */
  citedFrom: Array<{ paper: PaperInfo; target: string }>
}

/** One line of a timeline. */
export interface TimelineEntry {
  /** ISO day the entry falls on (an event's first day, a due period's last). */
  date: string
  /** Last day, for an event that spans days (`1 t/m 26 augustus 2022`). */
  end?: string
  kind: 'paper' | 'event' | 'commitment' | 'due' | 'kept'
  text: string
  paper: PaperInfo
  commitmentId?: string
  status?: CommitmentStatus
}

/** Filters of `kamerwacht commitments`. */
export interface CommitmentQuery {
  status?: CommitmentStatus
  sender?: string
  dossier?: string
  /** Only the promises of this paper (id or key). */
  paper?: string
  /** Only the promises whose words hold each of these words, as the start of a word or the whole (`kernwap toetsing`), in any case or accents. */
  q?: string
  /**
   * `deadline` (the default: a work list): the soonest due first (so the longest overdue), promises
   * without a date after them, newest first, and those kept last; `date`: by the date the promise was made, newest first.
   */
  sort?: 'deadline' | 'date'
  limit?: number
  offset?: number
}

/** Counts of promises by status, for one sender. */
export interface SenderCounts extends Record<CommitmentStatus, number> {
  sender: string
}

/** A page of tracked commitments with counts over all that match. */
export interface CommitmentList {
  total: number
  counts: { byStatus: Record<CommitmentStatus, number>; bySender: SenderCounts[] }
  items: TrackedCommitment[]
}

/** Counts of the whole result set by one field (search/types.ts). */
export type { Facet }
