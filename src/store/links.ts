import {
  type CommitmentRecord,
  FACT_CONFIDENCE,
  type FulfilmentLink,
  type LinkProfile,
  matchFulfilments,
  movedPromise,
  type PaperRef,
} from '../link/fulfilment.js'
import type { Citation, Citations, CitingPaper, CommitmentList, CommitmentQuery, DossierView, PaperInfo, TimelineEntry } from '../link/models.js'
import { type Correction, type Evidence, type TrackedCommitment, track } from '../link/status.js'
import { buildDossierView, buildTimeline, type DossierRow, type EventRow, firstLine, manualEvidence, tally, wordsMatcher } from '../link/views.js'
import type { Document } from '../model/document.js'
import { Candidates, type PaperToLink } from './candidates.js'
import { type PreparedLinks, prepareLinks, type StoredEvent } from './prepare.js'
import { containsPattern, type Dialect, type Sql } from './sql.js'
import type { Values } from './values.js'

const INFO = 'p.key, p.id, p.type, p.date, p.sender, p.title, p.dossier'

/** The tables derived from a paper, cleared when it is written again or removed (not `corrections`: they outlive a paper read again). */
const DERIVED = ['refs', 'events', 'commitments', 'profiles', 'pointers', 'speakers', 'paper_dossiers'] as const

/**
 * The linking half of the store, written once over `Dialect`: the derived
 * tables written with each paper (inside the put's transaction), and the
 * graph, dossier, timeline and tracker queries. The rules are `link/`'s.
 */
export class Links {
  constructor(
    private readonly d: Dialect,
    private readonly values: Values,
  ) {}

  /**
   * Writes what a stored paper cites, mentions and promises, and links it to earlier promises and later papers.
   * `fresh`: the paper was not stored before, so nothing derived from it is there to clear (nine statements a
   * paper fewer; on a server each is parsed and planned).
   */
  async derive(
    tx: Sql,
    doc: Document,
    paper: PaperRef,
    prepared: PreparedLinks = prepareLinks(doc, paper.key, this.values.packer),
    fresh = false,
  ): Promise<void> {
    const key = paper.key
    if (!fresh) await this.clear(tx, key)
    for (const [k, r] of doc.references.entries())
      await tx.write('INSERT INTO refs (paper_key, ord, target, kind, ref_date, text) VALUES (?, ?, ?, ?, ?, ?)', [
        key,
        k,
        r.target,
        r.kind,
        r.date ?? null,
        r.text,
      ])
    if (prepared.events) await tx.write('INSERT INTO events (paper_key, items) VALUES (?, ?)', [key, prepared.events])
    const records = prepared.records
    for (const [k, c] of records.entries())
      await tx.write(
        `INSERT INTO commitments (id, paper_key, ord, sender, dossier, date, due_end, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET paper_key = excluded.paper_key, ord = excluded.ord, sender = excluded.sender, dossier = excluded.dossier,
           date = excluded.date, due_end = excluded.due_end, record = excluded.record`,
        [c.id, key, k, c.paper.sender, paper.dossier, c.paper.date, c.due?.end ?? null, prepared.packedRecords[k]],
      )
    for (const [k, c] of records.entries()) this.values.remember(`record ${c.id}`, prepared.packedRecords[k] as Uint8Array, c)
    for (const label of new Set((doc.turns ?? []).map((t) => t.label)))
      await tx.write('INSERT INTO speakers (paper_key, label) VALUES (?, ?) ON CONFLICT DO NOTHING', [key, label])
    for (const d of new Set(doc.otherDossiers ?? []))
      await tx.write('INSERT INTO paper_dossiers (paper_key, dossier) VALUES (?, ?) ON CONFLICT DO NOTHING', [key, d])
    await tx.write('INSERT INTO profiles (paper_key, line, dossier_title, profile) VALUES (?, ?, ?, ?)', [
      key,
      firstLine(doc),
      doc.dossierTitle,
      prepared.packedProfile,
    ])
    this.values.remember(`profile ${key}`, prepared.packedProfile, prepared.profile)
    for (const f of doc.fulfils)
      for (const p of f.pointsAt) if (p.date) await tx.write('INSERT INTO pointers (date, paper_key) VALUES (?, ?) ON CONFLICT DO NOTHING', [p.date, key])
    if (records.length) await this.linkLater(tx, paper, records)
    await this.linkEarlier(tx, doc, paper, prepared.profile)
    this.candidates(tx).wrote(paper, doc, prepared.profile, records)
  }

