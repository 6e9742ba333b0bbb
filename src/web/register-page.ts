import type { RegisterInput, RegisterView } from '../app/register.js'
import type { Agreement, ChainRelation, PaperPromise, RegisterEntry } from '../link/register.js'
import { dutchDate, esc, layout, paperHref, STATUS_NL } from './html.js'
import { commissieHref, fractieHref, lidHref } from './people-page.js'

const CHAIN_NL: Record<ChainRelation, string> = {
  'herhaling-van': 'herhaling van',
  'wijziging-van': 'wijziging van',
  'aanvulling-op': 'aanvulling op',
  'herhaald-in': 'herhaald in',
  'gewijzigd-in': 'gewijzigd in',
  'aangevuld-in': 'aangevuld in',
}

/** A register record's anchor on this page, so its chain links to the records it names. */
const anchor = (id: string) => `tz-${id.replace(/[^\w-]/g, '')}`

/** A register record: its number, status, ministry and who made it, its words, its deadline and the letters it names. */
function entryPart(r: RegisterEntry): string {
  const kept = r.keptBy.map((k) => (k.paper ? `<a href="${esc(paperHref(k.paper))}">${esc(k.paper)}</a>` : esc(k.documentNummer ?? '?'))).join(', ')
  return `<p class="meta" id="${anchor(r.id)}"><code>${esc(r.nummer ?? r.id)}</code> · ${esc(r.status ?? 'status onbekend')} · ${esc(r.ministerie ?? '')}${r.by ? ` · ${esc(r.by)}` : ''}${r.made ? ` · ${esc(dutchDate(r.made))}` : ''}</p>
  <p class="text">${esc(r.text)}</p>
  <p class="due">${r.due ? `Termijn in het register: ${esc(dutchDate(r.due))}` : 'Geen termijn in het register'}${kept ? ` · nagekomen met ${kept}` : ''}</p>${kamerPart(r)}`
}

/** Where a register record was made (the debate and its committee), to whom, and the records it repeats, changes or adds to. */
function kamerPart(r: RegisterEntry): string {
  const parts: string[] = []
  const a = r.activiteit
  if (a) {
    const committee = a.commissie.afkorting
      ? ` van de <a href="${esc(commissieHref(a.commissie.afkorting))}">${esc(a.commissie.naam ?? a.commissie.afkorting)}</a>`
      : ''
    parts.push(
      `Gedaan in: ${esc([a.soort, a.onderwerp].filter(Boolean).join(' ') || (a.nummer ?? ''))}${committee}${a.start ? ` (${esc(dutchDate(a.start.slice(0, 10)))})` : ''}`,
    )
  } else if (r.activiteitNummer) parts.push(`Gedaan in: activiteit ${esc(r.activiteitNummer)} (niet opgeslagen)`)
  if (r.toegezegdAan.length)
    parts.push(
      `Toegezegd aan: ${r.toegezegdAan
        .map((t) => {
          const party = t.fractie ? `<a href="${esc(fractieHref(t.fractie))}">${esc(t.fractie)}</a>` : ''
          return t.lid ? `<a href="${esc(lidHref(t.lid))}">${esc(t.lid)}</a>${party ? ` (${party})` : ''}` : party
        })
        .join(', ')}`,
    )
  for (const l of r.chain) {
    const label = esc(l.nummer ?? l.id ?? '?')
    parts.push(`${CHAIN_NL[l.relation][0]?.toUpperCase()}${CHAIN_NL[l.relation].slice(1)} ${l.id ? `<a href="#${anchor(l.id)}">${label}</a>` : label}`)
  }
  return parts.length ? `\n  <p class="kamer">${parts.join(' · ')}</p>` : ''
}

/** A promise kamerwacht read: where, its status, and who said it in a debate. */
function paperPart(p: PaperPromise): string {
  return `<p class="meta">Gelezen in <a href="${esc(paperHref(p.paper))}">${esc(p.paper)}</a> (${esc(dutchDate(p.date))})${p.speaker ? `, gezegd door ${esc(p.speaker)}` : ''} · <span class="badge status-${p.status}">${esc(STATUS_NL[p.status])}</span></p>
  <p class="text">${esc(p.text)}</p>`
}

