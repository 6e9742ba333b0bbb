import { describe, expect, it } from 'vitest'
import { SignInThrottle, tokenProblem } from './auth.js'

describe('SignInThrottle', () => {
  it('lets five wrong tries pass, then makes each next one wait, doubling the wait each time, per address, and forgets on success', () => {
    let now = 0
    const t = new SignInThrottle(() => now)
    for (let i = 0; i < 5; i++) {
      expect(t.waitFor('10.0.0.1')).toBe(0)
      t.failed('10.0.0.1')
    }
    // The sixth try waits.
    expect(t.waitFor('10.0.0.1')).toBe(1)
    expect(t.waitFor('10.0.0.2')).toBe(0)
    now += 1000
    t.failed('10.0.0.1')
    expect(t.waitFor('10.0.0.1')).toBe(2)
    now += 2000
    t.failed('10.0.0.1')
    expect(t.waitFor('10.0.0.1')).toBe(4)
    t.succeeded('10.0.0.1')
    expect(t.waitFor('10.0.0.1')).toBe(0)
  })

  it('starts counting again after a quiet window, and never waits longer than its ceiling', () => {
    let now = 0
    const t = new SignInThrottle(() => now, { free: 1, windowMs: 60_000, maxWaitMs: 10_000, addresses: 2 })
    for (let i = 0; i < 30; i++) t.failed('a')
    expect(t.waitFor('a')).toBe(10)
    now += 61_000
    t.failed('a')
    expect(t.waitFor('a')).toBe(1)
    // Bounded: a third address pushes out the oldest.
    t.failed('b')
    t.failed('c')
    expect(t.waitFor('a')).toBe(0)
  })
})

describe('tokenProblem', () => {
  it.each([
    ['0123456789abcdef', null],
    ['kort', /at least 16 characters \(it has 4\)/],
    ['twee woorden met spaties', /printable ASCII without spaces/],
    ['wachtwoord-ü-0123456789', /printable ASCII/],
  ])('%s', (token, problem) => {
    if (problem === null) expect(tokenProblem(token)).toBeNull()
    else expect(tokenProblem(token)).toMatch(problem)
  })
})