  /** As a paper promises: later papers that cite it, name its day, or come later in its dossier, may keep its promises. */
  private async linkLater(tx: Sql, paper: PaperRef, records: CommitmentRecord[]): Promise<void> {
    for (const later of await this.candidates(tx).later(tx, paper, records)) await this.saveLinks(tx, matchFulfilments(records, later.profile))
  }

  /** As a paper may keep promises: those of papers it cites, of letters it names by date, and earlier ones in its dossier. */
  private async linkEarlier(tx: Sql, doc: Document, paper: PaperRef, profile: LinkProfile): Promise<void> {
    const earlier = await this.candidates(tx).earlier(tx, paper, doc)
    if (earlier.length) await this.saveLinks(tx, matchFulfilments(earlier, profile))
  }

  /** What the papers a write transaction is about to write are matched against, read for all of them at once (see `Candidates`). */
  async prefetch(tx: Sql, papers: PaperToLink[]): Promise<void> {
    await this.candidates(tx).prefetch(tx, papers)
  }

  /** The end of a write transaction: what it read ahead and wrote goes with it. */
  forget(tx: Sql): void {
    this.batches.delete(tx)
  }

  /** The transaction's candidates: what it read ahead and what it wrote since. */
  private candidates(tx: Sql): Candidates {
    let c = this.batches.get(tx)
    if (!c) {
      c = new Candidates(this.d.fragments, this.values)
      this.batches.set(tx, c)
    }
    return c
  }

  private readonly batches = new WeakMap<Sql, Candidates>()

  private async saveLinks(tx: Sql, links: FulfilmentLink[]): Promise<void> {
    for (const { postponement, ...l } of links) {
      await tx.write(
        `INSERT INTO fulfilments (commitment_id, paper_key, reason, confidence, evidence) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (commitment_id, paper_key) DO UPDATE SET reason = excluded.reason, confidence = excluded.confidence, evidence = excluded.evidence
         WHERE excluded.confidence > fulfilments.confidence`,
        [l.commitmentId, l.paperKey, l.reason, l.confidence, l.evidence],
      )
      if (!postponement) continue
      // A later paper that moves the promise: it stays open with the new deadline, the old one kept in its history.
      const row = await tx.get<{ record: Buffer }>('SELECT record FROM commitments WHERE id = ?', [l.commitmentId])
      const moved = row ? movedPromise(await this.values.json<CommitmentRecord>(row.record, tx), { ...l, postponement }) : null
      if (moved) {
        this.candidates(tx).changedPromise(moved.id, moved)
        await tx.write('UPDATE commitments SET due_end = ?, record = ? WHERE id = ?', [
          moved.due?.end ?? null,
          this.values.pack('record', JSON.stringify(moved)),
          moved.id,
        ])
      }
      // The later paper's own record of the same promise restated (`stuur ik u in januari 2014 …`): one promise, one record.
      if (row) {
        this.candidates(tx).changedPromise(postponement.restatedBy, null)
        await tx.write('DELETE FROM commitments WHERE id = ?', [postponement.restatedBy])
        await tx.write('DELETE FROM fulfilments WHERE commitment_id = ?', [postponement.restatedBy])
      }
    }
  }

  /** Removes what was derived from a paper (not the corrections made to its promises). */
  async clear(tx: Sql, key: string): Promise<void> {
    this.candidates(tx).cleared(key)
    await tx.write('DELETE FROM fulfilments WHERE commitment_id IN (SELECT id FROM commitments WHERE paper_key = ?)', [key])
    await tx.write('DELETE FROM fulfilments WHERE paper_key = ?', [key])
    for (const table of DERIVED) await tx.write(`DELETE FROM ${table} WHERE paper_key = ?`, [key])
  }

