import type { ZodError } from 'zod'

/**
 * The one error type at the HTTP edge: a status, a stable code for scripts
 * and a message for people. Anything else thrown in a handler is a bug and
 * reaches the client as a bare 500, never with its stack.
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
  static fromZod(where: string, error: ZodError): HttpError {
    const issue = error.issues[0]
    const field = issue?.path.length ? issue.path.join('.') : where
    return new HttpError(400, 'invalid-input', `invalid ${field}: ${issue?.message ?? 'bad value'}`)
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { status: number; code: string; message: string }
}
