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
] as const

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
 * A commitment as a row: its status and deadline, where it was made, what
 * keeps it (the papers taken as fact, and the sentence that says so), and the
 * link to its paper (`base` is the server's public address; empty for a path).
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
  }
}
