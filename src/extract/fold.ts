import type { DocIssue, Span } from '../model/document.js'

/**
 * What one paper may hold of a kind of mention. A paper that says the same words over and over
 * (`1 januari 2022` 50,000 times, `Kamerstuk 33 783, nr. 5` 80,000 times) would otherwise hold a record
 * of some 230 bytes for each: 1.6 MB of text gave 22 MB of output, and 24 MB ran out of string length.
 * The most a real paper of the corpus repeats one date is 12 times (`in 2030`), one citation 3 times.
 */
export const MENTION_LIMITS = {
  /** Records kept for one wording; further places are folded into the last of them as `also`. */
  each: 32,
  /** Records kept in all, per kind; the rest are left out and the paper says so in its issues. */
  total: 5000,
}

interface Foldable {
  text: string
  span: Span
  /** Where the same words stand again in `text` (their `span.start`), once the paper repeats them past `MENTION_LIMITS.each`. */
  also?: number[]
}

/**
 * Keeps a paper's mentions of one kind in proportion to what it says: the first `each` records of one
 * wording, then only their places; at most `total` records. Add in text order, then `issues`.
 */
export class MentionFold<T extends Foldable> {
  readonly kept: T[] = []
  private readonly last = new Map<string, { record: T; count: number }>()
  private folded = 0
  private dropped = 0

  constructor(
    /** `dates`, `references`: named in the issue. */
    private readonly kind: string,
    /** What makes two mentions the same (the wording, and for a reference what it points at). */
    private readonly keyOf: (item: T) => string,
    private readonly limits = MENTION_LIMITS,
  ) {}

  add(item: T): void {
    const key = this.keyOf(item)
    const seen = this.last.get(key)
    if (seen && seen.count >= this.limits.each) {
      seen.record.also ??= []
      seen.record.also.push(item.span.start)
      this.folded++
      return
    }
    if (this.kept.length >= this.limits.total) {
      this.dropped++
      return
    }
    this.kept.push(item)
    this.last.set(key, { record: item, count: (seen?.count ?? 0) + 1 })
  }

  /** What was folded or left out, as issues of the paper (none for a paper like any other). */
  issues(): DocIssue[] {
    const out: DocIssue[] = []
    if (this.folded > 0)
      out.push({
        code: `${this.kind}-folded`,
        message: `${this.folded} repeated ${this.kind} kept as places of an earlier record (more than ${this.limits.each} of the same words)`,
      })
    if (this.dropped > 0)
      out.push({ code: `${this.kind}-capped`, message: `${this.dropped} ${this.kind} left out: a paper keeps at most ${this.limits.total}` })
    return out
  }
}
