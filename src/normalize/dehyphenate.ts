import type { Lexicon } from './lexicon.js'

/**
 * What to do with a hyphen at the end of a line:
 * `join` — a typesetter's break, remove it (`Buiten-` / `landse` → `Buitenlandse`);
 * `keep` — a real hyphen, join without a space (`NPV-` / `lidstaten` → `NPV-lidstaten`);
 * `keep-space` — an elided compound part, keep hyphen and space (`energie-` / `en` → `energie- en`).
 */
export type BreakDecision = 'join' | 'keep' | 'keep-space'

/** Word forms seen whole in the same paper: the best evidence for how it spells a compound. */
export interface SpellingEvidence {
  /** Lower-cased tokens that occur in the paper not split over a line. */
  has(token: string): boolean
}

// Dutch spelling puts a hyphen where the vowels of two compound parts meet
// and could be read together (`zee-eend`, `olie-industrie`, `economie-opgave`).
const VOWEL_CLASH = /^(aa|ae|ai|au|ee|ei|eo|eu|ie|ii|ij|oe|oi|oo|ou|ui|uu)$/
// Prefixes the Kamer writes with a hyphen: `ex-minister`, `oud-voorzitter`, `vice-voorzitter`, `niet-leden`, `non-proliferatie`.
const HOUSE_HYPHEN = new Set(['ex', 'oud', 'vice', 'niet', 'non'])
// Particles that prefix words without a hyphen (`doorvertaling`, `voorbereiding`).
const PARTICLES = new Set([
  'door',
  'voor',
  'over',
  'onder',
  'aan',
  'uit',
  'mee',
  'toe',
  'weg',
  'terug',
  'tegen',
  'achter',
  'om',
  'op',
  'af',
  'bij',
  'in',
  'na',
  'her',
  'ver',
  'ont',
  'be',
  'ge',
  'er',
  'her',
])
// Words that follow an elided compound part: `ziekenhuis- en verpleeghuiszorg`.
const ELISION_NEXT = new Set(['en', 'of', 'tot', 'noch'])

const lastSegment = (word: string) => word.slice(word.lastIndexOf('-') + 1)
const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase()

/**
 * Decides one line-break hyphen. `left` is the word before the hyphen
 * (without it), `right` the word that starts the next line (without
 * trailing punctuation). Rules, in order:
 * 1. a URL or path keeps its hyphen (URLs are broken at their own hyphens);
 * 2. `en`/`of` after the hyphen is an elision (`energie- en klimaatpakket`) unless it ends a word (`48 partij-` / `en bij betrokken`);
 * 3. a capital after the hyphen is a name or a proper compound (`Noord-Holland`, `Berndsen-Jansen`, `team-Juncker`);
 * 4. an acronym, a digit or a capital inside the left part keeps the hyphen (`NPV-lidstaten`, `CO2-reductie`, `PvdA-fractie`),
 *    and so do the prefixes the Kamer hyphenates (`vice-voorzitter`, `oud-minister`);
 * 5. the dictionary: the one form it knows wins;
 * 6. where it knows both, the paper's own spelling elsewhere decides (`zwart-witte` on another line),
 *    else a vowel clash keeps the hyphen (`economie-opgave`);
 * 7. where it knows neither, two whole words keep the hyphen (`ambitieus-realistische`) unless the paper
 *    writes them joined; else the break was the typesetter's.
 */
export function decideBreak(left: string, right: string, lexicon: Lexicon, evidence?: SpellingEvidence, after?: string): BreakDecision {
  if (!left || !right) return 'keep'
  if (/(:\/\/|^www\.|[/\\@])/.test(left) || /^[/\\]/.test(right)) return 'keep'
  if (ELISION_NEXT.has(right.toLowerCase()) && right === right.toLowerCase()) return elision(left, right, lexicon, evidence, after)
  const first = right[0] as string
  if (isUpper(first) || /\d/.test(first)) return 'keep'
  const seg = lastSegment(left)
  if (!seg) return 'keep'
  if (/\d/.test(seg) || (seg.length > 1 && [...seg.slice(1)].some(isUpper)) || (seg.length === 1 && isUpper(seg))) return 'keep'
  if (!/\p{L}$/u.test(seg)) return 'keep'
  if (HOUSE_HYPHEN.has(seg.toLowerCase())) return 'keep'

  const joined = `${seg}${right}`
  const hyphened = `${seg}-${right}`
  const j = lexicon.isWord(joined) || lexicon.isWord(joined.toLowerCase())
  const h = lexicon.isWord(hyphened) || lexicon.isWord(hyphened.toLowerCase())
  if (j && !h) return 'join'
  if (h && !j) return 'keep'
  // Both spellings exist: two coordinated colours or adjectives keep the hyphen (`zwart-witte`,
  // `sociaal-economische`); else where vowels meet the hyphen is the rule (`economie-opgave`, `zee-eend`).
  if (j && h) {
    const own = ownSpelling(left, right, evidence)
    if (own) return own
    if (coordinated(seg.toLowerCase(), right.toLowerCase())) return 'keep'
    return VOWEL_CLASH.test(`${seg.slice(-1)}${first}`.toLowerCase()) ? 'keep' : 'join'
  }
  // Two whole words the dictionary does not know together: a coordinating compound
  // (`financieel-economische`), unless the left one is a particle that prefixes words (`door-vertaling`).
  if (seg.length > 2 && right.length > 2 && !PARTICLES.has(seg.toLowerCase()) && lexicon.isWord(seg) && lexicon.isWord(right)) {
    return ownSpelling(left, right, evidence) ?? 'keep'
  }
  return 'join'
}

const COLOURS = /^(zwart|wit|witte|rood|rode|groen|groene|blauw|blauwe|geel|gele|oranje|paars|paarse|grijs|grijze|bruin|bruine|roze)$/
const ADJECTIVE = /(isch|ische|eel|ele|aal|ale|ief|ieve|eus|euze)$/

/** Two colours or two adjectives side by side (`zwart-wit`, `financieel-economisch`): a coordinate compound. */
function coordinated(left: string, right: string): boolean {
  return (COLOURS.test(left) && COLOURS.test(right)) || (ADJECTIVE.test(left) && ADJECTIVE.test(right))
}

/** How the paper spells the word where it is not broken, if it does so one way only. */
function ownSpelling(left: string, right: string, evidence: SpellingEvidence | undefined): BreakDecision | undefined {
  if (!evidence) return undefined
  const joined = evidence.has(`${left}${right}`.toLowerCase())
  const hyphened = evidence.has(`${left}-${right}`.toLowerCase())
  if (joined === hyphened) return undefined
  return joined ? 'join' : 'keep'
}

/**
 * `X-` / `en Y`: an elided compound part when Y ends in a word that also
 * makes a word with X (`energie- en klimaatpakket`: `energiepakket`), or when
 * `Xen` is no word; otherwise `en` ended the word (`partij-` / `en` → `partijen`).
 */
function elision(left: string, right: string, lexicon: Lexicon, evidence: SpellingEvidence | undefined, after: string | undefined): BreakDecision {
  const seg = lastSegment(left)
  if (after && after.length > 4) {
    const lower = after.toLowerCase()
    for (let cut = 2; cut <= lower.length - 3; cut++) {
      if (lexicon.isWord(`${seg}${lower.slice(cut)}`.toLowerCase())) return 'keep-space'
    }
  }
  const whole = `${left}${right}`
  if (evidence?.has(whole.toLowerCase())) return 'join'
  return lexicon.isWord(whole) || lexicon.isWord(whole.toLowerCase()) ? 'join' : 'keep-space'
}
