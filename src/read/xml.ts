import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { dutchDate } from '../normalize/patterns.js'
import { ReadError } from './errors.js'
import { hintsFromMeta } from './meta.js'
import type { LineRole, RawText, SourceHints } from './raw.js'

import { readVlos } from './vlos.js'
import { attrsOf, childrenOf, LineWriter, tagOf, type XNode } from './xml-tree.js'

// Elements whose text runs inline inside a paragraph (`<al>Zie <extref>…</extref></al>`).
const INLINE = new Set([
  'nadruk',
  'extref',
  'intref',
  'sup',
  'sub',
  'i',
  'b',
  'u',
  'a',
  'span',
  'noot.nr',
  'br',
  'tekstcorrectie',
  'dossierref',
  'unl',
  'fn',
  'term',
])

/**
 * Refuses DTDs that declare entities or point outside the file: official
 * publications never have them, and they are how XXE and "billion laughs"
 * attacks work. Nothing outside the input is ever opened.
 */
function refuseDangerousDoctype(text: string): void {
  // Anywhere in the file, not only its first part: a long comment can push the DOCTYPE back.
  if (/<!ENTITY/i.test(text)) throw new ReadError('xml-entities', 'XML declares entities in a DTD; refused (external and expanding entities are not allowed)')
  const at = text.search(/<!DOCTYPE/i)
  if (at < 0) return
  // The declaration runs to the first `>` after its internal subset (`[…]`), if it has one.
  const gt = text.indexOf('>', at)
  const bracket = text.indexOf('[', at)
  const end = bracket >= 0 && (gt < 0 || bracket < gt) ? text.indexOf('>', Math.max(text.indexOf(']', bracket), bracket)) : gt
  if (/\b(SYSTEM|PUBLIC)\b/i.test(text.slice(at, end < 0 ? text.length : end + 1)))
    throw new ReadError('xml-external-dtd', 'XML refers to an external DTD; refused (kamerwacht opens nothing outside the input)')
}

/**
 * Reads an official publication (`<officiele-publicatie>` with `<kamerstuk>` or
 * `<handelingen>`), or the Tweede Kamer's verbatim report of a sitting (VLOS,
 * `<vlosCoreDocument>`).
 */