  /** The rows whose promise's text (with its paper's title and sender) holds the words. */
  private async withText<T extends { record?: Buffer }>(rows: T[], holds: (text: string) => boolean): Promise<T[]> {
    const out: T[] = []
    for (const r of rows) {
      if (!r.record) continue
      const c = await this.values.json<CommitmentRecord>(r.record)
      if (holds(`${c.text} ${c.paper.sender ?? ''} ${c.paper.id ?? ''}`)) out.push(r)
    }
    return out
  }

  private async info(idOrKey: string): Promise<PaperInfo | null> {
    return (await this.d.db.get<PaperInfo>(`SELECT ${INFO} FROM papers p WHERE p.key = ?`, [idOrKey])) ?? (await this.infoById(idOrKey))
  }

  private async infoById(id: string): Promise<PaperInfo | null> {
    return (await this.d.db.get<PaperInfo>(`SELECT ${INFO} FROM papers p WHERE p.id = ? ORDER BY p.rowid LIMIT 1`, [id])) ?? null
  }

  /** Whether a paper (id or key) is stored, for checking a `--fulfilled-by` target. */
  async has(idOrKey: string): Promise<boolean> {
    return !!(await this.info(idOrKey))
  }

  /** The one letter of that date from that sender, if exactly one is stored. */
  private async letterOn(date: string, sender: string | null, except: string): Promise<PaperInfo | null> {
    if (!sender) return null
    const rows = await this.d.db.all<PaperInfo>(`SELECT ${INFO} FROM papers p WHERE p.date = ? AND p.sender = ? AND p.key <> ? LIMIT 2`, [date, sender, except])
    return rows.length === 1 ? (rows[0] as PaperInfo) : null
  }

  async citations(idOrKey: string): Promise<Citations | null> {
    const paper = await this.info(idOrKey)
    if (!paper) return this.citedOnly(idOrKey)
    const refs = await this.d.db.all<{ text: string; kind: Citation['kind']; target: string | null; ref_date: string | null }>(
      'SELECT text, kind, target, ref_date FROM refs WHERE paper_key = ? ORDER BY ord',
      [paper.key],
    )
    const out: Citation[] = []
    for (const r of refs) {
      const linked = r.target ? await this.infoById(r.target) : r.ref_date ? await this.letterOn(r.ref_date, paper.sender, paper.key) : null
      const via: Citation['via'] = linked ? (r.target ? 'id' : 'date') : null
      out.push({ text: r.text, kind: r.kind, target: r.target ?? linked?.id ?? null, date: r.ref_date, paper: linked, via })
    }
    return { paper, out, in: await this.citing(paper) }
  }

  /** A paper not stored, by what the stored papers say of it: who cites it by its id; null when none does. */
  private async citedOnly(id: string): Promise<Citations | null> {
    const paper: PaperInfo = { key: id, id, type: null, date: null, sender: null, title: null, dossier: dossierOfId(id) }
    const cited = await this.citing(paper)
    return cited.length ? { paper, out: [], in: cited, stored: false } : null
  }

  /** The papers citing one: by its id, and for the only letter of its sender that day, by its date. */
  private async citing(paper: PaperInfo): Promise<CitingPaper[]> {
    const cited: CitingPaper[] = []
    const seen = new Set<string>()
    const group = `GROUP BY ${INFO} ORDER BY p.date NULLS FIRST, p.key`
    if (paper.id)
      for (const { text, ...info } of await this.d.db.all<PaperInfo & { text: string }>(
        `SELECT ${INFO}, min(r.text) AS text FROM refs r JOIN papers p ON p.key = r.paper_key WHERE r.target = ? ${group}`,
        [paper.id],
      )) {
        seen.add(info.key)
        cited.push({ paper: info, text, via: 'id' })
      }
    if (!paper.date || !paper.sender) return cited
    const sameDay = await this.d.db.get<{ n: number }>('SELECT count(*) AS n FROM papers WHERE date = ? AND sender = ?', [paper.date, paper.sender])
    if (Number(sameDay?.n) !== 1) return cited
    for (const { text, ...info } of await this.d.db.all<PaperInfo & { text: string }>(
      `SELECT ${INFO}, min(r.text) AS text FROM refs r JOIN papers p ON p.key = r.paper_key
       WHERE r.ref_date = ? AND r.target IS NULL AND p.sender = ? AND p.key <> ? ${group}`,
      [paper.date.slice(0, 10), paper.sender, paper.key],
    ))
      if (!seen.has(info.key)) cited.push({ paper: info, text, via: 'date' })
    return cited
  }

