import type { Speaker, Turn } from '../model/document.js'
import { GOVERNMENT } from '../structure/turns.js'
import { atOffset } from './spans.js'

/** The turn an offset falls in (turns are in text order); undefined outside every turn. */
export const turnAt = (turns: Turn[], at: number): Turn | undefined => atOffset(turns, at)

/** Whether the speaker speaks for the government (minister-president, minister, staatssecretaris). */
export const isGovernment = (s: Speaker | undefined): boolean => !!s && GOVERNMENT.has(s.role)

/** The title of a member of government's role: `Staatssecretaris`, `Minister-president`; undefined for anyone else. */
export function roleTitle(role: string | undefined): string | undefined {
  return role === 'minister-president' ? 'Minister-president' : role === 'minister' ? 'Minister' : role === 'staatssecretaris' ? 'Staatssecretaris' : undefined
}

/** A promise's actor as the record names its speaker: `Staatssecretaris Keijzer`, `Minister-president Rutte`. */
export function actorOfSpeaker(s: Speaker): string {
  const title = roleTitle(s.role)
  return title ? `${title} ${s.name}` : s.name
}

// A short sentence that names the sentence before it as the promise: `Dat zeg ik toe.`, `Dit is een toezegging.`,
// `Die toezegging doe ik graag.`, `Dat beloof ik.`
const BACK_PLEDGE =
  /^(?:(?:Ja|Nou|Dus|En|Oké|Zeker),?\s+)?(?:[Dd]at|[Dd]it|[Dd]ie|[Hh]et)\b(?:\s+\S+){0,2}\s+(?:zeg|zeggen|toezeggen|toezegging|beloof|beloven)\b[^.?!]{0,60}[.!]?$/

/** Whether a sentence only names the one before it as a promise, so the two are one promise. */
export const pledgesBack = (sentence: string): boolean => sentence.length <= 90 && BACK_PLEDGE.test(sentence.trim())

// The chair (or a committee report) tells what the government promised: `De minister zegt toe de Kamer
// voor de zomer te informeren over …`, `De staatssecretaris heeft toegezegd …`, `De minister-president
// zal de Kamer …`. Group 1 is the role, group 2 the office's ministry where named.
const CHAIR_PROMISE =
  /\b(?:[Dd]e|[Hh]et) (minister-president|minister|staatssecretaris|bewindspersoon|kabinet|regering)(?: (?:van|voor) ((?:[A-ZÀ-Þ][\p{L}-]*|en|van)(?: (?:[A-ZÀ-Þ][\p{L}-]*|en|,))*))?\b[^.;]{0,40}?\b(?:zegt|zeggen|zegde|heeft|hebben|zal|zullen|stuurt|sturen|informeert|komt|gaat)\b/u
// What every toezegging says once the chair has said the list begins: `De volgende toezeggingen zijn gedaan:`,
// `Ik heb de volgende toezeggingen genoteerd.`
const PROMISE_LIST = /\btoezeggingen\b[^.]{0,80}?(?:genoteerd|gedaan|opgeschreven|voorlezen|zijn|:)/i
// `De Kamer ontvangt voor de zomer een brief over …`, `De Kamer wordt voor 1 juli geïnformeerd over …`.
const KAMER_RECEIVES = /^(?:[-–•]\s*)?(?:[Dd]e (?:Tweede )?Kamer|[Dd]e commissie) (?:ontvangt|krijgt|wordt|zal)\b/

/** Whether a sentence opens the chair's list of the promises made (`De volgende toezeggingen zijn gedaan:`). */
export const opensPromiseList = (sentence: string): boolean => PROMISE_LIST.test(sentence)

/**
 * A promise the chair or a report tells in the third person: the government
 * member it names, as the debate's speakers know them. In a list of
 * toezeggingen (`inList`), `De Kamer ontvangt …` needs no named member.
 */
