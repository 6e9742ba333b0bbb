import type pg from 'pg'
import {
  type CommitmentRecord,
  commitmentRecords,
  FACT_CONFIDENCE,
  type FulfilmentLink,
  type LinkProfile,
  linkProfile,
  matchFulfilments,
  movedPromise,
  type PaperRef,
  senderRole,
} from '../../link/fulfilment.js'
import { type Correction, type Evidence, type TrackedCommitment, track } from '../../link/status.js'
import { buildDossierView, buildTimeline, type DossierRow, type EventRow, eventsOf, firstLine, manualEvidence, tally } from '../../link/views.js'
import type { Document } from '../../model/document.js'
import type { Citation, Citations, CitingPaper, CommitmentList, CommitmentQuery, DossierView, PaperInfo, TimelineEntry } from '../store.js'

type Db = pg.Pool | pg.PoolClient

const INFO = 'p.key, p.id, p.type, p.date, p.sender, p.title, p.dossier'
// As in the SQLite store: how many papers each side of a new paper is matched against.
const MATCH_WINDOW = 200

/**
 * The linking half of the PostgreSQL store: the same tables, rules and views
 * as `sqlite/links.ts` (the rules and views are shared in `link/`), with
 * asynchronous queries. `derive` runs on the writing transaction's client.
 */
export class PgLinks {
  constructor(private readonly pool: pg.Pool) {}

