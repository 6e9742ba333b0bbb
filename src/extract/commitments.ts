import type { DuePeriod, PromiseFeature } from '../model/document.js'
import { type FoundDate, findDates, RECESSES } from './dates.js'
import { PROMISE_WEIGHTS } from './promise-weights.js'
import { recessFor } from './recesses.js'
import { initialCaseInsensitive } from './regex.js'

/** A promise found in one sentence. */
export interface FoundCommitment {
  actor: string | null
  action: string
  object: string | null
  dueText: string | null
  due: DuePeriod | null
  /** A condition the promise waits for instead of a date: `zodra die afstemming gereed is`. */
  condition: string | null
  /** 0–1: how sure the recogniser is that the sentence promises the Kamer something. */
  confidence: number
  /** The named cues that make up the score, with their weights. */
  features: PromiseFeature[]
  rule: string
}

/** A sentence scores as a promise at or above this confidence. */
export const PROMISE_THRESHOLD = 0.5

// ---------------------------------------------------------------------------------------------
// The clause analysis. A promise (toezegging) is, in Kamerstuk prose:
//   an ACTOR of the government (ik, wij, het kabinet, mijn ministerie; or the Kamer as receiver:
//   `Uw Kamer ontvangt …`, `kunt u … tegemoet zien`, `wordt uw Kamer geïnformeerd`)
//   with a MODALITY that commits to the future (zal/zullen, ga, ben voornemens, verwacht … te,
//   streef ernaar, kan … sturen with a time, a present tense with a future time)
//   and an ACT directed at the Kamer (informeren, sturen, doen toekomen, ingaan op, betrekken bij
//   a coming letter),
//   possibly with a DEADLINE or a CONDITION.
// Each cue is a named feature with a weight; the sum plus a bias, through the logistic function,
// is the confidence. The weights below are set by hand from this grammar, so every one can be read and
// argued with; scripts/fit-promises.mjs fits them on the annotated sentences of the corpus starting from
// these (promise-weights.ts), and `kamerwacht read --explain` prints the weights in use per sentence.
// ---------------------------------------------------------------------------------------------

const W = {
  bias: -5.0,
  actor: 1.0,
  receiver: 1.5,
  receiverSubject: 1.5,
  actInform: 2.0,
  actAddress: 1.2,
  comingPaper: 1.2,
  actInComingPaper: 0.5,
  future: 1.5,
  intention: 1.5,
  abilityWithTime: 1.0,
  presentWithTime: 1.0,
  standing: 1.0,
  deadline: 0.8,
  condition: 0.8,
  nader: 0.5,
  pastReport: -3.0,
  deliveredNow: -3.0,
  thisLetter: -2.0,
  motieText: -5.0,
  question: -2.0,
  hypothetical: -0.8,
  negation: -2.5,
  actsNow: -2.5,
  kamerActs: -2.0,
  otherActor: -1.5,
  spokenPledge: 3.0,
  spokenPresent: 1.5,
  spokenInWriting: 1.0,
  receiverMember: 1.5,
  withinDebate: -4.0,
  discourse: -2.5,
  refused: -4.0,
  hedge: -1.5,
  spokenComeBack: 1.5,
  spokenBarePledge: 2.0,
  spokenRaise: 2.5,
  quotedQuestion: -4.0,
  assurance: -3.0,
  othersAct: -2.5,
} as const

/**
 * The hand-set weight of each named feature (the values of W above, by the name `--explain` prints): the prior
 * `scripts/fit-promises.mjs` fits from. The recogniser uses the fitted weights of promise-weights.ts where there are.
 */
export const HAND_WEIGHTS: Readonly<Record<string, number>> = {
  'act.address': W.actAddress,
  'act.in-coming-paper': W.actInComingPaper,
  'act.inform': W.actInform,
  'act.now': W.actsNow,
  'act.raise': W.spokenRaise,
  'actor.government': W.actor,
  'actor.kamer': W.kamerActs,
  'actor.other': W.otherActor,
  bias: W.bias,
  condition: W.condition,
  deadline: W.deadline,
  'delivered-now': W.deliveredNow,
  hypothetical: W.hypothetical,
  'modality.ability-with-time': W.abilityWithTime,
  'modality.future': W.future,
  'modality.intention': W.intention,
  'motie-text': W.motieText,
  nader: W.nader,
  negation: W.negation,
  'paper.coming': W.comingPaper,
  'paper.this-letter': W.thisLetter,
  question: W.question,
  'receiver.kamer': W.receiver,
  'receiver.member': W.receiverMember,
  'receiver.subject': W.receiverSubject,
  'spoken.assurance': W.assurance,
  'spoken.bare-pledge': W.spokenBarePledge,
  'spoken.come-back': W.spokenComeBack,
  'spoken.discourse': W.discourse,
  'spoken.hedge': W.hedge,
  'spoken.in-writing': W.spokenInWriting,
  'spoken.others-act': W.othersAct,
  'spoken.pledge': W.spokenPledge,
  'spoken.quoted-question': W.quotedQuestion,
  'spoken.refused': W.refused,
  'spoken.within-debate': W.withinDebate,
  standing: W.standing,
  'tense.past-report': W.pastReport,
  'tense.present-with-time': W.presentWithTime,
  'tense.spoken-present': W.spokenPresent,
}

// The feature patterns use `\b` and no `u` flag: V8 scans such a pattern many times faster than one
// led by `(?:^|[^\p{L}])`, and the words they name are ASCII at their edges.
// The government as the one who acts: `Ik`, `wij`, `het kabinet`, `mijn ministerie`, `onze inspanningen`.
const ACTOR = /\b(?:[Ii]k|[Ww]ij|[Ww]e|[Mm]ijn|[Oo]nze?|[Hh]et kabinet|[Dd]it kabinet|[Dd]e regering|[Hh]et [Mm]inisterie|[Mm]ijn departement)\b/
// The Kamer as the one addressed: `uw Kamer`, `de Kamer`, `Kamerleden`, `de vaste commissie`, `u`.
const RECEIVER =
  /\b(?:[Uu]w Kamer|[Dd]e (?:Tweede |Eerste )?Kamer|[Hh]et parlement|(?:de )?Kamerleden|(?:vaste )?[Kk]amercommissie|[Dd]e (?:vaste )?commissie|[Uu]|[Mm]oties?|[Kk]amervragen|[Kk]amerlid|(?:het|de) leden?)\b/
// The Kamer as the grammatical subject of receiving: `ontvangt u`, `kunt u … tegemoet zien`,
// `blijft u … ontvangen`, `uw Kamer zal … worden geïnformeerd`, `wordt uw Kamer geïnformeerd`.
const RECEIVER_SUBJECT =
  /\b(?:(?:gaat|gaan) (?:u|uw Kamer|de (?:Tweede )?Kamer)\b[^.;]{0,80}?\btoe|(?:zal|wordt) (?:aan )?(?:uw Kamer|de (?:Tweede )?Kamer) de gelegenheid|(?:ontvangt|ontvangen|krijgt) (?:u|uw Kamer|de Kamer)|(?:[Uu]|[Uu]w Kamer|[Dd]e Kamer) (?:ontvangt|krijgt)|(?:kunt|kan|mag) (?:u|uw Kamer|de Kamer)\b[^.;]{0,120}?(?:tegemoet zien|verwachten|ontvangen|tegemoetzien)|(?:blijft|zult) (?:u|uw Kamer)\b[^.;]{0,120}?(?:ontvangen|geïnformeerd)|(?:[Uu]|[Uu]w Kamer|[Dd]e Kamer) (?:zal|zult|wordt)\b[^.;]{0,120}?(?:geïnformeerd|ingelicht|bericht|op de hoogte (?:gesteld|gehouden|gebracht))|(?:zal|wordt) (?:u|uw Kamer|de Kamer) [^.;]{0,120}?(?:geïnformeerd|ingelicht|op de hoogte (?:gesteld|gehouden|gebracht)))\b/