export function chairPromise(sentence: string, inList: boolean, speakers: Speaker[]): { speaker: Speaker | null; role: string } | null {
  const m = CHAIR_PROMISE.exec(sentence)
  // In a list each item opens with the member of government (`De minister zegt toe …`); a role named later in the
  // sentence (`We gaan de toezegging aanpassen naar hoe de staatssecretaris het zegt.`) is no item.
  if (m && inList && m.index > 3 && !/^(?:[-–•]\s*)?(?:De|Het) /.test(sentence)) return null
  if (m && (inList || /\b(?:zegt|zeggen|zegde)\b[^.;]{0,80}?\btoe\b|\btoegezegd\b|\btoezegging\b/.test(sentence))) {
    const role = (m[1] as string).toLowerCase()
    return { speaker: speakerForRole(role, m[2] ?? null, speakers), role }
  }
  if (inList && KAMER_RECEIVES.test(sentence)) {
    // `De Kamer ontvangt … een brief van de staatssecretaris over …`: the role named anywhere, else the only member of government.
    const named = /\b(?:de|het) (minister-president|minister|staatssecretaris)\b/.exec(sentence)
    const government = speakers.filter(isGovernment)
    if (named) return { speaker: speakerForRole(named[1] as string, null, speakers), role: named[1] as string }
    return { speaker: government.length === 1 ? (government[0] as Speaker) : null, role: 'kabinet' }
  }
  return null
}

/** The government speaker a role word stands for: the one minister of the debate, or the one whose office names the ministry. */
function speakerForRole(role: string, ministry: string | null, speakers: Speaker[]): Speaker | null {
  const government = speakers.filter(isGovernment)
  const fits = government.filter((s) =>
    role === 'minister-president'
      ? s.role === 'minister-president'
      : role === 'minister'
        ? s.role === 'minister' || s.role === 'minister-president'
        : role === 'staatssecretaris'
          ? s.role === 'staatssecretaris'
          : true,
  )
  if (ministry) {
    const named = fits.find((s) => s.function?.toLowerCase().includes(ministry.toLowerCase()))
    if (named) return named
  }
  if (fits.length === 1) return fits[0] as Speaker
  // `De minister` where only the minister-president and a minister speak: the minister.
  const plain = fits.filter((s) => s.role === role)
  return plain.length === 1 ? (plain[0] as Speaker) : null
}

