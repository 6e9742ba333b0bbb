import type { Span } from '../model/document.js'

/**
 * The item whose span holds an offset, by binary search over items sorted by
 * span and not overlapping (sentences, debate turns); undefined between them.
 */
export function atOffset<T extends { span: Span }>(items: readonly T[], at: number): T | undefined {
  let lo = 0
  let hi = items.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const item = items[mid] as T
    if (at < item.span.start) hi = mid - 1
    else if (at >= item.span.end) lo = mid + 1
    else return item
  }
  return undefined
}

/** Something found at `index` with `length` characters. */
export interface Found {
  index: number
  length: number
}

/** Keeps the longest of overlapping finds (`1 t/m 26 augustus 2022` over `26 augustus 2022`), in text order. */
export function keepLongest<T extends Found>(found: T[]): T[] {
  found.sort((a, b) => a.index - b.index || b.length - a.length)
  const kept: T[] = []
  for (const f of found) {
    const last = kept[kept.length - 1]
    if (last && f.index < last.index + last.length) continue
    kept.push(f)
  }
  return kept
}
