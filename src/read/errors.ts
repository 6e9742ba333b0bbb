/**
 * An input that cannot be read at all (binary, corrupt, encrypted, too large).
 * Its message is one line a user can act on; the batch goes on without it.
 */
export class ReadError extends Error {
  /** Short machine-readable reason: `empty`, `binary`, `too-large`, `pdf-encrypted`, … */
  readonly code: string
  constructor(code: string, message: string) {
    super(oneLine(message))
    this.name = 'ReadError'
    this.code = code
  }
}

/** The longest message a refusal carries: a parser that quotes the input (100,000 unclosed XML elements) is cut short. */
export const MESSAGE_MAX = 300

/** A message as one line of at most `MESSAGE_MAX` characters. */
export function oneLine(message: string): string {
  const line = message.split('\n')[0] ?? ''
  return line.length > MESSAGE_MAX ? `${line.slice(0, MESSAGE_MAX - 1)}…` : line
}
