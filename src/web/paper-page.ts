import type { MotieFacts, MotieFollowUp } from '../app/moties.js'
import type { Citations } from '../link/models.js'
import type { TrackedCommitment } from '../link/status.js'
import type { AskedBy, Document, Speaker, SpeakerRole } from '../model/document.js'
import { documentNummerOf } from '../store/keys.js'
import { correctionForm, correctionNote, postponementNote } from './corrections.js'
import { dossierHref, dutchDate, esc, layout, officialHref, paperHref, STATUS_NL, shownTitle, tweedekamerHref } from './html.js'
import { motieFactsSection } from './motie-parts.js'
import { questionsSection } from './questions-parts.js'

interface Mark {
  start: number
  end: number
  open: string
  close: string
}

/**
 * The clean text as HTML paragraphs with the extractions marked: references
 * as links (to the stored paper where there is one), dates as `<time>`,
 * commitments and fulfilments as `<mark>`. Spans may overlap (a date inside
 * a promise), so the text is cut at every span boundary and each piece is
 * wrapped in the marks that cover it.
 */
export function markedHtml(doc: Document, citations: Citations | null, commitments: Map<string, TrackedCommitment>): string {
  const stored = new Map<string, string>()
  for (const c of citations?.out ?? []) if (c.paper) stored.set(c.text, c.paper.id ?? c.paper.key)
  const marks: Mark[] = []
  for (const r of doc.references) {
    const target = stored.get(r.text) ?? null
    // A cited paper that is not stored links to the official record, where it has one.
    const official = target ? null : officialHref(r.target)
    const title = r.target
      ? `verwijst naar ${r.target}${target ? '' : official ? ' (niet opgeslagen; officiële publicatie)' : ' (niet opgeslagen)'}`
      : 'verwijzing zonder nummer'
    marks.push({
      ...r.span,
      open: target
        ? `<a class="ref" href="${esc(paperHref(target))}" title="${esc(title)}" data-target="${esc(r.target ?? '')}">`
        : official
          ? `<a class="ref external" href="${esc(official)}" rel="noopener" title="${esc(title)}" data-target="${esc(r.target ?? '')}">`
          : `<span class="ref unresolved" title="${esc(title)}" data-target="${esc(r.target ?? '')}">`,
      close: target || official ? '</a>' : '</span>',
    })
  }
  for (const d of doc.dates)
    marks.push({
      ...d.span,
      open: `<time class="date" datetime="${esc(d.start)}" title="${esc(d.start === d.end ? d.start : `${d.start} t/m ${d.end}`)}">`,
      close: '</time>',
    })
  doc.commitments.forEach((c, k) => {
    const tracked = [...commitments.values()].find((t) => t.text === c.text)
    const status = tracked?.status ?? 'open'
    marks.push({
      ...c.span,
      open: `<mark class="commitment status-${status}" id="toezegging-${k + 1}" title="Toezegging · ${esc(STATUS_NL[status])}${c.dueText ? ` · termijn: ${esc(c.dueText)}` : ''}">`,
      close: '</mark>',
    })
  })
  // What a motie asks (`verzoekt de regering …`): the part the government is to carry out.
  for (const r of doc.requests) marks.push({ ...r.span, open: `<mark class="request" title="${esc(`Verzoek aan ${r.addressee}`)}">`, close: '</mark>' })
  for (const f of doc.fulfils)
    marks.push({
      ...f.span,
      open: `<mark class="fulfilment" title="${esc(f.asked ? `Antwoord op ${askedNl(f.asked)}` : 'Nakoming van een eerdere toezegging of verzoek')}">`,
      close: '</mark>',
    })

  const out: string[] = []
  // A debate's turns: each speaker's label is a heading of its own (`Staatssecretaris De Vries`, role beside it).
  const labels = new Map(doc.sections.filter((s) => s.kind === 'speaker').map((s) => [s.span.start, s.span.end]))
  const turnAt = new Map((doc.turns ?? []).map((t, k) => [t.span.start, { t, k }]))
  for (const whole of paragraphs(doc.text)) {
    const para = { ...whole }
    const labelEnd = labels.get(para.start)
    const turn = turnAt.get(para.start)
    if (labelEnd !== undefined && turn) {
      const s = turn.t.speaker
      const role = [ROLE_NL[s.role], s.party, s.function].filter(Boolean).join(' · ')
      out.push(
        `<h3 class="speaker role-${s.role}${turn.t.interruption ? ' interruption' : ''}" id="beurt-${turn.k + 1}">${esc(turn.t.label)} <span class="role">${esc(role)}${turn.t.interruption ? ' · interruptie' : ''}</span></h3>`,
      )
      para.start = labelEnd
      while (para.start < para.end && /\s/.test(doc.text[para.start] as string)) para.start++
      if (para.start >= para.end) continue
    }
    const cuts = new Set([para.start, para.end])
    const inside = marks.filter((m) => m.start < para.end && m.end > para.start)
    for (const m of inside) {
      cuts.add(Math.max(m.start, para.start))
      cuts.add(Math.min(m.end, para.end))
    }
    const points = [...cuts].sort((a, b) => a - b)
    let html = ''
    for (let k = 0; k < points.length - 1; k++) {
      const a = points[k] as number
      const b = points[k + 1] as number
      // Outer marks first: longer spans wrap shorter ones.
      const cover = inside.filter((m) => m.start <= a && m.end >= b).sort((x, y) => y.end - y.start - (x.end - x.start))
      html +=
        cover.map((m) => m.open).join('') +
        esc(doc.text.slice(a, b)).replace(/\n/g, '<br>') +
        [...cover]
          .reverse()
          .map((m) => m.close)
          .join('')
    }
    out.push(`<p>${html}</p>`)
  }
  return out.join('\n')
}

