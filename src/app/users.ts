import { createHash, randomBytes } from 'node:crypto'
import type { Store, User } from '../store/store.js'
import { EMAIL } from './alerts.js'
import { Refusal } from './errors.js'

/**
 * People who sign in, each with follows (and so alerts) of their own. A team's administrator adds them on the
 * command line (`kamerwacht user add anna --email anna@ministerie.nl`), which prints their token once; they sign
 * in to the web UI with it, or send it to the API as `Authorization: Bearer <token>`. The store keeps its SHA-256
 * only. Behind an organisation's sign-in proxy the server can instead take the name the proxy puts in a header
 * (`kamerwacht serve --user-header X-Forwarded-User`); such people need no token and no entry here.
 */

/** A user name: letters, digits and `._@-`, as a proxy's user header or an e-mail address's local part has them. */
export const USER_NAME = /^[\p{L}\p{N}._@-]{1,60}$/u

/** The SHA-256 of a token, as the store keeps it. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex')

/** A new token: `kw_` and 32 random bytes, URL-safe (printable ASCII, so an HTTP header carries it). */
const newToken = (): string => `kw_${randomBytes(32).toString('base64url')}`

/** Refuses a user name that is not one (see {@link USER_NAME}). */
function checkName(name: string): void {
  if (!USER_NAME.test(name))
    throw new Refusal(
      'invalid-input',
      `invalid user name: ${name} (letters, digits and . _ @ - only, at most 60)`,
      `Geen geldige gebruikersnaam: ${name} (letters, cijfers en . _ @ -, hoogstens 60).`,
      'name',
    )
}

/** Adds a user; returns them with their token, which is shown this once. */
export async function addUser(store: Store, name: string, email: string | null, at: string): Promise<{ user: User; token: string }> {
  checkName(name)
  if (email !== null && !EMAIL.test(email)) throw new Refusal('invalid-input', `invalid email: ${email}`, `Geen e-mailadres: ${email}.`, 'email')
  const user: User = { name, email, created: at }
  const token = newToken()
  if (!(await store.addUser(user, tokenHash(token))))
    throw new Refusal('invalid-input', `there is a user ${name} already`, `Er is al een gebruiker ${name}.`, 'name')
  return { user, token }
}

/** Gives a user a new token (a lost one, or one that leaked): the old one stops working at once. */
export async function renewToken(store: Store, name: string): Promise<string> {
  const token = newToken()
  if (!(await store.setUserToken(name, tokenHash(token)))) throw new Refusal('not-found', `no user ${name}`, `Er is geen gebruiker ${name}.`, 'name')
  return token
}

/** Removes a user with their follows. */
export async function removeUser(store: Store, name: string): Promise<void> {
  if (!(await store.removeUser(name))) throw new Refusal('not-found', `no user ${name}`, `Er is geen gebruiker ${name}.`, 'name')
}

/** The user a token belongs to, or null. */
export async function userOfToken(store: Store, token: string): Promise<User | null> {
  return token ? store.userByToken(tokenHash(token)) : null
}

/**
 * Who asks, as the edges tell it: a signed-in user (by their token, or by the name an organisation's sign-in proxy
 * puts in a header), the editor (the server's write token: corrections, and the store's own follows), or nobody.
 */
export interface Viewer {
  user: string | null
  editor: boolean
}

/** Nobody signed in. */
export const NOBODY: Viewer = { user: null, editor: false }

/** Whose follows a viewer sees and changes: their own, or the store's own (''). */
export const ownerOf = (v: Viewer): string => v.user ?? ''

/** Whether a viewer may change follows: a user their own, the editor the store's. */
export const mayFollow = (v: Viewer): boolean => v.user !== null || v.editor
