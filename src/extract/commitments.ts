import type { DuePeriod } from '../model/document.js'
import { type FoundDate, findDates, RECESSES } from './dates.js'
import { initialCaseInsensitive } from './regex.js'

/** A promise found in one sentence. */
export interface FoundCommitment {
  actor: string | null
  action: string
  object: string | null
  dueText: string | null
  due: DuePeriod | null
  rule: string
}

// Verbs of telling, sending and reporting to the Kamer, in the forms a promise uses them.
const VERB =
  '(informeren|geïnformeerd|berichten|bericht|rapporteren|gerapporteerd|toesturen|toegestuurd|sturen|gestuurd|zenden|toezenden|toegezonden|verzenden|toekomen|aanbieden|aangeboden|delen|gedeeld|ingaan|terugkomen|briefen|inlichten|ingelicht|beantwoorden|beantwoord|voorleggen|voorgelegd|melden|gemeld|verstrekken|verstrekt|toelichten|uiteenzetten|versturen|verstuurd|sturen|informeren)'
const FUTURE = '(zal|zullen|ga|gaan)'
// The one who will act, next to the future verb: `Ik zal`, `zal ik`, `wij zullen`, `het kabinet zal`.
const FIRST_PERSON_FUTURE =
  /\b(?:(?:ik|wij|we|het kabinet|dit kabinet|het ministerie|de regering)\s+(?:\S+\s+)?(?:zal|zullen|ga|gaan)|(?:zal|zullen|ga|gaan)\s+(?:ik|wij|we|het kabinet|de regering))\b/iu
// Someone the paper addresses: the Kamer, its members, `u`.
const RECIPIENT = /\b(uw Kamer|de Kamer|Kamerleden|Kamercommissie|commissie|u|U|Uw Kamer)\b/

interface Rule {
  name: string
  test(sentence: string): RegExpExecArray | null
}

// Compiled once: a pattern made per sentence costs more than the matching.
const FUTURE_VERB = new RegExp(`\\b${FUTURE}\\b(?:[^.;]{0,160}?)\\b${VERB}\\b`, 'u')
const PASSIVE_VERB = new RegExp(`\\b${VERB}\\s+(?:zal|zullen)\\s+worden\\b`, 'u')
const INTENTION_VERB = new RegExp(
  `\\b(?:voornemens|van plan|stel\\s+(?:ik\\s+)?voor|streef\\s+(?:ik|wij|we)?\\s*(?:ernaar)?|verwacht\\s+(?:ik|wij|we)|beoog\\s+(?:ik|wij|we)?)\\b[^.;]{0,120}?\\bte\\s+(?:kunnen\\s+)?${VERB}\\b`,
  'u',
)
const IS_VERB = new RegExp(`^${VERB}$`, 'u')

const RULES: Rule[] = [
  {
    // `Ik zal uw Kamer t.z.t. informeren over dit besluit.`, `Ik zal na afloop … rapporteren over de resultaten.`
    name: 'commitment.future-verb',
    test: (s) => {
      const m = FUTURE_VERB.exec(s)
      return m && (RECIPIENT.test(s) || FIRST_PERSON_FUTURE.test(s)) ? m : null
    },
  },
  {
    // `… waarover uw Kamer nog geïnformeerd zal worden.`, `… aan uw Kamer worden aangeboden`
    name: 'commitment.passive',
    test: (s) => {
      const m = PASSIVE_VERB.exec(s)
      return m && RECIPIENT.test(s) ? m : null
    },
  },
  {
    // `ik zeg u toe dat …`, `ik zeg toe …`
    name: 'commitment.toezeggen',
    test: (s) => /\b(?:zeg(?:gen)?\s+(?:ik\s+|wij\s+)?(?:u\s+|uw Kamer\s+|de Kamer\s+)?toe|toezeggen)\b/u.exec(s),
  },
  {
    // `kunt u de brief in januari tegemoet zien`, `ontvangt u voor de zomer …`
    name: 'commitment.tegemoet-zien',
    test: (s) => /\b(?:kunt u|kan uw Kamer|kan de Kamer|mag u)\b[^.;]{0,120}?\b(tegemoet zien|verwachten|ontvangen)\b/u.exec(s),
  },
  {
    // `Wij zijn voornemens u in het najaar nader te berichten.`, `Ik stel voor u uiterlijk 21 juni nader te berichten.`
    name: 'commitment.intention-to-tell',
    test: (s) => {
      const m = INTENTION_VERB.exec(s)
      return m && RECIPIENT.test(s) ? m : null
    },
  },
  {
    // `Het Ministerie … verzorgt voor aanvang van de toetsingsconferentie graag een technische ambtelijke briefing voor (deelnemende) Kamerleden.`
    name: 'commitment.briefing',
    test: (s) => {
      const m =
        /\b(verzorg(?:t|en)?|organiseer(?:t)?|organiseren|bied(?:t|en)?|geef|geeft|geven)\b[^.;]{0,100}?\b(briefing|technische briefing|rondetafelgesprek|werkbezoek)\b/u.exec(
          s,
        )
      return m && /\b(Kamerleden|uw Kamer|de Kamer|Kamercommissie|commissie)\b/.test(s) ? m : null
    },
  },
]

