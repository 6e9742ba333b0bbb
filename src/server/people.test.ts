// People who sign in, each with follows of their own: by their token (API and web UI) and behind a sign-in proxy.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addUser, removeUser, renewToken } from '../app/users.js'
import { createContext, readDocument } from '../pipeline.js'
import { EmbeddedStore } from '../store/sqlite/embedded.js'
import { ROOT } from '../test-support/paths.js'
import { buildApp } from './app.js'

const TOKEN = 'test-token-0123456789'
const TODAY = () => '2026-11-28'
const form = { 'content-type': 'application/x-www-form-urlencoded' }
let store: EmbeddedStore
let app: FastifyInstance
let anna = ''
let bob = ''

beforeAll(async () => {
  const ctx = await createContext()
  store = new EmbeddedStore(':memory:')
  const bytes = readFileSync(join(ROOT, 'examples', '33783-50.txt'))
  await store.put(await readDocument(bytes, '33783-50.txt', ctx), new Uint8Array(bytes))
  anna = (await addUser(store, 'anna', 'anna@example.org', '2026-11-28T08:00:00Z')).token
  bob = (await addUser(store, 'bob', null, '2026-11-28T08:00:00Z')).token
  app = await buildApp({ store, ctx, token: TOKEN, today: TODAY })
})

afterAll(async () => {
  await app.close()
  await store.close()
})

const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string | null, body?: unknown) =>
  app.inject({
    method,
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  })

describe('users', () => {
  it('keep the SHA-256 of their token only, and refuse a name that is taken or not a name', async () => {
    const raw = store.sqlite.prepare<[], { token_hash: string }>("SELECT token_hash FROM users WHERE name = 'anna'").get()
    expect(raw?.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(raw?.token_hash).not.toContain(anna.slice(3, 20))
    expect(anna).toMatch(/^kw_[A-Za-z0-9_-]{43}$/)
    await expect(addUser(store, 'anna', null, '2026-11-28T09:00:00Z')).rejects.toMatchObject({ kind: 'invalid-input', nl: 'Er is al een gebruiker anna.' })
    await expect(addUser(store, 'an na', null, '2026-11-28T09:00:00Z')).rejects.toMatchObject({ field: 'name' })
    await expect(addUser(store, 'carla', 'geen adres', '2026-11-28T09:00:00Z')).rejects.toMatchObject({ field: 'email' })
  })
})

describe('follows per person, in the API', () => {
  it("gives each user their own follows; without a token the store's own, read-only", async () => {
    expect((await api('POST', '/api/follows', anna, { name: 'npv', query: 'dossier:33783' })).statusCode).toBe(201)
    expect((await api('POST', '/api/follows', bob, { name: 'npv', query: 'kernwapens' })).statusCode).toBe(201)
    expect((await api('POST', '/api/follows', TOKEN, { name: 'gedeeld', query: 'toetsingsconferentie' })).statusCode).toBe(201)
    const names = async (token: string | null) =>
      (await api('GET', '/api/follows', token)).json().follows.map((f: { owner: string; query: string }) => [f.owner, f.query])
    expect(await names(anna)).toEqual([['anna', 'dossier:33783']])
    expect(await names(bob)).toEqual([['bob', 'kernwapens']])
    expect(await names(null)).toEqual([['', 'toetsingsconferentie']])
    expect(await names(TOKEN)).toEqual([['', 'toetsingsconferentie']])
    const nobody = await api('POST', '/api/follows', null, { name: 'x', query: 'kernwapens' })
    expect(nobody.statusCode).toBe(401)
    expect(nobody.json().error.message).toContain('kamerwacht user add')
    expect((await api('POST', '/api/follows', 'kw_not-a-token', { name: 'x', query: 'kernwapens' })).statusCode).toBe(401)
    // One user's follow is not another's to read or remove.
    expect((await api('GET', '/api/follows/npv', anna)).json().follow.query).toBe('dossier:33783')
    expect((await api('DELETE', '/api/follows/gedeeld', anna)).statusCode).toBe(404)
    expect((await api('POST', '/api/follows/npv/seen', bob)).statusCode).toBe(204)
  })

  it('sets e-mail alerts and their interval for a user; a webhook only with the write token', async () => {
    const set = await api('PUT', '/api/follows/npv/alerts', anna, { email: 'anna@example.org', every: 'dag' })
    expect(set.statusCode).toBe(200)
    expect(set.json()).toMatchObject({ owner: 'anna', name: 'npv', email: 'anna@example.org', everyHours: 24 })
    const hook = await api('PUT', '/api/follows/npv/alerts', anna, { webhook: 'http://10.0.0.1/intern' })
    expect(hook.statusCode).toBe(403)
    expect((await api('PUT', '/api/follows/npv/alerts', anna, { email: 'anna@example.org', every: 'maand' })).json().error.message).toMatch(
      /^invalid every: maand/,
    )
    expect((await api('PUT', '/api/follows/gedeeld/alerts', TOKEN, { webhook: 'http://127.0.0.1:9/hook', every: '12' })).json()).toMatchObject({
      owner: '',
      webhook: 'http://127.0.0.1:9/hook',
      everyHours: 12,
    })
  })

  it("stops a user's old token when they get a new one, and removes their follows with them", async () => {
    const carla = (await addUser(store, 'carla', null, '2026-11-28T10:00:00Z')).token
    expect((await api('POST', '/api/follows', carla, { name: 'c', query: 'kernwapens' })).statusCode).toBe(201)
    const fresh = await renewToken(store, 'carla')
    expect((await api('GET', '/api/follows', carla)).statusCode).toBe(401)
    expect((await api('GET', '/api/follows', fresh)).json().follows.map((f: { name: string }) => f.name)).toEqual(['c'])
    await removeUser(store, 'carla')
    expect((await api('POST', '/api/follows', fresh, { name: 'd', query: 'kernwapens' })).statusCode).toBe(401)
    expect((await store.follows('carla')).length).toBe(0)
  })
})

describe('follows per person, in the web UI', () => {
  const signIn = async (token: string) => {
    const r = await app.inject({ method: 'POST', url: '/login', payload: `token=${encodeURIComponent(token)}&back=%2Ffollows`, headers: form })
    expect(r.statusCode).toBe(303)
    return String(r.headers['set-cookie']).split(';')[0] as string
  }

  it('signs a user in with their own token and shows them their follows only', async () => {
    const cookie = await signIn(anna)
    expect(cookie).toMatch(/^kw_user=/)
    expect(cookie).not.toContain(anna)
    const page = (await app.inject({ url: '/follows', headers: { cookie } })).body
    expect(page).toContain('Aangemeld als <strong>anna</strong>')
    expect(page).toContain('dossier:33783')
    expect(page).not.toContain('toetsingsconferentie')
    // Adding one from the page makes it hers.
    const add = await app.inject({ method: 'POST', url: '/follows', payload: 'name=brieven&query=type%3Abrief', headers: { ...form, cookie } })
    expect(add.statusCode).toBe(303)
    expect((await store.follows('anna')).map((f) => f.name)).toEqual(['brieven', 'npv'])
    // Her alerts: an address and a digest a week, from the follow's page.
    const alerts = await app.inject({
      method: 'POST',
      url: '/follows/brieven/alerts',
      payload: 'email=anna%40example.org&every=168',
      headers: { ...form, cookie },
    })
    expect(alerts.statusCode).toBe(303)
    expect((await store.follows('anna')).find((f) => f.name === 'brieven')).toMatchObject({ email: 'anna@example.org', everyHours: 168 })
    expect((await app.inject({ url: '/follows/brieven', headers: { cookie } })).body).toContain('hoogstens eens per week')
    // Without the cookie: the store's own follows, and no form.
    const anonymous = (await app.inject({ url: '/follows' })).body
    expect(anonymous).toContain('toetsingsconferentie')
    expect(anonymous).not.toContain('type:brief')
    expect(anonymous).not.toContain('Aangemeld als')
  })

  it('refuses a forged or outdated cookie, and a wrong token', async () => {
    const cookie = await signIn(bob)
    const forged = cookie.replace(/^kw_user=[^.]+/, `kw_user=${Buffer.from('anna').toString('base64url')}`)
    expect((await app.inject({ method: 'POST', url: '/follows', payload: 'name=x&query=kernwapens', headers: { ...form, cookie: forged } })).statusCode).toBe(
      401,
    )
    // Bob's name encoded with a character too many (`Ym9i` + `Y` still reads `bob`) under Anna's seal: no sign-in, and
    // no server error from seals of unequal length.
    const annas = await signIn(anna)
    const odd = annas.replace(/^kw_user=[^.]+/, `kw_user=${Buffer.from('bob').toString('base64url')}Y`)
    expect((await app.inject({ url: '/follows', headers: { cookie: odd } })).body).not.toContain('Aangemeld als')
    expect((await app.inject({ method: 'POST', url: '/follows', payload: 'name=x&query=kernwapens', headers: { ...form, cookie: odd } })).statusCode).toBe(401)
    const fresh = await renewToken(store, 'bob')
    expect((await app.inject({ url: '/follows', headers: { cookie } })).body).not.toContain('Aangemeld als')
    expect(await signIn(fresh)).toMatch(/^kw_user=/)
    bob = fresh
    const wrong = await app.inject({ method: 'POST', url: '/login', payload: 'token=kw_wrong&back=%2F', headers: form })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.body).toContain('Onjuist token.')
  })
})

