import { z } from 'zod'
import { PAPER_TYPES } from '../model/document.js'
import { isQueryDate } from './query.js'

/**
 * The search filters as the edges take them (CLI flags, HTTP query, web form),
 * with messages that say what to write: a date that exists (`2022-13-45` is
 * refused, naming the field) and a type of paper that exists (`flapdrol` is
 * refused with the types there are). `nl` gives the Dutch messages of the web UI.
 */
export function dateField(example: string, nl = false) {
  return z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .superRefine((v, ctx) => {
      if (v !== undefined && !isQueryDate(v))
        ctx.addIssue({
          code: 'custom',
          message: nl ? `${v} is geen datum: schrijf ${example} (of 2022, of 2022-05)` : `${v} is not a date: write ${example} (or 2022, or 2022-05)`,
        })
    })
}

/** A type of paper (see {@link dateField}). */
export function typeField(nl = false) {
  return z
    .string()
    .max(40)
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .superRefine((v, ctx) => {
      if (v !== undefined && !(PAPER_TYPES as readonly string[]).includes(v))
        ctx.addIssue({
          code: 'custom',
          message: nl
            ? `${v} is geen soort stuk; de soorten zijn ${PAPER_TYPES.join(', ')}`
            : `${v} is not a type of paper; the types are ${PAPER_TYPES.join(', ')}`,
        })
    })
}