// Sentences that look back rather than forward: they keep a promise or answer a request.
const LOOKS_BACK = initialCaseInsensitive(
  /\b(zoals toegezegd|toezegging (?:gedaan|gestand|na)|heeft (?:mij|ons)\b[^.]{0,80}\bverzocht|hierbij (?:informeer|bericht|stuur|zend|bied)|met deze brief (?:informeer|bericht|geef|stuur)|in deze brief (?:informeer|ga ik)|middels deze brief|hiermee (?:informeer|geef|doe))/i,
)

// Full stops inside a sentence that end no clause: `t.z.t.`, `d.d.`, `jl.`, `nr.`.
const ABBREVIATION =
  /\b(?:t\.z\.t\.|z\.s\.m\.|d\.d\.|o\.a\.|i\.v\.m\.|m\.b\.t\.|n\.a\.v\.|c\.s\.|a\.s\.|jl\.|j\.l\.|nr\.|nrs\.|bijv\.|dhr\.|mevr\.|(?:\p{Lu}\.){1,4})/gu

/** Hides those full stops (same length) so clause patterns can look past them. */
export function maskAbbreviations(sentence: string): string {
  return sentence.replace(ABBREVIATION, (m) => m.replace(/\./g, '\u00B7'))
}

/** Deadlines as written, without a date: `t.z.t.`, `zo spoedig mogelijk`, `na afloop van de Toetsingsconferentie`. */
const DUE_WORDS =
  /\b(t\.z\.t\.|te zijner tijd|zo spoedig mogelijk|zo snel mogelijk|z\.s\.m\.|binnenkort|op korte termijn|(?:voor|vóór|na|bij|tijdens)\s+(?:aanvang|afloop|afronding|het einde|de start|het begin|begin|einde)\s+van\s+(?:de|het)\s+[\p{L}-]+|(?:voor|vóór|na|rond|tijdens)\s+(?:het|de)\s+(?:zomerreces|kerstreces|voorjaarsreces|herfstreces|meireces|krokusreces|begrotingsbehandeling|[\p{L}]+debat|[\p{L}]+overleg))/iu
const PREPOSITION = /\b((?:in|op|voor|vóór|na|rond|uiterlijk|vanaf|medio|begin|eind|tijdens|per)(?:\s+(?:de|het))?)\s+$/i

/** The deadline in a commitment sentence: as written, and resolved where the text allows. */
export function findDue(
  sentence: string,
  ref: string | null,
  dates: FoundDate[] = findDates(sentence, ref),
): { dueText: string | null; due: DuePeriod | null } {
  const words = DUE_WORDS.exec(sentence)
  // A date in the sentence, with the preposition before it: `in augustus`, `uiterlijk 21 juni`, `op 2 november`.
  const date = dates.find((d) => d.precision !== 'years')
  if (date) {
    const lead = PREPOSITION.exec(sentence.slice(0, date.index))?.[1] ?? ''
    const dueText = `${lead ? `${lead} ` : ''}${date.text}`
    if (/^(voor|vóór)\b/i.test(lead) && ref) return { dueText, due: { start: ref, end: addDays(date.start, -1) } }
    if (/^uiterlijk\b/i.test(lead) && ref) return { dueText, due: { start: ref, end: date.end } }
    return { dueText, due: { start: date.start, end: date.end } }
  }
  if (words) {
    const text = words[1] as string
    const recess = /(zomerreces|kerstreces|voorjaarsreces|meireces)/i.exec(text)
    if (recess && ref) {
      const [a, b] = RECESSES[(recess[1] as string).toLowerCase()] as [string, string]
      const y = ref.slice(0, 4)
      if (/^na/i.test(text)) return { dueText: text, due: { start: `${y}-${b}`, end: `${y}-${b}` } }
      if (/^(voor|vóór)/i.test(text)) return { dueText: text, due: { start: ref, end: `${y}-${a}` } }
    }
    return { dueText: text, due: null }
  }
  return { dueText: null, due: null }
}

