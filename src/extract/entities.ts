import type { Entity } from '../model/document.js'
import { keepLongest } from './spans.js'

/** An entity or glossary entry found in text, before spans are mapped. */
export interface FoundEntity {
  text: string
  kind: Entity['kind']
  role?: string
  index: number
  length: number
  rule: string
}

/** An abbreviation the paper defines. */
export interface FoundAbbreviation {
  abbreviation: string
  expansion: string
  index: number
  length: number
}

// Countries and the country-like groupings Kamerstukken name most.
const COUNTRIES = new Set(
  'Nederland Rusland Oekraïne Frankrijk Duitsland België Luxemburg China Iran Irak Syrië Israël Turkije Polen Hongarije Italië Spanje Portugal Griekenland Zweden Noorwegen Denemarken Finland Oostenrijk Zwitserland Ierland Japan India Brazilië Canada Mexico Suriname Aruba Curaçao Sint Maarten Afghanistan Mali Libië Egypte Marokko Venezuela Wit-Rusland Belarus Georgië Moldavië Estland Letland Litouwen Tsjechië Slowakije Slovenië Kroatië Servië Roemenië Bulgarije Albanië Kosovo Noord-Korea Zuid-Korea Taiwan Indonesië Australië Zuid-Afrika Nigeria Ethiopië Somalië Soedan Jemen Saudi-Arabië Qatar Libanon Jordanië'.split(
    ' ',
  ),
)
const COUNTRY_PHRASES = [
  'Verenigde Staten',
  'Verenigd Koninkrijk',
  'Caribisch Nederland',
  'Europese Unie',
  'Verenigde Naties',
  'Sint Maarten',
  'Sint Eustatius',
]
// Organisations known by their abbreviation.
const ORG_ACRONYMS = new Set(
  'VN EU NAVO IAEA OESO OVSE WHO IMF IMF WTO ECB EIB NATO UNHCR UNICEF UNESCO IEA PBL CPB SCP SER RIVM KNMI AIVD MIVD OM IND UWV SVB CBS NVWA ACM AFM DNB ProRail NS KLM TNO NWO KNAW VNG IPO ICC ICJ OPCW P5 G7 G20 VS VK'.split(
    ' ',
  ),
)
const COUNTRY_ACRONYMS = new Set(['VS', 'VK'])
// Places that are no country.
const PLACES = new Set(
  'Den Haag Amsterdam Rotterdam Utrecht Brussel Straatsburg Luxemburg Genève New York Washington Wenen Parijs Berlijn Londen Moskou Kyiv Kiev Zwolle Groningen Eindhoven Maastricht Tsjernobyl Zaporizja Oranjestad Willemstad Philipsburg Kralendijk'.split(
    ' ',
  ),
)
const PLACE_PHRASES = ['Den Haag', 'New York', "'s-Gravenhage"]

// Titles and roles before a name: `Ambassadeur Gustavo Zlauvinen`, `President Putin`, `het lid Knops`, `de heer Asscher`.
const PERSON =
  /\b(Ambassadeur|President|Premier|Minister-President|Minister|Staatssecretaris|Commissaris|Eurocommissaris|Secretaris-Generaal|Koning|Koningin|de heer|mevrouw|dhr\.|mevr\.|het lid|Kamerlid|gezant)\s+((?:\p{Lu}\.\s?)*(?:(?:van|de|der|den|ter|ten)\s+)*\p{Lu}[\p{L}'-]+(?:\s+(?:(?:van|de|der|den)\s+)*\p{Lu}[\p{L}'-]+){0,2})/gu
// Named bodies: `Ministerie van Buitenlandse Zaken`, `Europese Commissie`, `Planbureau voor de Leefomgeving`.
const ORG =
  /\b((?:Ministerie|Ministeries)\s+van\s+\p{Lu}[\p{L}]+(?:\s+(?:en\s+)?\p{Lu}[\p{L}]+)*|Europese\s+(?:Commissie|Raad|Centrale Bank|Investeringsbank)|Raad\s+van\s+State|Algemene\s+Rekenkamer|Planbureau\s+voor\s+de\s+Leefomgeving|Centraal\s+Planbureau|Sociaal-Economische\s+Raad|Veiligheidsraad|(?:vaste\s+)?(?:Kamer)?commissie\s+voor\s+\p{Lu}[\p{L}]+(?:\s+(?:en\s+)?\p{Lu}[\p{L}]+)*|Vaste\s+Kamercommissie\s+\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)*)/gu

