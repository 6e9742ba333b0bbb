/**
 * What a use case refuses, the same for every edge: the kind (which the HTTP edge maps to a status),
 * the field it concerns, and the message in English (CLI, API) and in Dutch (the web UI). The edges
 * never rewrite one another's text: each takes the language it shows.
 */
export type RefusalKind = 'not-found' | 'invalid-input' | 'invalid-query' | 'needs-force'

/** A use case's refusal (see {@link RefusalKind}); anything else thrown is a bug. */
export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    readonly nl: string,
    readonly field?: string,
    /** For `needs-force`: each reason on its own, in both languages. */
    readonly reasons: readonly { en: string; nl: string }[] = [],
  ) {
    super(message)
  }
}

/** The HTTP status of a refusal. */
export const REFUSAL_STATUS: Record<RefusalKind, number> = { 'not-found': 404, 'invalid-input': 400, 'invalid-query': 400, 'needs-force': 409 }

/** The first problem of a failed parse as a refusal naming the field (`invalid from: 2022-13-45 is not a date`). */
export function refusalOf(issue: { path: PropertyKey[]; message: string } | undefined, where: string, nl = false): Refusal {
  const field = issue?.path.length ? issue.path.map(String).join('.') : where
  const message = issue?.message ?? (nl ? 'ongeldige waarde' : 'bad value')
  return new Refusal('invalid-input', `invalid ${field}: ${message}`, `${field}: ${message}`, field)
}
