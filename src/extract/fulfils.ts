import type { AskedBy, PointsAt } from '../model/document.js'
import { maskAbbreviations } from './commitments.js'
import { findDates } from './dates.js'
import { findReferences } from './references.js'
import { initialCaseInsensitive } from './regex.js'

/** How a fulfilment sentence relates to the earlier promise or request. */
export type FulfilmentKind =
  /** The sentence says this paper keeps it: `Hierbij zend ik u, zoals toegezegd, …`. */
  | 'kept'
  /** It tells a request of the Kamer (`De vaste commissie heeft mij verzocht …`): kept unless the paper defers or declines it. */
  | 'request-reported'
  /** It tells an earlier promise (`Tijdens het AO heb ik toegezegd …`): kept when the paper delivers, still open when it only times it. */
  | 'promise-reported'

interface Rule {
  name: string
  kind: FulfilmentKind
  re: RegExp
}

// Words that say the act happens in this paper: `hierbij`, `met deze brief`, `bijgevoegd`, `treft u aan`, `ontvangt uw Kamer`.
const NOW =
  '(?:hierbij|hiermee|bij dezen?|bijgaand|bijgevoegd|bijgesloten|als bijlage|met deze (?:brief|bijlage|nota)|middels deze brief|in deze brief|treft u|ontvangt (?:uw Kamer|u)|(?:informeer|bericht|stuur|zend|bied|geef|doe|deel|meld|reageer|bevestig) (?:ik|wij|we)|kan ik u|wil ik u)'