  /** Papers of a dossier and its parts (`21501` holds `21501-02`), oldest first. */
  private async dossierPapers(dossier: string): Promise<DossierRow[]> {
    // The parts sort between `36410-` and `36410.` (byte order; PostgreSQL's columns are COLLATE "C"), a
    // range the indexes serve. `starts_with` or an OR with a subquery made PostgreSQL read every paper.
    return this.d.db.all<DossierRow>(
      `SELECT ${INFO}, f.line, f.dossier_title FROM papers p LEFT JOIN profiles f ON f.paper_key = p.key
       WHERE p.key IN (
         SELECT key FROM papers WHERE dossier = ? OR (dossier > ? AND dossier < ?)
         UNION SELECT paper_key FROM paper_dossiers WHERE dossier = ? OR (dossier > ? AND dossier < ?))
       ORDER BY p.date NULLS FIRST, p.key`,
      [dossier, `${dossier}-`, `${dossier}.`, dossier, `${dossier}-`, `${dossier}.`],
    )
  }

  async dossier(dossier: string, today: string): Promise<DossierView | null> {
    const rows = await this.dossierPapers(dossier)
    if (!rows.length) return null
    const { inList } = this.d.fragments
    const targets = await this.d.db.all<{ paperKey: string; target: string }>(
      `SELECT paper_key AS "paperKey", target FROM refs WHERE ${inList('paper_key')} AND target IS NOT NULL ORDER BY paper_key, ord`,
      [rows.map((r) => r.key)],
    )
    const ids = rows.map((r) => r.id).filter((id): id is string => !!id)
    const citing = (
      await this.d.db.all<PaperInfo & { target: string }>(
        `SELECT DISTINCT ${INFO}, r.target FROM refs r JOIN papers p ON p.key = r.paper_key WHERE ${inList('r.target')} ORDER BY p.key, r.target`,
        [ids],
      )
    ).map(({ target, ...paper }) => ({ paper, target }))
    const stored = new Map<string, PaperInfo>()
    for (const p of await this.d.db.all<PaperInfo>(`SELECT ${INFO} FROM papers p WHERE ${inList('p.id')} ORDER BY p.rowid DESC`, [
      [...new Set(targets.map((t) => t.target))],
    ]))
      stored.set(p.id as string, p)
    return buildDossierView({
      dossier,
      rows,
      targets,
      citing,
      stored: (target) => stored.get(target) ?? null,
      commitments: (await this.commitments({ dossier, limit: 0 }, today)).counts.byStatus,
    })
  }

  async timeline(dossier: string, today: string): Promise<TimelineEntry[]> {
    const papers = (await this.dossierPapers(dossier)).map(({ line, dossier_title, ...info }) => info)
    const stored = await this.d.db.all<{ paper_key: string; items: Buffer }>(
      `SELECT paper_key, items FROM events WHERE ${this.d.fragments.inList('paper_key')}`,
      [papers.map((p) => p.key)],
    )
    const byPaper = new Map(stored.map((r) => [r.paper_key, r.items]))
    // Events in the order of the papers.
    const events: EventRow[] = []
    for (const p of papers) {
      const items = byPaper.get(p.key)
      if (!items) continue
      for (const e of await this.values.json<StoredEvent[]>(items)) events.push({ paperKey: p.key, start: e.start, end: e.end, sentence: e.sentence })
    }
    const commitments = (await this.commitments({ dossier, limit: 10_000 }, today)).items
    const keptKeys = [...new Set(commitments.map((c) => c.evidence[0]?.paperKey).filter((k): k is string => !!k))]
    const kept = new Map(
      (await this.d.db.all<PaperInfo>(`SELECT ${INFO} FROM papers p WHERE ${this.d.fragments.inList('p.key')}`, [keptKeys])).map((p) => [p.key, p]),
    )
    return buildTimeline(papers, events, commitments, (key) => kept.get(key) ?? null)
  }

  private async correctionOf(id: string): Promise<Correction | null> {
    const row = await this.d.db.get<{ correction: string }>('SELECT correction FROM corrections WHERE commitment_id = ?', [id])
    return row ? (JSON.parse(row.correction) as Correction) : null
  }

