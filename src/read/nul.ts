import type { RawText } from './raw.js'

/**
 * Takes U+0000 out of what a reader gave: no paper means one (a Word file's `kern&#0;wapens` means
 * `kernwapens`), PostgreSQL keeps none in text, and a store must hold a paper alike on both engines.
 * The line offsets are moved with the text; the count goes into `issues`.
 */
export function withoutNul(raw: RawText): RawText {
  const hintsHaveNul = JSON.stringify(raw.hints).includes('\\u0000')
  if (!raw.text.includes('\u0000') && !hintsHaveNul) return raw
  // removedBefore[k]: how many U+0000 stand before offset k of the old text.
  const removedBefore = new Uint32Array(raw.text.length + 1)
  let removed = 0
  for (let k = 0; k < raw.text.length; k++) {
    removedBefore[k] = removed
    if (raw.text.charCodeAt(k) === 0) removed++
  }
  removedBefore[raw.text.length] = removed
  const lines = raw.lines.map((l) => ({ ...l, text: l.text.replaceAll('\u0000', ''), start: l.start - (removedBefore[l.start] ?? removed) }))
  const hints = hintsHaveNul ? (JSON.parse(JSON.stringify(raw.hints).replaceAll('\\u0000', '')) as RawText['hints']) : raw.hints
  const inHints = hintsHaveNul ? ' and its metadata' : ''
  return {
    ...raw,
    text: raw.text.replaceAll('\u0000', ''),
    lines,
    hints,
    issues: [...raw.issues, { code: 'nul-removed', message: `${removed} U+0000 character${removed === 1 ? '' : 's'} removed from the text${inHints}` }],
  }
}
