import { Refusal } from '../app/errors.js'
import { addFollow, followNews } from '../app/follows.js'
import { count, type Io } from './read.js'
import { openStore } from './store-commands.js'

/** `kamerwacht follow add NAME QUERY…`: follows a search, or a dossier (`dossier:33783`); nothing stored before is new. */
export async function followAddCommand(name: string, query: string, opts: { db?: string | undefined }, io: Io): Promise<number> {
  const store = await openStore(opts.db)
  try {
    const f = await addFollow(store, name, query)
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
export async function followListCommand(opts: { db?: string | undefined; json?: boolean | undefined }, io: Io): Promise<number> {
  const store = await openStore(opts.db)
  try {
    const follows = await store.follows()
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
  opts: { db?: string | undefined; json?: boolean | undefined; peek?: boolean | undefined },
  io: Io,
): Promise<number> {
  const store = await openStore(opts.db)
  try {
    const news = await followNews(store, name).catch((e) => {
      if (e instanceof Refusal) return null
      throw e
    })
    if (!news) {
      io.stderr(`kamerwacht follow: no follow named ${name}; \`kamerwacht follow list\` lists them\n`)
      return 1
    }
    const { follow, result } = news
    if (!opts.peek) await store.markFollowSeen(name, new Date().toISOString())
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
export async function followRemoveCommand(name: string, opts: { db?: string | undefined }, io: Io): Promise<number> {
  const store = await openStore(opts.db)
  try {
    if (await store.removeFollow(name)) {
      io.stdout(`no longer following ${name}\n`)
      return 0
    }
    io.stderr(`kamerwacht follow: no follow named ${name}\n`)
    return 1
  } finally {
    await store.close()
  }
}
