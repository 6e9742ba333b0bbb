import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { PostgresStore } from '../store/postgres/index.js'

/**
 * The PostgreSQL server tests run against: `KAMERWACHT_TEST_PG`. `.ci/run`
 * starts one; under `CI=true` a missing server fails
 * the run, elsewhere the PostgreSQL half of a suite is skipped with a warning.
 */
export function testPostgresUrl(): string | null {
  // Never DATABASE_URL: the tests create and drop schemas, which a production database should not see.
  const url = process.env.KAMERWACHT_TEST_PG ?? null
  if (!url && process.env.CI) throw new Error('no PostgreSQL for the tests: set KAMERWACHT_TEST_PG (the CI script starts a server and sets it)')
  if (!url) console.warn('PostgreSQL tests skipped: set KAMERWACHT_TEST_PG=postgres://user:pass@127.0.0.1:5432/db')
  return url
}

/** A fresh schema name, so that test runs never see each other's papers. */
export const testSchema = () => `t_${randomBytes(5).toString('hex')}`

/** Opens a store in a fresh schema; `drop` removes the schema. */
export async function openTestPostgres(
  url: string,
  options: { searchCache?: number } = {},
): Promise<{ store: PostgresStore; schema: string; drop: () => Promise<void> }> {
  const schema = testSchema()
  const store = await PostgresStore.open(url, { ...options, schema, max: 4 })
  return {
    store,
    schema,
    drop: async () => {
      await store.close().catch(() => {})
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await client.end()
    },
  }
}
