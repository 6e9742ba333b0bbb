import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testPostgresUrl, testSchema } from '../../test-support/postgres.js'
import { PostgresDialect } from './dialect.js'

// A transaction's held writes go with its next read in one round trip, every value written as a
// literal: strings with quotes and backslashes, bytes, and lists (for `= ANY(?)`) must come back as sent.
const url = testPostgresUrl()

describe.skipIf(!url)('PostgreSQL dialect: held writes sent with the next read', () => {
  let d: PostgresDialect
  const schema = testSchema()
  beforeAll(async () => {
    d = PostgresDialect.connect(url as string, schema, 2)
    const c = new pg.Client({ connectionString: url as string })
    await c.connect()
    await c.query(`CREATE SCHEMA ${schema}`)
    await c.query(`CREATE TABLE ${schema}.t (k text COLLATE "C" PRIMARY KEY, n integer, b bytea)`)
    await c.end()
  })
  afterAll(async () => {
    await d.close()
    const c = new pg.Client({ connectionString: url as string })
    await c.connect()
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await c.end()
  })

  const odd = ["it's", 'back\\slash', 'a"quote', '{braces}', 'comma,in', 'NULL', '', ' space ', 'ĳ ë 😀', '$1 ?']

  it('reads back every odd string, number and byte written before it in the same transaction', async () => {
    const got = await d.write(async (tx) => {
      for (const [n, k] of odd.entries()) await tx.write('INSERT INTO t (k, n, b) VALUES (?, ?, ?)', [k, n, new Uint8Array([0, n, 255])])
      return tx.all<{ k: string; n: number; b: Buffer }>('SELECT k, n, b FROM t WHERE k = ANY(?) ORDER BY n', [odd])
    })
    expect(got.map((r) => r.k)).toEqual(odd)
    expect(got.map((r) => [...r.b])).toEqual(odd.map((_, n) => [0, n, 255]))
  })

  it('matches a list with a null and an empty list, as a parameter would', async () => {
    const rows = await d.write(async (tx) => {
      await tx.write('UPDATE t SET n = n + 100 WHERE k = ?', ["it's"])
      const some = await tx.all<{ k: string }>('SELECT k FROM t WHERE k = ANY(?) ORDER BY k', [['a"quote', null, 'nope']])
      await tx.write('UPDATE t SET n = n - 100 WHERE k = ?', ["it's"])
      const none = await tx.all<{ k: string }>('SELECT k FROM t WHERE k = ANY(?)', [[]])
      const n = await tx.get<{ n: number }>('SELECT n FROM t WHERE k = ?', ["it's"])
      return { some, none, n }
    })
    expect(rows).toEqual({ some: [{ k: 'a"quote' }], none: [], n: { n: 0 } })
  })

  it('refuses a U+0000 in a held text as the paper’s fault (22021), and the connection stays usable', async () => {
    const failed = await d
      .write(async (tx) => {
        await tx.write('INSERT INTO t (k, n) VALUES (?, ?)', ['kern\u0000wapens', 1])
        return tx.all('SELECT k FROM t')
      })
      .catch((e: unknown) => e as { code?: string })
    expect(failed).toMatchObject({ code: '22021' })
    expect((await d.db.get<{ n: number }>('SELECT count(*) AS n FROM t WHERE k LIKE ?', ['kern%']))?.n).toBe(0)
    expect((await d.db.all('SELECT k FROM t')).length).toBe(odd.length)
  })
})