const PHRASE = new RegExp([...COUNTRY_PHRASES, ...PLACE_PHRASES].join('|'), 'g')
// A word that starts with a capital: `Rusland`, `VN`, `P5`, `Oekraïne`, `Wit-Rusland`.
const CAPITALISED = /[A-ZÀ-ÞĲ][A-Za-z0-9À-ÖØ-öø-ÿĳĲ]*(?:-[A-ZÀ-Þ][A-Za-zÀ-ÖØ-öø-ÿ]+)?/g
/** A letter, digit or hyphen at `i` (so a match there would be inside a word). */
function isWordCharAt(text: string, i: number): boolean {
  if (i < 0) return false
  const c = text.charCodeAt(i)
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || (c > 191 && c !== 8211 && c !== 8212 && c !== 171 && c !== 187)
}

// Words without which ORG cannot match: tested first, as most papers name few bodies.
const ORG_WORDS = /Ministerie|Europese|Raad|Rekenkamer|Planbureau|Economische|ommissie/

/**
 * Finds persons (with the role that introduces them), organisations,
 * countries and places. Signers come from the signature, not from here.
 */
export function findEntities(text: string): FoundEntity[] {
  const out: FoundEntity[] = []
  for (const m of text.matchAll(PERSON)) {
    const role = (m[1] as string).replace(/\.$/, '')
    out.push({
      text: m[2] as string,
      kind: 'person',
      role,
      index: (m.index ?? 0) + m[0].length - (m[2] as string).length,
      length: (m[2] as string).length,
      rule: 'entity.titled-person',
    })
  }
  for (const m of ORG_WORDS.test(text) ? text.matchAll(ORG) : [])
    out.push({ text: m[1] as string, kind: 'organisation', index: m.index ?? 0, length: (m[1] as string).length, rule: 'entity.named-body' })
  PHRASE.lastIndex = 0
  for (let m = PHRASE.exec(text); m; m = PHRASE.exec(text)) {
    const phrase = m[0]
    const kind = PLACE_PHRASES.includes(phrase) ? 'place' : phrase === 'Europese Unie' || phrase === 'Verenigde Naties' ? 'organisation' : 'country'
    out.push({ text: phrase, kind, index: m.index, length: phrase.length, rule: 'entity.gazetteer' })
  }
  // Single capitalised words against the lists: a regex that starts with a capital finds them fast.
  CAPITALISED.lastIndex = 0
  for (let m = CAPITALISED.exec(text); m; m = CAPITALISED.exec(text)) {
    const w = m[0]
    const kind = COUNTRY_ACRONYMS.has(w) || COUNTRIES.has(w) ? 'country' : ORG_ACRONYMS.has(w) ? 'organisation' : PLACES.has(w) ? 'place' : null
    if (kind && !isWordCharAt(text, m.index - 1)) out.push({ text: w, kind, index: m.index, length: w.length, rule: 'entity.gazetteer' })
  }
  return keepLongest(out)
}

/**
 * Abbreviations the paper defines in brackets after the words they stand
 * for: `Non-Proliferatieverdrag (NPV)`, `Planbureau voor de Leefomgeving (PBL)`.
 * The expansion is the shortest run of words before the bracket, starting
 * with a capital, whose letters hold the abbreviation's in order.
 */
export function findAbbreviations(text: string): FoundAbbreviation[] {
  const out: FoundAbbreviation[] = []
  for (const m of text.matchAll(/\((\p{Lu}[\p{Lu}\d&]{1,7}|\p{Lu}[\p{Ll}]?\p{Lu}[\p{Lu}\d]{0,5})\)/gu)) {
    const abbr = m[1] as string
    const from = Math.max(0, (m.index ?? 0) - 160)
    const before = text.slice(from, m.index).replace(/\s+$/, '')
    const words = before.split(/\s+/)
    for (let n = 1; n <= Math.min(words.length, 9); n++) {
      const phrase = words.slice(-n).join(' ')
      if (!/^\p{Lu}/u.test(phrase) || phrase.toLowerCase()[0] !== abbr.toLowerCase()[0]) continue
      if (isSubsequence(abbr.replace(/[\d&]/g, '').toLowerCase(), phrase.toLowerCase())) {
        const index = from + before.lastIndexOf(phrase)
        out.push({ abbreviation: abbr, expansion: phrase.replace(/[,;:]$/, ''), index, length: (m.index ?? 0) + m[0].length - index })
        break
      }
    }
  }
  return out
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0
  for (const ch of hay) if (ch === needle[i]) i++
  return i === needle.length
}
