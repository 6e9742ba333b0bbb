import type { Section, Signer } from '../model/document.js'
import type { CleanText } from '../normalize/index.js'
import { COMMITTEE_ROLE, COMMITTEE_SIGNER, cleanName, MOTIE_END, NAME_LINE, ROLE_LINE } from '../normalize/patterns.js'

/** The head and foot of a paper as text, for the metadata extractor. */
export interface PaperParts {
  kop: string[]
  dossierTitle: string | null
  title: string | null
  addressee: string | null
  dateline: string | null
  salutation: string | null
  signatures: Signer[]
  /** True when the body ends with a motion's `en gaat over tot de orde van de dag.` */
  motie: boolean
}

const KIND: Record<string, Section['kind']> = {
  kop: 'header',
  'dossier-title': 'header',
  title: 'title',
  addressee: 'addressee',
  dateline: 'dateline',
  salutation: 'salutation',
  heading: 'heading',
  paragraph: 'paragraph',
  'list-item': 'list-item',
  'signature-name': 'signature',
  'signature-role': 'signature',
  footnote: 'footnote',
}

/** `DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,` → `Staatssecretaris van Infrastructuur en Waterstaat`. */
export function roleName(text: string): string {
  let role = text
    .trim()
    .replace(/[,.]$/, '')
    .replace(/^(De|DE|de)\s+/, '')
  // Each office in capitals on its own (`De MINISTER-PRESIDENT, Minister van Algemene Zaken,`).
  const small = new Set(['van', 'de', 'der', 'het', 'en', 'voor', 'op', 'in', 'met', 'te', 'bij'])
  role = role
    .split(', ')
    .map((office) =>
      office === office.toUpperCase()
        ? office
            .toLowerCase()
            .split(' ')
            .map((w, i) => (i > 0 && small.has(w) ? w : w.replace(/(^|-)(\p{L})/gu, (_, d: string, c: string) => d + c.toUpperCase())))
            .join(' ')
        : office,
    )
    .join(', ')
  return role.charAt(0).toUpperCase() + role.slice(1)
}

/**
 * Finds the parts of a paper as spans of the clean text: head (Kamer,
 * dossier, title), addressee, date line, salutation, headings, paragraphs,
 * list items, signature and footnotes; and reads the signers.
 */
export function structure(clean: CleanText): { sections: Section[]; parts: PaperParts } {
  const sections: Section[] = []
  const parts: PaperParts = { kop: [], dossierTitle: null, title: null, addressee: null, dateline: null, salutation: null, signatures: [], motie: false }
  let heading: string | undefined
  let pendingRole: string | null = null
  let pendingRoleText = ''
  let pendingName: string | null = null
  // The office of a committee's signer on its own line: the name on the next line signs, without a sender's role.
  let committeeRole = false
  const textOf = (b: { span: { start: number; end: number } }) => clean.text.slice(b.span.start, b.span.end)

  const blocks = clean.blocks
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!
    const t = textOf(b)
    let kind = KIND[b.role] ?? 'paragraph'
    switch (b.role) {
      case 'kop':
        parts.kop.push(t)
        break
      case 'dossier-title':
        parts.dossierTitle ??= t
        break
      case 'title':
        parts.title ??= t
        break
      case 'addressee':
        parts.addressee ??= t
        break
      case 'dateline':
        parts.dateline ??= t
        break
      case 'salutation':
        if (parts.salutation === null && !parts.dateline?.startsWith('Voorgesteld') && sections.every((s) => s.kind !== 'paragraph')) parts.salutation = t
        else kind = 'closing'
        break
      case 'heading':
        heading = t
        break
      case 'signature-role': {
        // One-line form: `De Minister van Buitenlandse Zaken, A.G. Koenders`.
        const at = t.lastIndexOf(', ')
        const tail = at > 0 ? t.slice(at + 2) : ''
        // A committee's voorzitter or griffier, at the head of its verslag: a signer, whose office is no sender.
        const committee = COMMITTEE_SIGNER.exec(t)
        if (committee) parts.signatures.push({ name: committee[1] as string, role: null })
        else if (COMMITTEE_ROLE.test(t)) committeeRole = true
        else if (tail && NAME_LINE.test(tail) && ROLE_LINE.test(t.slice(0, at))) {
          parts.signatures.push({ name: cleanName(tail), role: roleName(t.slice(0, at)) })
        } else if (pendingName) {
          parts.signatures.push({ name: pendingName, role: roleName(t) })
          pendingName = null
        } else {
          // A role wrapped over lines (`de minister van Volksgezondheid,` / `Welzijn en Sport,`) is one role;
          // a line that starts a role of its own (`De Staatssecretaris van …`) is the next signer's, except the
          // Minister-President's two offices on two lines (`DE MINISTER-PRESIDENT,` / `Minister van Algemene Zaken,`).
          if (pendingRole && /^Minister-President$/i.test(pendingRole) && ROLE_LINE.test(t)) {
            pendingRoleText = `${pendingRoleText}\n${t}`
            pendingRole = `Minister-President, ${roleName(t)}`
            break
          }
          pendingRoleText = pendingRole && !ROLE_LINE.test(t) ? `${pendingRoleText}\n${t}` : t
          pendingRole = roleName(pendingRoleText.replace(/\n/g, ' '))
        }
        break
      }
      case 'signature-name': {
        const name = cleanName(t)
        if (committeeRole) {
          parts.signatures.push({ name, role: null })
          committeeRole = false
        } else if (pendingRole) {
          parts.signatures.push(...(sideBySide(pendingRoleText, name) ?? [{ name, role: pendingRole }]))
          pendingRole = null
          pendingRoleText = ''
        } else if (
          blocks[k + 1]?.role === 'signature-role' &&
          !NAME_LINE.test(
            textOf(blocks[k + 1]!)
              .split(', ')
              .pop() ?? '',
          )
        )
          pendingName = name
        else parts.signatures.push({ name, role: null })
        break
      }
      case 'paragraph':
        if (MOTIE_END.test(t)) parts.motie = true
        break
    }
    const section: Section = { kind, span: b.span }
    if (heading && (kind === 'paragraph' || kind === 'list-item')) section.heading = heading
    if (b.label) section.label = b.label
    if (kind === 'list-item') {
      const bullet = /^([•–—-]|\d{1,2}[.)]|[a-z][.)])/.exec(t)
      if (bullet?.[1]) section.label = bullet[1]
    }
    sections.push(section)
  }
  if (pendingName) parts.signatures.push({ name: pendingName, role: null })
  return { sections, parts }
}

