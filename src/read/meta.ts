import type { PaperType } from '../model/document.js'
import type { SourceHints } from './raw.js'

/** Maps a Tweede Kamer `Soort` or a KOOP `DC.type` (`Motie`, `Brief regering`) to a PaperType. */
export function paperTypeFromSoort(soort: string): PaperType {
  const s = soort.toLowerCase()
  if (s.includes('motie')) return 'motie'
  if (s.includes('amendement')) return 'amendement'
  if (s.includes('memorie van toelichting')) return 'memorie-van-toelichting'
  if (s.includes('voorstel van wet') || s.includes('wetsvoorstel')) return 'wetsvoorstel'
  if (s.includes('lijst van vragen') || s.includes('lijst van vragen en antwoorden')) return 'lijst-van-vragen'
  if (s.startsWith('nota')) return 'nota'
  if (s.includes('verslag')) return 'verslag'
  if (s.includes('advies')) return 'advies'
  if (s.includes('handelingen')) return 'handelingen'
  if (s.includes('brief')) return 'brief'
  return 'other'
}

/**
 * Splits a canonical Kamerstuk id into dossier and ondernummer:
 * `kst-36410-XVI-96` → `36410-XVI` / `96`, `kst-CII-G` → `CII` / `G`.
 */
export function splitKstId(id: string): { dossier: string; ondernummer: string } | null {
  const m = /^kst-(.+)-([^-]+)$/.exec(id)
  if (!m?.[1] || !m[2]) return null
  return { dossier: m[1], ondernummer: m[2] }
}

/** `2024-01-29T00:00:00+01:00` → `2024-01-29`; anything else → undefined. */
export function isoDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value)
  return m?.[1]
}

/**
 * Reads the KOOP metadata names (`DC.identifier`, `OVERHEIDop.*`) that an
 * official XML `<metadata>` block or an officielebekendmakingen page head carries.
 */
export function hintsFromMeta(pairs: Array<[string, string]>): SourceHints {
  const hints: SourceHints = {}
  const indieners: string[] = []
  for (const [name, content] of pairs) {
    const value = content.trim()
    if (!value) continue
    switch (name) {
      case 'DC.identifier':
        if (/^(kst|h|ah)-/.test(value)) hints.id = value
        break
      case 'OVERHEIDop.externMetadataRecord': {
        // `https://zoek.officielebekendmakingen.nl/kst-36410-XVI-96/metadata.xml`
        const m = /\/((?:kst|h|ah)-[^/]+)\/metadata\.xml$/.exec(value)
        if (m?.[1]) hints.id ??= m[1]
        break
      }
      case 'OVERHEIDop.dossiernummer': {
        // `31839;36410-XVI`: a paper printed in two dossiers belongs to both; the first is its own.
        const [first, ...rest] = value
          .split(';')
          .map((d) => d.replace(/\s+/g, ''))
          .filter(Boolean)
        if (first) hints.dossier ??= first
        if (rest.length) hints.otherDossiers ??= rest
        break
      }
      case 'OVERHEIDop.ondernummer':
        hints.ondernummer ??= value
        break
      case 'OVERHEIDop.vergaderjaar':
        hints.vergaderjaar ??= value.replace(/[–—]/g, '-')
        break
      case 'OVERHEIDop.documenttitel':
        hints.title ??= value
        break
      case 'OVERHEIDop.dossiertitel':
        hints.dossierTitle ??= value
        break
      case 'OVERHEIDop.datumBrief':
      case 'DCTERMS.issued': {
        const day = isoDay(value)
        if (day) hints.date ??= day
        break
      }
      case 'DC.type':
        if (!/^(Kamerstuk|officiële publicatie)$/i.test(value)) hints.type ??= paperTypeFromSoort(value)
        break
      case 'OVERHEIDop.indiener':
        indieners.push(value)
        break
      case 'OVERHEIDop.ontvanger':
        hints.addressee ??= value
        break
      case 'DC.creator':
        if (/Tweede Kamer/.test(value)) hints.kamer = 'Tweede Kamer'
        else if (/Eerste Kamer/.test(value)) hints.kamer = 'Eerste Kamer'
        break
    }
  }
  if (indieners.length) hints.signers = indieners
  return hints
}