describe('behind a sign-in proxy', () => {
  it("takes the proxy's header as the user, with follows of their own; tokens do not sign in there", async () => {
    const proxied = await buildApp({ store, ctx: await createContext(), today: TODAY, userHeader: 'X-Forwarded-User' })
    try {
      const as = (user: string) => ({ 'x-forwarded-user': user })
      const add = await proxied.inject({
        method: 'POST',
        url: '/follows',
        payload: 'name=npv&query=dossier%3A33783',
        headers: { ...form, ...as('dirk@bz.nl') },
      })
      expect(add.statusCode).toBe(303)
      expect((await store.follows('dirk@bz.nl')).map((f) => f.query)).toEqual(['dossier:33783'])
      expect((await proxied.inject({ url: '/follows', headers: as('dirk@bz.nl') })).body).toContain('Aangemeld als <strong>dirk@bz.nl</strong>')
      expect((await proxied.inject({ url: '/api/follows', headers: as('eva') })).json().follows).toEqual([])
      // No header (or one that is no name): nobody, who may not follow.
      expect((await proxied.inject({ method: 'POST', url: '/follows', payload: 'name=x&query=kernwapens', headers: form })).statusCode).toBe(401)
      expect((await proxied.inject({ url: '/api/follows', headers: { ...as('a b'), authorization: `Bearer ${anna}` } })).statusCode).toBe(401)
      expect((await proxied.inject({ url: '/api/follows', headers: as('a b') })).json().follows.map((f: { owner: string }) => f.owner)).toEqual([''])
    } finally {
      await proxied.close()
    }
  })
})
