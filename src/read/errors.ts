/**
 * An input that cannot be read at all (binary, corrupt, encrypted, too large).
 * Its message is one line a user can act on; the batch goes on without it.
 */
export class ReadError extends Error {
  /** Short machine-readable reason: `empty`, `binary`, `too-large`, `pdf-encrypted`, … */
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = 'ReadError'
    this.code = code
  }
}
