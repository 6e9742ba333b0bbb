import type { SpeakerRole } from '../model/document.js'

/**
 * Line patterns of Kamerstuk and letterhead layout, shared by normalize and
 * structure. Each names the rule of layout it follows, with a real example.
 */

/** A Dutch month name → month number (1–12). */
export const MONTHS: Record<string, number> = {
  januari: 1,
  februari: 2,
  maart: 3,
  april: 4,
  mei: 5,
  juni: 6,
  juli: 7,
  augustus: 8,
  september: 9,
  oktober: 10,
  november: 11,
  december: 12,
}
export const MONTH = '(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)'

/** `27 mei 2022` → `2022-05-27`; null when it is not a valid date. */
export function dutchDate(text: string): string | null {
  // `3december 2024` happens in official XML: the space may be missing.
  const m = new RegExp(`(\\d{1,2})\\s*${MONTH}\\s+(\\d{4})`, 'i').exec(text)
  if (!m) return null
  const day = Number(m[1])
  const month = MONTHS[(m[2] as string).toLowerCase()] as number
  const year = Number(m[3])
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCDate() !== day) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The date line of a letter: `Den Haag, 27 mei 2022`; a motion's `Voorgesteld 24 januari 2023`. */
export const DATELINE = new RegExp(`^(?:([A-Z'][\\p{L}' .-]{1,40}), )?(?:\\p{L}+dag )?\\d{1,2} ${MONTH} \\d{4}\\.?$`, 'iu')
/** `Voorgesteld 24 januari 2023`, `Voorgesteld tijdens het Wetgevingsoverleg van 29 januari 2024`. */
export const VOORGESTELD = /^Voorgesteld\b/
/**
 * The date a Kamer paper that is no letter was fixed or received, on a line of its head: a committee's verslag
 * `Vastgesteld 25 mei 2023` (or run together, `Vastgesteld16 april 2010`), a nota or memorie van antwoord
 * `Ontvangen 19 juni 2020`. That day is the paper's date.
 */