// Acts of telling and sending, in every form a promise uses (infinitive, participle, present, `te`).
const ACT_INFORM =
  /\b(informeren|informeer|geïnformeerd|berichten|inlichten|ingelicht|rapporteren|rapporteer|gerapporteerd|(?:op de hoogte|in kennis) (?:stellen|houden|brengen|gesteld|gehouden|gebracht|stel|houd)|terug(?:komen|koppelen|te komen|gekoppeld|kom)|kom(?:en)?\b[^.;]{0,80}?\bterug|(?:toe)?sturen|(?:toe)?stuur|(?:toe)?gestuurd|toegestuurd|(?:toe|ver)?zenden|zend|toegezonden|verzonden|versturen|verstuurd|(?:doen|laten) toekomen|toekomen|laten weten|laat\b[^.;]{0,60}?\bweten|aanbieden|aangeboden|bied\b[^.;]{0,80}?\baan|delen|gedeeld|voorleggen|voorgelegd|leg\b[^.;]{0,60}?\bvoor|beantwoorden|beantwoord|beantwoording|toelichten|toegelicht|uiteenzetten|verstrekken|verstrekt|mededelen|melden|indienen|ingediend|in te (?:kunnen )?dienen|dien\b[^.;]{0,60}?\bin|briefing|tegemoet zien|tegemoetzien|ontvangen|ontvangt|kom(?:en)? met|(?:kom|komen)\b[^.;]{0,60}?\bmet (?:een|het|de|mijn|ons) (?:[a-z]+ )?(?:brief|voorstel|reactie|notitie|nota|plan|standpunt|kabinetsstandpunt|appreciatie|analyse|uitwerking|overzicht)|(?:krijgt|krijgen) (?:u|uw Kamer|de Kamer|jullie)|(?:gaat|gaan) (?:u|uw Kamer|de (?:Tweede )?Kamer)\b[^.;]{0,80}?\btoe|gelegenheid\b[^.;]{0,60}?\b(?:uit te spreken|te reageren|te bespreken|in te brengen)|(?:[Uu]|[Uu]w Kamer|[Dd]e Kamer) (?:krijgt|krijgen)|verslag doen|verslag uitbrengen|(?:een )?overzicht (?:geven|geef|sturen|stuur|verstrekken)|(?:een )?update (?:geven|geef|sturen|stuur)|inzicht (?:geven|geef|bieden|bied))\b/
// Acts of dealing with something in a coming paper: `ingaan op`, `betrekken bij`, `aandacht besteden aan`.
const ACT_ADDRESS =
  /\b(ingaan|in te gaan|ga\b[^.;]{0,60}?\bin op|gaan\b[^.;]{0,60}?\bin op|betrekken|betrokken|aandacht (?:schenken|besteden|geven|worden besteed|worden geschonken)|behandelen|behandeld|meenemen|meegenomen|opnemen|op te nemen|opgenomen worden|neem\b[^.;]{0,60}?\bmee|nemen\b[^.;]{0,60}?\bmee|reageren|reactie geven|mijn reactie|een reactie|kabinetsreactie|beleidsreactie|appreciatie|voortgangsrapportage|voortgangsbrief|rapportage|eindrapportage|evaluatie)\b/
// A paper still to come, where the act will happen: `In die brief zal ik …`, `in de visie`,
// `bij de voortgangsrapportage`, `in de volgende voortgangsbrief`.
const COMING_PAPER =
  /\b(?:[Ii]n|[Bb]ij|[Mm]et|[Vv]ia) (?:die|de|een|het|mijn|onze|deze|de volgende|een volgende|de eerstvolgende|de komende|een nieuwe|een aparte|een afzonderlijke|een separate)(?: [A-Za-zÀ-ÿ-]+){0,3}? (?:brief|Kamerbrief|voortgangsbrief|voortgangsrapportage|voortgangsbericht|rapportage|visie|nota|notitie|beleidsreactie|kabinetsreactie|reactie|agenda|verslag|(?:slot|eind)rapportage|beleidsbrief|verzamelbrief|jaarverslag|begroting|evaluatie|plan|actieplan|wetsvoorstel)\b/
const FUTURE = /\b(?:[Zz]al|[Zz]ullen|[Zz]ult)\b/
// `ga`/`gaan` before an infinitive (`ga ik u informeren`); not the `ga … in op` of ingaan.
const GO_FUTURE = /\b(?:[Gg]a|[Gg]aan)(?: [A-Za-zÀ-ÿ]+){0,10}? [A-Za-zÀ-ÿ]+en\b(?! op)/
const INTENTION =
  /\b(?:voornemens|van plan|streef|streven|streeft|beoog|beogen|verwacht|verwachten|planning is|inzet is|erop gericht|zeg (?:ik )?(?:u |uw Kamer )?toe|toezeggen dat|ben (?:ik )?bereid|zijn (?:wij |we )?bereid|stel (?:ik )?(?:u )?voor|wil ik|willen (?:wij|we)|[Ii]k wil|[Ww]ij willen|zet(?:ten)? (?:mij|ons|zich) in)\b/
const ABILITY = /\b(?:kan|kunnen|kunt)\b/
// A promise that stands: `zoals gebruikelijk ontvangt u`, `blijf ik u informeren`, `jaarlijks`.
const STANDING =
  /\b(?:zoals gebruikelijk|gebruikelijk|jaarlijks|halfjaarlijks|periodiek|blijft u|blijf ik|blijven wij|blijven we|zal ik u blijven|op de hoogte houden|houd ik u)\b/
const NADER = /\bnader\b/
// Told in the past: `heb ik toegezegd`, `heeft uw Kamer … ontvangen`, `is … geïnformeerd`, `informeerde ik`.
const PAST_REPORT =
  /\b(?:(?:heb|hebt|heeft|hebben|had|hadden|is|ben|bent|zijn|was|waren|werd|werden)(?: [^\s.;]+){0,12}? (?:toegezegd|aangekondigd|beloofd|geïnformeerd|ingelicht|gestuurd|toegestuurd|toegezonden|verzonden|verstuurd|aangeboden|gedeeld|gemeld|bericht|gerapporteerd|beantwoord|voorgelegd|verstrekt|ontvangen|toegelicht|ingediend|gevraagd|verzocht|laten weten|aangegeven|meegedeeld|medegedeeld|geschreven|uiteengezet|aangenomen|aanvaard|doen toekomen|laten toekomen)|(?:gestuurd|verstuurd|toegestuurd|verzonden|ontvangen|gemeld|geïnformeerd|aangeboden|gedeeld) (?:is|zijn|werd|werden|heeft|hebben|hebt)\b(?! (?:te|om))|informeerde|informeerden|stuurde|zond|berichtte|meldde|deelde|ontving|ontvingen|aanvaardde|vroeg|vroegen|verzocht uw Kamer|nam uw Kamer)\b/