/** What kamerwacht proposes where the register has no deadline or no letter that met the promise. */
function proposal(a: Agreement): string {
  const parts: string[] = []
  if (!a.register.due && a.paper.due) parts.push(`termijn ${esc(dutchDate(a.paper.due))} (uit de woorden van de toezegging)`)
  if (!a.register.keptBy.length && a.paper.keptBy?.length)
    parts.push(`nagekomen met ${a.paper.keptBy.map((k) => `<a href="${esc(paperHref(k))}">${esc(k)}</a>`).join(', ')}`)
  return parts.length ? `<p class="candidate">Voorstel van kamerwacht: ${parts.join('; ')}</p>` : ''
}

/** `/register`: the Kamer's register of promises beside the promises kamerwacht read, by status, ministry, maker and deadline. */
export function registerPage(f: RegisterInput, v: RegisterView): string {
  const option = (value: string, label: string) => `<option value="${value}"${(f.status ?? '') === value ? ' selected' : ''}>${label}</option>`
  const query = new URLSearchParams()
  if (f.status) query.set('status', f.status)
  if (f.ministerie) query.set('ministerie', f.ministerie)
  for (const key of ['door', 'commissie', 'fractie', 'lid', 'voor'] as const) {
    const value = f[key]
    if (value) query.set(key, value)
  }
  const exported = `/register.csv${query.size ? `?${query}` : ''}`
  const agree = v.agree
    .map(
      (a) =>
        `<li class="pair">${entryPart(a.register)}${paperPart(a.paper)}<p class="help">Overeenkomst ${Math.round(a.score * 100)}%${a.statusAgrees === false ? ' · <strong>status verschilt</strong>' : ''}</p>${proposal(a)}</li>`,
    )
    .join('\n')
  const body = `<h1>Register van toezeggingen</h1>
<p class="lead">Het register van de griffie naast de toezeggingen die kamerwacht in de stukken las: wat in beide staat, wat alleen het register heeft, en wat het register mist. Waar het register geen termijn of nakoming kent, staat het voorstel van kamerwacht erbij.</p>
${v.registered === 0 ? '<p role="status">Het register is hier leeg: <code>kamerwacht sync tk</code> haalt de Toezegging-records op.</p>' : ''}
<form class="filters" action="/register" method="get">
  <label for="register-status">Status</label> <select id="register-status" name="status">${option('', 'alle')}${option('open', 'open')}${option('due-soon', 'bijna verlopen')}${option('overdue', 'verlopen')}${option('fulfilled', 'nagekomen')}</select>
  <label for="register-ministerie">Ministerie</label> <input id="register-ministerie" name="ministerie" value="${esc(f.ministerie ?? '')}" placeholder="Buitenlandse Zaken">
  <label for="register-door">Gedaan door</label> <input id="register-door" name="door" value="${esc(f.door ?? '')}" placeholder="Hoekstra" size="14">
  <label for="register-commissie">Commissie</label> <input id="register-commissie" name="commissie" value="${esc(f.commissie ?? '')}" placeholder="VWS" size="10">
  <label for="register-fractie">Toegezegd aan fractie</label> <input id="register-fractie" name="fractie" value="${esc(f.fractie ?? '')}" placeholder="SP" size="10">
  <label for="register-lid">Toegezegd aan lid</label> <input id="register-lid" name="lid" value="${esc(f.lid ?? '')}" placeholder="Jansen" size="12">
  <label for="register-voor">Termijn tot en met</label> <input id="register-voor" name="voor" value="${esc(f.voor ?? '')}" placeholder="2025-12-31" size="10">
  <button type="submit">Filter</button>
  · Exporteren: <a class="export" href="${esc(exported)}" download>CSV (Excel)</a>
</form>
<section aria-labelledby="in-beide"><h2 id="in-beide">In beide (${v.agree.length})</h2>${agree ? `<ol class="items">${agree}</ol>` : '<p>Geen.</p>'}</section>
<section aria-labelledby="alleen-register"><h2 id="alleen-register">Alleen in het register (${v.onlyRegister.length})</h2>${
    v.onlyRegister.length ? `<ol class="items">${v.onlyRegister.map((r) => `<li>${entryPart(r)}</li>`).join('\n')}</ol>` : '<p>Geen.</p>'
  }</section>
<section aria-labelledby="alleen-stukken"><h2 id="alleen-stukken">Alleen in de stukken (${v.onlyPapers.length})</h2>${
    v.onlyPapers.length ? `<ol class="items">${v.onlyPapers.map((p) => `<li>${paperPart(p)}</li>`).join('\n')}</ol>` : '<p>Geen.</p>'
  }</section>`
  return layout({ title: 'Register van toezeggingen', body, nav: 'commitments' })
}
