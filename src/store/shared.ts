import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { InputForm } from '../model/document.js'
import type { Facet } from './store.js'

// What both stores share, so they keep papers and answer searches the same way.

/** Which reading of a paper to keep when it comes in several forms: the most structured one. */
export const FORM_RANK: Record<InputForm, number> = {
  'official-xml': 6,
  'web-page-html': 5,
  'web-page-text': 4,
  'kamerstuk-pdf-text': 3,
  pdf: 3,
  'letterhead-pdf-text': 2,
  'open-data': 1,
}

/** Documents and texts are stored deflated: they are most of a store's size. */
export const pack = (value: string): Buffer => deflateRawSync(Buffer.from(value, 'utf8'), { level: 6 })
/** The inverse of {@link pack}. */
export const unpack = (blob: Buffer): string => inflateRawSync(blob).toString('utf8')

/**
 * The date bounds of `van:`/`tot:` as ISO days: `van:2022` is 2022-01-01,
 * `tot:2022` is 2022-12-31, `tot:2022-05` is 2022-05-31 (compared as text, so
 * the 31st holds for every month).
 */
export function dateBounds(from: string | undefined, to: string | undefined): { from: string | null; to: string | null } {
  return {
    from: from ? `${from}-01-01`.slice(0, 10) : null,
    to: to ? (to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to) : null,
  }
}

/** Facet values by count, then by value; the first twenty. */
export function topFacet(counts: Iterable<[string, number]>): Facet {
  const out: Facet = []
  for (const [value, count] of counts) if (count > 0) out.push({ value, count })
  return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, 20)
}
