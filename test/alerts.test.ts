// Alerts that reach people: a follow's new papers by e-mail to a real SMTP server (smtp-server on loopback) and by
// a signed webhook to a local receiver, sent by `kamerwacht alerts`, each paper once.
import { spawn } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpusFile, ROOT, skipWithoutShared } from '../src/test-support/paths.js'

const BIN = join(ROOT, 'bin', 'kamerwacht.js')

/** Runs the CLI on a store without blocking: the SMTP server and the webhook receiver answer in this process. */
function kamerwacht(db: string, env: NodeJS.ProcessEnv, args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args, '--db', db], { env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

/** The environment of a run on a given day (KAMERWACHT_TODAY), mailing the test's SMTP server. */
const onDay = (day: string): NodeJS.ProcessEnv => ({
  ...process.env,
  KAMERWACHT_TODAY: day,
  KAMERWACHT_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  KAMERWACHT_BASE_URL: 'http://kamerwacht.test',
})
const SECRET = 'test-webhook-secret'

interface Mail {
  to: string[]
  data: string
}

let smtp: SMTPServer
let smtpPort = 0
let hook: Server
let hookUrl = ''
const mails: Mail[] = []
const posts: Array<{ body: string; signature: string }> = []
let failHook = false

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let data = ''
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')))
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data })
        done()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  smtpPort = (smtp.server.address() as AddressInfo).port
  hook = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString('utf8')))
    req.on('end', () => {
      if (failHook) {
        res.writeHead(500).end()
        return
      }
      posts.push({ body, signature: String(req.headers['x-kamerwacht-signature'] ?? '') })
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`
})

afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()))
  await new Promise<void>((resolve) => hook?.close(() => resolve()))
})

describe('kamerwacht alerts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kw-alerts-'))
  const db = join(dir, 'k.db')
  const env = {
    ...process.env,
    KAMERWACHT_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    KAMERWACHT_WEBHOOK_SECRET: SECRET,
    KAMERWACHT_BASE_URL: 'http://kamerwacht.test',
  }
  const cli = (...args: string[]) => kamerwacht(db, { ...env, KAMERWACHT_SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }, args)
  // The letters of dossier 33 783 on the Toetsingsconferentie: 33783-50 and the later ones typeset for the tests.
  const ingest = async (name: string) => {
    const sub = join(dir, 'in', name)
    mkdirSync(sub, { recursive: true })
    copyFileSync(name === '33783-50.txt' ? corpusFile('dev', name) : join(ROOT, 'test', 'fixtures', 'chains', name), join(sub, name))
    expect((await cli('ingest', sub, '-q')).status).toBe(0)
  }

  it('mails a digest and posts a signed webhook for a follow when a matching paper is stored, once', async () => {
    await ingest('33783-50.txt')
    expect((await cli('follow', 'add', 'npv', 'toetsingsconferentie')).status).toBe(0)
    const set = await cli('follow', 'alert', 'npv', '--email', 'beleid@example.org', '--webhook', hookUrl)
    expect(set.stdout).toContain('npv: alerts go to beleid@example.org and')
    // What was stored before the alert was set is not sent.
    const first = await cli('alerts', '--json')
    expect(first.status).toBe(0)
    expect(JSON.parse(first.stdout)).toEqual([{ follow: 'npv', owner: '', papers: 0, email: null, webhook: null }])
    expect(mails).toHaveLength(0)
    // A new paper that matches: one e-mail, one webhook call.
    await ingest('33783-51.txt')
    const second = await cli('alerts')
    expect(second.status).toBe(0)
    expect(second.stdout).toMatch(/^npv {18}1 new paper +email sent webhook sent\n$/)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.to).toEqual(['beleid@example.org'])
    expect(mails[0]?.data).toContain('Subject: kamerwacht: 1 nieuw stuk voor npv')
    expect(mails[0]?.data).toContain('http://kamerwacht.test/papers/')
    expect(posts).toHaveLength(1)
    const post = posts[0] as { body: string; signature: string }
    expect(post.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(post.body).digest('hex')}`)
    const payload = JSON.parse(post.body)
    expect(payload.follow).toBe('npv')
    expect(payload.papers.length).toBeGreaterThan(0)
    expect(payload.papers.every((p: { url: string }) => p.url.startsWith('http://kamerwacht.test/papers/'))).toBe(true)
    // Nothing new: nothing sent.
    expect(JSON.parse((await cli('alerts', '--json')).stdout)).toEqual([{ follow: 'npv', owner: '', papers: 0, email: null, webhook: null }])
    expect(mails).toHaveLength(1)
  })

  it('a delivery that fails is tried again by the next run', async () => {
    await ingest('33783-52.txt')
    failHook = true
    const failed = await cli('alerts', '--json')
    expect(failed.status).toBe(1)
    expect(JSON.parse(failed.stdout)[0]).toMatchObject({ follow: 'npv', papers: 1, email: 'sent', webhook: 'failed' })
    failHook = false
    // The next run sends it again (the e-mail too: a digest is sent whole or not at all).
    const again = await cli('alerts', '--json')
    expect(again.status).toBe(0)
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ papers: 1, email: 'sent', webhook: 'sent' })
    expect(posts).toHaveLength(2)
    expect(JSON.parse(posts[1]?.body ?? '{}').papers.map((p: { id: string }) => p.id)).toEqual(['kst-33783-52'])
  })

  it('refuses an address that is none, and a follow that does not exist', async () => {
    const bad = await cli('follow', 'alert', 'npv', '--email', 'geen adres')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('invalid email')
    expect((await cli('follow', 'alert', 'onbekend', '--email', 'a@example.org')).status).toBe(1)
    expect((await cli('follow', 'alert', 'npv')).status).toBe(2)
    expect((await cli('follow', 'alert', 'npv', '--off')).stdout).toBe('npv: no alerts\n')
  })
})

