/**
 * A function of a string kept by its argument, for work asked again and again with the same input (a sender's
 * offices, a promise's subject words: every pair of a promise and a later paper asks for both). At most `max`
 * answers are kept; past that the memo starts over, so a long ingest's memory stays flat.
 */
export function memoized<T>(max: number, compute: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>()
  return (key) => {
    let value = seen.get(key)
    if (value === undefined) {
      value = compute(key)
      if (seen.size >= max) seen.clear()
      seen.set(key, value)
    }
    return value
  }
}