export const FIXED_ON = new RegExp(`^(?:Vastgesteld|Ontvangen)\\s*(\\d{1,2} ${MONTH} \\d{4})\\.?$`, 'u')
// A committee's office as its verslag signs with it (`De voorzitter van de commissie`, `Adjunct-griffier van de
// commissie`, `De griffier van de vaste Commissie voor Binnenlandse Zaken`), and a signer's name: a surname or a full
// name (`Tielen`, `Anne Mulder`, `Van der Staaij`).
const COMMITTEE_OFFICE = String.raw`(?:De |de )?(?:[Vv]oorzitter|(?:[Aa]djunct-|[Pp]lv\.\s?|[Pp]laatsvervangend |[Ww]aarnemend |[Ee]erste )?[Gg]riffier)\b[^,]{0,100},`
const SIGNER_NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?: [\p{L}'’.-]+){0,4}`
/** A committee's signer at the head of its verslag, office and name on one line: `De voorzitter van de commissie, Tielen`. */
export const COMMITTEE_SIGNER = new RegExp(`^${COMMITTEE_OFFICE} (${SIGNER_NAME})$`, 'u')
/** The same office on a line of its own, the name on the next: `De voorzitter van de commissie,` / `Smeets`. */
export const COMMITTEE_ROLE = new RegExp(`^${COMMITTEE_OFFICE}$`, 'u')
/** A committee signer's name under its office. */
export const COMMITTEE_NAME = new RegExp(`^${SIGNER_NAME}$`, 'u')
/** The first-page head of a printed Kamerstuk: `Tweede Kamer der Staten-Generaal 2`. */
export const KAMER_LINE = /^(Tweede|Eerste) Kamer der Staten-Generaal(?:\s+\d)?$/
/** `Vergaderjaar 2022–2023` (dash folded or not). */
export const VERGADERJAAR_LINE = /^Vergaderjaar (\d{4})\s*[–-]\s*(\d{4})$/
/**
 * The web page's data row: `Tweede Kamer der Staten-Generaal2011-201229984 nr. 297`,
 * `Eerste Kamer der Staten-Generaal2013-2014CII nr. G` (cells run together).
 */
export const WEB_DATA_ROW = /^(Tweede|Eerste) Kamer der Staten-Generaal\s*(\d{4})-(\d{4})\s*(.+?) nr\. (\S+)$/
/** A line of a table as a page copy prints it: `| Datum publicatie | Organisatie | Vergaderjaar | … |`, `|---|---|`. */
export const TABLE_LINE = /^\|.*\|\s*$/

/**
 * A data row printed as a table, as its cells from the chamber's name to the paper's number run together:
 * `| Tweede Kamer der Staten-Generaal | 1998-1999 | 26494 nr. 1 |` → `Tweede Kamer der Staten-Generaal 1998-1999 26494 nr. 1`
 * (officielebekendmakingen.nl's newer copies, with the publication date before and the letter's date after).
 * Any other line is given back as it is.
 */
export function tableRow(line: string): string {
  if (!TABLE_LINE.test(line)) return line
  const cells = line.split('|').map((c) => c.trim())
  const from = cells.findIndex((c) => /^(?:Tweede|Eerste) Kamer der Staten-Generaal$/.test(c))
  if (from < 0) return line
  const to = cells.findIndex((c, k) => k > from && / nr\. \S+$/.test(c))
  return to < 0 ? line : cells.slice(from, to + 1).join(' ')
}
/**
 * Running foot of a printed Kamerstuk: `Tweede Kamer, vergaderjaar 2015–2016, 21 501-02, nr. 1581 1`,
 * `Eerste Kamer, vergaderjaar 2013–2014, CII, G 1` (the last number is the page).
 */
export const RUNNING_FOOT = /^(Tweede|Eerste) Kamer, vergaderjaar (\d{4})\s*[–-]\s*(\d{4}), (.+?), (?:nr\. )?([\w]+)(?: \d+)?$/
/** A paper outside a dossier has its Tweede Kamer number in the running foot: `Tweede Kamer, vergaderjaar 2018–2019, 2019D21842 1`. */
export const RUNNING_FOOT_TK_NUMBER = /^(Tweede|Eerste) Kamer, vergaderjaar (\d{4})\s*[–-]\s*(\d{4}), (\d{4}[DZ]\d{5})(?: \d+)?$/
/**
 * The head of an Aanhangsel van de Handelingen page (answers to written questions), which PDF tools give with its
 * parts run together: Kamer, vergaderjaar and the Aanhangsel's number, `Tweede Kamer der Staten-Generaal2014-20151365`
 * (or spaced, `… Staten-Generaal 2014–2015 1365`). The two years follow each other.
 */
export const AANHANGSEL_HEAD = /^(Tweede|Eerste) Kamer der Staten-Generaal\s*((?:19|20)\d{2})\s*[–-]\s*((?:19|20)\d{2})\s*(\d{1,5})$/
/** An Aanhangsel page's running foot: `Aanhangsel Handelingen II 2014/15 1` (the page number after the years). */
export const AANHANGSEL_FOOT = /^Aanhangsel Handelingen (?:I|II) \d{4}\/\d{2,4}(?: \d{1,3})?$/
/** The colophon line: `kst-29984-297 ISSN 0921 - 7371 's-Gravenhage 2012` (`nds-tk-…` for papers outside a dossier), or its parts on lines of their own. */
export const COLOPHON = /^((?:kst|nds-tk|nds-ek|blg|ah-tk|ah-ek|h-tk|h-ek)-[\w-]+)(\s+ISSN\b.*)?$|^ISSN \d{4}\s*-\s*\d{3}[\dXx]$|^'s-Gravenhage \d{4}$/
/** A ministry letterhead page number: `Pagina 2 van 7`, also split by the PDF as `P agina 6 van 7`. */
export const PAGE_OF = /^P ?a ?g ?i ?n ?a \d+ van \d+$/
/** Navigation and page chrome of officielebekendmakingen, tweedekamer.nl and rijksbegroting.nl. */
export const WEB_CHROME =
  /^(Naar boven|Kamerstuk|Datum publicatieOrganisatie.*|Direct naar \(in deze pagina\).*|• Download PDF|Download PDF|Bijlage\(n\)|Terug naar boven)$/
/**
 * parlementairemonitor.nl's block of facts above a paper's text (`Kenmerk 33820, nr. 3`, `Document­datum 13-01-2014`,
 * `Nummer KST33820003`, its table of contents, `Externe link origineel bericht`): page chrome, whose Kenmerk and date
 * are the paper's. A soft hyphen may stand in the labels (`Document\u00addatum`).
 */
export const MONITOR_CHROME =
  /^(?:Inhoudsopgave|\d\.\s*(?:Kerngegevens|Tekst)?|Tekst|Offici[eë]le titel\s.*|Document\u00ad?datum\s+\d{2}-\d{2}-\d{4}|Publicatie\u00ad?datum\s+\d{2}-\d{2}-\d{4}|Nummer\s+KST\w+|Kenmerk\s+.*|Externe link\s+origineel bericht|Originele? document in PDF)$/
/** The paper's own Kamerstuk in parlementairemonitor.nl's facts: `Kenmerk 33820, nr. 3`, `Kenmerk 21501-31, nr. 207`. */
export const MONITOR_KENMERK = /^Kenmerk\s+(\d{5}(?:-[A-Z0-9]+)?),\s*nr\.\s*([A-Z0-9]{1,6})$/
/** Its title as the site gives it, the subject with the kind: `Officiële titel Wijziging van de Wet …; Memorie van toelichting`. */
export const MONITOR_TITLE = /^Offici[eë]le titel\s+(.{3,400})$/
/** Its date: `Document­datum 13-01-2014`. */
export const MONITOR_DATE = /^Document\u00ad?datum\s+(\d{2})-(\d{2})-(\d{4})$/

/** Where a tweedekamer.nl page starts its own metadata after the paper: everything after it is page chrome. */
export const WEB_TAIL = /^(Ondertekenaars|Gerelateerde documenten|Documentgegevens)$/

/**
 * A dossier line: `31 409`, `36 200 IV`, `21 501-02 Raad Algemene Zaken…`,
 * `33 000 X`, `29 984 Spoor: vervoer- en beheerplan`; the suffix is a
 * begrotingshoofdstuk (Roman), a letter (`A`) or a two-digit sub-dossier.
 */
export const DOSSIER_LINE = /^(\d{2} ?\d{3})(?:[ -]([A-Z]{1,3}|[IVXLC]+|\d{2})(?=\s|$))?(?:\s+(.+))?$/
/** The Eerste Kamer numbers dossiers with Roman numerals or letters: `CII Nota «Bestuur in samenhang…»`. */
export const EK_DOSSIER_LINE = /^([A-Z]{1,6})(?:\s+(.+))?$/
/** `Nr. 50  BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN`, `Nr. 383`. */
export const NR_LINE = /^Nr\.\s*(\w+)(?:\s+(.+))?$/
/** The ondernummer alone on a head line, as older pages print it under the dossier: `nr. 204`. */
export const HEAD_NR_LINE = /^[Nn]r\.\s*(\d+|[A-Z]{1,3})$/
/** Eerste Kamer: the ondernummer is a letter before the title: `G BRIEF VAN DE MINISTER…`. */
export const EK_NR_TITLE = /^([A-Z]{1,3}) ((?:GEWIJZIGDE )?(?:BRIEF|MOTIE|AMENDEMENT|VERSLAG|NOTA|MEMORIE|VOORLOPIG|EINDVERSLAG|MEMORIE)\b.*)$/
/** rijksbegroting.nl runs dossier, ondernummer and title together: `34775 A 52 BRIEF VAN DE MINISTER…`. */
export const RUN_TOGETHER_TITLE =
  /^(\d{5}|\d{2} \d{3})(?: ([A-Z]{1,3}|[IVXLC]+|\d{2}))? (\d+) ((?:GEWIJZIGDE )?(?:BRIEF|MOTIE|AMENDEMENT|VERSLAG|NOTA|MEMORIE|VOORSTEL)\b.*)$/
/** The first words of a paper's title in capitals. */
export const CAPS_TITLE_START =
  /^(GEWIJZIGDE |NADER GEWIJZIGDE )?(BRIEF|MOTIE|AMENDEMENT|VERSLAG|NOTA|VOORSTEL|MEMORIE|ADVIES|LIJST|EINDVERSLAG|VOORLOPIG|JAARVERSLAG|KONINKLIJKE|VERSLAG|NADER|ANTWOORD|INBRENG|BESLUIT|VERWERPING|AANVULLENDE)\b/
/** The addressee line of a printed letter: `Aan de Voorzitter van de Tweede Kamer der Staten-Generaal`. */
export const AAN_LINE = /^Aan (de|het)\s+(.+)$/i
/** Letterhead blocks: `> Retouradres Postbus 20401 2500 EK Den Haag`, `Datum 30 mei 2023`, `Betreft …`. */
export const RETOURADRES = /^>?\s*Retouradres\b/
export const DATUM_FIELD = /^Datum\s+(.+)$/
/** A letter's reference before its date line on one line, as older letters print it: `Kenmerk: 01M411892 's-Gravenhage, 22 augustus 2001`. */
export const KENMERK_BEFORE = /^(?:Ons\s+)?[Kk]enmerk\s*:\s*[\w./-]+\s+(?=\S)/
export const BETREFT_FIELD = /^Betreft\s+(.+)$/
/** `Geachte voorzitter,` */
export const SALUTATION = /^(Geachte|Zeer geachte|Beste)\b.{0,60},?$/i
/** Closings before a signature. */
export const CLOSING = /^(Hoogachtend|Met vriendelijke groet(en)?|Met de meeste hoogachting)[,.]?$/i
/** Labels in a ministry's sidebar column, alone on their line. */
export const SIDEBAR_LABEL =
  /^(Ons kenmerk|Uw kenmerk|Kenmerk|Uw brief|Bezoekadres|Postadres|Contactpersoon|Overheidsidentificatienr|Bijlage\(n\)|Bijlagen|Inlichtingen|Doorkiesnummer|Telefoon|E-mail|Datum|Onze referentie|Referentie)$/
/** Values that sit in a sidebar: phone numbers, postcodes, web addresses, long numbers. */
export const SIDEBAR_VALUE = /^([TF] \+?[\d ()-]{6,}.*|\d{4} ?[A-Z]{2}\s+\S.*|Postbus \d+|www\.\S+|https?:\/\/\S+|\d{10,}|[\w.-]+@[\w.-]+)$/

/** The last words of a motion's body before its signers (`en gaan over …` where it is written in the plural). */
export const MOTIE_END = /^en gaa[tn] over tot de orde van de dag[.,]?$/i
/**
 * A signer's role: `De Minister van Buitenlandse Zaken,`, `DE STAATSSECRETARIS VAN
 * INFRASTRUCTUUR EN WATERSTAAT,`, `De Minister-President, Minister van Algemene Zaken,`.
 */
export const ROLE_LINE =
  /^(?:De |DE |de )?((?:Minister|Staatssecretaris|Minister-President|Minister-president|Vice-minister-president|Vice-Minister-President|Minister voor|Staatssecretaris voor)\b[^.;:]{0,110}?),?$/i
/**
 * A signer's name: `W.B. Hoekstra`, `M. H. Schultz van Haegen-Maas Geesteranus`,
 * `drs. V.L.W.A. Heijnen`, `Mr.dr. J.P. Balkenende`, `C. van Nieuwenhuizen Wijbenga`.
 */
export const NAME_LINE =
  /^(?:(?:[Dd]rs|[Dd]r|[Mm]r|[Ii]r|[Pp]rof|[Ii]ng|[Dd]s)\.\s*)*(?:\p{Lu}\.\s?(?:\p{Lu}[a-z]?\.\s?)*)(?:\([^)]{1,30}\)\s*)?(?:(?:van|de|der|den|ten|ter|te|von|le|la|du|in 't|'t)\s+)*\p{Lu}[\p{L}'-]+(?:[ -](?:(?:van|de|der|den|ten|ter|te)\b|\p{Lu}[\p{L}'-]+))*$/u

