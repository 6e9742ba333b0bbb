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
