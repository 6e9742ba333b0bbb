import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusFile } from '../test-support/paths.js'
import { ReadPool } from './pool.js'

const small = () => ({ bytes: new Uint8Array(readFileSync(corpusFile('dev', '33783-50.txt'))), name: '33783-50.txt' })

/** A text of about 20 MB: seconds to read, far over a limit of half a second. */
function long(): { bytes: Uint8Array; name: string } {
  const words = ['de', 'minister', 'zal', 'kamer', 'begroting', 'lidstaten', 'veiligheid', 'nucleaire', 'brief', 'het']
  const lines: string[] = []
  for (let i = 0; lines.length * 70 < 20 * 1024 * 1024; i++) lines.push(Array.from({ length: 10 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' '))
  return { bytes: new TextEncoder().encode(lines.join('\n')), name: 'long.txt' }
}

describe('ReadPool with several papers in a thread’s hands', () => {
  it('fails the paper over the limit alone; the papers queued behind it in that thread are read by the next', async () => {
    const pool = new ReadPool({ size: 1, depth: 4, timeoutMs: 500 })
    try {
      const outcomes = await Promise.all([pool.run(long()), pool.run(small()), pool.run(small()), pool.run(small())])
      expect(outcomes[0]).toMatchObject({ type: 'failed' })
      expect(outcomes[0]?.type === 'failed' && outcomes[0].code).toMatch(/too-slow|too-much-memory/)
      expect(outcomes.slice(1).map((o) => o.type)).toEqual(['doc', 'doc', 'doc'])
    } finally {
      await pool.close()
    }
  }, 60_000)

  it('answers in order of reading and stops what is waiting when closed', async () => {
    const pool = new ReadPool({ size: 1, depth: 8 })
    const first = await pool.run(small())
    expect(first.type).toBe('doc')
    const pending = [pool.run(long()), pool.run(small())]
    await new Promise((r) => setTimeout(r, 50))
    await pool.close()
    expect((await Promise.all(pending)).map((o) => o.type === 'failed' && o.code)).toEqual(['stopped', 'stopped'])
  }, 60_000)
})
