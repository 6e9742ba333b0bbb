import { describe, expect, it } from 'vitest'
import { Refusal } from '../app/errors.js'
import { HttpError, httpErrorOf } from './errors.js'

describe('httpErrorOf: what the HTTP edge answers for an error', () => {
  it.each([
    [new HttpError(401, 'unauthorized', 'wrong token'), 401, 'unauthorized'],
    [new Refusal('needs-force', 'older', 'ouder', 'target'), 409, 'needs-force'],
    [new Refusal('not-found', 'no paper x', 'Geen stuk x', 'id'), 404, 'not-found'],
    [Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), 507, 'insufficient-storage'],
    [Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }), 507, 'insufficient-storage'],
    [Object.assign(new Error('could not extend file'), { code: '53100' }), 507, 'insufficient-storage'],
  ])('%s → %i %s', (err, status, code) => {
    expect(httpErrorOf(err)).toMatchObject({ status, code })
  })

  it('leaves anything else to the bare 500', () => {
    expect(httpErrorOf(new TypeError('x is undefined'))).toBeNull()
    expect(httpErrorOf(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }))).toBeNull()
  })
})
