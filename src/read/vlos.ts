import type { Speaker } from '../model/document.js'
import { roleOfOffice } from '../normalize/patterns.js'
import { ReadError } from './errors.js'
import type { LineRole, RawText, SourceHints } from './raw.js'
import { childOf, childrenOf, LineWriter, tagOf, textOf, type XNode } from './xml-tree.js'

/** The text of the child `tag`, white space folded; '' when absent. */
const field = (nodes: XNode[], tag: string): string => {
  const n = childOf(nodes, tag)
  return n ? textOf(childrenOf(n, tag)).replace(/\s+/g, ' ').trim() : ''
}

/**
 * The label a turn of this speaker carries in the printed Handelingen, and the
 * speaker as VLOS describes them: `<spreker soort="Tweede Kamerlid"><fractie>PvdA</fractie>
 * <aanhef>Mevrouw</aanhef><verslagnaam>Maij</verslagnaam><functie>Lid Tweede Kamer</functie>`
 * is `Mevrouw Maij (PvdA)`; `<functie>minister van Financiën</functie>` is `Minister Dijsselbloem`.
 */
function speakerOf(nodes: XNode[], chair: boolean): { label: string; speaker: Speaker } {
  const name = field(nodes, 'verslagnaam') || field(nodes, 'achternaam') || field(nodes, 'weergavenaam') || 'onbekend'
  if (chair) return { label: 'De voorzitter', speaker: { name, role: 'voorzitter' } }
  const office = field(nodes, 'functie')
  const party = field(nodes, 'fractie')
  const role = roleOfOffice(office)
  if (role === 'minister' || role === 'minister-president' || role === 'staatssecretaris') {
    const title = role === 'minister-president' ? 'Minister-president' : role === 'minister' ? 'Minister' : 'Staatssecretaris'
    return { label: `${title} ${name}`, speaker: { name, role, function: office } }
  }
  const aanhef = field(nodes, 'aanhef') || 'De heer'
  if (party) return { label: `${aanhef} ${name} (${party})`, speaker: { name, role: 'kamerlid', party } }
  return { label: `${aanhef} ${name}`, speaker: { name, role: role === 'other' ? 'other' : role } }
}

/**
 * Reads the Tweede Kamer's verbatim report of a sitting (VLOS,
 * `<vlosCoreDocument>`): the sitting's date, number and vergaderjaar, each
 * item (`<activiteit>`) as a heading, and each turn (`<woordvoerder>`,
 * `<interrumpant>`) as a speaker's label and its paragraphs, in the order spoken.
 */
export function readVlos(root: XNode): RawText {
  const doc = childrenOf(root, 'vlosCoreDocument')
  const sitting = childOf(doc, 'vergadering')
  if (!sitting) throw new ReadError('xml-empty', 'VLOS report has no <vergadering>')
  const s = childrenOf(sitting, 'vergadering')
  const writer = new LineWriter()
  const push = (line: string, role: LineRole) => writer.push(line, role)
  const speakers: Record<string, Speaker> = {}
  const hints: SourceHints = { type: 'handelingen', speakers }
  const attrs = (sitting[':@'] as Record<string, string> | undefined) ?? {}
  const kamer = /Eerste/.test(attrs.kamer ?? '') ? 'Eerste Kamer' : 'Tweede Kamer'
  hints.kamer = kamer
  const title = field(s, 'titel')
  const date = /^(\d{4}-\d{2}-\d{2})/.exec(field(s, 'datum'))?.[1]
  const year = /^(\d{4})\s*-\s*(\d{4})$/.exec(field(s, 'vergaderjaar'))
  const number = /^\d+$/.exec(field(s, 'vergaderingnummer'))?.[0]
  if (title) hints.title = title
  if (date) hints.date = date
  if (year) hints.vergaderjaar = `${year[1]}-${year[2]}`
  // The sitting's Handelingen number: `Handelingen II 2014/15, nr. 14` is `h-tk-20142015-14`.
  if (year && number && number !== '0') hints.id = `h-${kamer === 'Eerste Kamer' ? 'ek' : 'tk'}-${year[1]}${year[2]}-${number}`
  // A committee meeting has no vergaderingnummer (it is `0` in every one): the record's own identifier names it,
  // so four commissiedebatten of one year are four papers, not one overwritten three times.
  else if (attrs.objectid && /^[\w-]{8,64}$/.test(attrs.objectid)) hints.id = `vlos-${attrs.objectid.toLowerCase()}`
  push(title, 'title')

  // A paragraph of text: `<alinea><alineaitem>…</alineaitem></alinea>`; a list inside one is its items.
  const paragraphs = (tekst: XNode[], skipLabel: string | null) => {
    let first = true
    for (const alinea of tekst) {
      if (tagOf(alinea) !== 'alinea') continue
      for (const item of childrenOf(alinea, 'alinea')) {
        const tag = tagOf(item)
        if (tag === 'alineaitem') {
          const t = textOf(childrenOf(item, tag)).replace(/\s+/g, ' ').trim()
          // The printed label that opens a turn's text (`Mevrouw Maij (PvdA):`) is written once, from the speaker.
          if (first && skipLabel && t.endsWith(':') && t.length < 160) {
            first = false
            continue
          }
          first = false
          push(t, 'paragraph')
        } else if (tag === 'lijst') for (const li of childrenOf(item, tag)) push(textOf([li]), 'list-item')
      }
    }
  }
  const turn = (nodes: XNode[]) => {
    const who = childOf(nodes, 'spreker')
    const chair = field(nodes, 'isvoorzitter') === 'true'
    const { label, speaker } = who
      ? speakerOf(childrenOf(who, 'spreker'), chair)
      : { label: 'De voorzitter', speaker: { name: 'voorzitter', role: 'voorzitter' as const } }
    speakers[label] ??= speaker
    push(`${label}:`, 'paragraph')
    const tekst = childOf(nodes, 'tekst')
    if (tekst) paragraphs(childrenOf(tekst, 'tekst'), label)
    walk(nodes.filter((n) => tagOf(n) !== 'tekst' && tagOf(n) !== 'spreker'))
  }
  const walk = (nodes: XNode[]): void => {
    for (const n of nodes) {
      const tag = tagOf(n)
      if (!tag || tag === '#text') continue
      const kids = childrenOf(n, tag)
      switch (tag) {
        case 'activiteit':
        case 'activiteithoofd': {
          // An item of the sitting: `Plenair debat Europese Top` with its subject `de agenda van de Europese Top van 23 en 24 oktober`.
          const heading = field(kids, 'onderwerp') || field(kids, 'titel')
          if (tag === 'activiteit') push(heading, 'heading')
          walk(kids)
          continue
        }
        case 'activiteitdeel':
        case 'activiteititem':
          walk(kids)
          continue
        case 'woordvoerder':
        case 'interrumpant':
          turn(kids)
          continue
        case 'draadboekfragment':
        case 'tekst': {
          const tekst = tag === 'tekst' ? n : childOf(kids, 'tekst')
          if (tekst) paragraphs(childrenOf(tekst, 'tekst'), null)
          continue
        }
        default:
          // Times, ids, speaker lists and the items' case records (`<zaken>`) are no text of the report.
          continue
      }
    }
  }
  walk(s)
  return { form: 'official-xml', text: writer.text, lines: writer.lines, paragraphLines: true, hints, issues: [] }
}