/** A speaker's role as the Dutch UI names it. */
const ROLE_NL: Record<SpeakerRole, string> = {
  voorzitter: 'voorzitter',
  'minister-president': 'minister-president',
  minister: 'minister',
  staatssecretaris: 'staatssecretaris',
  kamerlid: 'Kamerlid',
  other: '',
}

/** Paragraphs of the clean text (separated by a blank line), as spans. */
function paragraphs(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = []
  const re = /\n\s*\n/g
  let at = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) out.push({ start: at, end: m.index })
    at = m.index + m[0].length
  }
  if (at < text.length) out.push({ start: at, end: text.length })
  return out
}

const HOW_NL: Record<AskedBy['how'], string> = {
  commissie: 'een verzoek van de',
  lid: 'een verzoek van het lid',
  kamer: 'een verzoek van',
  motie: 'de motie van',
  vragenuur: 'een vraag in het vragenuur van',
  regeling: 'een verzoek bij de regeling van werkzaamheden van',
  debat: 'een verzoek in het debat van',
}

/** Who asked, in Dutch: `een verzoek van het lid Van Dijck (7 november 2023)`. */
function askedNl(a: AskedBy): string {
  return `${HOW_NL[a.how]} ${a.who}${a.on ? ` (${dutchDate(a.on)})` : ''}`
}

