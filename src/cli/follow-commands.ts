import { createTransport } from 'nodemailer'
import { type Delivery, everyHoursOf, sendAlerts, setAlerts } from '../app/alerts.js'
import { Refusal } from '../app/errors.js'
import { addFollow, follow, followNews } from '../app/follows.js'
import { now, today } from '../link/status.js'
import { count, type Io } from './read.js'
import { openStore } from './store-commands.js'

/** `kamerwacht follow add NAME QUERY…`: follows a search, or a dossier (`dossier:33783`); nothing stored before is new. */
export async function followAddCommand(name: string, query: string, opts: { db?: string | undefined; user?: string | undefined }, io: Io): Promise<number> {
  const store = await openStore(opts.db)
  try {
    const f = await addFollow(store, opts.user ?? '', name, query)
    io.stdout(`following ${f.name}: ${f.query}; \`kamerwacht follow new ${f.name}\` lists what is stored from now on\n`)
    return 0
  } catch (e) {
    if (!(e instanceof Refusal)) throw e
    io.stderr(`kamerwacht follow: ${e.message}\n`)
    return 2
  } finally {
    await store.close()
  }
}

/** `kamerwacht follow list`: each follow with how many papers are new since the last visit. */
export async function followListCommand(opts: { db?: string | undefined; json?: boolean | undefined; user?: string | undefined }, io: Io): Promise<number> {
  const store = await openStore(opts.db)
  try {
    const follows = await store.follows(opts.user ?? '')
    if (opts.json) io.stdout(`${JSON.stringify(follows, null, 2)}\n`)
    else if (!follows.length) io.stdout('no follows yet: kamerwacht follow add NAME "QUERY" (or dossier:33783)\n')
    else
      for (const f of follows)
        io.stdout(
          `${f.name.padEnd(20)} ${count(f.newCount, 'new paper').padEnd(14)} ${f.query}${f.seenAt ? `  (seen ${f.seenAt.slice(0, 16).replace('T', ' ')})` : ''}\n`,
        )
    return 0
  } finally {
    await store.close()
  }
}

/**
 * `kamerwacht follow new NAME`: the papers new or changed since the last visit, newest first; the visit
 * is recorded, so the next call starts from here (`--peek` leaves it).
 */
export async function followNewCommand(
  name: string,
  opts: { db?: string | undefined; json?: boolean | undefined; peek?: boolean | undefined; user?: string | undefined },
  io: Io,
): Promise<number> {
  const store = await openStore(opts.db)
  try {
    const news = await followNews(store, opts.user ?? '', name).catch((e) => {
      if (e instanceof Refusal) return null
      throw e
    })
    if (!news) {
      io.stderr(`kamerwacht follow: no follow named ${name}; \`kamerwacht follow list\` lists them\n`)
      return 1
    }
    const { follow, result } = news
    if (!opts.peek) await store.markFollowSeen(opts.user ?? '', name, new Date().toISOString())
    if (opts.json) io.stdout(`${JSON.stringify({ name, query: follow.query, total: result.total, hits: result.hits })}\n`)
    else {
      io.stdout(
        `${name}: ${count(result.total, 'new paper')} since ${follow.seenAt ? follow.seenAt.slice(0, 16).replace('T', ' ') : 'the start'} (${follow.query})\n`,
      )
      for (const h of result.hits) io.stdout(`  ${h.id}  ${h.date ?? '?'}  ${h.type ?? ''}  ${h.title ?? ''}\n`)
    }
    return 0
  } finally {
    await store.close()
  }
}

/** `kamerwacht follow remove NAME` */
export async function followRemoveCommand(name: string, opts: { db?: string | undefined; user?: string | undefined }, io: Io): Promise<number> {
  const store = await openStore(opts.db)
  try {
    if (await store.removeFollow(opts.user ?? '', name)) {
      io.stdout(`no longer following ${name}\n`)
      return 0
    }
    io.stderr(`kamerwacht follow: no follow named ${name}\n`)
    return 1
  } finally {
    await store.close()
  }
}

