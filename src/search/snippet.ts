import { fold, scanWords, stem } from './stem.js'

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
const PLAIN: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' }

/**
 * A snippet as plain text: the `<mark>` tags dropped and the escapes undone
 * (`Agri &amp; Food` → `Agri & Food`), for output that escapes for itself
 * (a feed's XML, a page's HTML); escaping the snippet again showed `&amp;`.
 */
export function snippetPlain(snippet: string): string {
  return snippet.replace(/<\/?mark>/g, '').replace(/&(?:amp|lt|gt|quot);/g, (e) => PLAIN[e] as string)
}

/**
 * A short passage of `text` around the words that matched, HTML-escaped, the
 * matched words in `<mark>`: the window of about `size` characters that holds
 * the most matches.
 */
export function snippet(text: string, stems: Set<string>, prefixes: string[], size = 220): string {
  const hits: Array<[number, number]> = []
  // Stemming keeps a word's first letter (it only changes the end), so a word can only match when its
  // first letter, folded, starts a stem or prefix looked for; the other words need not be stemmed.
  const initials = new Set([...stems, ...prefixes].map((s) => s.charCodeAt(0)))
  scanWords(text, (start, end) => {
    if (!initials.has(initial(text, start))) return true
    const word = text.slice(start, end)
    const s = stem(word)
    if (stems.has(s) || prefixes.some((p) => s.startsWith(p) || word.toLowerCase().startsWith(p))) hits.push([start, end])
    return hits.length <= 200
  })
  if (hits.length === 0) return escapeHtml(cut(text, 0, size))
  // The window that starts at a hit and holds the most hits.
  let best = 0
  let bestCount = 0
  for (let a = 0, b = 0; a < hits.length; a++) {
    while (b < hits.length && (hits[b] as [number, number])[1] - (hits[a] as [number, number])[0] <= size) b++
    if (b - a > bestCount) {
      bestCount = b - a
      best = a
    }
  }
  const first = (hits[best] as [number, number])[0]
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, first - 40)) + 1)
  const end = Math.min(text.length, start + size)
  let out = start > 0 ? '…' : ''
  let at = start
  for (const [a, b] of hits) {
    if (a < start || b > end) continue
    out += `${escapeHtml(text.slice(at, a).replace(/\s+/g, ' '))}<mark>${escapeHtml(text.slice(a, b))}</mark>`
    at = b
  }
  out += escapeHtml(text.slice(at, end).replace(/\s+/g, ' '))
  return end < text.length ? `${out}…` : out
}

/** The folded first letter of the word at `at`, as a char code: ASCII without calling `fold` (most words). */
function initial(text: string, at: number): number {
  const c = text.charCodeAt(at)
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c
  return fold(String.fromCodePoint(text.codePointAt(at) as number)).charCodeAt(0)
}

function cut(text: string, start: number, size: number): string {
  const s = text.slice(start, start + size).replace(/\s+/g, ' ')
  return start + size < text.length ? `${s}…` : s
}
