// One promise is one record. In a debate the same promise is said more than once: the minister
// restates it (`Ik ga in het najaar een afzonderlijke brief over letselschade aan uw Kamer sturen.`
// twice in one commissiedebat), and the chair reads it out at the end in the third person (`De
// staatssecretaris zegt de Kamer toe voor het kerstreces van 2025 te informeren over de uitbreiding
// van inzage …`). The chair's reading confirms the minister's own words (`Ik zal u allen voor het
// kerstreces informeren over de uitkomsten.`); it is strong evidence, not a second promise.
//
// Sentences are compared by their content words, weighted by how rare each is in the debate: two
// sentences that share `kerstreces` and `inzage` say more alike than two that share `informeren`.

// Words every promise and every reading of one uses: they tell nothing about which promise it is.
const GENERIC = new Set(
  (
    'de het een en van in op te aan voor met over dat die dit deze ook dan maar als bij naar om is zijn wordt worden zal zullen kan kunnen wil ' +
    'ik we wij u uw hij zij ze mijn onze hem haar niet wel nog er daar hier zo dus nu even graag zeker natuurlijk ' +
    'kamer minister staatssecretaris minister-president zegt toe toezegging toezeggen informeren informeert brief heer mevrouw ' +
    'gaan ga komen kom terug sturen stuur doen doe zeggen zeg gaat vraag vragen'
  ).split(' '),
)

/** The content words of a sentence, each cut to its first six letters (a cheap stem: `informeren` ~ `informatie` is not wanted, `kerstreces` ~ `kerstreces`). */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>()
  for (const m of text.toLowerCase().matchAll(/[\p{L}\d][\p{L}\d-]*/gu)) {
    const w = m[0]
    if (w.length < 4 || GENERIC.has(w)) continue
    out.add(w.slice(0, 6))
  }
  return out
}

/** How rare each word is among a debate's sentences: log(N / df). */
export function rarity(texts: string[]): (word: string) => number {
  const df = new Map<string, number>()
  for (const t of texts) for (const w of contentWords(t)) df.set(w, (df.get(w) ?? 0) + 1)
  const n = Math.max(texts.length, 1)
  return (w) => Math.log(n / (df.get(w) ?? 1))
}

/** The words two sentences share and their summed rarity. */
export function sharedWeight(a: Set<string>, b: Set<string>, weight: (w: string) => number): { shared: string[]; score: number } {
  const shared = [...a].filter((w) => b.has(w))
  return { shared, score: shared.reduce((s, w) => s + weight(w), 0) }
}

/**
 * The sentence among `candidates` that a third-person reading (`De minister zegt toe …`) tells, or null:
 * at least two shared content words whose rarity adds up to {@link CONFIRM_MIN}; `bonus` (the
 * candidate's own promise confidence) breaks ties between sentences that share as much.
 */
export function toldSentence(
  reading: string,
  candidates: Array<{ index: number; text: string; bonus: number }>,
  weight: (w: string) => number,
  /** The rarity that must be shared (default {@link CONFIRM_MIN}); 0 takes the found promise that shares most, if any word. */
  min = CONFIRM_MIN,
): { index: number; shared: string[] } | null {
  const words = contentWords(reading)
  let best: { index: number; shared: string[]; score: number } | null = null
  for (const c of candidates) {
    const { shared, score } = sharedWeight(words, contentWords(c.text), weight)
    // Two rare words shared; or one, where the sentence already reads as a promise on its own.
    if (shared.length === 0 || !((shared.length >= 2 && score >= min) || (c.bonus >= 0.5 && score >= min / 2))) continue
    const total = score + 6 * c.bonus
    if (!best || total > best.score) best = { index: c.index, shared, score: total }
  }
  return best && { index: best.index, shared: best.shared }
}

/**
 * The rarity two sentences must share to be one promise told twice: about two words each found in
 * one sentence in twenty of the debate (2 × log 20 ≈ 6). Set by hand on the four commissiedebatten of
 * the development set, where each chair's reading names the deliverable and one or two specifics
 * (`kerstreces`, `Pieter Baan`, `AFM`); generic words score near zero.
 */
export const CONFIRM_MIN = 6

/** Whether a later sentence of the same speaker restates an earlier promise: three content words or more, nearly all shared (Jaccard ≥ 0.7). */
export function restates(later: string, earlier: string): boolean {
  const a = contentWords(later)
  const b = contentWords(earlier)
  if (a.size === 0 || b.size === 0) return false
  let inter = 0
  for (const w of a) if (b.has(w)) inter++
  return inter >= 3 && inter / (a.size + b.size - inter) >= 0.7
}