/** The act happens in this very letter: `Hierbij stuur ik u`, `Met deze brief informeer ik u`, `bijgevoegd`. */
export const DELIVERED_NOW =
  /\b(?:[Hh]ierbij|(?<!verband |samenhang |overeenstemming )[Hh]iermee|[Bb]ij (?:deze|dezen)|[Bb]ijgaand|bijgevoegd|bijgesloten|als bijlage|[Mm]et deze (?:brief|bijlage|nota)|[Mm]iddels deze brief|[Vv]ia deze brief|[Tt]reft u (?:hierbij )?aan)\b/
// The act done in the present by the writer: `informeer ik u`, `zend ik u … toe`, `we sturen aan op`.
const ACTS_NOW =
  /\b(?:(?:informeer|bericht|stuur|zend|meld|deel|bied|leg|verwijs|schets|beschrijf|reageer|ga|geef) (?:ik|wij|we)|(?:[Ii]k|[Ww]ij|[Ww]e) (?:informeer|bericht|stuur|zend|meld|deel|bied|verwijs|informeren|berichten|sturen|zenden|melden|delen|bieden|verwijzen|reageer|reageren))\b/
// A government actor in the future, in a main clause: `zal ik`, `ik … zal`, `het kabinet zal`.
const OWN_FUTURE = /\b(?:(?:zal|zullen|ga|gaan) (?:ik|wij|we|het kabinet)|(?:[Ii]k|[Ww]ij|[Ww]e|[Hh]et kabinet)(?: [^\s.;]+){0,3}? (?:zal|zullen))\b/
// `In deze brief ga ik in op …`: the letter describing itself, not a promise of a later one.
const THIS_LETTER = /\b(?:[Ii]n|[Mm]et) (?:deze|onderhavige|voorliggende) (?:brief|nota|Kamerbrief)\b/
// The words of a motie quoted in a letter.
const MOTIE_TEXT =
  /\b(?:verzoekt de regering|(?:wordt|werd) de regering(?: [a-z]+)? verzocht|verzoekt het kabinet|roept de regering|constaterende dat|overwegende dat|spreekt uit dat|gehoord de beraadslaging)\b/
// `Ik kan daarom niet aan het verzoek voldoen …`, `… niet haalbaar zal zijn`; not `niet later dan`.
const NEGATION = /\b(?:niet|geen|nooit)\b(?! (?:later|eerder) dan| al te lange| te lang)/
const HYPOTHETICAL = /\b(?:[Ii]ndien|[Mm]ocht|[Mm]ochten|zou|zouden|[Ee]ventueel|[Ee]ventuele)\b/
// The Kamer as the actor of the future act: `de Kamer zal … debatteren`, `uw Kamer zal besluiten`.
const KAMER_ACTS = /\b(?:[Uu]w Kamer|[Dd]e Kamer) (?:zal|zullen)(?: [^\s.;]+){0,6}? (?:debatteren|besluiten|stemmen|spreken|behandelen|bespreken)\b/
// Someone outside the government acts: `De Europese Commissie zal …`, `Het RIVM zal …`.
const OTHER_ACTOR =
  /^(?:[Dd]e|[Hh]et)(?: [A-ZÀ-Þ][A-Za-zÀ-ÿ-]*| [a-zß-ÿ]+){0,3}? (?:Commissie|Raad|Autoriteit|Inspectie|Rekenkamer|Hof|Bank|Planbureau|RIVM|CBS|PBL|CPB|NZa|ACM|AFM|DNB|Raad van State|lidstaten|gemeenten|provincies|sector|partijen)(?: [^\s.;]+){0,8}? (?:zal|zullen)\b/

// `zoals aangekondigd in mijn brief …`, `Zoals in de brief aan uw Kamer van 8 januari reeds beschreven`, `zoals toegezegd`.
const ASIDE =
  /\b[Zz]oals\b[^;]{0,160}?\b(?:aangekondigd|toegelicht|gemeld|beschreven|toegezegd|aangegeven|besproken|vermeld|genoemd|uiteengezet|afgesproken|gevraagd|verzocht|bekend|geschetst|opgenomen)\b/g

// ---------------------------------------------------------------------------------------------
// Speech. A minister promises aloud in the first person and the present (`Ik kom daar schriftelijk op
// terug`, `Ik stuur de Kamer voor de zomer een brief`), names the promise (`Ik zeg toe dat …`, `Dat zeg
// ik toe`, `Dit is een toezegging`, `Ik wil de heer Wörsdörfer toezeggen …`) and addresses members by
// name. What is put off within the debate itself (`daar kom ik straks op terug`, `in de tweede
// termijn`) is no promise: the register counts only acts after the debate.
// ---------------------------------------------------------------------------------------------
/** A promise named as one: `Ik zeg toe`, `Dat zeg ik toe`, `toezeggen dat`, `Dit is een toezegging`, `dat beloof ik`. */
export const SPOKEN_PLEDGE =
  /\b(?:de toezegging is|zeg(?:t|gen)?\b[^.;?]{0,80}?\btoe\b|toezeggen|toe te zeggen|(?:dat|dit|het|die) is (?:bij dezen )?een toezegging|toezegging (?:doe|geef|doen|geven)|die toezegging|bij dezen toegezegd|beloof|beloven)/