// A member named in the promise: `Ik wil de heer Wörsdörfer toezeggen`, `mevrouw Van der Graaf vroeg`,
// or a fractie: `De CDA-fractie vroeg aan mij`.
const NAMED_MEMBER = /\b(?:de heer|mevrouw|meneer|mijnheer|collega) ((?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|'t) )*\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)?)/u
const NAMED_FRACTIE = /\b(?:de )?([A-Z][\w-]*?)-fractie\b|\bde fractie van (?:de |het )?([A-Z][\w-]*)/

/** The member a sentence names (`U hebt een toezegging, mijnheer Segers.` → `Segers`), or null. */
export const memberNamed = (sentence: string): string | null => NAMED_MEMBER.exec(sentence)?.[1] ?? null

/**
 * To whom a spoken promise is made: the member named in the sentence or the
 * ones before it in the same turn (`before`, nearest first), else the fractie named there, else the member whose
 * interruption the speaker answers. Null where the debate does not say.
 */
export function promisedTo(sentence: string, before: string[], turn: Turn, turns: Turn[]): string | null {
  for (const s of [sentence, ...before]) {
    const member = NAMED_MEMBER.exec(s)
    if (member) return member[1] as string
    const fractie = NAMED_FRACTIE.exec(s)
    if (fractie) return (fractie[1] ?? fractie[2]) as string
  }
  const at = turns.indexOf(turn)
  for (let k = at - 1; k >= 0; k--) {
    const t = turns[k] as Turn
    if (t.speaker.role === 'voorzitter') continue
    return t.speaker.role === 'kamerlid' && t.interruption ? t.speaker.name : null
  }
  return null
}

// The chair or a member says a promise was just made: `U hebt een toezegging, mijnheer Segers.`,
// `Hartelijk dank voor die toezegging`, `Dat is een heldere toezegging.`, `De minister-president heeft een
// toezegging gedaan.` The government's turn before it holds the promise, whatever its words.
const ACKNOWLEDGES =
  /\b(?:(?:[Uu]|[Jj]e|[Hh]ij|[Zz]ij) (?:hebt|heeft|krijgt|heeft gekregen) (?:daarmee |dus |een )?(?:een )?toezegging|[Dd]ank[\p{L} ]{0,30}? voor (?:de|die|deze|uw|zijn|haar) toezegging|(?:[Dd]at|[Dd]it) is (?:dus )?een (?:\p{L}+ )?toezegging|een toezegging gedaan|[Ii]k noteer (?:dat als )?een toezegging)/u

/** Whether a sentence (of the chair or a member) says the government has just made a promise. */
export const acknowledgesPromise = (sentence: string): boolean => ACKNOWLEDGES.test(sentence)

// A short yes to what was just asked of the government: `Geen enkel probleem.`, `Zullen we doen.`, `Dat is prima,
// dat zal ik doen.`, `Ja, dat zeg ik toe.`, `Dat vind ik uitstekend.` (real replies in committee debates, 2025).
const AFFIRMS =
  /^(?:(?:ja|jazeker|zeker|absoluut|prima|akkoord|uitstekend|dat is (?:prima|goed|akkoord))[,.!]?\s*)?(?:ja|jazeker|zeker|absoluut|prima|akkoord|geen (?:enkel )?probleem|dat vind ik (?:prima|goed|uitstekend)|(?:dat|die|dit|het)\s+(?:\p{L}+\s+)?(?:zal|ga|gaan|wil|kan)\s+(?:ik|we|wij)\s+(?:(?:graag|zeker|gewoon|ook)\s+)?(?:doen|toezeggen|regelen)|(?:zullen|gaan)\s+we\s+doen|(?:dat|die)\s+doe\s+ik|dat\s+zeg\s+ik\s+toe)[.!]?$/iu
// What asks the government for something, at the end of the turn before: `Kan de staatssecretaris dat toezeggen?`,
// `Is de minister bereid …?`, `Wil de minister de Kamer daarover informeren?` (an ask to act, not to explain: `Kan de
// minister uitleggen waarom …?` answered `Ja.` is no promise), `Ik zou u dan willen verzoeken om …`; or in the
// government's own turn, a motie's ask it weighs (`Het eerste deel van de motie vraagt van mij een inspanningsverplichting …`).
const ASKS =
  /\b(?:toezeggen\s*\?|toezegging\s*\?|(?:is|zijn) (?:de|het) (?:minister(?:-president)?|staatssecretaris|kabinet|bewindspersoon) (?:\p{L}+ )?bereid\b[^?]*\?|(?:kan|wil|gaat|zou) (?:de|het) (?:minister(?:-president)?|staatssecretaris|kabinet) [^?]{0,200}?\b(?:informeren|sturen|toesturen|terugkomen|laten weten|nagaan|uitzoeken|onderzoeken|bekijken|kijken|meenemen|oppakken|regelen|opnemen|overleggen|in gesprek|delen|schriftelijk|zorgen)\b[^?]{0,160}\?|(?:wil|zou) (?:u|ik u) (?:dan |ook )?(?:willen )?(?:verzoeken|vragen) (?:om|te)\b|(?:de|deze|die) motie (?:vraagt|verzoekt)\b)/iu

/** Whether a government speaker's sentence is a short yes (`Zullen we doen.`): a promise only where something was asked. */
export const affirms = (sentence: string): boolean => sentence.length <= 70 && AFFIRMS.test(sentence.trim())

/** Whether a text asks the government for something (a question to it, a request, a motie's ask): see `affirms`. */
export const asksGovernment = (text: string): boolean => ASKS.test(text)