/** `kamerwacht follow alert NAME --email ADDR --webhook URL | --off`: where a follow's alerts go. */
export async function followAlertCommand(
  name: string,
  opts: {
    db?: string | undefined
    email?: string | undefined
    webhook?: string | undefined
    every?: string | undefined
    off?: boolean | undefined
    user?: string | undefined
  },
  io: Io,
): Promise<number> {
  if (!opts.off && !opts.email && !opts.webhook && !opts.every) {
    io.stderr('kamerwacht follow alert: give --email ADDRESS, --webhook URL (or both), --every INTERVAL, or --off\n')
    return 2
  }
  const store = await openStore(opts.db)
  try {
    const owner = opts.user ?? ''
    // `--every` alone changes how often, and keeps where they go.
    const kept = !opts.email && !opts.webhook ? await follow(store, owner, name) : null
    const to = opts.off
      ? { email: null, webhook: null, everyHours: null }
      : { email: opts.email ?? kept?.email ?? null, webhook: opts.webhook ?? kept?.webhook ?? null, everyHours: everyHoursOf(opts.every) }
    const f = await setAlerts(store, owner, name, to, now())
    const where = [f.email, f.webhook].filter(Boolean).join(' and ')
    const every = f.everyHours ? ` at most once every ${count(f.everyHours, 'hour')}` : ''
    io.stdout(where ? `${f.name}: alerts go to ${where}${every}; \`kamerwacht alerts\` sends what is new from now on\n` : `${f.name}: no alerts\n`)
    return 0
  } catch (e) {
    if (!(e instanceof Refusal)) throw e
    io.stderr(`kamerwacht follow alert: ${e.message}\n`)
    return e.kind === 'not-found' ? 1 : 2
  } finally {
    await store.close()
  }
}

/**
 * `kamerwacht alerts`: sends each follow with alerts what is new for it, by e-mail (SMTP from `--smtp` or
 * KAMERWACHT_SMTP_URL) and webhook (signed with KAMERWACHT_WEBHOOK_SECRET). Exit 1 when a delivery failed: the
 * next run sends it again.
 */
export async function alertsCommand(
  opts: { db?: string | undefined; smtp?: string | undefined; from?: string | undefined; base?: string | undefined; json?: boolean | undefined },
  io: Io,
): Promise<number> {
  const smtp = opts.smtp ?? process.env.KAMERWACHT_SMTP_URL
  const store = await openStore(opts.db)
  try {
    const mailer = smtp ? createTransport(smtp) : null
    const delivery: Delivery = {
      mail: async (to, subject, text) => {
        if (!mailer) throw new Error('no SMTP server: give --smtp smtp://host:port or set KAMERWACHT_SMTP_URL')
        await mailer.sendMail({ from: opts.from ?? process.env.KAMERWACHT_MAIL_FROM ?? 'kamerwacht@localhost', to, subject, text })
      },
      post: async (url, body, sig) => {
        const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kamerwacht-signature': sig }, body })
        if (!r.ok) throw new Error(`${url} answered ${r.status}`)
      },
    }
    const base = (opts.base ?? process.env.KAMERWACHT_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '')
    const reports = await sendAlerts(store, delivery, { base, secret: process.env.KAMERWACHT_WEBHOOK_SECRET ?? null, now: now(), today: today() })
    if (opts.json) io.stdout(`${JSON.stringify(reports, null, 2)}\n`)
    else if (!reports.length) io.stdout('no follow has alerts: kamerwacht follow alert NAME --email ADDRESS\n')
    else
      for (const r of reports)
        io.stdout(
          `${(r.owner ? `${r.owner}/${r.follow}` : r.follow).padEnd(20)} ${(r.promise === 'met' ? 'promise met' : r.promise === 'due' ? 'promise due' : count(r.papers, 'new paper')).padEnd(14)}${r.email ? ` email ${r.email}` : ''}${r.webhook ? ` webhook ${r.webhook}` : ''}${r.error ? ` (${r.error})` : ''}\n`,
        )
    mailer?.close()
    return reports.some((r) => r.error) ? 1 : 0
  } finally {
    await store.close()
  }
}