describe('kamerwacht alerts for one promise', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kw-promise-alerts-'))
  const db = join(dir, 'k.db')
  // The day the command runs on (KAMERWACHT_TODAY): a promise's deadline passes between two runs.
  const cli = (day: string, ...args: string[]) => kamerwacht(db, onDay(day), args)
  const ingest = async (day: string, name: string) => {
    const sub = join(dir, 'in', name)
    mkdirSync(sub, { recursive: true })
    copyFileSync(name === '33783-50.txt' ? corpusFile('dev', name) : join(ROOT, 'test', 'fixtures', 'chains', name), join(sub, name))
    expect((await cli(day, 'ingest', sub, '-q')).status).toBe(0)
  }
  // The text of the mails to one address, quoted-printable decoded (long lines come soft-wrapped).
  const mailsTo = (to: string) =>
    mails
      .filter((m) => m.to.includes(to))
      .map((m) =>
        Buffer.from(
          m.data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
      )
  const run = async (day: string) => {
    const r = await cli(day, 'alerts', '--json')
    expect(r.stderr).toBe('')
    return JSON.parse(r.stdout) as Array<{ follow: string; promise?: string }>
  }

  it('tells when its deadline passes with no letter that keeps it, never before, and once', async () => {
    // 33783-50 (27 May 2022): a briefing "voor aanvang van de toetsingsconferentie", by 31 July 2022.
    await ingest('2022-06-01', '33783-50.txt')
    expect((await cli('2022-06-01', 'follow', 'add', 'briefing', 'toezegging:kst-33783-50~4455c547')).status).toBe(0)
    expect((await cli('2022-06-01', 'follow', 'alert', 'briefing', '--email', 'griffie@example.org')).status).toBe(0)
    for (const day of ['2022-06-02', '2022-07-15', '2022-07-31']) expect((await run(day)).find((r) => r.follow === 'briefing')?.promise).toBeUndefined()
    expect(mailsTo('griffie@example.org')).toHaveLength(0)
    expect((await run('2022-08-02')).find((r) => r.follow === 'briefing')).toMatchObject({ promise: 'due', email: 'sent' })
    const mail = mailsTo('griffie@example.org')
    expect(mail).toHaveLength(1)
    expect(mail[0]).toContain('Subject: kamerwacht: toezegging verlopen op 2022-07-31 (briefing)')
    expect(mail[0]).toContain('technische ambtelijke briefing')
    expect((await run('2022-08-03')).find((r) => r.follow === 'briefing')?.promise).toBeUndefined()
    expect(mailsTo('griffie@example.org')).toHaveLength(1)
  })

  it("sends each user's follows to their own address, at most once a day when they ask for a daily digest", async () => {
    const added = await cli('2022-09-01', 'user', 'add', 'anna', '--email', 'anna@example.org', '--json')
    expect(added.status).toBe(0)
    expect(JSON.parse(added.stdout)).toMatchObject({ name: 'anna', email: 'anna@example.org', token: expect.stringMatching(/^kw_/) })
    expect((await cli('2022-09-01', 'user', 'add', 'bob')).status).toBe(0)
    // The same follow name for two people, and for the store itself.
    expect((await cli('2022-09-01', 'follow', 'add', '--user', 'anna', 'npv', 'dossier:33783')).status).toBe(0)
    expect((await cli('2022-09-01', 'follow', 'add', '--user', 'bob', 'npv', 'dossier:33783')).status).toBe(0)
    const daily = await cli('2022-09-01', 'follow', 'alert', '--user', 'anna', 'npv', '--email', 'anna@example.org', '--every', 'dag')
    expect(daily.stdout).toBe('npv: alerts go to anna@example.org at most once every 24 hours; `kamerwacht alerts` sends what is new from now on\n')
    expect((await cli('2022-09-01', 'follow', 'alert', '--user', 'bob', 'npv', '--email', 'bob@example.org')).status).toBe(0)
    expect((await cli('2022-09-01', 'follow', 'alert', '--user', 'bob', 'npv', '--every', 'maand')).stderr).toContain('invalid every: maand')
    // `--every` alone keeps the address.
    expect((await cli('2022-09-01', 'follow', 'alert', '--user', 'bob', 'npv', '--every', '1')).stdout).toContain(
      'alerts go to bob@example.org at most once every 1 hour;',
    )
    expect((await cli('2022-09-01', 'follow', 'alert', '--user', 'bob', 'npv', '--email', 'bob@example.org')).status).toBe(0)
    expect(JSON.parse((await cli('2022-09-01', 'follow', 'list', '--user', 'anna', '--json')).stdout).map((f: { owner: string }) => f.owner)).toEqual(['anna'])
    const users = JSON.parse((await cli('2022-09-01', 'user', 'list', '--json')).stdout)
    expect(users.map((u: { name: string; follows: number }) => [u.name, u.follows])).toEqual([
      ['anna', 1],
      ['bob', 1],
    ])
    // A letter of the dossier stored the same day: bob, who asked for every run, hears of it now; anna a day after she set her alert.
    await ingest('2022-09-01', '33783-53.txt')
    const sameDay = await run('2022-09-01')
    expect(sameDay.find((r) => r.follow === 'npv' && (r as { owner?: string }).owner === 'bob')).toMatchObject({ papers: 1, email: 'sent' })
    expect(sameDay.find((r) => (r as { owner?: string }).owner === 'anna')).toBeUndefined()
    expect(mailsTo('anna@example.org')).toHaveLength(0)
    const nextDay = await run('2022-09-02')
    expect(nextDay.find((r) => (r as { owner?: string }).owner === 'anna')).toMatchObject({ papers: 1, email: 'sent' })
    expect(nextDay.find((r) => (r as { owner?: string }).owner === 'bob')).toMatchObject({ papers: 0, email: null })
    expect(mailsTo('anna@example.org')).toHaveLength(1)
    expect(mailsTo('bob@example.org')).toHaveLength(1)
    // Removing a user removes their follows: no more alerts for them.
    expect((await cli('2022-09-03', 'user', 'remove', 'bob')).stdout).toBe('removed bob and their follows\n')
    expect((await run('2022-09-03')).some((r) => (r as { owner?: string }).owner === 'bob')).toBe(false)
    expect((await cli('2022-09-03', 'user', 'remove', 'bob')).status).toBe(1)
  })

  it('tells when a letter that keeps it is stored, before its deadline, and then nothing when the deadline passes', async () => {
    // "Ik zal na afloop van de Toetsingsconferentie rapporteren over de resultaten" (by 24 November 2022), kept by 33783-52.
    expect((await cli('2022-09-01', 'follow', 'add', 'rapport', 'toezegging:kst-33783-50~12995bb5')).status).toBe(0)
    expect((await cli('2022-09-01', 'follow', 'alert', 'rapport', '--email', 'rapport@example.org')).status).toBe(0)
    expect((await run('2022-09-15')).find((r) => r.follow === 'rapport')?.promise).toBeUndefined()
    await ingest('2022-09-30', '33783-52.txt')
    expect((await run('2022-10-01')).find((r) => r.follow === 'rapport')).toMatchObject({ promise: 'met', papers: 1, email: 'sent' })
    const mail = mailsTo('rapport@example.org')
    expect(mail).toHaveLength(1)
    expect(mail[0]).toContain('Subject: kamerwacht: toezegging nagekomen (rapport)')
    expect(mail[0]).toContain('http://kamerwacht.test/papers/kst-33783-52')
    for (const day of ['2022-10-02', '2022-12-01']) expect((await run(day)).find((r) => r.follow === 'rapport')?.promise).toBeUndefined()
    expect(mailsTo('rapport@example.org')).toHaveLength(1)
    // `follow new` lists the letter that keeps it; a promise that does not exist is refused.
    expect((await cli('2022-12-01', 'follow', 'new', 'rapport')).stdout).toContain('kst-33783-52')
    const none = await cli('2022-12-01', 'follow', 'add', 'x', 'toezegging:kst-1-1~00000000')
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('no promise kst-1-1~00000000')
  })
})