/** The paper page: the marked text, a side panel with what was extracted, citations in and out, and the original text. */
export function paperPage(
  doc: Document,
  key: string,
  citations: Citations | null,
  commitments: TrackedCommitment[],
  view: 'clean' | 'source',
  /** The page's own address when a signed-in user may correct its promises. */
  correctFrom: string | null = null,
  /** For a motie: the letters that answer it, and what the Kamer's records say of it (app/moties.ts). */
  followUps: MotieFollowUp[] = [],
  facts: MotieFacts | null = null,
): string {
  const id = doc.id ?? key
  const nummer = documentNummerOf(doc)
  // The Kamer's own page of the paper: for a paper of its open data, and for a debate or paper whose id is its number.
  const tkHref = tweedekamerHref(nummer ?? doc.id)
  const byId = new Map(commitments.map((c) => [c.id, c]))
  const head = [
    doc.type ? `<span class="type">${esc(doc.type)}</span>` : '',
    doc.date ? `<time datetime="${esc(doc.date)}">${esc(dutchDate(doc.date))}</time>` : '',
    doc.sender ? esc(doc.sender) : '',
    doc.dossier ? `dossier <a href="${esc(dossierHref(doc.dossier))}">${esc(doc.dossier)}</a>` : '',
    `<code>${esc(id)}</code>`,
    // The Tweede Kamer's own number, for a paper that came from its open data (`2025D13256`).
    nummer && nummer !== id ? `Tweede Kamer <code>${esc(nummer)}</code>` : '',
    doc.issues.some((i) => i.code === 'content-missing' || i.code === 'content-absent')
      ? '<span class="badge">alleen metadata: tekst niet opgehaald</span>'
      : '',
    // A letter to the VNG, a committee's besluitenlijst: kept, but its promise-like sentences are no toezeggingen.
    ...doc.issues
      .filter((i) => i.code === 'not-to-kamer')
      .map((i) => `<span class="badge" title="${esc(i.message)}">niet aan de Kamer gericht: geen toezeggingen op het overzicht</span>`),
  ]
    .filter(Boolean)
    .join(' · ')
  const commitmentItems = commitments.map((c) => commitmentItem(doc, c, correctFrom)).join('')
  const { speakers, speakerItems } = speakerList(doc)
  // Requests of the Kamer this paper answers: who asked, how and when.
  const answered = doc.fulfils
    .filter((f) => f.asked)
    .map((f) => `<li>${esc(askedNl(f.asked as AskedBy))} <span class="target">“${esc(f.text)}”</span></li>`)
    .join('')
  const refItems = (citations?.out ?? [])
    .map(
      (r) =>
        `<li>${r.paper ? `<a href="${esc(paperHref(r.paper.id ?? r.paper.key))}">${esc(r.text)}</a>` : esc(r.text)} <span class="target">${esc(r.target ?? (r.date ? `brief van ${dutchDate(r.date)}` : ''))}${r.paper ? '' : ' · niet opgeslagen'}</span>${officialHref(r.target) ? ` <a class="official" href="${esc(officialHref(r.target) as string)}" rel="noopener">officiële publicatie</a>` : ''}</li>`,
    )
    .join('')
  const citedBy = (citations?.in ?? [])
    .map(
      (c) =>
        `<li><a href="${esc(paperHref(c.paper.id ?? c.paper.key))}">${esc(c.paper.id ?? c.paper.key)}</a> ${esc(dutchDate(c.paper.date))} <span class="target">“${esc(c.text)}”</span></li>`,
    )
    .join('')
  const dateItems = doc.dates
    .slice(0, 60)
    .map(
      (d) =>
        `<li><time datetime="${esc(d.start)}">${esc(d.text)}</time> <span class="target">${esc(d.start === d.end ? d.start : `${d.start} – ${d.end}`)}</span></li>`,
    )
    .join('')
  const text =
    view === 'source'
      ? `<pre class="source" aria-label="Oorspronkelijke tekst">${esc(doc.source.text)}</pre>`
      : `<div class="clean">${markedHtml(doc, citations, byId)}</div>`
  const body = `<article class="paper">
<header>
  <p class="meta">${head}</p>
  <h1>${esc(shownTitle(doc.title, doc.dossierTitle) ?? id)}</h1>
  ${doc.dossierTitle && shownTitle(doc.title, doc.dossierTitle) === doc.title ? `<p class="dossier-title">${esc(doc.dossierTitle)}</p>` : ''}
  <div class="view-switch" role="group" aria-label="Weergave">
    <a href="?view=clean"${view === 'clean' ? ' aria-current="true"' : ''}>Opgeschoonde tekst</a>
    <a href="?view=source"${view === 'source' ? ' aria-current="true"' : ''}>Oorspronkelijke tekst</a>
    <a href="/api/papers/${encodeURIComponent(id)}/source">Bron downloaden</a>
    <a href="/api/papers/${encodeURIComponent(id)}">JSON</a>
    ${officialHref(doc.id) ? `<a class="official" href="${esc(officialHref(doc.id) as string)}" rel="noopener">Officiële publicatie</a>` : ''}
    ${tkHref ? `<a class="official" href="${esc(tkHref)}" rel="noopener">Op tweedekamer.nl</a>` : ''}
  </div>
  <p class="legend"><mark class="commitment">toezegging</mark>${doc.requests.length ? ' <mark class="request">verzoek</mark>' : ''} <mark class="fulfilment">nakoming</mark> <span class="ref">verwijzing</span> <time class="date">datum</time></p>
</header>
<div class="paper-layout">
  ${text}
  <aside class="panel" aria-label="Wat kamerwacht vond">
    ${speakerItems ? `<section><h2>Sprekers (${speakers.size})</h2><ul class="speakers">${speakerItems}</ul></section>` : ''}
    ${facts ? motieFactsSection(facts) : ''}
    ${questionsSection(doc.text)}
    ${doc.type === 'motie' ? motieSection(doc.id ?? null, followUps) : ''}
    <section><h2>Toezeggingen (${commitments.length})</h2>${commitmentItems ? `<ul class="commitments">${commitmentItems}</ul>` : '<p>Geen.</p>'}</section>
    ${answered ? `<section><h2>Beantwoordt verzoeken (${doc.fulfils.filter((f) => f.asked).length})</h2><ul>${answered}</ul></section>` : ''}
    <section><h2>Verwijzingen (${citations?.out.length ?? 0})</h2>${refItems ? `<ul>${refItems}</ul>` : '<p>Geen.</p>'}</section>
    <section><h2>Aangehaald door (${citations?.in.length ?? 0})</h2>${citedBy ? `<ul>${citedBy}</ul>` : '<p>Nog geen opgeslagen stuk.</p>'}</section>
    <section><h2>Data (${doc.dates.length})</h2>${dateItems ? `<ul>${dateItems}</ul>` : '<p>Geen.</p>'}</section>
  </aside>
</div>
</article>`
  return layout({ title: shownTitle(doc.title, doc.dossierTitle) ?? id, body, nav: 'paper' })
}

