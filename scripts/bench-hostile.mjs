#!/usr/bin/env node
// `npm run bench:hostile`: each hostile input of src/bench/hostile.ts read at its reported size and at
// twice that, best of three; the ratio of the two times says how reading grows with size (linear:
// about 2, quadratic: about 4). Reported, never asserted: the tests bound each input's time generously.
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { createContext, readDocument } = await import(join(root, 'dist', 'pipeline.js'))
const { HOSTILE } = await import(join(root, 'dist', 'bench', 'hostile.js'))
const ctx = await createContext()

async function best(bytes) {
  let fastest = Number.POSITIVE_INFINITY
  let outcome = ''
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    try {
      outcome = `${(JSON.stringify(await readDocument(bytes, 'hostile', ctx)).length / bytes.length).toFixed(1)}× out`
    } catch (e) {
      outcome = `refused: ${e.code ?? e.message}`
    }
    fastest = Math.min(fastest, performance.now() - t0)
  }
  return { ms: fastest, outcome }
}

console.log('hostile input (reported size, then doubled)                                    1×        2×   ratio  outcome')
let worst = 0
for (const h of HOSTILE) {
  const one = await best(await h.make(1))
  const two = await best(await h.make(2))
  const ratio = two.ms / Math.max(one.ms, 1)
  worst = Math.max(worst, ratio)
  console.log(
    `${h.name.slice(0, 78).padEnd(78)} ${one.ms.toFixed(0).padStart(6)} ms ${two.ms.toFixed(0).padStart(6)} ms  ${ratio.toFixed(2).padStart(5)}  ${one.outcome}`,
  )
}
console.log(`worst ratio ${worst.toFixed(2)} (2 is linear, 4 quadratic)`)
