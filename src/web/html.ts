import { snippetPlain } from '../search/snippet.js'

/** Escapes text for HTML content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/**
 * A search snippet (HTML-escaped, with `<mark>` tags) for a page: its text is
 * taken back to plain and escaped here, so the page never trusts markup from
 * elsewhere and never escapes twice (`Agri &amp;amp; Food`).
 */
export function snippetHtml(snippet: string): string {
  return snippet
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .map((part) => (part.startsWith('<mark>') ? `<mark>${esc(snippetPlain(part))}</mark>` : esc(snippetPlain(part))))
    .join('')
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']

/** `2022-05-27` → `27 mei 2022`. */
export function dutchDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso
}

/** The URL of a paper page. */
export const paperHref = (idOrKey: string) => `/papers/${encodeURIComponent(idOrKey)}`

export { officialHref, tweedekamerHref } from '../publish/export.js'
/** The URL of a dossier page. */
export const dossierHref = (nr: string) => `/dossiers/${encodeURIComponent(nr)}`

export { motieMovers, shownTitle } from '../link/titles.js'

/** Status names as users read them. */
export const STATUS_NL: Record<string, string> = { open: 'Open', 'due-soon': 'Bijna verlopen', overdue: 'Verlopen', fulfilled: 'Nagekomen' }

/** What every page shares: landmarks, a skip link, the navigation, and feed links for the page. */
export function layout(o: {
  title: string
  body: string
  nav?: 'search' | 'commitments' | 'moties' | 'agenda' | 'dossier' | 'paper' | 'follows'
  feeds?: Array<{ href: string; title: string; type: string }>
}): string {
  const current = (k: string) => (o.nav === k ? ' aria-current="page"' : '')
  const feeds = (o.feeds ?? []).map((f) => `<link rel="alternate" type="${esc(f.type)}" title="${esc(f.title)}" href="${esc(f.href)}">`).join('\n')
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)} · kamerwacht</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${feeds}
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#inhoud">Naar de inhoud</a>
<header class="top">
  <a class="brand" href="/">kamerwacht</a>
  <nav aria-label="Hoofdmenu">
    <a href="/"${current('search')}>Zoeken</a>
    <a href="/commitments"${current('commitments')}>Toezeggingen</a>
    <a href="/moties"${current('moties')}>Moties</a>
    <a href="/agenda"${current('agenda')}>Agenda</a>
    <a href="/follows"${current('follows')}>Gevolgd</a>
  </nav>
</header>
<main id="inhoud" tabindex="-1">
${o.body}
</main>
<footer class="bottom"><p>kamerwacht leest Kamerstukken en volgt toezeggingen. <a href="/vragen">Schriftelijke vragen</a> · <a href="/register">Register van toezeggingen</a> · <a href="/docs">API-documentatie</a></p></footer>
</body>
</html>`
}
