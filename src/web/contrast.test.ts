// Every text colour of the style sheet on the background it is shown on, and every focus ring on what surrounds
// it, against WCAG 2.1 AA: 4.5:1 for text (1.4.3), 3:1 for a focus indicator (1.4.11).
import { describe, expect, it } from 'vitest'
import { CSS } from './assets.js'

/** Relative luminance of `#rgb` or `#rrggbb` (WCAG 2.1). */
function luminance(hex: string): number {
  const h = hex.slice(1)
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
  return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number)
}

/** The contrast ratio of two colours, the lighter over the darker. */
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number]
  return (x + 0.05) / (y + 0.05)
}

interface Rule {
  selector: string
  decls: Map<string, string>
}

/** The style sheet's rules (media queries flattened), with `var(--x)` resolved from `:root`. */
function rules(css: string): Rule[] {
  const out: Rule[] = []
  for (const m of css.replace(/@media[^{]*\{((?:[^{}]*\{[^}]*\})*)\s*\}/g, '$1').matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const decls = new Map<string, string>()
    for (const d of (m[2] as string).split(';')) {
      const at = d.indexOf(':')
      if (at > 0) decls.set(d.slice(0, at).trim(), d.slice(at + 1).trim())
    }
    for (const selector of (m[1] as string).split(',')) out.push({ selector: selector.trim(), decls })
  }
  const root = out.find((r) => r.selector === ':root')?.decls ?? new Map()
  const resolve = (v: string) => v.replace(/var\((--[\w-]+)(?:,\s*[^)]+)?\)/g, (_, name: string) => root.get(name) ?? '')
  return out.map((r) => ({ selector: r.selector, decls: new Map([...r.decls].map(([k, v]) => [k, resolve(v)])) }))
}

const COLOUR = /#[0-9a-f]{3}(?:[0-9a-f]{3})?\b/i
const colourOf = (v: string | undefined) => (v ? (COLOUR.exec(v)?.[0] ?? null) : null)

describe('colour contrast of the style sheet (WCAG AA)', () => {
  const all = rules(CSS)
  const body = all.find((r) => r.selector === 'body') as Rule
  const ink = colourOf(body.decls.get('color')) as string
  const page = colourOf(body.decls.get('background')) as string
  // The rule a selector inherits its other colour from: its base class (`.badge` for `.badge.status-due-soon`) or the
  // element it sits in (`.top` for `.top a`); else the page.
  const around = (selector: string, prop: 'color' | 'background'): string | null => {
    const parts = [selector.replace(/(\.[\w-]+)(?:\.[\w-]+|\[[^\]]+\]|:[\w-]+)+$/, '$1'), selector.replace(/\s+\S+$/, '')].filter((s) => s !== selector)
    for (const p of parts) {
      const r = all.find((x) => x.selector === p && colourOf(x.decls.get(prop) ?? x.decls.get(`${prop}-color`)))
      if (r) return colourOf(r.decls.get(prop) ?? r.decls.get(`${prop}-color`))
      const further = around(p, prop)
      if (further) return further
    }
    return null
  }
  const pairs = all
    .filter((r) => colourOf(r.decls.get('color')) || colourOf(r.decls.get('background')) || colourOf(r.decls.get('background-color')))
    .filter((r) => !r.selector.startsWith(':root') && !r.selector.includes('.chart') && !r.selector.includes('.dot') && !r.selector.includes('.key-'))
    .map((r) => {
      const fg = colourOf(r.decls.get('color')) ?? around(r.selector, 'color') ?? ink
      const bg = colourOf(r.decls.get('background') ?? r.decls.get('background-color')) ?? around(r.selector, 'background') ?? page
      return [r.selector, fg, bg] as const
    })

  it('finds the pairs it checks, the known ones among them', () => {
    expect(pairs.length).toBeGreaterThan(25)
    expect(pairs).toContainEqual(['.badge.status-due-soon', '#fff', '#995c00'])
    expect(pairs).toContainEqual(['.top a', '#fff', '#154273'])
  })

  it.each(pairs.map(([s, fg, bg]) => [s, fg, bg]))('%s: %s on %s is at least 4.5:1', (_s, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5)
  })

  it('focus rings stand out 3:1 from what surrounds them: the page, and the header', () => {
    const ring = (selector: string) =>
      colourOf(all.find((r) => r.selector === selector && /outline/.test([...r.decls.keys()].join()))?.decls.get('outline') ?? '')
    const ringOnTop = colourOf(all.find((r) => r.selector === '.top a:focus-visible')?.decls.get('outline-color'))
    expect(contrast(ring('a:focus-visible') as string, page)).toBeGreaterThanOrEqual(3)
    expect(contrast(ringOnTop as string, around('.top a', 'background') as string)).toBeGreaterThanOrEqual(3)
  })

  it('the check itself: the old due-soon badge and the old amber ring fail it', () => {
    expect(contrast('#fff', '#b36b00')).toBeLessThan(4.5)
    expect(contrast('#ffbf47', '#fff')).toBeLessThan(3)
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5)
  })
})
