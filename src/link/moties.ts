/**
 * How a later paper answers a motie, from the words that cite it: a government letter's subject or sentence
 * (`Uitvoering van de motie van het lid Lahlah over … (Kamerstuk 24587-1013)`, `Reactie op de motie van de leden
 * Van Campen en Podt …`, `Met deze brief geef ik uitvoering aan de motie …`). Pure: the store finds the papers that
 * cite a motie; this says whether and how each answers it.
 */

/** What a paper does with a motie it cites. */
export type MotieAnswer = 'carried-out' | 'partly' | 'declines' | 'responds'

// In the order they are tried: a letter that declines or carries out only part says so besides `uitvoering`.
const ANSWERS: Array<[MotieAnswer, RegExp]> = [
  // `De motie … ontraad ik / voer ik niet uit`, `geen uitvoering (kunnen) geven aan de motie`.
  [
    'declines',
    /\b(?:geen\s+uitvoering\s+(?:kunnen\s+)?(?:geven|te\s+geven)\s+aan\s+de\s+motie|(?:voer|voeren)\s+(?:ik|wij|het\s+kabinet)\s+(?:de\s+motie\s+)?niet\s+uit|motie\s+niet\s+(?:uit\s+te\s+voeren|uitvoeren))/iu,
  ],
  // `Gedeeltelijke uitvoering van de motie`, `deels uitvoering geven aan`.
  ['partly', /\b(?:gedeeltelijke|deels|ten\s+dele)\s+(?:uitvoering|uitgevoerd|invulling)\b/iu],
  // `Uitvoering van de motie`, `ter uitvoering van de motie`, `geef ik uitvoering aan de motie`, `Invulling motie …`,
  // `de motie … beschouw ik hiermee als afgedaan`.
  [
    'carried-out',
    /\b(?:uitvoering\s+(?:van|aan)\s+(?:de\s+)?(?:gewijzigde\s+)?moties?|ter\s+uitvoering\s+van|invulling\s+(?:van\s+|aan\s+)?(?:de\s+)?(?:gewijzigde\s+)?moties?|moties?\b[^.]{0,200}\bals\s+afgedaan)/iu,
  ],
  // `Reactie op de (gewijzigde) motie`, `in reactie op de motie`, `Reactie op … twee moties`, `Appreciatie … motie`.
  ['responds', /\b(?:reactie\s+op\b[^.()]{0,160}\bmoties?\b|appreciatie\b[^.()]{0,80}\bmoties?\b|stand\s+van\s+zaken\b[^.()]{0,80}\bmoties?\b)/iu],
]

const BESIDE = /^(?:beslisnota|bijlage|lijst\b|nota\s+bij|memo\s+bij)/i

/** How the words of a paper that cite a motie answer it; null when they do not (a beslisnota, a list, a mention). */
export function motieAnswer(text: string): MotieAnswer | null {
  // A paper beside the letter names the letter's subject: `Beslisnota bij Kamerbrief Uitvoering van de motie …`.
  if (BESIDE.test(text.trimStart())) return null
  for (const [answer, re] of ANSWERS) if (re.test(text)) return answer
  return null
}

/** Lower case, accents off, one space between words: `Kostić c.s.` and `Kostic c.s.` are the same name. */
function folded(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
}

/** How many of a motie's subject words a paper must repeat in a row to name it: the opening of what it asks. */
const SUBJECT_WORDS = 6

/**
 * Who moved a motie and the opening words of what it asks, from its subject as the Kamer gives it (`Motie van de
 * leden Ellian en Wilders over onderzoeken hoe het aantal criminele kopstukken …`); null when the subject has no
 * such form or says too little.
 */
export function motieNaming(subject: string): { movers: string[]; words: string } | null {
  const m = /\bmotie\s+van\s+(?:het\s+lid|de\s+leden)\s+(.+?)\s+over\s+(.+)$/iu.exec(subject.replace(/\s+/g, ' ').trim())
  if (!m) return null
  const movers = (m[1] as string)
    .replace(/\s+c\.s\.?$/i, '')
    .split(/\s*,\s*|\s+en\s+/)
    .map((n) => n.trim())
    .filter((n) => n.length > 1)
  const words = folded(m[2] as string)
    .split(' ')
    .slice(0, SUBJECT_WORDS)
  if (movers.length === 0 || words.length < SUBJECT_WORDS) return null
  return { movers, words: words.join(' ') }
}

/**
 * Whether a paper's words name a motie without its number, as a letter may (`Reactie op de motie van het lid Tielen
 * over onderzoeken of glutenscreening op een kosteneffectieve wijze …`): each of its movers by name, and the opening
 * words of what it asks, in a row. The Kamer's letters repeat a motie's subject as the Kamer wrote it, so the words
 * are a strict test; a paper about the same subject in its own words does not pass it.
 */
export function namesMotie(text: string, naming: { movers: string[]; words: string }): boolean {
  const t = folded(text)
  return t.includes(naming.words) && naming.movers.every((n) => t.includes(folded(n)))
}

/** Where an adopted motie stands, from the letters that answer it: what a ministry's annex reports as `afgedaan` or not. */
export type MotieStatus = 'uitgevoerd' | 'deels' | 'niet-uitgevoerd' | 'in-behandeling' | 'open'

/** The statuses, from the one that asks the most attention (no answer yet) to the one that asks none. */
export const MOTIE_STATUSES: readonly MotieStatus[] = ['open', 'in-behandeling', 'deels', 'niet-uitgevoerd', 'uitgevoerd']

/**
 * An adopted motie's status from how the letters that answer it do: one that carries it out makes it `uitgevoerd`
 * (whatever came before), else one in part `deels`, else one that declines `niet-uitgevoerd`, else a reaction
 * (`Reactie op de motie …`, a plan, an appreciation) `in-behandeling`; no letter yet: `open`.
 */
export function motieStatus(answers: readonly MotieAnswer[]): MotieStatus {
  if (answers.includes('carried-out')) return 'uitgevoerd'
  if (answers.includes('partly')) return 'deels'
  if (answers.includes('declines')) return 'niet-uitgevoerd'
  if (answers.includes('responds')) return 'in-behandeling'
  return 'open'
}
