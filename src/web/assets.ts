// The UI's one stylesheet and one script, served from /static. Small enough to keep in code,
// so the build has no asset step; the Content-Security-Policy allows only these.

/** `/static/app.css` */
export const CSS = `
:root { --ink: #1b1b1b; --muted: #595959; --line: #d0d0d0; --bg: #fff; --accent: #154273; --open: #1f6fb2; --soon: #995c00; --over: #b00020; --done: #2e7d32; --mark: #fff3b0; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; }
.top a:focus-visible { outline-color: #fff; }
.skip { position: absolute; left: -999px; top: 0; background: #ffbf47; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 0; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.top { display: flex; gap: 2rem; align-items: center; padding: .75rem 1.5rem; background: var(--accent); color: #fff; }
.top a { color: #fff; text-decoration: none; }
.top .brand { font-weight: 700; font-size: 1.2rem; }
.top nav { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
.top nav a[aria-current="page"] { text-decoration: underline; text-underline-offset: 4px; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; overflow-wrap: break-word; }
/* A wide table scrolls in its own box on a phone; the page never scrolls sideways. */
.table-wrap { overflow-x: auto; max-width: 100%; }
code { overflow-wrap: anywhere; }
.bottom { border-top: 1px solid var(--line); color: var(--muted); padding: .5rem 1.5rem; font-size: .9rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
.lead, .help, .meta, .count, .target { color: var(--muted); }
.help { font-size: .9rem; margin: .25rem 0; }
form.search label[for="q"] { font-weight: 600; display: block; }
form .row { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
input[type="search"] { flex: 1 1 24rem; font-size: 1.1rem; padding: .5rem; border: 2px solid var(--ink); }
input, select, button { font: inherit; padding: .35rem .5rem; }
button { background: var(--accent); color: #fff; border: 0; padding: .5rem 1rem; cursor: pointer; }
label.inline { margin-left: .5rem; }
.syntax dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
.syntax dd { margin: 0; }
.error { color: var(--over); font-weight: 600; }
.notes, .hint { color: var(--muted); }
form.inline { display: inline; }
section.alerts form { display: grid; grid-template-columns: max-content minmax(0, 22rem); gap: .5rem .75rem; align-items: center; }
section.alerts form .help { grid-column: 1 / -1; }
@media (max-width: 600px) { section.alerts form { grid-template-columns: minmax(0, 1fr); } }
button.link { background: none; color: var(--accent); padding: 0; text-decoration: underline; }
form.correct summary { cursor: pointer; color: var(--accent); font-size: .9rem; }
form.correct button { margin: .25rem .25rem 0 0; padding: .25rem .6rem; }
.correction { font-size: .9rem; color: var(--muted); font-style: italic; }
.home { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); gap: 0 2rem; margin-top: 1.5rem; }
.home section { border-top: 1px solid var(--line); }
.home h2 { font-size: 1.15rem; }
.home .latest, .home .dossiers { padding-left: 1.1rem; }
.results-layout { display: grid; grid-template-columns: 14rem 1fr; gap: 2rem; margin-top: 1rem; }
.facet h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.facet ul { list-style: none; padding: 0; margin: 0; font-size: .92rem; }
.facet li { display: flex; justify-content: space-between; gap: .5rem; }
.hits { padding-left: 1.25rem; }
.hit h2 { font-size: 1.1rem; margin: 1rem 0 .1rem; }
.hit .meta { margin: 0; font-size: .9rem; }
.snippet mark, .clean mark { background: var(--mark); }
.chip { border: 1px solid var(--line); border-radius: 1rem; padding: 0 .5rem; text-decoration: none; }
.pages { display: flex; gap: 1rem; margin-top: 1rem; }
.paper header .meta { margin-bottom: 0; }
.view-switch { display: flex; gap: 1rem; flex-wrap: wrap; margin: .5rem 0; }
.view-switch a[aria-current="true"] { font-weight: 700; text-decoration: none; color: var(--ink); }
.legend { font-size: .85rem; display: flex; gap: .75rem; }
.paper-layout { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 2rem; }
.clean p { max-width: 44rem; }
.clean .ref { text-decoration: underline dotted; }
.clean a.ref { text-decoration: underline; }
.clean time.date, .legend .date { border-bottom: 2px solid #7aa7d6; }
mark.commitment { background: #ffe08a; outline: 2px solid #d4a000; padding: 0 .1rem; }
.clean h3.speaker { font-size: 1rem; margin: 1.25rem 0 .25rem; }
.clean h3.speaker .role { font-weight: normal; color: var(--muted, #555); font-size: .9rem; }
.clean h3.speaker.role-minister, .clean h3.speaker.role-staatssecretaris, .clean h3.speaker.role-minister-president { color: #154273; }
.clean h3.speaker.interruption { margin-left: 1rem; }
.speaker-of { font-size: .9rem; margin: .1rem 0; }
mark.request { background: #e3ecf7; outline: 1px solid var(--open); border-radius: 2px; }
mark.commitment.status-fulfilled { background: #d7f0d8; outline-color: var(--done); }
mark.commitment.status-overdue { background: #ffd9de; outline-color: var(--over); }
mark.fulfilment { background: #d7f0d8; }
.source { white-space: pre-wrap; font-size: .85rem; background: #f6f6f6; padding: 1rem; overflow-x: auto; }
.panel section { border-top: 1px solid var(--line); }
.panel h2 { font-size: 1rem; }
.panel ul { padding-left: 1.1rem; font-size: .92rem; }
.badge { display: inline-block; font-size: .8rem; padding: 0 .4rem; border-radius: .25rem; color: #fff; background: var(--open); }
.badge.status-due-soon { background: var(--soon); }
.badge.status-overdue { background: var(--over); }
.badge.status-fulfilled { background: var(--done); }
.badge.stale { background: #6b6b6b; }
.badge.answer-carried-out { background: var(--done); }
.badge.result-aangenomen { background: var(--done); }
.badge.motie-uitgevoerd { background: var(--done); }
.badge.motie-niet-uitgevoerd { background: var(--over); }
.badge.motie-deels, .badge.motie-in-behandeling { background: var(--soon); }
.badge.result-verworpen { background: var(--over); }
.badge.result-aangehouden, .badge.result-ingetrokken, .badge.result-vervallen { background: #595959; }
dl.facts, dl.votes { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .5rem 0; }
dl.facts dt, dl.votes dt { font-weight: 600; }
dl.facts dd, dl.votes dd { margin: 0; }
.badge.answer-declines { background: var(--over); }
.evidence { color: var(--done); margin: .1rem 0; }
.candidate { color: var(--muted); font-style: italic; margin: .1rem 0; }
.timeline .years { list-style: none; padding: 0; }
.timeline .year h3 { margin: 1.25rem 0 .25rem; }
.timeline .entries { list-style: none; margin: 0; padding: 0 0 0 1.5rem; border-left: 3px solid var(--line); }
.timeline .entry { position: relative; margin: 0 0 .75rem; padding-left: .5rem; }
.timeline .entry .dot { position: absolute; left: -1.95rem; top: .35rem; }
.timeline .entry p { margin: 0; }
.timeline .when { font-size: .85rem; color: var(--muted); }
.timeline .from { font-size: .85rem; }
.dot { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; background: var(--accent); margin-right: .25rem; vertical-align: middle; }
.dot.kind-event { background: #7aa7d6; }
.dot.kind-commitment { background: #d4a000; }
.dot.kind-due { background: var(--over); border-radius: 0; }
.dot.kind-kept { background: var(--done); }
.kinds { border: 1px solid var(--line); display: flex; gap: 1rem; flex-wrap: wrap; }
.entry[hidden] { display: none; }
table.papers { border-collapse: collapse; width: 100%; font-size: .92rem; }
table.votes-table { border-collapse: collapse; width: 100%; font-size: .92rem; }
table.votes-table th, table.votes-table td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
table.papers th, table.papers td { text-align: left; border-bottom: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; }
table.papers code.id { white-space: nowrap; font-size: .85em; color: var(--muted); }
.timeline .year[hidden] { display: none; }
.tabs { display: flex; gap: .25rem; flex-wrap: wrap; border-bottom: 2px solid var(--line); margin: 1rem 0; }
.tabs a { padding: .4rem .8rem; text-decoration: none; border: 1px solid transparent; }
.tabs a[aria-current="true"] { border-color: var(--line); border-bottom: 2px solid var(--bg); margin-bottom: -2px; font-weight: 700; color: var(--ink); }
.filters { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.board-layout { display: grid; grid-template-columns: minmax(0, 1fr) 26rem; gap: 2rem; }
.items { list-style: none; padding: 0; }
.item { border-left: 4px solid var(--open); padding: .25rem .75rem; margin-bottom: 1rem; }
.item.status-due-soon { border-color: var(--soon); }
.item.status-overdue { border-color: var(--over); }
.item.status-fulfilled { border-color: var(--done); }
.item p { margin: .15rem 0; }
.item .id { font-size: .75rem; color: var(--muted); }
.chart ul.bars { list-style: none; padding: 0; margin: .5rem 0 0; }
.chart ul.bars li { display: grid; grid-template-columns: minmax(7rem, 13rem) 1fr; gap: 0 .5rem; align-items: center; font-size: .9rem; margin-bottom: .35rem; }
.chart ul.bars .label { overflow-wrap: anywhere; }
.chart ul.bars svg.bar { width: 100%; height: .8rem; display: block; }
.chart ul.bars .n { grid-column: 2; font-size: .8rem; color: var(--muted); }
.chart .bar-open, .key-open { fill: var(--open); background: var(--open); }
.chart .bar-overdue, .key-overdue { fill: var(--over); background: var(--over); }
.key { display: inline-block; width: .8rem; height: .8rem; }
@media (max-width: 900px) { .results-layout, .paper-layout, .board-layout { grid-template-columns: 1fr; } }
@media (max-width: 600px) { .top { flex-wrap: wrap; gap: .5rem 1.25rem; padding: .5rem 1rem; } main { padding: .75rem 1rem 2rem; } table.papers td:nth-child(3), table.papers th:nth-child(3) { display: none; } }
/* Print: the paper and its marks, without navigation, forms and panels; links show where they go. */
@media print {
  .top, .bottom, .panel, .view-switch, form.search, .facets, .filters, .tabs, .pages, .skip, .kinds { display: none !important; }
  body { font-size: 11pt; color: #000; }
  main { max-width: none; padding: 0; }
  .paper-layout, .results-layout, .board-layout { display: block; }
  .clean a.ref::after { content: " (" attr(data-target) ")"; font-size: .85em; }
  mark.commitment { outline: 1px solid #000; }
  h1, h2, h3.speaker { break-after: avoid; }
}
`

/** `/static/app.js`: progressive help only; every page works without it. */
export const JS = `
'use strict';
// "/" focuses the search box, as on most search sites.
document.addEventListener('keydown', function (e) {
  var q = document.getElementById('q');
  if (e.key === '/' && q && document.activeElement !== q && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
    e.preventDefault();
    q.focus();
    q.select();
  }
});
// Changing the sort order searches again at once.
var sort = document.getElementById('sort');
if (sort && sort.form) sort.addEventListener('change', function () { sort.form.submit(); });
// Timeline: show or hide kinds of entries.
document.querySelectorAll('.kinds input[data-kind]').forEach(function (box) {
  box.addEventListener('change', function () {
    document.querySelectorAll('.timeline .entry[data-kind="' + box.dataset.kind + '"]').forEach(function (li) { li.hidden = !box.checked; });
    // A year with no entry shown shows no heading either.
    document.querySelectorAll('.timeline .year').forEach(function (y) { y.hidden = !y.querySelector('.entry:not([hidden])'); });
  });
});
`

/** `/favicon.ico` and `/favicon.svg`: a white k on the UI's blue, in SVG (every current browser shows it). */
export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#154273"/><text x="16" y="23" font-family="system-ui, sans-serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">k</text></svg>`