/**
 * The page of a paper the store does not hold but its papers cite (`/papers/kst-33783-48`): its id and dossier,
 * the official publication to read it in, and the stored papers that cite it, each with the words that do.
 */
export function citedPage(c: Citations): string {
  const id = c.paper.id ?? c.paper.key
  const official = officialHref(id) ?? tweedekamerHref(id)
  const citing = c.in
    .map(
      (r) =>
        `<li><a href="${esc(paperHref(r.paper.id ?? r.paper.key))}">${esc(shownTitle(r.paper.title) ?? r.paper.id ?? r.paper.key)}</a> <span class="meta">${esc(dutchDate(r.paper.date))}${r.paper.sender ? ` · ${esc(r.paper.sender)}` : ''}</span><br><q>${esc(r.text)}</q></li>`,
    )
    .join('\n')
  const body = `<h1>${esc(id)}</h1>
<p class="lead">Dit stuk is niet opgeslagen. ${c.in.length === 1 ? 'Eén opgeslagen stuk haalt het aan' : `${c.in.length} opgeslagen stukken halen het aan`}.</p>
<ul class="facts">
  ${c.paper.dossier ? `<li>Dossier <a href="${esc(dossierHref(c.paper.dossier))}">${esc(c.paper.dossier)}</a></li>` : ''}
  ${official ? `<li><a class="official" href="${esc(official)}" rel="noopener">Lees het in de officiële publicatie</a></li>` : ''}
</ul>
<section aria-labelledby="aangehaald"><h2 id="aangehaald">Aangehaald door</h2><ul>${citing}</ul></section>`
  return layout({ title: `${id} (niet opgeslagen)`, body, nav: 'paper' })
}