describe.skipIf(skipWithoutShared)('kamerwacht alerts for one motie', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kw-motie-alerts-'))
  const db = join(dir, 'k.db')
  const cli = (...args: string[]) => kamerwacht(db, { ...process.env, KAMERWACHT_WEBHOOK_SECRET: SECRET, KAMERWACHT_BASE_URL: 'http://kamerwacht.test' }, args)
  // Real records of ../shared/corpus/opendata: motie 36583-14 (its XML and its Zaak), then the page of Document records
  // that holds the letter carrying it out (2025D40481, `Uitvoering van de motie van de leden Ellian en Wilders … (Kamerstuk 36583-14)`).
  const ingest = async (name: string, files: string[]) => {
    const sub = join(dir, 'in', name)
    mkdirSync(sub, { recursive: true })
    for (const f of files) copyFileSync(corpusFile('opendata', f), join(sub, f))
    expect((await cli('ingest', sub, '-q')).status).toBe(0)
  }

  it('posts each letter that answers it, once, from when the alert is set', async () => {
    await ingest('motie', ['kst-36583-14.xml', 'motie-2025Z00854.zaak.json'])
    expect((await cli('follow', 'add', 'kopstukken', 'motie:kst-36583-14')).status).toBe(0)
    expect((await cli('follow', 'alert', 'kopstukken', '--webhook', hookUrl)).status).toBe(0)
    const before = posts.length
    expect(JSON.parse((await cli('alerts', '--json')).stdout)).toEqual([{ follow: 'kopstukken', owner: '', papers: 0, email: null, webhook: null }])
    await ingest('letters', ['document_page_12_fullterm_20251002_235842.json'])
    expect(JSON.parse((await cli('alerts', '--json')).stdout)).toEqual([
      { follow: 'kopstukken', owner: '', papers: 1, motie: 'answered', email: null, webhook: 'sent' },
    ])
    expect(posts).toHaveLength(before + 1)
    const post = posts[before] as { body: string; signature: string }
    expect(post.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(post.body).digest('hex')}`)
    const payload = JSON.parse(post.body)
    expect(payload.motie).toMatchObject({ id: 'kst-36583-14', url: 'http://kamerwacht.test/papers/kst-36583-14' })
    expect(payload.papers.map((p: { id: string }) => p.id)).toEqual(['2025D40481'])
    // Told once; a motie the store does not have is refused.
    expect(JSON.parse((await cli('alerts', '--json')).stdout)[0]).toMatchObject({ papers: 0, webhook: null })
    const none = await cli('follow', 'add', 'x', 'motie:kst-1-1')
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('no motie kst-1-1')
  })

  it('posts the Kamer’s vote on it when the vote is stored, once; a vote stored before the alert was set is not told', async () => {
    // The page of votes that decides motie 36583-14 (with its Besluit and Agendapunt): adopted, 114 seats for and 36 against (gold-moties.json).
    const before = posts.length
    await ingest('votes', ['stemming_page_0609_enriched_20251004T194217Z.json'])
    expect(JSON.parse((await cli('alerts', '--json')).stdout)).toEqual([
      { follow: 'kopstukken', owner: '', papers: 0, motie: 'voted', email: null, webhook: 'sent' },
    ])
    const payload = JSON.parse(posts[before]?.body ?? '{}')
    expect(payload.motie).toMatchObject({ id: 'kst-36583-14', result: 'aangenomen', decisions: 1 })
    expect(payload.motie.votes).toEqual([expect.objectContaining({ result: 'aangenomen', seatsFor: 114, seatsAgainst: 36 })])
    expect(JSON.parse((await cli('alerts', '--json')).stdout)[0]).toMatchObject({ papers: 0, webhook: null })
    expect(posts).toHaveLength(before + 1)
    // A new follow of it, set after the vote was stored: nothing to tell.
    expect((await cli('follow', 'add', 'later', 'motie:kst-36583-14')).status).toBe(0)
    expect((await cli('follow', 'alert', 'later', '--webhook', hookUrl)).status).toBe(0)
    expect(JSON.parse((await cli('alerts', '--json')).stdout).find((r: { follow: string }) => r.follow === 'later')).toMatchObject({ webhook: null })
  })
})

describe('kamerwacht alerts for a member and a ministry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kw-subject-alerts-'))
  const db = join(dir, 'k.db')
  const cli = (...args: string[]) => kamerwacht(db, onDay('2026-12-01'), args)
  const ingest = async (from: string) => {
    const sub = join(dir, 'in', from.replace(/\W+/g, '-'))
    mkdirSync(sub, { recursive: true })
    copyFileSync(from, join(sub, from.split('/').pop() as string))
    expect((await cli('ingest', sub, '-q')).status).toBe(0)
  }
  const run = async () => JSON.parse((await cli('alerts', '--json')).stdout) as Array<{ follow: string; papers: number; email: string | null }>
  const mailTo = (to: string) => mails.filter((m) => m.to.includes(to)).map((m) => m.data.replace(/=\r?\n/g, ''))

  it('tells of a debate a member speaks in, and of a letter with new promises from a followed ministry, not one without', async () => {
    await ingest(join(ROOT, 'test', 'fixtures', 'chains', '33783-51.txt'))
    expect((await cli('follow', 'add', 'bakker', 'lid:Bakker')).status).toBe(0)
    expect((await cli('follow', 'add', 'buza', 'ministerie:"Buitenlandse Zaken"')).status).toBe(0)
    for (const f of ['bakker', 'buza']) expect((await cli('follow', 'alert', f, '--email', `${f}@example.org`)).status).toBe(0)
    expect((await run()).map((r) => r.papers)).toEqual([0, 0])
    // The tweeminutendebat: Bakker speaks, and is promised a reply (`Ik wil de heer Bakker toezeggen …`).
    await ingest(join(ROOT, 'test', 'fixtures', 'debates', 'tweeminutendebat.obpage.txt'))
    // A letter of Buitenlandse Zaken without promises (33783-53), then one with (33783-50).
    await ingest(join(ROOT, 'test', 'fixtures', 'chains', '33783-53.txt'))
    expect((await run()).map((r) => [r.follow, r.papers, r.email])).toEqual([
      ['bakker', 1, 'sent'],
      ['buza', 0, null],
    ])
    expect(mailTo('bakker@example.org')[0]).toContain('Subject: kamerwacht: 1 nieuw stuk: het Kamerlid Bakker (bakker)')
    await ingest(join(ROOT, 'examples', '33783-50.txt'))
    expect((await run()).map((r) => [r.follow, r.papers, r.email])).toEqual([
      ['bakker', 0, null],
      ['buza', 1, 'sent'],
    ])
    const mail = mailTo('buza@example.org')[0] ?? ''
    expect(mail).toContain('nieuwe toezeggingen van Buitenlandse Zaken')
    expect(mail).toContain('http://kamerwacht.test/papers/kst-33783-50')
    // The follow's page lists the same, and names what it follows.
    expect((await cli('follow', 'new', 'buza', '--json')).stdout).toContain('kst-33783-50')
  })
})