/** Strips academic titles from a signer's name: `drs. V.L.W.A. Heijnen` → `V.L.W.A. Heijnen`. */
export function cleanName(name: string): string {
  return (
    name
      .replace(/^(?:(?:drs|dr|mr|ir|prof|ing|ds)\.\s*)+/i, '')
      .replace(/\s*\([^)]*\)\s*/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      // A sentence's full stop after the name a motie is signed with (`Van Nispen.`), not an initial's (`J.`).
      .replace(/(?<=\p{Ll}{3})\.$/u, '')
  )
}

/** True when most letters of a line are capitals (a printed title: `BRIEF VAN DE MINISTER…`). */
export function mostlyUpper(text: string): boolean {
  let upper = 0
  let letters = 0
  for (const ch of text) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      letters++
      if (ch === ch.toUpperCase()) upper++
    }
  }
  return letters >= 2 && upper / letters >= 0.8
}

/**
 * A surname as the Handelingen print it (a regex source): `Keijzer`, `Van der Lee`, `Van Nieuwenhuizen-Wijbenga`,
 * `Van 't Wout`, `Bruins Slot`, `Yeşilgöz-Zegerius`; up to four words, each capitalised or a tussenvoegsel.
 * A name's first tussenvoegsel is capitalised (`Minister Van Ark`, `mevrouw Van Ark, staatssecretaris …`);
 * `Minister van Financiën` is an office, no name.
 */