  async commitment(id: string, today: string): Promise<TrackedCommitment | null> {
    const row = await this.d.db.get<{ record: Buffer }>('SELECT record FROM commitments WHERE id = ?', [id])
    if (!row) return null
    const c = await this.values.json<CommitmentRecord>(row.record)
    const correction = await this.correctionOf(id)
    const links = await this.d.db.all<Evidence>(
      `SELECT f.commitment_id AS "commitmentId", f.paper_key AS "paperKey", f.reason, f.confidence, f.evidence, p.id AS "paperId", p.date AS "paperDate", p.title AS "paperTitle"
       FROM fulfilments f JOIN papers p ON p.key = f.paper_key WHERE f.commitment_id = ? ORDER BY f.paper_key`,
      [id],
    )
    if (correction?.action === 'fulfilled-by') links.push(manualEvidence(c, correction, await this.info(correction.target)))
    return track(c, links, correction, today)
  }

  async commitments(query: CommitmentQuery, today: string): Promise<CommitmentList> {
    const where: string[] = []
    const params: unknown[] = []
    if (query.sender) {
      // Part of the sender's name, as typed: `_`, `%` and `\` are themselves, not wildcards.
      where.push("lower(c.sender) LIKE ? ESCAPE '\\'")
      params.push(containsPattern(query.sender.toLowerCase()))
    }
    if (query.dossier) {
      where.push('(c.dossier = ? OR (c.dossier > ? AND c.dossier < ?))')
      params.push(query.dossier, `${query.dossier}-`, `${query.dossier}.`)
    }
    if (query.paper) {
      where.push('c.paper_key = ?')
      params.push((await this.info(query.paper))?.key ?? query.paper)
    }
    // Status needs only the due date, whether a link is taken as fact and the correction: computed
    // here over small rows with the same rule as `track`, then whole records are read for one page.
    const rows = await this.d.db.all<{
      id: string
      sender: string | null
      due_end: string | null
      kept: number | boolean
      correction: string | null
      record?: Buffer
    }>(
      `SELECT c.id, c.sender, c.due_end,${query.q ? ' c.record,' : ''}
         EXISTS (SELECT 1 FROM fulfilments f WHERE f.commitment_id = c.id AND f.confidence >= ${FACT_CONFIDENCE}) AS kept,
         k.correction
       FROM commitments c LEFT JOIN corrections k ON k.commitment_id = c.id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${query.sort === 'date' ? 'c.date DESC NULLS LAST, c.id' : 'kept, c.due_end ASC NULLS LAST, c.date DESC NULLS LAST, c.id'}`,
      params,
    )
    // Words to find: the records are packed, so they are unpacked and matched here, and only when words are asked for.
    const holds = query.q ? wordsMatcher(query.q) : null
    const matching = holds ? await this.withText(rows, holds) : rows
    const { page, total, counts } = tally(
      matching.map((r) => ({
        id: r.id,
        sender: r.sender,
        dueEnd: r.due_end,
        kept: Boolean(r.kept),
        correction: r.correction ? (JSON.parse(r.correction) as Correction) : null,
      })),
      query,
      today,
    )
    const items: TrackedCommitment[] = []
    for (const id of page) {
      const c = await this.commitment(id, today)
      if (c) items.push(c)
    }
    return { total, counts, items }
  }

  async correct(id: string, correction: Correction): Promise<boolean> {
    if (!(await this.d.db.get('SELECT 1 AS one FROM commitments WHERE id = ?', [id]))) return false
    if (correction.action === 'fulfilled-by' && !(await this.has(correction.target))) return false
    await this.d.db.run(
      'INSERT INTO corrections (commitment_id, correction) VALUES (?, ?) ON CONFLICT (commitment_id) DO UPDATE SET correction = excluded.correction',
      [id, JSON.stringify(correction)],
    )
    return true
  }
}

/** A Kamerstuk's dossier from its id: `kst-33783-48` → `33783`, `kst-21501-02-3120` → `21501-02`; null for other ids. */
function dossierOfId(id: string): string | null {
  return /^kst-(\d{5}(?:-[0-9A-Z]+)*|[A-Z]+)-[0-9A-Z]+$/.exec(id)?.[1] ?? null
}