// Ways a letter says it keeps a promise or answers a request.
const RULES: Rule[] = [
  // `Hiermee doe ik mijn toezegging gestand`, `Zoals toegezegd tijdens het commissiedebat van …`, `conform mijn toezegging`,
  // `Zoals besproken tijdens het algemeen overleg …`
  {
    name: 'fulfil.toezegging',
    kind: 'kept',
    re: /\b(?:zoals\s+(?:ik\s+)?(?:heb\s+)?(?:toegezegd|beloofd|verzocht|gevraagd)|^zoals\s+(?:\S+\s+){0,3}?(?:aangekondigd|besproken|afgesproken)|(?:doe|kom)\s+ik\s+(?:hiermee\s+|daarmee\s+)?(?:mijn|de)\s+toezegging\s+(?:gestand|na)|toezegging\s+(?:gestand|na\s+te\s+komen)|(?:conform|overeenkomstig|ter\s+uitvoering\s+van|in\s+lijn\s+met)\s+(?:mijn|de|het|uw|een)\s+(?:toezegging|motie|verzoek|afspraak)|de\s+toezegging\s+gedaan\s+(?:om\s+)?(?:u|uw\s+Kamer)\b)/iu,
  },
  // `Met deze brief geef ik uitvoering aan de motie van het lid …`, `wordt hierbij invulling gegeven aan de motie …`
  {
    name: 'fulfil.motie',
    kind: 'kept',
    re: /\b(?:uitvoering|invulling|gevolg)\s+(?:te\s+)?(?:geven|geef|geeft|gegeven|gegeven\s+wordt)\s+aan\s+(?:de|een|het|mijn|deze|beide|twee|drie|enkele|(?:een\s+)?aantal)\s+(?:gewijzigde\s+)?(?:moties?|verzoek(?:en)?|toezegging(?:en)?)\b/iu,
  },
  {
    name: 'fulfil.motie',
    kind: 'kept',
    re: /\b(?:geef|geeft|geven|wordt|worden)\s+(?:ik\s+|we\s+|wij\s+|hierbij\s+|hiermee\s+|daarmee\s+|ook\s+|tevens\s+|eveneens\s+|daarnaast\s+|nu\s+)*(?:uitvoering|invulling|gevolg)\s+(?:gegeven\s+)?aan\s+(?:de|een|het|deze|beide|twee|drie|enkele|(?:een\s+)?aantal)\s+(?:gewijzigde\s+)?(?:moties?|verzoek(?:en)?)\b/iu,
  },
  // `Ik beschouw de motie hiermee als afgedaan`, `Hiermee is de toezegging afgedaan`
  {
    name: 'fulfil.afgedaan',
    kind: 'kept',
    re: /\b(?:moties?|toezegging(?:en)?|verzoek(?:en)?)\b[^.]{0,80}?\b(?:afgedaan|uitgevoerd|ingevuld|nagekomen)\b/iu,
  },
  // `In antwoord op uw verzoek van …`, `Naar aanleiding van het verzoek van de commissie … zend ik u hierbij`,
  // `Naar aanleiding van de in het debat … gestelde vragen … kan ik u het volgende mededelen`, `Naar aanleiding hiervan bericht ik u`
  {
    name: 'fulfil.answer',
    kind: 'kept',
    re: new RegExp(
      String.raw`\b(?:in\s+antwoord\s+op|naar\s+aanleiding\s+van|in\s+reactie\s+op|conform|overeenkomstig|op)\s+(?:uw|het|de|een)\s+(?:[^.;]{0,140}?\s)?(?:verzoek|vraag|vragen|motie|toezegging|brief|commissiebrief)\b[^.;]{0,160}?\b${NOW}\b|^naar\s+aanleiding\s+hiervan\s+(?:bericht|informeer|stuur|zend)\b|\bop\s+verzoek\s+van\b[^.;]{0,160}?\b(?:gevraagde|verzochte|bijgevoegd|bijgaand|hierbij|ontvangt)\b`,
      'iu',
    ),
  },
  // `Hierbij ontvangt uw Kamer de gevraagde brief`, `Hierbij bied ik u de publicatie … aan, waarom door uw Kamer … is verzocht`
  {
    name: 'fulfil.delivered',
    kind: 'kept',
    re: new RegExp(
      String.raw`\b${NOW}\b[^.;]{0,200}?\b(?:gevraagde|verzochte|toegezegde|aangekondigde|waarom\b[^.;]{0,120}?\b(?:verzocht|gevraagd)|zoals\s+(?:verzocht|gevraagd|toegezegd))(?![\p{L}])`,
      'iu',
    ),
  },
  // `Op 6 september jl. heb ik het verzoek gekregen van de vaste commissie …`, `In deze brief ga ik in op het verzoek van het lid
  // Van Dijck`, `Hierbij treft u aan …, waar uw Kamer om heeft verzocht`, `Naar aanleiding van het vragenuur van 7 november … stuur ik u`
  {
    name: 'fulfil.request',
    kind: 'kept',
    re: new RegExp(
      String.raw`\b(?:heb|hebben)\s+(?:ik|wij|we)\b[^.;]{0,60}?\bverzoek\s+(?:gekregen|ontvangen)\b|\b${NOW}\b[^.;]{0,80}?\b(?:ga|gaan|in\s+op|reageer|reageren|beantwoord|antwoord)\b[^.;]{0,40}?\b(?:het|uw|dit|de)\s+(?:verzoek|vraag|vragen)\b|\bwaar\s+(?:uw\s+Kamer|de\s+(?:vaste\s+)?commissie|u|het\s+lid\s+[^.;,]{1,40}?)\s+(?:om\s+)?(?:heeft|hebt|had)\s+(?:om\s+)?(?:verzocht|gevraagd)|\b(?:naar\s+aanleiding\s+van|tijdens|in)\s+het\s+(?:vragenuur|mondelinge\s+vragenuur)\b[^.;]{0,160}?\b${NOW}`,
      'iu',
    ),
  },
  // `Bijgaand treft u de reactie op de op 22 maart 2023 gezonden vragen van de vaste Kamercommissie voor Financiën …`,
  // `Hierbij ontvangt u de antwoorden op de vragen van het lid …`: what the Kamer asked, delivered now.
  {
    name: 'fulfil.answers-delivered',
    kind: 'kept',
    re: new RegExp(
      String.raw`\b${NOW}\b[^.;]{0,60}?\b(?:de\s+)?(?:reactie|antwoorden|beantwoording|schriftelijke\s+reactie)\s+op\s+(?:de|het|uw)\b[^.;]{0,120}?\b(?:vragen|verzoek|commissiebrief|brief\s+van\s+(?:de\s+)?(?:vaste\s+)?(?:Kamer)?commissie)\b`,
      'iu',
    ),
  },
  // `De vaste commissie voor Defensie heeft mij op 23 juni jl. verzocht om …`, `heeft uw Kamer per motie (…) verzocht om …`,
  // `U heeft mij gevraagd te reageren op …`, `Het lid Omtzigt heeft het kabinet … verzocht …`, `heeft de indiener gevraagd om een brief`
  {
    name: 'fulfil.request-answered',
    kind: 'request-reported',
    re: /\b(?:heeft|hebben)\s+(?:mij|ons|het\s+kabinet|de\s+regering)\b[^.]{0,120}?\b(?:verzocht|gevraagd)\b|\bheeft\s+uw\s+Kamer\s+(?:per|bij|via)\s+motie\b[^.]{0,120}?\bverzocht\b|\bheeft\s+(?:de\s+indiener|het\s+lid|de\s+(?:vaste\s+)?commissie)\b[^.]{0,120}?\b(?:verzocht|gevraagd)\b/iu,
  },
  // `Tijdens het AO … heb ik uw Kamer toegezegd een brief te zullen sturen …`, `Vandaag heb ik u aangekondigd …`,
  // `Op 19 januari jl. is … de Kamer de toezegging gedaan …`
  {
    name: 'fulfil.promise-reported',
    kind: 'promise-reported',
    re: /\b(?:heb|hebben|had)\s+(?:ik|wij|we)\b[^.]{0,140}?\b(?:toegezegd|aangekondigd|beloofd)\b|\b(?:is|werd)\b[^.]{0,200}?\b(?:de\s+)?toezegging\s+gedaan\b/iu,
  },
]

