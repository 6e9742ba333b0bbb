import { sentences } from '../extract/sentences.js'
import type { Document, PromiseFeature, Span } from '../model/document.js'

/** The named cues of a promise and their weights: `actor.government +1.0 “Ik”, modality.future +1.5 “zal”, …`. */
function featureLine(features: PromiseFeature[] | undefined): string {
  if (!features?.length) return ''
  const cues = features
    .filter((f) => f.name !== 'bias')
    .map((f) => `${f.name} ${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(1)}${f.text ? ` “${f.text}”` : ''}`)
  const bias = features.find((f) => f.name === 'bias')
  return `\n      features: ${cues.join(', ')}${bias ? ` (bias ${bias.weight.toFixed(1)})` : ''}`
}

/**
 * `kamerwacht read --explain FILE`: every extracted item with the rule that
 * found it and the sentence it stands in, for a person checking the reading.
 */
export function explain(doc: Document): string {
  const all = sentences(doc.text, doc.sections)
  const sentenceOf = (span: Span) => all.find((s) => s.span.start <= span.start && span.end <= s.span.end)?.text ?? doc.text.slice(span.start, span.end)
  const lines: string[] = []
  const head = [doc.type, doc.date, doc.sender ?? doc.signers.join(', '), doc.id].filter(Boolean).join(', ')
  lines.push(`${doc.source.name}  (${head})`)
  const section = (title: string, items: Array<{ rule: string; span: Span; line: string }>) => {
    lines.push('', `${title} (${items.length})`)
    for (const it of items) lines.push(`  [${it.rule}] ${it.line}`, `      “${sentenceOf(it.span)}”`)
  }
  section(
    'references',
    doc.references.map((r) => ({ ...r, line: `${r.text} → ${r.target ?? `(no number${r.date ? `; letter of ${r.date}` : ''})`}  ${r.kind}` })),
  )
  section(
    'dates',
    doc.dates.map((d) => ({ ...d, line: `${d.text} → ${d.start === d.end ? d.start : `${d.start} … ${d.end}`}  ${d.precision}` })),
  )
  section(
    'commitments',
    doc.commitments.map((c) => ({
      ...c,
      line: `${c.actor ?? '?'} — ${c.action}${c.object ? ` ${c.object}` : ''}; due ${c.dueText ? `“${c.dueText}”` : 'not stated'}${c.due ? ` → ${c.due.start} … ${c.due.end}` : c.dueText ? ' (not resolved)' : ''}${c.condition ? `; when ${c.condition}` : ''}${c.confidence !== undefined ? `; confidence ${c.confidence.toFixed(2)}` : ''}${featureLine(c.features)}`,
    })),
  )
  section(
    'fulfils',
    doc.fulfils.map((f) => ({
      ...f,
      line: f.pointsAt.length
        ? `points at ${f.pointsAt.map((p) => `${p.kind} “${p.text}”${p.target ? ` (${p.target})` : ''}`).join('; ')}`
        : 'points at nothing named',
    })),
  )
  section(
    'requests',
    doc.requests.map((r) => ({ ...r, line: `asks ${r.addressee}` })),
  )
  section(
    'entities',
    doc.entities.map((e) => ({ ...e, line: `${e.text}  ${e.kind}${e.role ? ` (${e.role})` : ''}` })),
  )
  section(
    'glossary',
    doc.glossary.map((g) => ({ ...g, line: `${g.abbreviation} = ${g.expansion}` })),
  )
  return `${lines.join('\n')}\n`
}