const SPOKEN_IN_WRITING = /\b(?:schriftelijk|per brief|een brief)\b/
// A member addressed by name: `de heer Wörsdörfer`, `mevrouw Maij`, `collega Graus`.
const MEMBER = /\b(?:de heer|mevrouw|meneer|collega) (?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|'t) )*[A-ZÀ-Þ]/
// Put off within the debate: `straks`, `zo meteen`, `in de tweede termijn`, `in mijn beantwoording`, `in het blokje`.
const WITHIN_DEBATE =
  /\b(?:(?:de|mijn|een) (?:tweede|volgende) termijn|straks|zo meteen|zo dadelijk|zodadelijk|zo direct|zometeen|aanstonds|later in (?:dit|het) debat|in (?:het vervolg van )?mijn (?:betoog|beantwoording|bijdrage)|na de schorsing|blokje|dadelijk|zo nog)\b/
// `Ik kom terug op het amendement op stuk nr. 8`, `Ik kom nog één keer terug op die 30%`: turning back to a
// point of the debate, not a promise (that one says `Ik kom daar(op) … terug`, `ik kom erop terug`).
// Likewise `Daarna ga ik graag in op de moties en de amendementen`: the order of the speech.
const DISCOURSE =
  /\b[Aa]lvorens\b|\b(?:wil|ga) ik (?:eerst |kort |even )+(?:toelichten|ingaan|schetsen|zeggen)\b|\bkom(?:en)? (?:nu |dan )?(?:op|bij|toe aan) (?:de|het) (?:motie|amendement|vraag|vragen|punt)|\bkom(?:en)?(?: [a-zé]+){0,3} terug op (?:de|het|een|die|dat|deze|dit|mijn|uw|zijn|haar|hetgeen|wat)\b|\b(?:(?:ga|gaan) (?:ik|we|wij)|(?:[Ii]k|[Ww]e|[Ww]ij) (?:ga|gaan))\b[^.;]{0,60}\b(?:moties|amendementen|vragen|punten)\b[^.;]{0,40}\blangs\b|\b(?:[Nn]u|[Dd]an|[Ee]erst) (?:wil|ga|kom) (?:ik|we|wij)\b[^.;]{0,30}\b(?:ingaan|in op|toe aan|naar)\b|\bmeenemen in (?:de|mijn|onze) (?:redenen|overwegingen|afwegingen|beantwoording|gedachtegang)|\b(?:[Ii]k|[Ww]e|[Ww]ij) (?:zal|zullen) (?:u|jullie) (?:kort |even )?meenemen in\b|\b(?:ga|gaan) (?:ik|we|wij)(?: [a-z]+){0,2} in op (?:de|het|een|die|dat|deze|dit|mijn|uw|zijn|haar)\b/
const HEDGE = /\b(?:misschien|wellicht|mogelijk|hoop|hopelijk)\b/
// Dealing with something in a coming paper said in the present (`Ook deze informatie neem ik mee in de brief over …`): a verb, not a noun
// (`een aspect waar we standaard naar kijken bij de evaluatie van beleid` names no act).
const IN_PAPER_VERB = /\b(?:neem|nemen|ga|gaan|betrek|betrekken|behandel|behandelen)\b[^.;]{0,60}?\b(?:mee|in op|bij|in)\b/
// Coming back to a point after the debate: `Ik kom daar natuurlijk nog op terug.`, `en kom daarop terug`, `ik kom erop terug`.
// The Kamer is the one spoken to, so no receiver is named. (`Ik kom daar zo meteen op terug` is put off within the debate.)
const COME_BACK = /\bkom(?:en)?\b(?: [a-z]+){0,3}? (?:daar|hier|er)(?:op)?\b(?: [a-z]+){0,4}? terug\b|\bkom(?:en)? (?:erop|daarop|hierop) terug\b/
// A bare pledge of what was just asked: `dus dat kan ik hem wel toezeggen`, `Dat wil ik wel toezeggen`, `Dus de toezegging is dat …`.
const BARE_PLEDGE = /\b(?:(?:dat|dit|het) (?:kan|wil|zal) ik (?:\S+ ){0,3}?(?:wel )?toezeggen|de toezegging is dat)\b/i
// Raising something with a party, which a member of government promises aloud: `Ik zal dat onder de
// aandacht brengen van de Raad voor de rechtspraak`, `Ik zal het ter sprake brengen bij Fier`, `aankaarten bij het NCSC`,
// `in gesprek gaan met de provincies`, `Ik zal in overleg gaan met de gemeenten`, `Ik zal de ILT vragen om toe te zien op …`.
// Only with a modality (`zal`, `wil`, `ga`) is it a promise; told in the present it is what is being done; what a motie
// asks (`waarin de regering wordt verzocht om in overleg te gaan`) is the motie's, not the minister's. Looking into
// something (`we gaan onderzoeken waar de groei zit`, `kijken of`) is no promise to the Kamer: tried, 8 wrong for 4 found.
const RAISE =
  /\b(?:(?<!(?:verzocht|verzoekt|verzoeken|vraagt|gevraagd) om )in overleg (?:gaan|te gaan|ga|treden|te treden|treed)|vragen om (?:\S+ ){0,4}?toe te zien|(?:neem|nemen|meenemen)\b[^.;]{0,40}?\b(?:mee )?in (?:ons|het|de|mijn|onze) (?:onderzoek|gesprek|gesprekken|overleg|overleggen|evaluatie|wetsvoorstel)|(?:signaal|vraag|zorgen?|punt) (?:\S+ ){0,3}?(?:overbrengen|over te brengen|doorgeven|door te geven)|onder de aandacht (?:brengen|te brengen|breng)|ter sprake (?:brengen|te brengen|breng)|aan(?: te)? ?kaarten|kaart\b[^.;]{0,40}?\baan|in gesprek (?:gaan|te gaan|ga)|het gesprek (?:aangaan|aan te gaan|aan)|navragen|na te vragen|uitzoeken|uit te zoeken|zoek\b[^.;]{0,40}?\buit|in kaart (?:brengen|te brengen|breng)|de suggestie doen|een appel doen)\b/
// A member's question told by the minister: `Hij vraagt of ik kan toezeggen dat …`, `De vraag is of …`, `Mevrouw X vraagt mij …`.
const QUOTED_QUESTION =
  /\b(?:(?:[Hh]ij|[Zz]ij|[Zz]e|[Mm]evrouw \S+|[Dd]e heer \S+|[Hh]et lid \S+|[Dd]e [A-Za-z-]+fractie|[Dd]e leden) (?:vraagt|vroeg|vragen|vroegen|heeft gevraagd|wil weten) (?:of|om|mij|ons|naar|wanneer|hoe|waarom|wat)|[Dd]e vraag (?:is|was) of|vraagt (?:mij|ons|de minister|de staatssecretaris) (?:of|om))\b/
// What others will do, as the speaker knows it: `Ik weet dat de Kamer … nader wordt geïnformeerd`, `Wij begrijpen dat het Schadefonds … komt`.
const OTHERS_ACT = /\b(?:[Ii]k|[Ww]ij|[Ww]e) (?:weet|weten|begrijp|begrijpen|hoor|horen|heb begrepen|hebben begrepen|heb meegekregen) (?:\S+ ){0,2}?dat\b/
// An assurance, not a promise of an act: `ik kan wel toezeggen dat de normale regels van toepassing zijn`.
const ASSURANCE = /\btoezeggen dat (?![^.;]*\b(?:ik|we|wij)\b)[^.;]*\b(?:van toepassing|geldt|gelden|is|zijn|blijft|blijven|kan|kunnen)\b/
// `Ik kan niet toezeggen dat …`, `Die toezegging kan ik niet doen`: a promise refused.
const REFUSED =
  /\b(?:niet|geen)\b(?: [a-z]+){0,2} (?:toezeggen|toezegging|beloven)\b|\btoezeggen\b(?: [a-z]+){0,2} (?:niet|geen)\b|\bom (?:nu )?toe te zeggen\b/
// The speaker's own present act, which in speech is the promise: `Ik kom … terug`, `ik stuur de Kamer`.
const SPOKEN_OWN = /\b(?:[Ii]k|[Ww]ij|[Ww]e)\b/

// A word of the government or of the Kamer. A promise names who promises or to whom; a sentence with
// neither is not read at all (a cheap test; `Beantwoording zal spoedig plaatsvinden` is missed for it).
const PARTY =
  /\b(?:[Ii]k|[Ww]ij|[Ww]e|[Uu]|[Uu]w|[Kk]amer|Kamerleden|[Kk]amercommissie|kabinet|regering|[Mm]inisterie|[Oo]nze?|[Mm]ijn|commissie|[Mm]oties?|leden|lid)\b/

/** The named features of a sentence read as a possible promise (see {@link confidenceOf} for their sum). */
export function promiseFeatures(masked: string, due: { dueText: string | null; condition: string | null; ahead: boolean }, spoken = false): PromiseFeature[] {
  const f: PromiseFeature[] = [{ name: 'bias', weight: W.bias }]
  const add = (name: string, weight: number, re: RegExp | null = null) => {
    const m = re ? re.exec(masked) : null
    if (re && !m) return false
    f.push(m ? { name, weight, text: trimCue(m[0]) } : { name, weight })
    return true
  }
  const actor = add('actor.government', W.actor, ACTOR)
  let receiver = add('receiver.kamer', W.receiver, RECEIVER)
  add('receiver.subject', W.receiverSubject, RECEIVER_SUBJECT)
  if (spoken && !receiver) receiver = add('receiver.member', W.receiverMember, MEMBER)
  const inform = add('act.inform', W.actInform, ACT_INFORM)
  if (!inform) add('act.address', W.actAddress, ACT_ADDRESS)
  // Said aloud, dealing with something in a paper still to come promises that paper: `Ik zal in de volgende
  // voortgangsrapportage ingaan op de wachtlijsten`.
  if (add('paper.coming', W.comingPaper, COMING_PAPER) && spoken && !inform && f.some((x) => x.name === 'act.address'))
    f.push({ name: 'act.in-coming-paper', weight: W.actInComingPaper })
  // Modality: the strongest one counts (`wil ik … en zal …` is one commitment, not two).
  const futureM = FUTURE.exec(masked) ?? GO_FUTURE.exec(masked)
  const intentionM = INTENTION.exec(masked)
  const future = futureM !== null
  const intention = intentionM !== null
  const time = due.dueText !== null && due.ahead
  if (spoken) {
    add('spoken.pledge', W.spokenPledge, SPOKEN_PLEDGE)
    add('spoken.in-writing', W.spokenInWriting, SPOKEN_IN_WRITING)
    add('spoken.within-debate', W.withinDebate, WITHIN_DEBATE)
    add('spoken.discourse', W.discourse, DISCOURSE)
    add('spoken.hedge', W.hedge, HEDGE)
    add('spoken.refused', W.refused, REFUSED)
    add('spoken.come-back', W.spokenComeBack, COME_BACK)
    add('spoken.bare-pledge', W.spokenBarePledge, BARE_PLEDGE)
    if (!inform) add('act.raise', W.spokenRaise, RAISE)
    add('spoken.quoted-question', W.quotedQuestion, QUOTED_QUESTION)
    add('spoken.assurance', W.assurance, ASSURANCE)
    add('spoken.others-act', W.othersAct, OTHERS_ACT)
  }
  if (futureM) f.push({ name: 'modality.future', weight: W.future, text: trimCue(futureM[0]) })
  else if (intentionM) f.push({ name: 'modality.intention', weight: W.intention, text: trimCue(intentionM[0]) })
  // In speech the present is the promise: `Ik kom daar schriftelijk op terug`.
  else if (spoken && (inform || f.some((x) => x.name === 'act.in-coming-paper' && IN_PAPER_VERB.test(masked))) && SPOKEN_OWN.test(masked))
    f.push({ name: 'tense.spoken-present', weight: W.spokenPresent })
  else if (time && (actor || receiver)) {
    if (!add('modality.ability-with-time', W.abilityWithTime, ABILITY)) add('tense.present-with-time', W.presentWithTime)
  } else add('standing', W.standing, STANDING)
  if (due.dueText) f.push({ name: 'deadline', weight: W.deadline, text: due.dueText })
  if (due.condition) f.push({ name: 'condition', weight: W.condition, text: due.condition })
  add('nader', W.nader, NADER)
  // Negative cues.
  // `… en daarin kan meenemen wat mevrouw Westerveld vroeg`: what a member asked, in a clause of its own, tells no past act.
  const pastAt = PAST_REPORT.exec(masked)
  const past = pastAt && /\b(?:wat|zoals)\b(?:\s+\S+){0,3}\s*$/.test(masked.slice(Math.max(0, pastAt.index - 60), pastAt.index)) ? null : pastAt
  // `heb ik toegezegd … te zullen sturen` is still told in the past; `Zoals ik heb gemeld, zal ik …` is not.
  if (past && !OWN_FUTURE.test(masked.slice(past.index + past[0].length))) f.push({ name: 'tense.past-report', weight: W.pastReport, text: trimCue(past[0]) })
  if (!future) {
    add('delivered-now', W.deliveredNow, DELIVERED_NOW)
    if (!intention) add('paper.this-letter', W.thisLetter, THIS_LETTER)
    if (!time && !spoken) add('act.now', W.actsNow, ACTS_NOW)
  }
  add('motie-text', W.motieText, MOTIE_TEXT)
  if (/\?\s*$/.test(masked)) f.push({ name: 'question', weight: W.question })
  add('hypothetical', W.hypothetical, HYPOTHETICAL)
  add('negation', W.negation, NEGATION)
  add('actor.kamer', W.kamerActs, KAMER_ACTS)
  if (!actor) add('actor.other', W.otherActor, OTHER_ACTOR)
  // The fitted weights (scripts/fit-promises.mjs), where the annotated sentences have set one.
  for (const x of f) x.weight = PROMISE_WEIGHTS[x.name] ?? x.weight
  return f
}

/** A cue's words, with the full stops that masking hid put back. */
const trimCue = (s: string) => s.replace(/\u00B7/g, '.')

/** The logistic function of the features' sum: the confidence that the sentence is a promise. */
export function confidenceOf(features: PromiseFeature[]): number {
  const score = features.reduce((s, x) => s + x.weight, 0)
  return 1 / (1 + Math.exp(-score))
}

// Full stops inside a sentence that end no clause: `t.z.t.`, `d.d.`, `jl.`, `nr.`.
const ABBREVIATION =
  /\b(?:t\.z\.t\.|z\.s\.m\.|d\.d\.|o\.a\.|i\.v\.m\.|m\.b\.t\.|n\.a\.v\.|c\.s\.|a\.s\.|jl\.|j\.l\.|nr\.|nrs\.|bijv\.|dhr\.|mevr\.|(?:\p{Lu}\.){1,4})/gu

/** Hides those full stops (same length) so clause patterns can look past them. */
export function maskAbbreviations(sentence: string): string {
  return sentence.replace(ABBREVIATION, (m) => m.replace(/\./g, '\u00B7'))
}

// ---------------------------------------------------------------------------------------------
// Deadlines.
// ---------------------------------------------------------------------------------------------

// An event a deadline names, as a noun phrase: a determiner, one to three words that are no verb
// (`de Toetsingsconferentie | rapporteren`) and no word that takes the promise up again
// (`dat reces | bij uw Kamer`, `het zomerreces | een reactie`), then `van`/`over`/`op` parts of
// names and dates (`het Wetgevingsoverleg over de Jaarverslagen van Infrastructuur en Waterstaat op 20 juni`).
const STOP =
  'bij|aan|naar|met|te|om|door|toe|tegemoet|zal|zullen|wil|kan|kunt|kom|komt|ga|gaat|stuur|stuurt|informeer|informeert|geef|geeft|krijgt|ontvangt|laat|ik|wij|we|u|uw|graag|ook|nog|nader|dan|dus|tevens|eveneens|hierover|daarover|hiervan|over|een|mijn|onze|op|in|voor|vóór|van|en|of|is|wordt|worden|zijn|als|die|dat|waarin|waarna|nadat|zodra'
const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|maandag|dinsdag|woensdag|donderdag|vrijdag'
const EV_WORD = String.raw`(?!(?:${STOP})(?![\p{L}\d-]))[\p{L}\d][\p{L}\d'’-]*`
const EVENT = String.raw`(?:(?:de|het|dat|die|deze|een)\s+)?${EV_WORD}(?:\s+(?![\p{Ll}]+en(?![\p{L}]))${EV_WORD}){0,2}(?:\s+(?:van|over|inzake|op|in)\s+(?:(?:de|het)\s+)?(?:[\p{Lu}\d][\p{L}\d'’-]*|${MONTHS})(?:\s+(?:[\p{Lu}\d][\p{L}\d'’-]*|en|van|der|den|de|het|op|${MONTHS})(?![\p{L}]))*)*`
// Meetings and moments of the parliamentary year a promise is timed by.
const EVENT_KIND = String.raw`[\p{L}-]*(?:debat|overleg|VAO|VSO|AO|WGO|notaoverleg|wetgevingsoverleg|behandeling|reces|ministerraad|Raad|top|Top|conferentie|verkiezingen|stemmingen|rondetafelgesprek|hoorzitting|Voorjaarsnota|Najaarsnota|Miljoenennota|zomer|jaarwisseling|Prinsjesdag|Ecofin|Eurogroep)`
const END = String.raw`(?![\p{L}\d])`
/** Deadlines as written, without a date of their own, most specific first. */
const DUE_PATTERNS: Array<{ name: string; re: RegExp }> = [
  // `in ieder geval ruimschoots voorafgaand aan het Wetgevingsoverleg … op 20 juni`, `voorafgaand aan het VAO Visserij`,
  // `voor het commissiedebat van 12 mei`, `voor de begrotingsbehandeling`
  {
    name: 'before-event',
    re: new RegExp(
      // (Written with their capitals: the sentence may open with them, `In aanloop naar de Ecofin kom ik …`.)
      String.raw`(?:(?:[Ii]n ieder geval|[Ii]n elk geval|[Uu]iterlijk|[Rr]uim|[Rr]uimschoots|[Tt]ijdig)\s+)*(?:[Vv]oorafgaande? aan\s+(?=(?:(?:de|het)\s+)?(?:[\p{Lu}]|${EVENT_KIND}))|(?:[Rr]uim voor|[Ii]n aanloop naar|[Vv]oor|[Vv]óór)\s+(?=(?:de|het)\s+${EVENT_KIND}${END}))${EVENT}`,
      'u',
    ),
  },
  // `na afloop van de Toetsingsconferentie`, `na het kerstreces`, `zo kort mogelijk na dat reces`, `voor aanvang van de toetsingsconferentie`
  {
    name: 'event',
    re: new RegExp(
      String.raw`(?:zo (?:kort|snel|spoedig) mogelijk\s+)?(?:voor|vóór|na|bij|tijdens|rond)\s+(?:aanvang|afloop|afronding|het einde|de start|het begin|begin|einde)\s+van\s+${EVENT}|(?:zo (?:kort|snel|spoedig) mogelijk\s+)?(?:voor|vóór|na|rond|tijdens)\s+(?=(?:het|de|dat)\s+(?:[\p{L}-]*reces|begrotingsbehandeling|Voorjaarsnota|Najaarsnota|verkiezingen|[\p{L}]+debat|[\p{L}]+overleg|behandeling)${END})${EVENT}|(?:voor|vóór|na)\s+Prinsjesdag${END}`,
      'iu',
    ),
  },
  // `in het voorjaar van het daaropvolgende jaar`, `na de zomer`, `rond de zomer`, `later dit jaar`
  {
    name: 'season',
    re: /(?:(?:in|voor|vóór|na|rond|uiterlijk in)\s+)?(?:het|de)\s+(?:voorjaar|najaar|zomer|winter)\s+van\s+het\s+(?:daaropvolgende|volgende|komende)\s+jaar|(?:(?:in|voor|vóór|uiterlijk in)\s+)?het\s+(?:eerste|tweede|derde|vierde)\s+kwartaal\s+van\s+(?:het\s+)?(?:aankomende|komende|volgende|volgend|daaropvolgende)\s+jaar|(?:na|rond|voor|vóór)\s+de\s+zomer(?:\s+van\s+\d{4})?|later dit jaar|(?:in\s+)?de loop van (?:dit|het|volgend|komend) jaar/iu,
  },
  // `volgende week`, `binnen enkele weken`, `binnen twee maanden`, `in de komende weken`
  {
    name: 'relative',
    re: /(?<![\p{L}])(?:(?:in\s+)?(?:de\s+)?(?:volgende|komende|aanstaande)\s+(?:week|weken|maand|maanden)|binnen\s+(?:enkele|een aantal|afzienbare|twee|drie|vier|zes|acht|een|één|\d+)\s+(?:dagen|weken|week|maanden|maand|tijd)|deze\s+week|deze\s+maand|op\s+(?:zeer\s+)?korte\s+termijn|binnenkort|spoedig|eerdaags|zo\s+spoedig\s+mogelijk|zo\s+snel\s+mogelijk|zo\s+kort\s+mogelijk|z·s·m·|t·z·t·|te\s+zijner\s+tijd|direct|onverwijld|onmiddellijk|voor\s+het\s+einde\s+van\s+(?:dit|het)\s+jaar|voor\s+het\s+eind\s+van\s+(?:dit|het)\s+jaar|voor\s+het\s+einde\s+van\s+het\s+(?:eerste|tweede|derde|vierde)\s+kwartaal)(?![\p{L}])/iu,
  },
]
for (const p of DUE_PATTERNS) p.re = initialCaseInsensitive(p.re)
const VAGUE =
  /^(?:binnenkort|spoedig|eerdaags|zo\s+(?:spoedig|snel|kort)\s+mogelijk|z·s·m·|t·z·t·|te\s+zijner\s+tijd|direct|onverwijld|onmiddellijk|op\s+(?:zeer\s+)?korte\s+termijn)$/iu
// A condition in place of a date: `zodra die afstemming gereed is`, `nadat het kabinet heeft besloten`.
const CONDITION = /(?:^|[^\p{L}])((?:zodra|nadat|zo gauw|na ontvangst van|na afronding van)\s+[^,.;:()]{3,120}?)(?=\s*[,.;:()]|$)/u
// The words before a date that belong to the deadline: `uiterlijk in`, `in ieder geval voor`, `begin`.
const PREPOSITION =
  /((?:(?:in ieder geval|in elk geval|uiterlijk|ruim|ruimschoots)\s+)*(?:in|op|voor|vóór|na|rond|uiterlijk|vanaf|medio|begin|eind|tijdens|per|voorafgaand aan)(?:\s+(?:de|het))?)\s+$/i

/** The deadline in a commitment sentence: as written, and resolved where the text allows. */
export function findDue(
  sentence: string,
  ref: string | null,
  dates: FoundDate[] = findDates(sentence, ref),
): { dueText: string | null; due: DuePeriod | null; condition: string | null } {
  const masked = maskAbbreviations(sentence)
  const condition = CONDITION.exec(masked)?.[1]?.replace(/\u00B7/g, '.') ?? null
  const phrases: Array<{ text: string; index: number; name: string }> = []
  for (const p of DUE_PATTERNS) {
    const m = p.re.exec(masked)
    if (m) phrases.push({ text: m[0].trim().replace(/\u00B7/g, '.'), index: m.index, name: p.name })
  }
  // A date in the sentence, with the preposition before it: `in augustus`, `uiterlijk 21 juni`,
  // `uiterlijk in maart 2016`. Past dates (`op 14 maart jl.`) are when something happened, not deadlines.
  const date = dates.find((d) => d.precision !== 'years' && !(ref && d.end < ref))
  // An event with its date is the more specific (`voorafgaand aan het Wetgevingsoverleg … op 20 juni`).
  const event = phrases.find((p) => p.name === 'before-event' || p.name === 'event')
  if (event && (!date || (date.index >= event.index && date.index < event.index + event.text.length + 2))) {
    // `Ik kom daar voor het debat van 2 juli op terug`: the `op` of `terugkomen op` is no part of the event.
    const text = event.text.replace(/(?:\s+(?:op|en|in|van|de|het|der|den))+$/i, '')
    return { dueText: text, due: eventDue(text, date ?? null, ref), condition }
  }
  // A season of the next year holds its season as a date (`in het voorjaar van het daaropvolgende jaar`).
  const season = phrases.find((p) => p.name === 'season')
  if (date && season && date.index >= season.index && date.index < season.index + season.text.length) {
    return { dueText: season.text, due: ref ? (relativeDue(season.text, ref) ?? { start: date.start, end: date.end }) : null, condition }
  }
  if (date) {
    const lead = PREPOSITION.exec(sentence.slice(0, date.index))?.[1] ?? ''
    const dueText = `${lead ? `${lead} ` : ''}${date.text}`
    // `voor het einde van dit jaar` is by its end (31 December), not before the part of the year it names.
    if (/^(?:.*\s)?(voor|vóór)$/i.test(lead) && ref)
      return { dueText, due: { start: ref, end: /^(?:het\s+)?eind/i.test(date.text) ? date.end : addDays(date.start, -1) }, condition }
    if (/\buiterlijk\b/i.test(lead) && ref) return { dueText, due: { start: ref, end: date.end }, condition }
    return { dueText, due: { start: date.start, end: date.end }, condition }
  }
  // A season of the next year, a relative period, a vague word: the most specific first.
  const relative = phrases.find((p) => p.name === 'relative' && !VAGUE.test(p.text.replace(/\./g, '·')))
  const vague = phrases.find((p) => p.name === 'relative')
  const pick = season ?? relative ?? vague
  if (pick) return { dueText: pick.text, due: ref ? relativeDue(pick.text, ref) : null, condition }
  if (condition) return { dueText: condition, due: null, condition }
  return { dueText: null, due: null, condition }
}

/** A deadline tied to an event, where the event's date is known from the table of recesses or the sentence. */
function eventDue(text: string, date: FoundDate | null, ref: string | null): DuePeriod | null {
  const before = /^(?:.*\s)?(?:voor|vóór|voorafgaand(?:e)? aan|in aanloop naar)\s/i.test(text) || /^(?:in ieder|in elk|uiterlijk|ruim)/i.test(text)
  const after = /^(?:zo \S+ mogelijk\s+)?na\b/i.test(text)
  // A recess is read from the table of the Kamer's recesses, not from the fixed span the date finder gives it.
  const recess = /(zomerreces|kerstreces|voorjaarsreces|krokusreces|meireces|herfstreces|paasreces)/i.exec(text)
  // `voor het einde van dit jaar`: by the end of the period the date names (31 December), not before it starts.
  const byEnd = /\b(?:voor|vóór) (?:het )?einde? van\b/i.test(text)
  if (date && ref && !recess) return before ? { start: ref, end: byEnd ? date.end : addDays(date.start, -1) } : { start: date.start, end: date.end }
  if (recess && ref) {
    const name = (recess[1] as string).toLowerCase()
    const span = recessFor(name, ref, before ? 'next-start' : 'next-end')
    if (span) {
      if (after) return { start: span.end, end: addDays(span.end, 30) }
      if (before) return { start: ref, end: addDays(span.start, -1) }
      return { start: span.start, end: span.end }
    }
    const fixed = RECESSES[name]
    if (fixed) {
      const y = ref.slice(0, 4)
      if (after) return { start: `${y}-${fixed[1]}`, end: `${y}-${fixed[1]}` }
      if (before) return { start: ref, end: `${y}-${fixed[0]}` }
    }
  }
  if (/Prinsjesdag/i.test(text) && ref) {
    const p = prinsjesdag(Number(ref.slice(0, 4)) + (ref.slice(5) > '09-21' ? 1 : 0))
    return before ? { start: ref, end: addDays(p, -1) } : { start: p, end: addDays(p, 30) }
  }
  if (/begrotingsbehandeling/i.test(text) && ref) {
    // The budget debates of the Tweede Kamer run from October to mid-November after Prinsjesdag.
    const y = Number(ref.slice(0, 4)) + (ref.slice(5) > '11-15' ? 1 : 0)
    return before ? { start: ref, end: `${y}-09-30` } : { start: `${y}-10-01`, end: `${y}-11-30` }
  }
  return null
}

/** Prinsjesdag: the third Tuesday of September. */
export function prinsjesdag(year: number): string {
  const first = new Date(Date.UTC(year, 8, 1)).getUTCDay()
  const firstTuesday = 1 + ((2 - first + 7) % 7)
  return `${year}-09-${String(firstTuesday + 14).padStart(2, '0')}`
}

/** `volgende week`, `binnen enkele weken`, `later dit jaar` … as a period after the paper's date. */
function relativeDue(text: string, ref: string): DuePeriod | null {
  const t = text.toLowerCase()
  const year = Number(ref.slice(0, 4))
  const season = /(voorjaar|najaar|zomer|winter)\s+van\s+het\s+(?:daaropvolgende|volgende|komende)\s+jaar/.exec(t)
  if (season) {
    const [a, b] = ({ voorjaar: ['03-01', '05-31'], zomer: ['06-01', '08-31'], najaar: ['09-01', '11-30'], winter: ['12-01', '02-28'] } as const)[
      season[1] as 'voorjaar'
    ]
    return { start: `${year + 1}-${a}`, end: `${season[1] === 'winter' ? year + 2 : year + 1}-${b}` }
  }
  // `in het eerste kwartaal van het aankomende jaar`: that quarter of the next year.
  const quarter = /(eerste|tweede|derde|vierde)\s+kwartaal\s+van\s+(?:het\s+)?(?:aankomende|komende|volgende|volgend|daaropvolgende)\s+jaar/.exec(t)
  if (quarter) {
    const q = ['eerste', 'tweede', 'derde', 'vierde'].indexOf(quarter[1] as string)
    const ends = ['03-31', '06-30', '09-30', '12-31']
    return { start: `${year + 1}-${String(q * 3 + 1).padStart(2, '0')}-01`, end: `${year + 1}-${ends[q]}` }
  }
  if (/^na de zomer/.test(t)) return { start: `${year}-09-01`, end: `${year}-10-31` }
  if (/^(?:voor|vóór) de zomer/.test(t)) return { start: ref, end: `${year}-06-30` }
  if (/^rond de zomer/.test(t)) return { start: `${year}-06-01`, end: `${year}-08-31` }
  if (/later dit jaar|einde? van (?:dit|het) jaar|loop van dit jaar/.test(t)) return { start: ref, end: `${year}-12-31` }
  if (/volgende week|komende week|aanstaande week/.test(t)) {
    const monday = addDays(ref, 7 - ((new Date(`${ref}T00:00:00Z`).getUTCDay() + 6) % 7))
    return { start: monday, end: addDays(monday, 6) }
  }
  if (/deze week/.test(t)) return { start: ref, end: addDays(ref, 6 - ((new Date(`${ref}T00:00:00Z`).getUTCDay() + 6) % 7)) }
  const within = /binnen\s+(enkele|een aantal|twee|drie|vier|zes|acht|een|één|\d+)\s+(dagen|weken|week|maanden|maand)/.exec(t)
  if (within) {
    const n =
      ({ enkele: 4, 'een aantal': 4, twee: 2, drie: 3, vier: 4, zes: 6, acht: 8, een: 1, één: 1 } as Record<string, number>)[within[1] as string] ??
      Number(within[1])
    const days = /^(?:dagen)$/.test(within[2] as string) ? n : /week|weken/.test(within[2] as string) ? n * 7 : n * 30
    return { start: ref, end: addDays(ref, days) }
  }
  if (/(?:volgende|komende) (?:maand|maanden)|in de komende weken/.test(t)) return { start: ref, end: addDays(ref, 60) }
  return null
}

function addDays(isoDate: string, n: number): string {
  return new Date(Date.parse(isoDate) + n * 864e5).toISOString().slice(0, 10)
}

// ---------------------------------------------------------------------------------------------
// The promise's parts.
// ---------------------------------------------------------------------------------------------

const LEMMA: Array<[RegExp, string]> = [
  [/^berichten/, 'berichten'],
  [/^(?:informe|geïnform|inlicht|ingelicht|op de hoogte|in kennis|mededelen|melden|laten weten|laat)/, 'informeren'],
  [/^(?:rapport|gerapport|verslag)/, 'rapporteren'],
  [/^(?:terug|kom(?:en)?\b.*terug)/, 'terugkomen op'],
  [
    /^(?:toesturen|sturen|stuur|gestuurd|toegestuurd|zend|toezend|toegezonden|verzend|verzonden|verstu|doen toekomen|laten toekomen|toekomen|tegemoet|ontvang)/,
    'toesturen',
  ],
  [/^(?:aanbied|aangeboden|bied)/, 'aanbieden'],
  [/^(?:delen|gedeeld)/, 'delen'],
  [/^(?:voorleg|voorgelegd|leg)/, 'voorleggen'],
  [/^(?:beantwoord)/, 'beantwoorden'],
  [/^(?:toelicht|toegelicht|uiteenzet|verstrek)/, 'toelichten'],
  [/^(?:indien|ingediend|in te (?:kunnen )?dienen|dien)/, 'indienen'],
  [/^briefing/, 'briefing'],
  [/^(?:kom(?:en)? met|met een)/, 'komen met'],
  [/^(?:ingaan|in te gaan|gaa?n?\b.*in op)/, 'ingaan op'],
  [/^(?:betrek|betrokken)/, 'betrekken bij'],
  [/^(?:aandacht)/, 'aandacht besteden aan'],
  [/^(?:behandel|meeneem|meegenomen)/, 'behandelen'],
  [/^(?:reageren|reactie|mijn reactie|een reactie|kabinetsreactie|beleidsreactie|appreciatie)/, 'reageren'],
]

/** The promised act as a verb: `informeren`, `toesturen`, `ingaan op`. */
function actionOf(features: PromiseFeature[]): string {
  const act = features.find((x) => x.name === 'act.inform' || x.name === 'act.address')?.text?.toLowerCase() ?? ''
  for (const [re, lemma] of LEMMA) if (re.test(act)) return lemma
  return act || 'informeren'
}

/**
 * Decides whether a sentence promises the Kamer a future act, and reads its
 * parts. `sender` is the paper's sender, who `ik` and `wij` stand for.
 * `spoken` reads it as said aloud in a debate (see {@link SPOKEN_PLEDGE}).
 * Returns the reading with its confidence and features even below the
 * threshold when `all` is set (a promise told in the past, which the paper as
 * a whole may find still open); otherwise null there.
 */
export function findCommitment(sentence: string, ref: string | null, sender: string | null, all = false, spoken = false): FoundCommitment | null {
  // No one to promise or no one to promise to, no promise: a cheap test before the deadline and the features.
  // (Speech is read only in the turns of members of government, and `De minister zegt toe …` names no party.)
  if (!spoken && !PARTY.test(sentence)) return null
  const whole = maskAbbreviations(sentence)
  // `Via deze brief laat ik U weten dat ik … zal toesturen`: what this letter tells is read from its `dat` clause.
  const frame = DELIVERED_NOW.exec(whole)
  const dat = frame ? / dat /.exec(whole.slice(frame.index)) : null
  // An aside that points back (`zoals aangekondigd in mijn brief d.d. 8 april`, `Zoals u gemeld`) tells
  // nothing of the promise; it is blanked so its words count for nothing.
  const masked = (frame && dat ? whole.slice(frame.index + dat.index + 1) : whole).replace(ASIDE, (m) => ' '.repeat(m.length))
  const due = findDue(masked.replace(/\u00B7/g, '.'), ref)
  const features = promiseFeatures(masked, { ...due, ahead: isAhead(due, ref) }, spoken)
  const confidence = confidenceOf(features)
  if (confidence < PROMISE_THRESHOLD && !all) return null
  const action = actionOf(features)
  const actTextAt = features.find((x) => x.name === 'act.inform' || x.name === 'act.address')?.text
  return {
    actor: actorOf(sentence, sender),
    action,
    object: objectOf(masked, actTextAt ?? null)?.replace(/\u00B7/g, '.') ?? null,
    dueText: due.dueText,
    due: due.due,
    condition: due.condition,
    confidence: Math.round(confidence * 1000) / 1000,
    features,
    rule: 'commitment.clause',
  }
}

// Deadline words that point after the paper's date whatever period they name: `voor de zomer`, `uiterlijk 1 mei`.
const AHEAD =
  /^(?:voor|vóór|uiterlijk|binnen|na|volgende|komende|in de komende|zo spoedig|zo snel|zo kort|spoedig|binnenkort|t\.z\.t\.|te zijner tijd|zodra|nadat|op korte termijn|in ieder geval|voorafgaand|rond|begin|eind|medio|later)\b/i

/** Whether a deadline lies after the paper's date: `dit voorjaar` in a letter of April is now, not ahead. */
function isAhead(due: { dueText: string | null; due: DuePeriod | null }, ref: string | null): boolean {
  if (due.dueText === null) return false
  if (AHEAD.test(due.dueText) || ref === null) return true
  if (due.due) return due.due.start > ref
  return !/^(?:dit|deze)\b/i.test(due.dueText)
}

/** Who promises: `Ik`/`wij` is the sender; a named ministry or `het kabinet` as written. */
function actorOf(sentence: string, sender: string | null): string | null {
  const named = /\b([Hh]et Ministerie van \p{Lu}\p{L}+(?: (?:en )?\p{Lu}\p{L}+)*|[Hh]et kabinet|[Dd]it kabinet|[Dd]e regering)\b/u.exec(sentence)
  if (/\b(ik|wij|we|mijn|onze?)\b/i.test(sentence) || !named) return sender ?? (named ? (named[1] ?? null) : null)
  return (named[1] as string).replace(/^(het|dit|de)\s/i, (w) => w.toLowerCase())
}

/** What the promise is about: the `over …` phrase after the act, else the words between recipient and act. */
function objectOf(sentence: string, act: string | null): string | null {
  const at = act ? sentence.indexOf(act) : -1
  if (at >= 0) {
    const after = sentence.slice(at + act!.length)
    const over = /^\s*(?:op\s+)?(over|op|aan)\s+([^.;]+?)(?:[.;,]|$)/u.exec(after)
    if (over) return `${over[1]} ${over[2]}`.trim()
  }
  const over = /\b(?:hierover|daarover|over)\s+([^.;,]+?)\s+(?:zal|zullen|informeren|berichten|ik|wij)\b/u.exec(sentence)
  if (over) return `over ${over[1]}`
  const between = /\b(?:u|uw Kamer|de Kamer)\s+(de|het|een|mijn)\s+([^.;]+?)\s+(?:zo spoedig|in |op |voor |na |uiterlijk |zal|zullen|doen|toe)/u.exec(sentence)
  if (between) return `${between[1]} ${between[2]}`
  return null
}
