import { Refusal } from '../app/errors.js'
import { addUser, removeUser, renewToken } from '../app/users.js'
import { now } from '../link/status.js'
import { count, type Io } from './read.js'
import { openStore } from './store-commands.js'

/** Runs a user command's work on the store; a refusal is one line on stderr (exit 1 for a missing user, else 2). */
async function withStore(db: string | undefined, io: Io, work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<number>): Promise<number> {
  const store = await openStore(db)
  try {
    return await work(store)
  } catch (e) {
    if (!(e instanceof Refusal)) throw e
    io.stderr(`kamerwacht user: ${e.message}\n`)
    return e.kind === 'not-found' ? 1 : 2
  } finally {
    await store.close()
  }
}

/** `kamerwacht user add NAME [--email ADDRESS]`: prints the new user's token, this once. */
export async function userAddCommand(name: string, opts: { db?: string | undefined; email?: string | undefined; json?: boolean | undefined }, io: Io) {
  return withStore(opts.db, io, async (store) => {
    const { user, token } = await addUser(store, name, opts.email ?? null, now())
    if (opts.json) io.stdout(`${JSON.stringify({ ...user, token })}\n`)
    else
      io.stdout(
        `${user.name}: token ${token}\n(shown this once: give it to ${user.name}, who signs in with it on the web UI or sends it as Authorization: Bearer <token>)\n`,
      )
    return 0
  })
}

/** `kamerwacht user list`: each user with their e-mail address and how many follows they have. */
export async function userListCommand(opts: { db?: string | undefined; json?: boolean | undefined }, io: Io) {
  return withStore(opts.db, io, async (store) => {
    const follows = await store.follows(null)
    const users = (await store.users()).map((u) => ({ ...u, follows: follows.filter((f) => f.owner === u.name).length }))
    if (opts.json) io.stdout(`${JSON.stringify(users, null, 2)}\n`)
    else if (!users.length) io.stdout("no users: the follows are the store's own; add one with kamerwacht user add NAME\n")
    else for (const u of users) io.stdout(`${u.name.padEnd(20)} ${count(u.follows, 'follow').padEnd(12)} ${u.email ?? ''}\n`)
    return 0
  })
}

/** `kamerwacht user token NAME`: a new token; the old one stops working. */
export async function userTokenCommand(name: string, opts: { db?: string | undefined }, io: Io) {
  return withStore(opts.db, io, async (store) => {
    io.stdout(`${name}: new token ${await renewToken(store, name)}\n(the old one no longer signs in)\n`)
    return 0
  })
}

/** `kamerwacht user remove NAME`: with their follows. */
export async function userRemoveCommand(name: string, opts: { db?: string | undefined }, io: Io) {
  return withStore(opts.db, io, async (store) => {
    await removeUser(store, name)
    io.stdout(`removed ${name} and their follows\n`)
    return 0
  })
}
