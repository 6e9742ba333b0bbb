import { parseDocument } from 'htmlparser2'
import { ReadError } from './errors.js'
import { hintsFromMeta } from './meta.js'
import type { LineRole, RawLine, RawText } from './raw.js'

interface HNode {
  type: string
  name?: string
  data?: string
  attribs?: Record<string, string>
  children?: HNode[]
}

const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'td',
  'th',
  'tr',
  'blockquote',
  'section',
  'article',
  'table',
  'ul',
  'ol',
  'dl',
  'br',
])
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'button', 'form', 'svg', 'iframe'])

const classes = (n: HNode) => (n.attribs?.class ?? '').split(/\s+/)

/**
 * Deepest nesting a page may have. The walks below recurse; a page of papers nests some 20–30 levels, and
 * 100,000 nested `<div>`s would overflow the stack (a 500 before this check, now one line).
 */
const MAX_DEPTH = 1000

// Elements that close themselves or may be left open (`<br>`, `<p>` … without `</p>`): not counted by `nestingOf`.
const UNCOUNTED = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'tbody',
  'thead',
  'colgroup',
])

/**
 * How deep the markup nests, from its tags alone, in one linear pass. The parser keeps its stack of open
 * elements in an array it shifts and unshifts, so its time grows with the square of the depth (100,000
 * nested `<div>`s took 5 s): a deep page is refused before it is parsed.
 */
function nestingOf(text: string): number {
  let depth = 0
  let deepest = 0
  // `[^<>]*`: a tag never runs past the next `<`, so a run of unclosed `<div` is still one pass.
  for (const m of text.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
    if (m[3] || UNCOUNTED.has((m[2] as string).toLowerCase())) continue
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1
    if (depth > deepest) deepest = depth
  }
  return deepest
}

/** How deep the tree nests, counted without recursion. */
function maxDepth(root: HNode): number {
  let deepest = 0
  const stack: Array<[HNode, number]> = [[root, 0]]
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [n, d] = top
    if (d > deepest) deepest = d
    if (deepest > MAX_DEPTH) break
    for (const c of n.children ?? []) stack.push([c, d + 1])
  }
  return deepest
}

function find(nodes: HNode[], test: (n: HNode) => boolean): HNode | undefined {
  for (const n of nodes) {
    if (n.type === 'tag' && test(n)) return n
    const hit = n.children ? find(n.children, test) : undefined
    if (hit) return hit
  }
  return undefined
}

/**
 * Reads an officielebekendmakingen or tweedekamer.nl page: the paper is the
 * `div.stuk` (else `main`, else `body`), one line per block; the page head's
 * `<meta name="DC.identifier">` and `OVERHEIDop.*` tags become hints.
 */
export function readHtml(text: string): RawText {
  if (nestingOf(text) > MAX_DEPTH)
    throw new ReadError('html-too-deep', `HTML nested more than ${MAX_DEPTH} levels deep; refused (a page of papers nests some 30)`)
  const dom = parseDocument(text, { decodeEntities: true, lowerCaseTags: true }) as unknown as HNode
  if (maxDepth(dom) > MAX_DEPTH)
    throw new ReadError('html-too-deep', `HTML nested more than ${MAX_DEPTH} levels deep; refused (a page of papers nests some 30)`)
  const roots = dom.children ?? []
  const metaPairs: Array<[string, string]> = []
  const collectMeta = (nodes: HNode[]) => {
    for (const n of nodes) {
      if (n.type === 'tag' && n.name === 'meta' && n.attribs?.name && n.attribs.content !== undefined) metaPairs.push([n.attribs.name, n.attribs.content])
      if (n.children) collectMeta(n.children)
    }
  }
  collectMeta(roots)
  const stuk = find(roots, (n) => classes(n).includes('stuk')) ?? find(roots, (n) => n.name === 'main') ?? find(roots, (n) => n.name === 'body') ?? dom

  const lines: RawLine[] = []
  const out: string[] = []
  let offset = 0
  let current = ''
  let role: LineRole = 'paragraph'
  const flush = () => {
    const clean = current.replace(/\s+/g, ' ').trim()
    if (clean) {
      lines.push({ text: clean, start: offset, page: 1, role })
      out.push(clean)
      offset += clean.length + 1
    }
    current = ''
    role = 'paragraph'
  }
  const walk = (nodes: HNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') current += n.data ?? ''
      else if ((n.type === 'tag' || n.type === 'script' || n.type === 'style') && n.name && !SKIP.has(n.name)) {
        const block = BLOCK.has(n.name)
        if (block) flush()
        if (/^h[1-6]$/.test(n.name)) role = 'heading'
        else if (n.name === 'li') role = 'list-item'
        walk(n.children ?? [])
        if (block) flush()
      }
    }
  }
  walk(stuk.children ?? [])
  flush()
  if (lines.length === 0) throw new ReadError('html-empty', 'HTML page holds no text')
  return { form: 'web-page-html', text: out.join('\n'), lines, paragraphLines: true, hints: hintsFromMeta(metaPairs), issues: [] }
}
