import type { Section, Speaker, SpeakerRole, Turn } from '../model/document.js'
import { roleOfOffice, SPEAKER_LABEL, SURNAME } from '../normalize/patterns.js'

/** Roles that speak for the government: only they make promises (toezeggingen). */
export const GOVERNMENT: ReadonlySet<SpeakerRole> = new Set(['minister-president', 'minister', 'staatssecretaris'])

/** Sections a turn's speech is made of (a footnote or signature after the last turn is not the last speaker's). */
const SPEECH: ReadonlySet<Section['kind']> = new Set(['paragraph', 'list-item', 'heading'])

/** The fewest labels that make a paper a debate record; one `Minister X:` in a letter is none. */
const MIN_LABELS = 3

// The presence list of a sitting or committee debate names the government's members with their office:
// `en de heer Dijsselbloem, minister van Financiën, mevrouw Klijnsma, staatssecretaris van Sociale Zaken en
// Werkgelegenheid, en de heer Rutte, minister-president, minister van Algemene Zaken.`
// `… overleg gevoerd met mevrouw Van Engelshoven, Minister van Onderwijs, Cultuur en Wetenschap, over: …`
const OFFICE_WORDS = String.raw`(?:(?!\s(?:over|en de heer|en mevrouw)\b)[^,.:;])+`
const PRESENT = new RegExp(
  String.raw`(?:de heer|mevrouw)\s+(${SURNAME}),\s+((?:[Mm]inister-president,\s+[Mm]inister van ${OFFICE_WORDS}|(?:[Mm]inister|[Ss]taatssecretaris)\s+(?:van|voor)\s+${OFFICE_WORDS})(?:,\s+(?!(?:en\s+)?(?:de heer|mevrouw|[Mm]inister|[Ss]taatssecretaris|over)\b)\p{Lu}${OFFICE_WORDS})*)`,
  'gu',
)

/** The offices the presence list and the head of a debate give the government's members, by surname. */
export function officesOf(text: string): Map<string, string> {
  const offices = new Map<string, string>()
  // Only the head of a debate holds the list; the whole text of a long sitting is not searched.
  for (const m of text.slice(0, 20_000).matchAll(PRESENT)) {
    const name = m[1] as string
    if (!offices.has(name)) offices.set(name, (m[2] as string).replace(/\s+/g, ' ').replace(/^M/, 'm').replace(/^S/, 's'))
  }
  return offices
}

/**
 * Reads a speaker's label: `De heer Graus (PVV)` is a Kamerlid of the PVV,
 * `Staatssecretaris Keijzer` a member of government, `De voorzitter` the
 * chair. `offices` (from the presence list) gives a government member's full
 * office; `chair` the chair's name (`Voorzitter: Arib`).
 */
export function parseLabel(label: string, offices: Map<string, string> = new Map(), chair: string | null = null): Speaker | null {
  const m = SPEAKER_LABEL.exec(`${label.trim().replace(/\s*:$/, '')}:`)
  if (!m) return null
  if (m[1]) return { name: chair ?? 'voorzitter', role: 'voorzitter' }
  const name = (m[3] ?? m[7] ?? '').trim()
  const office = m[5]?.trim() ?? offices.get(name)
  const speaker: Speaker = { name, role: 'other' }
  if (m[4]) {
    speaker.role = 'kamerlid'
    speaker.party = m[4].trim()
  } else if (m[6]) speaker.role = roleOfOffice(m[6])
  else if (office) speaker.role = roleOfOffice(office)
  if (office && GOVERNMENT.has(speaker.role)) speaker.function = office.replace(/^M/, 'm').replace(/^S/, 's')
  return speaker
}

// `Voorzitter: Arib`, `Voorzitter: Van Miltenburg`: the chair of the sitting, in its head.
const CHAIR = /(?:^|\n)Voorzitter:\s*(\p{Lu}[\p{L}'’ .-]{1,40}?)\s*(?:\n|$)/u

/**
 * Finds the turns of a debate: each paragraph that opens with a speaker's label
 * starts one, which runs to the next label. The label becomes a section of its
 * own (kind `speaker`), so no sentence of the turn begins with it. `known` are
 * speakers a structured source described (VLOS gives office and fractie), by label.
 * Returns no turns for a paper with fewer than three labels: a letter that
 * quotes one speaker is no debate.
 */
export function findTurns(text: string, sections: Section[], known: Record<string, Speaker> = {}): { turns: Turn[]; sections: Section[] } {
  const starts: Array<{ at: number; index: number; labelEnd: number; label: string }> = []
  for (const [index, s] of sections.entries()) {
    if (s.kind !== 'paragraph' && s.kind !== 'heading' && s.kind !== 'list-item') continue
    const head = text.slice(s.span.start, Math.min(s.span.end, s.span.start + 300))
    if (!head.includes(':')) continue
    const m = SPEAKER_LABEL.exec(head)
    if (!m) continue
    starts.push({ at: s.span.start, index, labelEnd: s.span.start + m[0].length, label: m[0].replace(/\s*:$/, '').replace(/\s+/g, ' ') })
  }
  if (starts.length < MIN_LABELS || new Set(starts.map((s) => s.label)).size < 2) return { turns: [], sections }
  const offices = officesOf(text)
  const chair = CHAIR.exec(text.slice(0, 20_000))?.[1] ?? null
  const out: Section[] = []
  const turns: Turn[] = []
  let next = 0
  for (const [index, s] of sections.entries()) {
    const start = starts[next]
    if (!start || start.index !== index) {
      out.push(s)
      continue
    }
    next++
    out.push({ kind: 'speaker', span: { start: s.span.start, end: start.labelEnd } })
    // The speech after an inline label (`De heer Graus (PVV): Dank u wel.`) stays a paragraph.
    const rest = text.slice(start.labelEnd, s.span.end)
    const lead = rest.length - rest.trimStart().length
    if (rest.trim()) out.push({ ...s, kind: s.kind === 'heading' ? 'paragraph' : s.kind, span: { start: start.labelEnd + lead, end: s.span.end } })
    const speaker = known[start.label] ?? parseLabel(start.label, offices, chair)
    if (!speaker) continue
    turns.push({ speaker, label: start.label, span: { start: start.at, end: s.span.end }, interruption: false })
  }
  // A turn runs to the next label: to the end of the last section before it (one pass; a sitting has thousands).
  let t = 0
  for (const s of out) {
    while (t + 1 < turns.length && s.span.start >= (turns[t + 1] as Turn).span.start) t++
    const turn = turns[t]
    if (turn && SPEECH.has(s.kind) && s.span.start >= turn.span.start && s.span.end > turn.span.end) turn.span = { start: turn.span.start, end: s.span.end }
  }
  markInterruptions(turns)
  return { turns, sections: out }
}

/**
 * Marks interruptions where the record does not: a turn that breaks into
 * another speaker's speech, who then goes on (`Minister X` · `De heer Y` ·
 * `Minister X`), the chair's words between them not counted.
 */
function markInterruptions(turns: Turn[]): void {
  const speaking = turns.filter((t) => t.speaker.role !== 'voorzitter')
  for (let k = 1; k + 1 < speaking.length; k++) {
    const before = speaking[k - 1] as Turn
    const t = speaking[k] as Turn
    const after = speaking[k + 1] as Turn
    // Members interrupt; a minister answering between a member's turns is not breaking into them.
    if (t.interruption || GOVERNMENT.has(t.speaker.role)) continue
    if (before.label === after.label && t.label !== before.label) t.interruption = true
  }
}