// Where a line of two offices side by side parts: `de minister van Volksgezondheid, | de minister van Langdurige Zorg,`.
const SECOND_OFFICE = /,\s+(?=(?:de|De|DE)\s+(?:minister|staatssecretaris|Minister|Staatssecretaris|MINISTER|STAATSSECRETARIS)\b)/
// Words that end no name (`Hugo de` | `Jonge Conny Helder` is no split).
const PARTICLE = /^(?:van|de|der|den|ten|ter|te|het|'t|von|la|le|du)$/i

/**
 * Two signers printed side by side, as a co-signed letter's PDF gives them line by line, each line holding both
 * columns: `de minister van Volksgezondheid, de minister van Langdurige Zorg,` / `Welzijn en Sport, Jeugd en Sport,` /
 * `Sophie Hermans Mirjam Sterk` → Sophie Hermans, Minister van Volksgezondheid, Welzijn en Sport, and Mirjam Sterk,
 * Minister van Langdurige Zorg, Jeugd en Sport. Null unless every line parts in two and the names part in exactly
 * one way (each at least two words, starting and ending with a capital, not ending in a particle).
 */
export function sideBySide(roleText: string, names: string): Array<{ name: string; role: string }> | null {
  const [first, ...rest] = roleText.split('\n').map((l) => l.trim().replace(/,$/, ''))
  const heads = first?.split(SECOND_OFFICE)
  if (heads?.length !== 2) return null
  const tails = rest.map((l) => l.split(/,\s+/))
  if (tails.some((t) => t.length !== 2)) return null
  const words = names.trim().split(/\s+/)
  const full = (ws: string[]) =>
    ws.length >= 2 && /^\p{Lu}/u.test(ws[0] as string) && /^\p{Lu}/u.test(ws[ws.length - 1] as string) && !PARTICLE.test(ws[ws.length - 1] as string)
  const splits = words.map((_, k) => k).filter((k) => full(words.slice(0, k)) && full(words.slice(k)))
  if (splits.length !== 1) return null
  const at = splits[0] as number
  const who = [words.slice(0, at).join(' '), words.slice(at).join(' ')]
  return [0, 1].map((i) => ({ name: cleanName(who[i] as string), role: roleName([heads[i], ...tails.map((t) => t[i])].join(', ')) }))
}
