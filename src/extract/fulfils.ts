import type { PointsAt } from '../model/document.js'
import { maskAbbreviations } from './commitments.js'
import { findDates } from './dates.js'
import { findReferences } from './references.js'
import { initialCaseInsensitive } from './regex.js'

interface Rule {
  name: string
  re: RegExp
}

// Ways a letter says it keeps a promise or answers a request.
const RULES: Rule[] = [
  // `Hiermee doe ik mijn toezegging gestand`, `Zoals toegezegd tijdens het commissiedebat van …`, `conform mijn toezegging`
  {
    name: 'fulfil.toezegging',
    re: /\b(?:zoals\s+(?:ik\s+)?(?:heb\s+)?(?:toegezegd|beloofd|aangekondigd)|(?:doe|kom)\s+ik\s+(?:hiermee\s+|daarmee\s+)?(?:mijn|de)\s+toezegging\s+(?:gestand|na)|toezegging\s+(?:gestand|na\s+te\s+komen)|conform\s+(?:mijn|de)\s+toezegging|ter\s+uitvoering\s+van\s+(?:mijn|de)\s+toezegging|de\s+toezegging\s+gedaan)\b/iu,
  },
  // `Met deze brief geef ik uitvoering aan de motie van het lid …`, `wordt hierbij invulling gegeven aan de motie …`
  {
    name: 'fulfil.motie',
    re: /\b(?:uitvoering|invulling|gevolg)\s+(?:te\s+)?(?:geven|geef|geeft|gegeven|gegeven\s+wordt)\s+aan\s+(?:de|een|het)\s+(?:gewijzigde\s+)?(?:motie|verzoek|toezegging)/iu,
  },
  {
    name: 'fulfil.motie',
    re: /\b(?:geef|geeft|geven|wordt|worden)\s+(?:ik\s+|we\s+|wij\s+|hierbij\s+|hiermee\s+)*(?:uitvoering|invulling|gevolg)\s+(?:gegeven\s+)?aan\s+(?:de|een|het)\s+(?:gewijzigde\s+)?(?:motie|verzoek)/iu,
  },
  // `In antwoord op uw verzoek van …`, `Naar aanleiding van het verzoek van de commissie …`, `Naar aanleiding hiervan bericht ik u`
  {
    name: 'fulfil.answer',
    re: /\b(?:in\s+antwoord\s+op|naar\s+aanleiding\s+van|in\s+reactie\s+op|conform\s+het\s+verzoek)\s+(?:uw|het|de|een)\s+(?:verzoek|vraag|vragen|motie|toezegging|brief)|^naar\s+aanleiding\s+hiervan\s+(?:bericht|informeer|stuur|zend)\b/iu,
  },
  // `De vaste commissie voor Defensie heeft mij op 23 juni jl. verzocht om …`, `heeft uw Kamer per motie (…) verzocht om …`
  {
    name: 'fulfil.request-answered',
    re: /\bheeft\s+(?:mij|ons|het\s+kabinet)\b[^.]{0,120}?\b(?:verzocht|gevraagd)\b|\bheeft\s+uw\s+Kamer\s+(?:per|bij|via)\s+motie\b[^.]{0,120}?\bverzocht\b/iu,
  },
]

for (const rule of RULES) rule.re = initialCaseInsensitive(rule.re)

/** Whether a sentence keeps an earlier promise or answers a request, and what it points at. */
export function findFulfilment(sentence: string, ref: string | null): { rule: string; pointsAt: PointsAt[] } | null {
  const masked = maskAbbreviations(sentence)
  const rule = RULES.find((r) => r.re.test(masked))
  if (!rule) return null
  const pointsAt: PointsAt[] = []
  for (const r of findReferences(sentence, ref)) {
    pointsAt.push(r.kind === 'motie' ? { kind: 'motie', text: r.text, target: r.target } : { kind: 'reference', text: r.text, target: r.target })
  }
  // The debate or date where the promise was made: `tijdens het Algemeen Overleg … op 19 april`.
  const debate =
    /\b(?:tijdens|in|bij)\s+(?:het|de|een)\s+((?:[\p{L}-]*(?:overleg|debat|VSO|AO|notaoverleg|wetgevingsoverleg|commissiedebat|plenaire behandeling|regeling van werkzaamheden))(?:\s+(?:over|van|inzake)\s+[^,.;()]{1,80})?)/iu.exec(
      sentence,
    )
  if (debate) pointsAt.push({ kind: 'debate', text: debate[1] as string })
  if (/\b(verzoek|verzocht|gevraagd)\b/i.test(sentence)) {
    const request = /\b((?:uw|het|de)\s+verzoek[^,.;()]{0,80}|(?:de|uw)\s+(?:vaste\s+)?(?:commissie|Kamer)[^,.;()]{0,60}?\s+(?:heeft|hebben)\b)/iu.exec(
      sentence,
    )
    if (request) pointsAt.push({ kind: 'request', text: (request[1] as string).trim() })
  }
  const date = findDates(sentence, ref).find((d) => d.precision === 'day')
  if (date) pointsAt.push({ kind: 'date', text: date.text, date: date.start })
  return { rule: rule.name, pointsAt }
}

/** A motie's request: `verzoekt de regering …`, `verzoekt het kabinet …`. Returns whom it asks. */
export function findRequest(sentence: string): { addressee: string; rule: string } | null {
  const m =
    /\b(?:verzoekt|roept)\s+(de\s+regering|het\s+kabinet|de\s+minister(?:\s+van\s+[\p{Lu}][\p{L}]+(?:\s+(?:en\s+)?[\p{Lu}][\p{L}]+)*)?|de\s+staatssecretaris(?:\s+van\s+[\p{Lu}][\p{L}]+)?|de\s+Voorzitter|het\s+Presidium)/iu.exec(
      sentence,
    )
  return m ? { addressee: (m[1] as string).replace(/\s+/g, ' '), rule: 'request.verzoekt' } : null
}