for (const rule of RULES) rule.re = initialCaseInsensitive(rule.re)

/** Whether a sentence keeps an earlier promise or answers a request, and what it points at. */
export function findFulfilment(sentence: string, ref: string | null): { rule: string; kind: FulfilmentKind; pointsAt: PointsAt[]; asked?: AskedBy } | null {
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
  const asked = askedBy(sentence, date?.start ?? null)
  return { rule: rule.name, kind: rule.kind, pointsAt, ...(asked ? { asked } : {}) }
}

// Who asked, in the words a letter uses: `de vaste commissie voor Defensie`, `het lid Van Dijck`, `de leden Omtzigt en Leijten`,
// `de motie van het lid Van der Graaf`, `het vragenuur van 7 november`, `de regeling van werkzaamheden`, `uw Kamer`.
const COMMITTEE = /\b(?:de\s+)?((?:vaste\s+)?(?:Kamer)?commissie\s+voor\s+(?:\p{Lu}[\p{L}-]*|en|van|,)(?:\s+(?:\p{Lu}[\p{L}-]*|en|van|,))*)/u
const MEMBER =
  /\b(?:het\s+(?:Kamer)?lid|de\s+leden|Kamerlid)\s+((?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|'t)\s+)*\p{Lu}[\p{L}'’-]*(?:\s+(?:en|\/)\s+(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en)\s+)*\p{Lu}[\p{L}'’-]*)*)/u
const MOTIE_BY =
  /\bmotie(?:\s+van\s+(?:het\s+lid|de\s+leden)\s+|-|\s+(?=(?:[Vv]an\s+|[Dd]e\s+)?\p{Lu}\p{Ll}))((?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en)\s+)*\p{Lu}[\p{L}'’-]*(?:[\s/]+(?:en\s+)?\p{Lu}[\p{L}'’-]*)*)/u

/** Who in the Kamer asked for what a fulfilment sentence answers, and when; null where it names no one. */
export function askedBy(sentence: string, on: string | null): AskedBy | null {
  if (!/\b(?:verzoek\w*|verzocht|gevraagd|vraag|vragen|vragenuur|motie|regeling van werkzaamheden)\b/i.test(sentence)) return null
  const motie = MOTIE_BY.exec(sentence)
  if (motie) return { who: (motie[1] as string).trim(), how: 'motie', on }
  if (/\bvragenuur\b/i.test(sentence)) return { who: MEMBER.exec(sentence)?.[1]?.trim() ?? 'de Tweede Kamer', how: 'vragenuur', on }
  if (/\bregeling van werkzaamheden\b/i.test(sentence)) return { who: MEMBER.exec(sentence)?.[1]?.trim() ?? 'de Tweede Kamer', how: 'regeling', on }
  const committee = COMMITTEE.exec(sentence)
  if (committee) return { who: (committee[1] as string).replace(/[\s,]+$/, ''), how: 'commissie', on }
  const member = MEMBER.exec(sentence)
  if (member) return { who: (member[1] as string).trim(), how: 'lid', on }
  if (/\b(?:uw|de)\s+Kamer\b/.test(sentence)) return { who: 'de Kamer', how: 'kamer', on }
  return null
}

/** A motie's request: `verzoekt de regering …`, `verzoekt het kabinet …`. Returns whom it asks. */
export function findRequest(sentence: string): { addressee: string; rule: string } | null {
  const m =
    /\b(?:verzoekt|roept)\s+(de\s+regering|het\s+kabinet|de\s+minister(?:\s+van\s+[\p{Lu}][\p{L}]+(?:\s+(?:en\s+)?[\p{Lu}][\p{L}]+)*)?|de\s+staatssecretaris(?:\s+van\s+[\p{Lu}][\p{L}]+)?|de\s+Voorzitter|het\s+Presidium)/iu.exec(
      sentence,
    )
  return m ? { addressee: (m[1] as string).replace(/\s+/g, ' '), rule: 'request.verzoekt' } : null
}
