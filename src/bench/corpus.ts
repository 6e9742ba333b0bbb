/**
 * A deterministic generator of papers shaped like the dev corpus (printed
 * Kamerstuk letters and motions, with their head, dates, references,
 * promises and signatures), for benchmarks and crash tests. Paper `i` is
 * always the same text.
 */

const MINISTRIES = [
  'Buitenlandse Zaken',
  'Defensie',
  'Infrastructuur en Waterstaat',
  'Economische Zaken en Klimaat',
  'Sociale Zaken en Werkgelegenheid',
  'Binnenlandse Zaken en Koninkrijksrelaties',
  'Volksgezondheid, Welzijn en Sport',
  'Onderwijs, Cultuur en Wetenschap',
  'Justitie en Veiligheid',
  'Financiën',
]
const SIGNERS = [
  'W.B. Hoekstra',
  'J.S.J. Hillen',
  'M.H. Schultz van Haegen-Maas Geesteranus',
  'W. Koolmees',
  'R.H.A. Plasterk',
  'M.A.M. Adriaansens',
  'A.G. Koenders',
  'C. van Nieuwenhuizen Wijbenga',
]
const MEMBERS = ['Van Raan', 'Peters', 'Beertema', 'Erkens', 'Grinwis', 'Boucke', 'Wuite', 'Ceder', 'Leijten', 'Synhaeve', 'Paternotte', 'Boswijk']
const TOPICS = [
  ['kernwapens', 'nucleaire ontwapening', 'het Non-Proliferatieverdrag', 'de lidstaten', 'de Toetsingsconferentie'],
  ['de spoorwegen', 'het onderhoud van bruggen', 'de vaarwegen', 'de luchtkwaliteit', 'het openbaar vervoer'],
  ['de arbeidsmarkt', 'het minimumloon', 'de pensioenen', 'de kinderopvang', 'de bijstand'],
  ['de circulaire economie', 'grondstoffen', 'de energietransitie', 'waterstof', 'windenergie op zee'],
  ['de zorgverzekering', 'de jeugdzorg', 'de wachtlijsten', 'de huisartsenzorg', 'mentale weerbaarheid'],
  ['het onderwijs', 'lerarentekorten', 'digitale leermiddelen', 'smartphones in de klas', 'de basisvaardigheden'],
  ['de krijgsmacht', 'het vastgoed van Defensie', 'de marine', 'cyberveiligheid', 'de inzet in Oekraïne'],
  ['de Europese Raad', 'de Raad Algemene Zaken', 'het Europees Parlement', 'de Europese Commissie', 'de lidstaten'],
]
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']
const FILLER = [
  'Het kabinet hecht grote waarde aan een zorgvuldige afweging van de belangen die hierbij spelen.',
  'De betrokken partijen hebben de afgelopen periode intensief overleg gevoerd over de uitwerking.',
  'Daarbij wordt nadrukkelijk gekeken naar de gevolgen voor burgers, bedrijven en medeoverheden.',
  'De uitkomsten van dit onderzoek geven aanleiding tot een aantal aanvullende maatregelen.',
  'Nederland zal zich in internationaal verband blijven inzetten voor een gezamenlijke aanpak.',
  'De uitvoering ligt op schema, al vraagt een aantal onderdelen nog om nadere aandacht.',
  'In de bijlage treft u een overzicht aan van de voortgang per onderdeel.',
]

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Wraps prose at `width` characters, breaking some long words with a hyphen as a typesetter does. */
function typeset(paragraph: string, width: number, rnd: () => number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of paragraph.split(' ')) {
    if (line.length + word.length + 1 > width) {
      if (word.length > 9 && /^[a-z]+$/.test(word) && rnd() < 0.5) {
        const cut = 4 + Math.floor(rnd() * (word.length - 7))
        lines.push(`${line} ${word.slice(0, cut)}-`)
        line = word.slice(cut)
        continue
      }
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

/** Paper number `i` of the generated corpus: a file name and its text. */
export function generatePaper(i: number): { name: string; text: string } {
  const rnd = random(i * 7919 + 17)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T
  const year = 2010 + Math.floor(rnd() * 15)
  const month = 1 + Math.floor(rnd() * 12)
  const day = 1 + Math.floor(rnd() * 28)
  // Papers come in dossiers of eight consecutive numbers with one ministry and topic, so that
  // `nr. ${nr - 1}` mostly names a stored paper of the same dossier, as in real correspondence.
  const group = random(Math.floor(i / 8) * 104729 + 3)
  const dossier = 21000 + Math.floor(group() * 15000)
  const nr = i + 1
  const topic = TOPICS[Math.floor(group() * TOPICS.length)] as string[]
  const ministry = MINISTRIES[Math.floor(group() * MINISTRIES.length)] as string
  rnd()
  rnd()
  rnd()
  const width = 66 + Math.floor(rnd() * 6)
  const date = `${day} ${MONTHS[month - 1]} ${year}`
  const dossierText = `${String(dossier).slice(0, 2)} ${String(dossier).slice(2)}`
  const head = ['Tweede Kamer der Staten-Generaal 2', `Vergaderjaar ${year}–${year + 1}`, `${dossierText} ${topic[0]}`]
  const foot = [`kst-${dossier}-${nr} ISSN 0921 - 7371 's-Gravenhage ${year}`, `Tweede Kamer, vergaderjaar ${year}–${year + 1}, ${dossierText}, nr. ${nr} 1`]
  if (rnd() < 0.3) {
    const members = [pick(MEMBERS), pick(MEMBERS)].filter((m, k, a) => a.indexOf(m) === k)
    const body = [
      'De Kamer,',
      'gehoord de beraadslaging,',
      ...typeset(`constaterende dat ${pick(topic)} onder druk staat en dat ${pick(topic)} aandacht vraagt;`, width, rnd),
      ...typeset(`overwegende dat eerder is gevraagd om ${pick(topic)} te verbeteren (Kamerstuk ${dossierText}, nr. ${Math.max(1, nr - 3)});`, width, rnd),
      ...typeset(
        `verzoekt de regering in overleg met betrokken partijen ${pick(topic)} te versterken en de Kamer voor de zomer van ${year + 1} te informeren,`,
        width,
        rnd,
      ),
      'en gaat over tot de orde van de dag.',
      ...members,
    ]
    const text = [
      ...head,
      `Nr. ${nr}`,
      `MOTIE VAN ${members.length > 1 ? 'DE LEDEN' : 'HET LID'} ${members.join(' EN ').toUpperCase()}`,
      `Voorgesteld ${date}`,
      ...body,
      ...foot,
    ].join('\n')
    return { name: `kst-${dossier}-${nr}.txt`, text: `${text}\n` }
  }
  const paragraphs = [
    rnd() < 0.3
      ? `Zoals toegezegd in mijn brief (Kamerstuk ${dossierText}, nr. ${Math.max(1, nr - 1)}) informeer ik uw Kamer over de uitkomsten voor ${pick(topic)}.`
      : `Met deze brief informeer ik uw Kamer over ${pick(topic)} en ${pick(topic)}. Op ${1 + Math.floor(rnd() * 28)} ${pick(MONTHS)} jl. heb ik u geïnformeerd over de stand van zaken (Kamerstuk ${dossierText}, nr. ${Math.max(1, nr - 1)}).`,
    `${pick(FILLER)} ${pick(FILLER)} De eerste resultaten worden verwacht in ${pick(MONTHS)} ${year + 1}.`,
    `${pick(FILLER)} Het gaat daarbij om ${pick(topic)}, ${pick(topic)} en ${pick(topic)}. ${pick(FILLER)}`,
    rnd() < 0.6
      ? `Ik zal uw Kamer ${pick(['voor de zomer', 't.z.t.', `in het najaar van ${year + 1}`, 'zo spoedig mogelijk'])} informeren over de uitkomsten.`
      : pick(FILLER),
  ]
  const body = paragraphs.flatMap((p, k) => [...typeset(p, width, rnd), ...(k < paragraphs.length - 1 ? [''] : [])])
  const text = [
    ...head,
    `Nr. ${nr} BRIEF VAN DE MINISTER VAN ${ministry.toUpperCase()}`,
    'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
    `Den Haag, ${date}`,
    ...body,
    `De Minister van ${ministry},`,
    pick(SIGNERS),
    ...foot,
  ].join('\n')
  return { name: `kst-${dossier}-${nr}.txt`, text: `${text}\n` }
}

/**
 * The queries `npm run bench` times on the generated papers, and the
 * PostgreSQL postings test asks of both stores: words, a phrase, a prefix,
 * OR, NOT and filters, common and rare.
 */
export const BENCH_QUERIES: readonly string[] = [
  'kernwapens',
  'lidstaat',
  '"nucleaire ontwapening"',
  'circulaire economie',
  'grondstof*',
  'jeugdzorg OR huisartsenzorg',
  'spoorwegen -bruggen',
  'Kamer type:motie',
  'energietransitie van:2015-01-01 tot:2018-12-31',
  'pensioenen afzender:"Sociale Zaken"',
  'Oekraine',
  'marine cyberveiligheid',
]