  private async rows<T extends pg.QueryResultRow>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
    return (await db.query<T>(sql, params)).rows
  }

  async derive(db: pg.PoolClient, doc: Document, paper: PaperRef): Promise<void> {
    const key = paper.key
    await this.clear(db, key)
    for (const [k, r] of doc.references.entries())
      await db.query('INSERT INTO refs (paper_key, ord, target, kind, ref_date, text) VALUES ($1, $2, $3, $4, $5, $6)', [
        key,
        k,
        r.target,
        r.kind,
        r.date ?? null,
        r.text,
      ])
    for (const [k, d] of eventsOf(doc).entries())
      await db.query('INSERT INTO events (paper_key, ord, start, "end", text, sentence) VALUES ($1, $2, $3, $4, $5, $6)', [
        key,
        k,
        d.start,
        d.end,
        d.text,
        d.sentence,
      ])
    if (doc.otherDossiers?.length)
      await db.query('INSERT INTO paper_dossiers (paper_key, dossier) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [key, doc.otherDossiers])
    const labels = [...new Set((doc.turns ?? []).map((t) => t.label))]
    if (labels.length) await db.query('INSERT INTO speakers (paper_key, label) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [key, labels])
    const records = commitmentRecords(paper, doc.commitments)
    for (const [k, c] of records.entries())
      await db.query(
        `INSERT INTO commitments (id, paper_key, ord, sender, dossier, date, due_end, record) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET paper_key = excluded.paper_key, ord = excluded.ord, sender = excluded.sender, dossier = excluded.dossier,
           date = excluded.date, due_end = excluded.due_end, record = excluded.record`,
        [c.id, key, k, c.paper.sender, paper.dossier, c.paper.date, c.due?.end ?? null, JSON.stringify(c)],
      )
    const profile = linkProfile(paper, doc)
    await db.query('INSERT INTO profiles (paper_key, line, dossier_title, profile) VALUES ($1, $2, $3, $4)', [
      key,
      firstLine(doc),
      doc.dossierTitle,
      JSON.stringify(profile),
    ])
    for (const f of doc.fulfils)
      for (const p of f.pointsAt) if (p.date) await db.query('INSERT INTO pointers (date, paper_key) VALUES ($1, $2) ON CONFLICT DO NOTHING', [p.date, key])

    if (records.length) {
      const later = new Set<string>()
      const add = (rows: Array<{ k: string }>) => {
        for (const r of rows) later.add(r.k)
      }
      if (paper.id) add(await this.rows(db, 'SELECT DISTINCT paper_key AS k FROM refs WHERE target = $1', [paper.id]))
      // Papers naming its day, or the day a debate's promises were made (a committee's verslag is dated later).
      const days = new Set([paper.date, ...records.map((c) => c.paper.date)].filter((d): d is string => !!d).map((d) => d.slice(0, 10)))
      for (const day of days) {
        add(await this.rows(db, 'SELECT DISTINCT paper_key AS k FROM refs WHERE ref_date = $1', [day]))
        add(await this.rows(db, 'SELECT paper_key AS k FROM pointers WHERE date = $1', [day]))
      }
      // Later papers of its dossier, from any sender: the weighing compares offices (see the embedded store).
      if (paper.dossier && paper.date)
        add(
          await this.rows(db, `SELECT key AS k FROM papers WHERE dossier = $1 AND date > $2 ORDER BY date LIMIT ${MATCH_WINDOW}`, [paper.dossier, paper.date]),
        )
      later.delete(key)
      for (const k of later) {
        const row = (await this.rows<{ profile: string }>(db, 'SELECT profile FROM profiles WHERE paper_key = $1', [k]))[0]
        if (row) await this.saveLinks(db, matchFulfilments(records, JSON.parse(row.profile) as LinkProfile))
      }
    }
    const earlier = new Map<string, CommitmentRecord>()
    const add = (rows: Array<{ record: string }>) => {
      for (const r of rows) {
        const c = JSON.parse(r.record) as CommitmentRecord
        earlier.set(c.id, c)
      }
    }
    for (const target of new Set(doc.references.map((r) => r.target).filter((t): t is string => !!t)))
      add(await this.rows(db, 'SELECT c.record FROM commitments c JOIN papers p ON p.key = c.paper_key WHERE p.id = $1 ORDER BY c.ord', [target]))
    if (paper.sender) {
      const dates = new Set<string>()
      for (const r of doc.references) if (r.date) dates.add(r.date)
      for (const f of doc.fulfils) for (const p of f.pointsAt) if (p.date) dates.add(p.date)
      // The letters of the sender of that day, and the debates of that day (a debate has no sender: promises made aloud).
      // The sender's own promises, and those of a debate that named only the role (`Staatssecretaris`).
      const role = senderRole(paper.sender) ?? paper.sender
      for (const d of dates)
        add(await this.rows(db, 'SELECT record FROM commitments WHERE date = $1 AND (sender = $2 OR sender = $3 OR sender IS NULL)', [d, paper.sender, role]))
    }
    if (paper.dossier && paper.date)
      add(
        await this.rows(db, `SELECT record FROM commitments WHERE dossier = $1 AND date < $2 ORDER BY date DESC LIMIT ${MATCH_WINDOW}`, [
          paper.dossier,
          paper.date,
        ]),
      )
    for (const [id, c] of earlier) if (c.paper.key === key) earlier.delete(id)
    if (earlier.size) await this.saveLinks(db, matchFulfilments([...earlier.values()], profile))
  }

  private async saveLinks(db: Db, links: FulfilmentLink[]): Promise<void> {
    for (const l of links) {
      await db.query(
        `INSERT INTO fulfilments (commitment_id, paper_key, reason, confidence, evidence) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (commitment_id, paper_key) DO UPDATE SET reason = excluded.reason, confidence = excluded.confidence, evidence = excluded.evidence
         WHERE excluded.confidence > fulfilments.confidence`,
        [l.commitmentId, l.paperKey, l.reason, l.confidence, l.evidence],
      )
      if (!l.postponement) continue
      // A later paper that moves the promise: it stays open with the new deadline, the old one kept in its history.
      const row = (await this.rows<{ record: string }>(db, 'SELECT record FROM commitments WHERE id = $1', [l.commitmentId]))[0]
      const moved = row ? movedPromise(JSON.parse(row.record) as CommitmentRecord, l) : null
      if (moved) await db.query('UPDATE commitments SET due_end = $1, record = $2 WHERE id = $3', [moved.due?.end ?? null, JSON.stringify(moved), moved.id])
      // The later paper's own record of the same promise restated: one promise, one record (see the embedded store).
      if (row) {
        await db.query('DELETE FROM commitments WHERE id = $1', [l.postponement.restatedBy])
        await db.query('DELETE FROM fulfilments WHERE commitment_id = $1', [l.postponement.restatedBy])
      }
    }
  }

  /** Removes what was derived from a paper (not the corrections made to its promises). */
  async clear(db: Db, key: string): Promise<void> {
    await db.query('DELETE FROM refs WHERE paper_key = $1', [key])
    await db.query('DELETE FROM events WHERE paper_key = $1', [key])
    await db.query('DELETE FROM fulfilments WHERE commitment_id IN (SELECT id FROM commitments WHERE paper_key = $1)', [key])
    await db.query('DELETE FROM fulfilments WHERE paper_key = $1', [key])
    await db.query('DELETE FROM commitments WHERE paper_key = $1', [key])
    await db.query('DELETE FROM profiles WHERE paper_key = $1', [key])
    await db.query('DELETE FROM pointers WHERE paper_key = $1', [key])
    await db.query('DELETE FROM speakers WHERE paper_key = $1', [key])
    await db.query('DELETE FROM paper_dossiers WHERE paper_key = $1', [key])
  }

  private async info(idOrKey: string): Promise<PaperInfo | null> {
    return (await this.rows<PaperInfo>(this.pool, `SELECT ${INFO} FROM papers p WHERE p.key = $1`, [idOrKey]))[0] ?? (await this.infoById(idOrKey))
  }

  private async infoById(id: string): Promise<PaperInfo | null> {
    return (await this.rows<PaperInfo>(this.pool, `SELECT ${INFO} FROM papers p WHERE p.id = $1 ORDER BY p.rowid LIMIT 1`, [id]))[0] ?? null
  }

  async has(idOrKey: string): Promise<boolean> {
    return !!(await this.info(idOrKey))
  }

  async citations(idOrKey: string): Promise<Citations | null> {
    const paper = await this.info(idOrKey)
    if (!paper) return null
    const refs = await this.rows<{ text: string; kind: Citation['kind']; target: string | null; ref_date: string | null }>(
      this.pool,
      'SELECT text, kind, target, ref_date FROM refs WHERE paper_key = $1 ORDER BY ord',
      [paper.key],
    )
    const out: Citation[] = []
    for (const r of refs) {
      let linked: PaperInfo | null = null
      let via: Citation['via'] = null
      if (r.target) {
        linked = await this.infoById(r.target)
        if (linked) via = 'id'
      } else if (r.ref_date && paper.sender) {
        const same = await this.rows<PaperInfo>(this.pool, `SELECT ${INFO} FROM papers p WHERE p.date = $1 AND p.sender = $2 AND p.key != $3 LIMIT 2`, [
          r.ref_date,
          paper.sender,
          paper.key,
        ])
        if (same.length === 1) {
          linked = same[0] as PaperInfo
          via = 'date'
        }
      }
      out.push({ text: r.text, kind: r.kind, target: r.target ?? linked?.id ?? null, date: r.ref_date, paper: linked, via })
    }
    const cited: CitingPaper[] = []
    const seen = new Set<string>()
    if (paper.id) {
      for (const { text, ...info } of await this.rows<PaperInfo & { text: string }>(
        this.pool,
        `SELECT ${INFO}, min(r.text) AS text FROM refs r JOIN papers p ON p.key = r.paper_key WHERE r.target = $1 GROUP BY p.rowid ORDER BY p.date`,
        [paper.id],
      )) {
        seen.add(info.key)
        cited.push({ paper: info, text, via: 'id' })
      }
    }
    const sameDay =
      paper.date && paper.sender
        ? (await this.rows<{ n: number }>(this.pool, 'SELECT count(*) AS n FROM papers WHERE date = $1 AND sender = $2', [paper.date, paper.sender]))[0]?.n
        : 0
    if (paper.date && paper.sender && sameDay === 1) {
      for (const { text, ...info } of await this.rows<PaperInfo & { text: string }>(
        this.pool,
        `SELECT ${INFO}, min(r.text) AS text FROM refs r JOIN papers p ON p.key = r.paper_key
         WHERE r.ref_date = $1 AND r.target IS NULL AND p.sender = $2 AND p.key != $3 GROUP BY p.rowid ORDER BY p.date`,
        [paper.date.slice(0, 10), paper.sender, paper.key],
      )) {
        if (!seen.has(info.key)) cited.push({ paper: info, text, via: 'date' })
      }
    }
    return { paper, out, in: cited }
  }

  private async dossierPapers(dossier: string): Promise<DossierRow[]> {
    return this.rows<DossierRow>(
      this.pool,
      // A dossier and its parts (\`36410-XVI\`): the parts sort between \`36410-\` and \`36410.\` (byte order,
      // COLLATE "C"), a range the indexes serve. \`starts_with\` or an OR with a subquery made PostgreSQL
      // read every paper (230 ms a dossier at 100,000 papers).
      `SELECT ${INFO}, f.line, f.dossier_title FROM papers p LEFT JOIN profiles f ON f.paper_key = p.key
       WHERE p.key IN (
         SELECT key FROM papers WHERE dossier = $1 OR (dossier > $2 AND dossier < $3)
         UNION SELECT paper_key FROM paper_dossiers WHERE dossier = $1 OR (dossier > $2 AND dossier < $3))
       ORDER BY p.date NULLS FIRST, p.key`,
      [dossier, `${dossier}-`, `${dossier}.`],
    )
  }

  async dossier(dossier: string, today: string): Promise<DossierView | null> {
    const rows = await this.dossierPapers(dossier)
    if (!rows.length) return null
    const keys = rows.map((r) => r.key)
    const ids = rows.map((r) => r.id).filter((id): id is string => !!id)
    const targets = await this.rows<{ paperKey: string; target: string }>(
      this.pool,
      'SELECT paper_key AS "paperKey", target FROM refs WHERE paper_key = ANY($1) AND target IS NOT NULL ORDER BY paper_key, ord',
      [keys],
    )
    const citing = (
      await this.rows<PaperInfo & { target: string }>(
        this.pool,
        `SELECT DISTINCT ${INFO}, r.target FROM refs r JOIN papers p ON p.key = r.paper_key WHERE r.target = ANY($1)`,
        [ids],
      )
    ).map(({ target, ...paper }) => ({ paper, target }))
    const outsideTargets = [...new Set(targets.map((t) => t.target))]
    const stored = new Map(
      (
        await this.rows<PaperInfo>(this.pool, `SELECT DISTINCT ON (p.id) ${INFO} FROM papers p WHERE p.id = ANY($1) ORDER BY p.id, p.rowid`, [outsideTargets])
      ).map((p) => [p.id as string, p]),
    )
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
    const events = await this.rows<EventRow>(
      this.pool,
      'SELECT paper_key AS "paperKey", start, "end", sentence FROM events WHERE paper_key = ANY($1) ORDER BY paper_key, ord',
      [papers.map((p) => p.key)],
    )
    const commitments = (await this.commitments({ dossier, limit: 10_000 }, today)).items
    const keptKeys = [...new Set(commitments.map((c) => c.evidence[0]?.paperKey).filter((k): k is string => !!k))]
    const kept = new Map((await this.rows<PaperInfo>(this.pool, `SELECT ${INFO} FROM papers p WHERE p.key = ANY($1)`, [keptKeys])).map((p) => [p.key, p]))
    // Events in the order of the papers, as the SQLite store reads them.
    const order = new Map(papers.map((p, k) => [p.key, k]))
    events.sort((a, b) => (order.get(a.paperKey) ?? 0) - (order.get(b.paperKey) ?? 0))
    return buildTimeline(papers, events, commitments, (key) => kept.get(key) ?? null)
  }

  private async correctionOf(id: string): Promise<Correction | null> {
    const row = (await this.rows<{ correction: string }>(this.pool, 'SELECT correction FROM corrections WHERE commitment_id = $1', [id]))[0]
    return row ? (JSON.parse(row.correction) as Correction) : null
  }

  async commitment(id: string, today: string): Promise<TrackedCommitment | null> {
    const row = (await this.rows<{ record: string }>(this.pool, 'SELECT record FROM commitments WHERE id = $1', [id]))[0]
    if (!row) return null
    const c = JSON.parse(row.record) as CommitmentRecord
    const correction = await this.correctionOf(id)
    const links: Evidence[] = await this.rows<Evidence>(
      this.pool,
      `SELECT f.commitment_id AS "commitmentId", f.paper_key AS "paperKey", f.reason, f.confidence, f.evidence, p.id AS "paperId", p.date AS "paperDate", p.title AS "paperTitle"
       FROM fulfilments f JOIN papers p ON p.key = f.paper_key WHERE f.commitment_id = $1`,
      [id],
    )
    if (correction?.action === 'fulfilled-by') links.push(manualEvidence(c, correction, await this.info(correction.target)))
    return track(c, links, correction, today)
  }

  async commitments(query: CommitmentQuery, today: string): Promise<CommitmentList> {
    const where: string[] = []
    const params: unknown[] = []
    if (query.sender) {
      params.push(query.sender.toLowerCase())
      where.push(`strpos(lower(c.sender), $${params.length}) > 0`)
    }
    if (query.dossier) {
      params.push(query.dossier, `${query.dossier}-`, `${query.dossier}.`)
      where.push(`(c.dossier = $${params.length - 2} OR (c.dossier > $${params.length - 1} AND c.dossier < $${params.length}))`)
    }
    if (query.paper) {
      params.push((await this.info(query.paper))?.key ?? query.paper)
      where.push(`c.paper_key = $${params.length}`)
    }
    const rows = await this.rows<{ id: string; sender: string | null; due_end: string | null; kept: boolean; correction: string | null }>(
      this.pool,
      `SELECT c.id, c.sender, c.due_end,
         EXISTS (SELECT 1 FROM fulfilments f WHERE f.commitment_id = c.id AND f.confidence >= ${FACT_CONFIDENCE}) AS kept,
         k.correction
       FROM commitments c LEFT JOIN corrections k ON k.commitment_id = c.id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${query.sort === 'date' ? 'c.date DESC NULLS LAST, c.id' : 'kept, c.due_end ASC NULLS LAST, c.date DESC NULLS LAST, c.id'}`,
      params,
    )
    const { page, total, counts } = tally(
      rows.map((r) => ({
        id: r.id,
        sender: r.sender,
        dueEnd: r.due_end,
        kept: r.kept,
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
    const exists = (await this.rows(this.pool, 'SELECT 1 FROM commitments WHERE id = $1', [id])).length > 0
    if (!exists) return false
    await this.pool.query(
      'INSERT INTO corrections (commitment_id, correction) VALUES ($1, $2) ON CONFLICT (commitment_id) DO UPDATE SET correction = excluded.correction',
      [id, JSON.stringify(correction)],
    )
    return true
  }
}