export function readXml(text: string): RawText {
  refuseDangerousDoctype(text)
  let valid: ReturnType<typeof XMLValidator.validate>
  try {
    valid = XMLValidator.validate(text)
  } catch (e) {
    throw new ReadError('xml-invalid', `XML could not be read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
  }
  if (valid !== true) {
    throw new ReadError('xml-invalid', `XML is not well-formed: ${valid.err.msg} (line ${valid.err.line})`)
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  })
  let tree: XNode[]
  try {
    tree = parser.parse(text) as XNode[]
  } catch (e) {
    // The parser's own limits (`Maximum nested tags exceeded` at 100,000 levels) are the input's fault.
    throw new ReadError('xml-invalid', `XML could not be read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
  }
  const root = tree.find((n) => tagOf(n) !== '#text')
  if (!root) throw new ReadError('xml-empty', 'XML has no root element')
  const rootTag = tagOf(root)
  if (rootTag === 'vlosCoreDocument') return readVlos(root)
  if (rootTag !== 'officiele-publicatie') {
    throw new ReadError(
      'xml-unknown',
      `XML root <${rootTag}> is not an official publication (<officiele-publicatie>) or a Tweede Kamer report (<vlosCoreDocument>)`,
    )
  }

  const reader = new PublicationReader()
  reader.walk(childrenOf(root, 'officiele-publicatie'), ['officiele-publicatie'])
  for (const f of reader.footnotes) reader.push(`${f.label} ${f.text}`, 'footnote')
  const { writer, hints, metaPairs } = reader

  const meta = hintsFromMeta(metaPairs)
  // Handelingen ids carry the vergaderjaar: `h-tk-20172018-50-1` → `2017-2018`.
  const hId = /^h-(?:tk|ek)-(\d{4})(\d{4})-/.exec(meta.id ?? '')
  if (hId) hints.vergaderjaar ??= `${hId[1]}-${hId[2]}`
  return {
    form: 'official-xml',
    text: writer.text,
    lines: writer.lines,
    paragraphLines: true,
    // The publication's own subject (`OVERHEIDop.documenttitel`: `Motie van het lid Krul over …`) is its title,
    // over the printed item title (`MOTIE VAN HET LID KRUL`), which says only what kind of paper it is.
    hints: { ...meta, ...hints, ...(meta.id ? { id: meta.id } : {}), ...(meta.title ? { title: meta.title } : {}) },
    issues: [],
  }
}

/**
 * Walks an `<officiele-publicatie>` into lines with their roles, taking the paper's own data
 * (dossier, number, date, title) into hints as it passes, and its footnotes out of the text.
 */
class PublicationReader {
  readonly writer = new LineWriter()
  readonly footnotes: Array<{ label: string; text: string }> = []
  readonly metaPairs: Array<[string, string]> = []
  readonly hints: SourceHints = {}

  push(line: string, role: LineRole): void {
    this.writer.push(line, role)
  }

  /** Text of a block: its own text and its inline descendants'; footnotes are taken out. */
  inlineText(nodes: XNode[]): string {
    let s = ''
    for (const n of nodes) {
      const tag = tagOf(n)
      if (!tag) continue
      if (tag === '#text') s += String(n[tag])
      else if (tag === 'noot') {
        const kids = childrenOf(n, tag)
        const nr = kids.find((k) => tagOf(k) === 'noot.nr')
        const label = nr ? this.inlineText(childrenOf(nr, 'noot.nr')).trim() : String(this.footnotes.length + 1)
        const body = kids.filter((k) => tagOf(k) !== 'noot.nr')
        this.footnotes.push({ label, text: this.blockText(body) })
        s += label
      } else s += this.inlineText(childrenOf(n, tag))
    }
    return s
  }

  blockText(nodes: XNode[]): string {
    const parts: string[] = []
    for (const n of nodes) {
      const tag = tagOf(n)
      if (!tag) continue
      parts.push(tag === '#text' ? String(n[tag]) : this.inlineText(childrenOf(n, tag)))
    }
    return parts.join(' ')
  }

  walk(nodes: XNode[], context: string[]): void {
    for (const n of nodes) {
      const tag = tagOf(n)
      if (!tag || tag === '#text') continue
      const kids = childrenOf(n, tag)
      const attrs = attrsOf(n)
      if (this.headElement(tag, kids, attrs, context) || this.bodyElement(tag, kids, context)) continue
      if (tag === 'handelingen') this.hints.type ??= 'handelingen'
      // A sitting's opening and closing are items without an `<item-titel>`: the Kamer's sites call them so.
      if ((tag === 'opening' || tag === 'sluiting') && !kids.some((k) => tagOf(k) === 'item-titel'))
        this.hints.title ??= tag === 'opening' ? 'Opening' : 'Sluiting'
      if (hasOwnText(kids) && !INLINE.has(tag)) this.push(this.inlineText(kids), 'paragraph')
      else this.walk(kids, [...context, tag])
    }
  }

  /** The paper's head: metadata, running lines, dossier and number, dates, titles. True when the element is taken. */
  private headElement(tag: string, kids: XNode[], attrs: Record<string, string>, context: string[]): boolean {
    const hints = this.hints
    const parent = context[context.length - 1]
    switch (tag) {
      case 'metadata':
        for (const m of kids) if (tagOf(m) === 'meta') this.metaPairs.push([attrsOf(m).name ?? '', attrsOf(m).content ?? ''])
        return true
      case 'tekstregel': {
        const t = this.inlineText(kids).trim()
        if (attrs.inhoud === 'vergaderjaar') hints.vergaderjaar ??= t.replace(/^Vergaderjaar\s*/i, '').replace(/[–—]/g, '-')
        if (attrs.inhoud === 'kameraanduiding') hints.kamer ??= /Eerste/.test(t) ? 'Eerste Kamer' : 'Tweede Kamer'
        this.push(t, 'kop')
        return true
      }
      case 'dossiernummer':
        this.dossierNumber(kids)
        return true
      case 'ondernummer':
        hints.ondernummer ??= this.inlineText(kids).trim()
        return true
      case 'datum':
        if (attrs.isodatum && context.includes('stuk')) hints.date ??= attrs.isodatum
        return true
      case 'vergaderdatum': {
        // `Donderdag 8 februari 2018`
        const t = this.inlineText(kids)
        const day = dutchDate(t)
        if (day) hints.date ??= day
        this.push(t, 'kop')
        return true
      }
      case 'titel':
      case 'kop':
        if (parent === 'dossier') {
          hints.dossierTitle ??= this.inlineText(kids).trim()
          this.push(this.inlineText(kids), 'dossier-title')
        } else if (parent === 'stuk') {
          hints.title ??= this.inlineText(kids).trim()
          this.push(this.inlineText(kids), 'title')
        } else this.push(this.blockText(kids), 'heading')
        return true
      case 'stuknr':
      case 'datumtekst':
        this.walk(kids, [...context, tag])
        this.push(this.inlineText(kids), tag === 'stuknr' ? 'kop' : 'dateline')
        return true
    }
    return false
  }

  /** `<dossiernr>36 410</dossiernr><begrotingshoofdstuk>XVI</begrotingshoofdstuk>` → 36410-XVI */
  private dossierNumber(kids: XNode[]): void {
    const parts = kids
      .map((k) => {
        const kt = tagOf(k)
        return kt && kt !== '#text' ? this.inlineText(childrenOf(k, kt)).replace(/\s+/g, '') : ''
      })
      .filter(Boolean)
    // A paper printed in two dossiers has a `<dossiernummer>` for each: the first is its own.
    const hints = this.hints
    if (parts.length && hints.dossier === undefined) hints.dossier = parts.join('-')
    else if (parts.length && parts.join('-') !== hints.dossier) hints.otherDossiers = [...new Set([...(hints.otherDossiers ?? []), parts.join('-')])]
    this.push(this.inlineText(kids), 'kop')
  }

  /** The paper's body: Handelingen items and speakers, lists, signatures, paragraphs. True when the element is taken. */
  private bodyElement(tag: string, kids: XNode[], context: string[]): boolean {
    const parent = context[context.length - 1]
    switch (tag) {
      case 'item-titel':
        // A Handelingen item's title: `Ondernemen en Bedrijfsfinanciering`.
        this.hints.title ??= this.inlineText(kids).replace(/\s+/g, ' ').trim()
        this.push(this.inlineText(kids), 'title')
        return true
      case 'nr':
        // The item's number (`<agendapunt><nr>10</nr>`) is in its id already.
        return parent === 'agendapunt' || parent === 'opening' || parent === 'sluiting'
      case 'spreker':
        // `<spreker><voorvoegsels>De heer</voorvoegsels><naam>…Wörsdörfer…</naam> (<politiek>VVD</politiek>):</spreker>`:
        // the label of a turn, on a line of its own as the printed Handelingen have it.
        // Its parts are words of their own, whitespace between them or not (`<voorvoegsels>De</voorvoegsels><naam>…`).
        this.push(
          kids
            .map((k) => this.inlineText([k]))
            .join(' ')
            .replace(/\s+/g, ' ')
            .replace(/\(\s+/g, '(')
            .replace(/\s+([):])/g, '$1'),
          'paragraph',
        )
        return true
      case 'li': {
        const nr = kids.find((k) => tagOf(k) === 'li.nr')
        const rest = kids.filter((k) => tagOf(k) !== 'li.nr')
        const label = nr ? this.inlineText(childrenOf(nr, 'li.nr')).trim() : ''
        const body = rest.some((k) => tagOf(k) === 'al') ? this.blockText(rest) : this.inlineText(rest)
        this.push(label ? `${label} ${body}` : body, 'list-item')
        return true
      }
      case 'naam':
        this.push(this.blockText(kids), 'signature-name')
        return true
      case 'functie':
        this.push(this.blockText(kids), 'signature-role')
        return true
      case 'al':
        this.push(this.inlineText(kids), context.includes('ondertekening') ? 'signature-name' : 'paragraph')
        return true
    }
    return false
  }
}

const hasOwnText = (nodes: XNode[]) => nodes.some((n) => tagOf(n) === '#text' && String(n['#text']).trim() !== '')