/** One promise of the paper in its side panel: status, deadline, who said it, what kept it, and the correction form. */
function commitmentItem(doc: Document, c: TrackedCommitment, correctFrom: string | null): string {
  // A promise made aloud: who made it, and to whom.
  const said = doc.commitments.find((x) => x.text === c.text)
  const by = said?.speaker ? `<p class="speaker-of">Gezegd door ${esc(said.actor ?? said.speaker.name)}${said.to ? `, aan ${esc(said.to)}` : ''}</p>` : ''
  // The chair's reading of it at the end of the debate, and the speaker saying it again: one promise, more evidence.
  const support = (said?.support ?? [])
    .map((x) => `<p class="evidence">${x.kind === 'chair-reading' ? 'Voorgelezen door de voorzitter' : 'Herhaald'}: “${esc(x.text)}”</p>`)
    .join('')
  return `<li class="status-${c.status}">
  <p><a href="#toezegging-${doc.commitments.findIndex((x) => x.text === c.text) + 1}">${esc(c.text)}</a></p>${by}${support}
  <p class="meta"><span class="badge status-${c.status}">${esc(STATUS_NL[c.status])}</span>${c.dueText ? ` termijn: ${esc(c.dueText)}${c.due ? ` (uiterlijk ${esc(dutchDate(c.due.end))})` : ''}` : ' geen termijn'} · <a href="/follows?query=${encodeURIComponent(`toezegging:${c.id}`)}">Volgen</a></p>
  ${c.evidence.map((e) => `<p class="evidence">Nagekomen in <a href="${esc(paperHref(e.paperId ?? e.paperKey))}">${esc(e.paperId ?? e.paperKey)}</a> (${esc(dutchDate(e.paperDate))})</p>`).join('')}
  ${c.candidates.map((e) => `<p class="candidate">Mogelijk nagekomen in <a href="${esc(paperHref(e.paperId ?? e.paperKey))}">${esc(e.paperId ?? e.paperKey)}</a></p>`).join('')}
  ${postponementNote(c)}
  ${correctionNote(c)}${correctFrom ? correctionForm(c, correctFrom) : ''}
</li>`
}

/** Who spoke in a debate, with their number of turns, in order of first turn, as the side panel lists them. */
function speakerList(doc: Document): { speakers: Map<string, { speaker: Speaker; turns: number; first: number }>; speakerItems: string } {
  // Who spoke, with their number of turns, in order of first turn.
  const speakers = new Map<string, { speaker: Speaker; turns: number; first: number }>()
  for (const [k, t] of (doc.turns ?? []).entries()) {
    const s = speakers.get(t.label) ?? { speaker: t.speaker, turns: 0, first: k }
    s.turns++
    speakers.set(t.label, s)
  }
  const speakerItems = [...speakers.entries()]
    .map(
      ([label, s]) =>
        `<li><a href="#beurt-${s.first + 1}">${esc(label)}</a> <span class="target">${esc([ROLE_NL[s.speaker.role], s.speaker.function].filter(Boolean).join(', '))} · ${s.turns} ${s.turns === 1 ? 'beurt' : 'beurten'}</span></li>`,
    )
    .join('')
  return { speakers, speakerItems }
}

const ANSWER_NL: Record<MotieFollowUp['how'], string> = {
  'carried-out': 'Uitgevoerd',
  partly: 'Deels uitgevoerd',
  declines: 'Niet uitgevoerd',
  responds: 'Reactie',
}

/** What became of a motie: the government letters that answer it, each with how (`Uitgevoerd`, `Reactie`) and when. */
function motieSection(id: string | null, followUps: MotieFollowUp[]): string {
  const items = followUps
    .map(
      (f) =>
        `<li><span class="badge answer-${f.how}">${ANSWER_NL[f.how]}</span> <a href="${esc(paperHref(f.paper.id ?? f.paper.key))}">${esc(shownTitle(f.paper.title) ?? f.paper.id ?? f.paper.key)}</a> <span class="meta">${esc(dutchDate(f.paper.date))}</span></li>`,
    )
    .join('')
  // Following it: an alert for each letter that answers it from now on.
  const follow = id
    ? `<p class="meta"><a href="/follows?query=${encodeURIComponent(`motie:${id}`)}">Volgen</a>: bericht bij elke stemming erover en elke brief die erop antwoordt.</p>`
    : ''
  return `<section class="motie-answers"><h2>Wat ermee gebeurde (${followUps.length})</h2>${items ? `<ul>${items}</ul>` : '<p>Nog geen opgeslagen brief die op deze motie antwoordt.</p>'}${follow}</section>`
}
