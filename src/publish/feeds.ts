/**
 * Feeds people already use: Atom (RFC 4287) for a saved search, a dossier or
 * a sender's commitments, and iCalendar (RFC 5545) for dated events and
 * commitment deadlines. Plain string builders, checked by tests with a real
 * parser (`@rowanmanning/feed-parser`, `ical.js`).
 *
 * Kept rather than `feed` and `ical-generator`, which are less strict with
 * text from papers (tried with feed 5 and ical-generator 9):
 * - `feed` writes every title and summary as `type="html"` in CDATA, so a
 *   plain-text `<niet>` from a paper is read as markup by feed readers, and it
 *   passes NUL and other control characters into the XML, which XML 1.0 forbids;
 * - `ical-generator` passes NUL and BEL into TEXT values raw and does not
 *   escape `;` and `,` in the calendar's name, and it reads all-day dates in the
 *   machine's time zone, so a deadline can move a day west of UTC.
 */

/** One Atom entry. */
export interface FeedEntry {
  /** A stable URI: `tag:kamerwacht,2026:paper/kst-33783-50`. */
  id: string
  title: string
  /** ISO date or date-time. */
  updated: string
  link?: string
  summary?: string
  author?: string
}

/** An Atom feed. */
export interface Feed {
  id: string
  title: string
  /** The feed's own address. */
  self?: string
  /** The page it mirrors. */
  link?: string
  author: string
  entries: FeedEntry[]
}

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 does not allow (control characters in an extracted text).
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly those
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')

/** `2022-05-27` → `2022-05-27T00:00:00Z`: Atom wants an RFC 3339 date-time. */
export function atomTime(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : new Date(date).toISOString()
}

/** A stable tag URI (RFC 4151) for a kamerwacht thing: `tag:kamerwacht.nl,2026:dossier/33783`. */
export function tagUri(path: string): string {
  return `tag:kamerwacht.nl,2026:${encodeURI(path)}`
}

/** The feed as Atom XML. `updated` is the newest entry's (or 1970 for an empty feed, so the output depends on the data only). */
export function atom(feed: Feed): string {
  const updated = feed.entries.map((e) => atomTime(e.updated)).reduce((max, t) => (t.localeCompare(max) > 0 ? t : max), '1970-01-01T00:00:00Z')
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
    `  <id>${xml(feed.id)}</id>`,
    `  <title>${xml(feed.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xml(feed.author)}</name></author>`,
    '  <generator uri="https://github.com/kamerwacht">kamerwacht</generator>',
  ]
  if (feed.self) lines.push(`  <link rel="self" type="application/atom+xml" href="${xml(feed.self)}"/>`)
  if (feed.link) lines.push(`  <link rel="alternate" type="text/html" href="${xml(feed.link)}"/>`)
  for (const e of feed.entries) {
    lines.push('  <entry>', `    <id>${xml(e.id)}</id>`, `    <title>${xml(e.title)}</title>`, `    <updated>${atomTime(e.updated)}</updated>`)
    if (e.author) lines.push(`    <author><name>${xml(e.author)}</name></author>`)
    if (e.link) lines.push(`    <link rel="alternate" type="text/html" href="${xml(e.link)}"/>`)
    if (e.summary) lines.push(`    <summary type="text">${xml(e.summary)}</summary>`)
    lines.push('  </entry>')
  }
  lines.push('</feed>', '')
  return lines.join('\n')
}

/** One calendar event: a whole-day event or span of days. */
export interface CalendarEvent {
  uid: string
  /** First day, ISO. */
  start: string
  /** Last day, ISO (inclusive); the same as start for one day. */
  end: string
  summary: string
  description?: string
  url?: string
  /** A meeting's times (ISO 8601 with their offset: `2025-02-04T16:15:00+01:00`), written in UTC; the days alone where absent. */
  at?: { start: string; end: string | null }
  location?: string
}

/** An instant as iCalendar's UTC form: `2025-02-04T16:15:00+01:00` → `20250204T151500Z`. */
const icsInstant = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

// RFC 5545 §3.3.11: backslash, semicolon and comma are escaped, line breaks (CRLF, LF or a bare CR) written
// as \n; other control characters (NUL, BEL, …; §3.1 allows none but the tab) are dropped. A bare CR written
// raw would let a parser that breaks lines at CR read a line the text injected (`…\rBEGIN:VEVENT`).
const icsText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly those
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
/** A URI property value: no control character or white space can be in a URI (RFC 3986), so none is written. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly those
const icsUri = (s: string) => s.replace(/[\u0000-\u0020\u007f]/g, '')

/** RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = []
  let current = ''
  let bytes = 0
  for (const ch of line) {
    const n = Buffer.byteLength(ch)
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(current)
      current = ''
      bytes = 0
    }
    current += ch
    bytes += n
  }
  out.push(current)
  return out.join('\r\n ')
}

const icsDate = (iso: string) => iso.replace(/-/g, '')

/** The day after an ISO date: iCalendar's DTEND of an all-day event is exclusive. */
function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** Events as an iCalendar file. `stamp` (DTSTAMP) is passed in so the same store gives the same file. */
export function ics(name: string, events: CalendarEvent[], stamp: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//kamerwacht//NONSGML kamerwacht//NL', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${icsText(name)}`]
  const dtstamp = `${icsDate(stamp.slice(0, 10))}T000000Z`
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(e.uid)}`,
      `DTSTAMP:${dtstamp}`,
      ...(e.at && !Number.isNaN(Date.parse(e.at.start))
        ? [`DTSTART:${icsInstant(e.at.start)}`, ...(e.at.end && !Number.isNaN(Date.parse(e.at.end)) ? [`DTEND:${icsInstant(e.at.end)}`] : [])]
        : [`DTSTART;VALUE=DATE:${icsDate(e.start)}`, `DTEND;VALUE=DATE:${icsDate(nextDay(e.end))}`]),
      `SUMMARY:${icsText(e.summary)}`,
    )
    if (e.location) lines.push(`LOCATION:${icsText(e.location)}`)
    if (e.description) lines.push(`DESCRIPTION:${icsText(e.description)}`)
    if (e.url) lines.push(`URL:${icsUri(e.url)}`)
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(fold).join('\r\n')}\r\n`
}