export const SURNAME = String.raw`(?:(?:Van|De|Den|Der|Ter|Ten|In|Le|La|D')\s+(?:(?:van|de|der|den|ter|ten|'t|het)\s+){0,2})?\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:van|de|der|den|ter|ten|'t)\s+){0,2}\p{Lu}[\p{L}'’.-]*){0,3}`

/**
 * The label that opens a turn of speech in the Handelingen and in the verslag
 * of a committee debate, always at the start of a paragraph and ending in a
 * colon: `De voorzitter:`, `De heer Wörsdörfer (VVD):`, `Mevrouw Maij (PvdA):`,
 * `Staatssecretaris Keijzer:`, `Minister Wiebes:`, `Minister-president Rutte:`, `Kamerlid Kostić (PvdD):`,
 * and the older `De heer Rutte, minister-president, minister van Algemene Zaken:`.
 * Groups: 1 chair, 2 honorific, 3 name, 4 party, 5 office after a comma,
 * 6 the title of a member of government before the name (`Minister`), 7 that name.
 */
export const SPEAKER_LABEL = new RegExp(
  String.raw`^(?:(De (?:vice)?voorzitter|DE VOORZITTER)|(De heer|Mevrouw|Kamerlid)\s+(${SURNAME})(?:\s*\(([^()\n:]{1,40})\))?(?:,\s*((?:minister|staatssecretaris|voorzitter|rapporteur|vicepremier)[^:\n]{0,120}))?|(Minister-president|Minister|Staatssecretaris|Vicepremier)\s+(${SURNAME}))\s*:(?=\s|$)`,
  'u',
)

/** The role an office names: `minister-president, minister van Algemene Zaken` → `minister-president`. */
export function roleOfOffice(office: string): SpeakerRole {
  const o = office.toLowerCase()
  if (o.startsWith('minister-president')) return 'minister-president'
  if (o.startsWith('minister') || o.startsWith('vicepremier')) return 'minister'
  if (o.startsWith('staatssecretaris')) return 'staatssecretaris'
  if (o.startsWith('voorzitter')) return 'voorzitter'
  if (o.startsWith('lid') || o.includes('kamerlid')) return 'kamerlid'
  return 'other'
}

/** A line that ends a sentence: its last mark `.`, `!`, `?`, `:` or `;`, a closing quote or bracket allowed after it. */
export const SENTENCE_END = /[.!?:;]["')»']?$/
