import type { z } from 'zod'
import { REFUSAL_STATUS, Refusal } from '../app/errors.js'

/**
 * The one error type at the HTTP edge: a status, a stable code for scripts
 * and a message for people. A use case's {@link Refusal} becomes one with
 * its status; anything else thrown in a handler is a bug and reaches the
 * client as a bare 500, never with its stack.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }

  /** A 400 naming the first bad field: `invalid limit: Too big: expected number to be <=100`. */
  static fromZod(where: string, error: z.ZodError): HttpError {
    const issue = error.issues[0]
    const field = issue?.path.length ? issue.path.join('.') : where
    return new HttpError(400, 'invalid-input', `invalid ${field}: ${issue?.message ?? 'bad value'}`)
  }

  /** A use case's refusal, with its status: `needs-force` is a 409, `not-found` a 404. */
  static fromRefusal(r: Refusal): HttpError {
    return new HttpError(REFUSAL_STATUS[r.kind], r.kind, r.message)
  }
}

/** Validates one part of a request with its schema, or answers 400 naming the field. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const r = schema.safeParse(value ?? {})
  if (!r.success) throw HttpError.fromZod(where, r.error)
  return r.data
}

/**
 * A query string checked by `schema`, refusing a parameter it does not know with the ones it does: `/api/commitments?q=…`
 * once answered the whole board as if `q` filtered it.
 */
export function parseParams<T extends z.ZodObject>(schema: T, value: unknown): z.infer<T> {
  const known = Object.keys(schema.shape)
  const unknown = Object.keys((value ?? {}) as Record<string, unknown>).filter((k) => !known.includes(k))
  if (unknown.length)
    throw new HttpError(400, 'invalid-query', `unknown parameter ${unknown.map((k) => JSON.stringify(k)).join(', ')}: this endpoint takes ${known.join(', ')}`)
  return parse(schema, value, 'query')
}

/** An error as the HTTP edge answers it: itself, a refusal's status, a full disk's 507, or null for anything else (a 500). */
export function httpErrorOf(err: unknown): HttpError | null {
  if (err instanceof HttpError) return err
  if (err instanceof Refusal) return HttpError.fromRefusal(err)
  // The store's disk is full (SQLite, the file system, PostgreSQL's disk_full): nothing was written, and it is no bug.
  const code = String((err as { code?: unknown } | null)?.code ?? '')
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100')
    return new HttpError(507, 'insufficient-storage', 'the store’s disk is full; nothing was written')
  return null
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { status: number; code: string; message: string }
}
