import type { TrackedCommitment } from '../link/status.js'

/**
 * The columns of a commitment as the board exports it and `kamerwacht export
 * --what commitments` writes it: what an analyst's work list needs in a
 * spreadsheet. The same in both, so a file from the UI and one from the
 * command line can be put side by side.
 */
export const COMMITMENT_COLUMNS = [
  'id',
  'status',
  'stale',
  'paper',
  'paperDate',
  'sender',
  'actor',
  'text',
  'dueText',
  'dueEnd',
  'keptBy',
  'evidence',
  'link',
  'official',
] as const

// Ids of the official publication (KOOP's): Kamerstukken, Handelingen, Aanhangsels, papers outside a dossier,
// annexes (`kst-33783-50`, `h-tk-20172018-50-1`, `ah-tk-20182019-2948`, `nds-tk-2019D21842`, `blg-123456`).
const OFFICIAL_ID = /^(?:kst|h-tk|h-ek|ah-tk|ah-ek|nds-tk|nds-ek|blg|stb|stcrt)-[\w-]+$/

/** The paper's page on officielebekendmakingen.nl, the official record, for an id published there; else null. */
export function officialHref(id: string | null | undefined): string | null {
  return id && OFFICIAL_ID.test(id) ? `https://zoek.officielebekendmakingen.nl/${id}.html` : null
}

// A Tweede Kamer number: a Document (`2023D02273`) or a Zaak (`2024Z11421`).
const TK_NUMBER = /^(?:19|20)\d{2}[DZ]\d{5}$/

/**
 * The paper's page on tweedekamer.nl for a Tweede Kamer number (`2023D02273`, a paper from its open data), where
 * the Kamer shows it with its zaak, its votes and its later papers; null for anything else.
 */
export function tweedekamerHref(nummer: string | null | undefined): string | null {
  if (!nummer || !TK_NUMBER.test(nummer)) return null
  const n = encodeURIComponent(nummer)
  return nummer[4] === 'D' ? `https://www.tweedekamer.nl/kamerstukken/detail?id=${n}&did=${n}` : `https://www.tweedekamer.nl/kamerstukken/detail?id=${n}`
}

/**
 * A text cell as a spreadsheet must get it: a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
 * return) is a formula to Excel and LibreOffice, so a sentence of a paper like `=HYPERLINK("http://…","klik")`
 * would be a live link in the analyst's sheet. Such a cell starts with an apostrophe, which the sheet shows as
 * text (OWASP's advice for CSV injection).
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** One exported commitment. */
export type CommitmentRow = Record<(typeof COMMITMENT_COLUMNS)[number], string | boolean | null>

/**
 * The columns in Dutch, for the board's CSV for Dutch Excel (`/commitments.csv`): one language in a sheet, headers,
 * statuses and yes/no alike. The JSON export and `kamerwacht export` keep the English keys a program reads.
 */
export const COMMITMENT_COLUMNS_NL: Record<(typeof COMMITMENT_COLUMNS)[number], string> = {
  id: 'id',
  status: 'status',
  stale: 'verouderd',
  paper: 'stuk',
  paperDate: 'datum stuk',
  sender: 'afzender',
  actor: 'gezegd door',
  text: 'toezegging',
  dueText: 'termijn (tekst)',
  dueEnd: 'uiterlijk',
  keptBy: 'nagekomen in',
  evidence: 'bewijs',
  link: 'link',
  official: 'officiële publicatie',
}

/** A promise's status as the Dutch sheet writes it. */
export const STATUS_WORD_NL: Record<string, string> = { open: 'open', 'due-soon': 'bijna verlopen', overdue: 'verlopen', fulfilled: 'nagekomen' }

/** The rows of a search as a sheet or JSON: a paper a row, its links whole. */
export const PAPER_COLUMNS_NL = {
  id: 'id',
  title: 'titel',
  type: 'soort',
  date: 'datum',
  sender: 'afzender',
  link: 'link',
  official: 'officiële publicatie',
} as const

/** A search hit as a row of `PAPER_COLUMNS_NL`'s keys, with its link at `base` and its official publication. */
export function paperRow(h: { id: string; title: string | null; type: string | null; date: string | null; sender: string | null }, base = '') {
  return {
    id: h.id,
    title: h.title,
    type: h.type,
    date: h.date,
    sender: h.sender,
    link: `${base}/papers/${encodeURIComponent(h.id)}`,
    official: officialHref(h.id),
  }
}

/**
 * A commitment as a row: its status and deadline, where it was made, what
 * keeps it (the papers taken as fact, and the sentence that says so), and the
 * link to its paper (`base` is the server's public address; empty for a path) and to its official publication.
 */
export function commitmentRow(c: TrackedCommitment, base = ''): CommitmentRow {
  const paper = c.paper.id ?? c.paper.key
  return {
    id: c.id,
    status: c.status,
    stale: c.stale,
    paper,
    paperDate: c.paper.date,
    sender: c.paper.sender,
    actor: c.actor,
    text: c.text,
    dueText: c.dueText,
    dueEnd: c.due?.end ?? null,
    keptBy: c.evidence.map((e) => e.paperId ?? e.paperKey).join(' ') || null,
    evidence: c.evidence.map((e) => e.evidence).join(' | ') || null,
    link: `${base}/papers/${encodeURIComponent(paper)}`,
    // The official record, which any reader of the sheet can open (no kamerwacht server needed).
    official: officialHref(c.paper.id),
  }
}