function addDays(isoDate: string, n: number): string {
  return new Date(Date.parse(isoDate) + n * 864e5).toISOString().slice(0, 10)
}

const LEMMA: Record<string, string> = {
  geïnformeerd: 'informeren',
  bericht: 'berichten',
  gerapporteerd: 'rapporteren',
  toegestuurd: 'toesturen',
  gestuurd: 'sturen',
  toegezonden: 'toezenden',
  aangeboden: 'aanbieden',
  gedeeld: 'delen',
  ingelicht: 'inlichten',
  beantwoord: 'beantwoorden',
  voorgelegd: 'voorleggen',
  gemeld: 'melden',
  verstrekt: 'verstrekken',
  verstuurd: 'versturen',
  toekomen: 'toesturen',
  ingaan: 'ingaan op',
  terugkomen: 'terugkomen op',
}

/**
 * Decides whether a sentence promises the Kamer a future act, and reads its
 * parts. `sender` is the paper's sender, who `ik` and `wij` stand for.
 */
export function findCommitment(sentence: string, ref: string | null, sender: string | null): FoundCommitment | null {
  const masked = maskAbbreviations(sentence)
  if (LOOKS_BACK.test(masked)) return null
  for (const rule of RULES) {
    const m = rule.test(masked)
    if (!m) continue
    const verb = (
      m
        .slice(1)
        .reverse()
        .find((g) => g && IS_VERB.test(g)) ??
      m[m.length - 1] ??
      m[0]
    ).toLowerCase()
    const action =
      rule.name === 'commitment.briefing'
        ? 'briefing'
        : rule.name === 'commitment.tegemoet-zien'
          ? 'toesturen'
          : rule.name === 'commitment.toezeggen'
            ? 'toezeggen'
            : (LEMMA[verb] ?? verb)
    const { dueText, due } = findDue(sentence, ref)
    return { actor: actorOf(sentence, sender), action, object: objectOf(masked, m)?.replace(/\u00B7/g, '.') ?? null, dueText, due, rule: rule.name }
  }
  return null
}

/** Who promises: `Ik`/`wij` is the sender; a named ministry or `het kabinet` as written. */
function actorOf(sentence: string, sender: string | null): string | null {
  const named = /\b([Hh]et Ministerie van \p{Lu}\p{L}+(?: (?:en )?\p{Lu}\p{L}+)*|[Hh]et kabinet|[Dd]it kabinet|[Dd]e regering)\b/u.exec(sentence)
  if (/\b(ik|wij|we)\b/i.test(sentence) || !named) return sender ?? (named ? (named[1] ?? null) : null)
  return (named[1] as string).replace(/^(het|dit|de)\s/i, (w) => w.toLowerCase())
}

/** What the promise is about: the `over …` phrase after the verb, else the words between recipient and verb. */
function objectOf(sentence: string, m: RegExpExecArray): string | null {
  const after = sentence.slice(m.index + m[0].length)
  const over = /^\s*(?:op\s+)?(over|op|aan)\s+([^.;]+?)(?:[.;]|$)/u.exec(after)
  if (over) return `${over[1]} ${over[2]}`.trim()
  const between = /\b(?:u|uw Kamer|de Kamer)\s+(de|het|een)\s+([^.;]+?)\s+(?:zo spoedig|in |op |voor |na |uiterlijk |zal|zullen)/u.exec(sentence)
  if (between) return `${between[1]} ${between[2]}`
  return null
}
