import type { LineRole, RawLine } from './raw.js'

/** A node of fast-xml-parser's ordered tree (`preserveOrder: true`): `{ tag: children, ':@': attributes }`. */
export type XNode = Record<string, unknown>

/** The node's tag (`#text` for text). */
export const tagOf = (node: XNode): string | undefined => Object.keys(node).find((k) => k !== ':@')
/** The node's attributes (prefix-free names). */
export const attrsOf = (node: XNode): Record<string, string> => (node[':@'] as Record<string, string> | undefined) ?? {}
/** The children of a node whose tag is `tag`. */
export const childrenOf = (node: XNode, tag: string): XNode[] => (Array.isArray(node[tag]) ? (node[tag] as XNode[]) : [])

/** All text under the nodes, in order. */
export function textOf(nodes: XNode[]): string {
  let s = ''
  for (const n of nodes) {
    const tag = tagOf(n)
    if (!tag) continue
    s += tag === '#text' ? String(n[tag]) : textOf(childrenOf(n, tag))
  }
  return s
}

/** The first child with the tag, or undefined. */
export function childOf(nodes: XNode[], tag: string): XNode | undefined {
  return nodes.find((n) => tagOf(n) === tag)
}

/** The lines an XML reader writes: one per block, white space folded, empty ones left out, with their offsets. */
export class LineWriter {
  readonly lines: RawLine[] = []
  private readonly out: string[] = []
  private offset = 0

  push(line: string, role: LineRole): void {
    const clean = line.replace(/\s+/g, ' ').trim()
    if (!clean) return
    this.lines.push({ text: clean, start: this.offset, page: 1, role })
    this.out.push(clean)
    this.offset += clean.length + 1
  }

  /** The text the lines' offsets point into. */
  get text(): string {
    return this.out.join('\n')
  }
}
