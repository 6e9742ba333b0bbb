/**
 * Titles people recognise a paper by. A printed Kamerstuk's title names only its kind and sender, in capitals
 * (`BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN`, `MOTIE VAN HET LID KRUL`, `VERSLAG VAN EEN COMMISSIEDEBAT`):
 * nine of the eleven sample letters would read alike in a list of results.
 */
const KIND_TITLE = /^(?:(?:NADER |GEWIJZIGDE? )*(?:BRIEF|MOTIE|AMENDEMENT|VERSLAG|NOTA|MEMORIE|VOORSTEL|LIJST|ADVIES|EINDVERSLAG|VOORLOPIG))\b[^a-z]*$/
const SMALL = new Set(['van', 'de', 'der', 'het', 'en', 'voor', 'op', 'in', 'met', 'te', 'bij', 'een', 'over', 'aan'])

/**
 * The title to show for a paper: its subject where it has one. A printed
 * kind title in capitals says only what kind of paper it is: shown as the
 * dossier's subject with the kind after it (`Non-proliferatie — Brief van de
 * minister van Buitenlandse Zaken`), or the kind in ordinary case where the
 * dossier's title is not at hand (a dossier's own page, which names it above).
 * A title that is not a kind title is given back as it is, so this can be
 * applied twice.
 */
export function shownTitle(title: string | null, dossierTitle: string | null = null): string | null {
  // A kind title with the subject the letter gives itself (`BRIEF VAN DE MINISTER … over de nieuwe data …`).
  const about = title ? /^(.+?) over (\p{Ll}.*)$/u.exec(title) : null
  if (about && KIND_TITLE.test(about[1] as string) && !motieMovers(title)) return `${kindCase(about[1] as string)} over ${about[2]}`
  if (!title || !KIND_TITLE.test(title)) return title
  const movers = motieMovers(title)
  const kind = movers
    ? `${/^GEWIJZIGDE/.test(title) ? 'Gewijzigde motie' : 'Motie'} van ${/ LEDEN /.test(title) ? 'de leden' : 'het lid'} ${movers}`
    : kindCase(title)
  return dossierTitle ? `${dossierTitle} — ${kind}` : kind
}

// `BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN` → `Brief van de minister van Buitenlandse Zaken`, `VERSLAG VAN EEN
// SCHRIFTELIJK OVERLEG` → `Verslag van een schriftelijk overleg`: capitals only for the name of a ministry or committee.
function kindCase(title: string): string {
  const words = title.toLowerCase().split(' ')
  const office = words.findIndex((w) => OFFICE.test(w))
  return words
    .map((w, i) =>
      i === 0 || (office >= 0 && i > office && !SMALL.has(w)) ? w.replace(/(^|-)(\p{L})/gu, (_, d: string, c: string) => d + c.toUpperCase()) : w,
    )
    .join(' ')
}

const OFFICE = /^(?:minister|ministers|staatssecretaris|minister-president|commissie)$/

/**
 * Who moved a motie, from its title: `Motie van het lid Ergin` → `Ergin`, `MOTIE VAN DE LEDEN TUINMAN EN VAN CAMPEN`
 * → `Tuinman en Van Campen`, `GEWIJZIGDE MOTIE VAN HET LID DE HOOP C.S. TER VERVANGING VAN …` → `De Hoop c.s.`.
 * Null for any other title.
 */
export function motieMovers(title: string | null): string | null {
  const m = title ? /^(?:gewijzigde\s+)?motie van (?:het lid|de leden)\s+(.+?)(?:\s+(?:over|ter vervanging)\b.*)?$/iu.exec(title) : null
  if (!m) return null
  const names = m[1] as string
  return names === names.toUpperCase()
    ? names
        .split(/(\s+en\s+|,\s*)/i)
        .map(nameCase)
        .join('')
        .replace(/ EN /g, ' en ')
    : names
}

const SURNAME_SMALL = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'te', 'het', "'t"])

// `VAN DER PLAS` → `Van der Plas` (a surname without first name starts with a capital), `C.S.` → `c.s.`.
function nameCase(name: string): string {
  if (/^(\s+en\s+|,\s*)$/i.test(name)) return name.toLowerCase()
  return name
    .toLowerCase()
    .split(' ')
    .map((w, i) => (w === 'c.s.' || (i > 0 && SURNAME_SMALL.has(w)) ? w : w.replace(/(^|-)(\p{L})/gu, (_, d: string, c: string) => d + c.toUpperCase())))
    .join(' ')
}
