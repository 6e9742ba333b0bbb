// What the evaluation and fitting scripts share: the scorer's way of matching sentences, a logistic regression fitted
// as a MAP estimate around a prior, and precision/recall figures.

/** The words of a text as the scorer (../shared/eval/score.mjs) folds them: lower case, accents off, letters and digits. */
export function words(s) {
  return new Set(
    (s ?? '')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  )
}

/** Word overlap of two sentences (the scorer matches commitments and fulfilments at ≥ 0.5). */
export function jaccard(a, b) {
  const x = words(a)
  const y = words(b)
  let i = 0
  for (const w of x) if (y.has(w)) i++
  return i / (x.size + y.size - i || 1)
}

const sigmoid = (z) => 1 / (1 + Math.exp(-z))

/** The logistic function of a row's weighted features (`x`: feature → value) plus `weights.bias`; 0 for a row with none. */
export function predict(weights, x) {
  if (!x) return 0
  let z = weights.bias ?? 0
  for (const [name, value] of Object.entries(x)) z += (weights[name] ?? 0) * value
  return sigmoid(z)
}

/**
 * Logistic regression by gradient descent, as a MAP estimate with a Gaussian prior of variance `sigma2` around `prior`
 * (feature → weight, `bias` included): the data moves each weight from its reasoned start only as far as it has
 * something to say. Rows without features (`x` null) are left out.
 */
export function fitMap(rows, prior, { sigma2 = 1, steps = 2000, rate = 0.1 } = {}) {
  const m = { ...prior }
  const names = Object.keys(prior)
  const usable = rows.filter((r) => r.x)
  const step = rate / Math.sqrt(Math.max(usable.length, 1))
  for (let k = 0; k < steps; k++) {
    const g = Object.fromEntries(names.map((n) => [n, (m[n] - prior[n]) / sigma2]))
    for (const r of usable) {
      const e = predict(m, r.x) - r.label
      g.bias += e
      for (const [name, value] of Object.entries(r.x)) if (name in g) g[name] += e * value
    }
    for (const n of names) m[n] -= step * g[n]
  }
  return m
}

/** Precision, recall and F1 of scored rows (`{ r: { label }, p }`) at a threshold. */
export function figures(scored, threshold) {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const { r, p } of scored) {
    if (p >= threshold && r.label) tp++
    else if (p >= threshold) fp++
    else if (r.label) fn++
  }
  const P = tp + fp ? tp / (tp + fp) : 1
  const R = tp + fn ? tp / (tp + fn) : 1
  return { P, R, F: P + R ? (2 * P * R) / (P + R) : 0, tp, fp, fn }
}

/** Rows scored by weights fitted without their own group (leave one dossier out). */
export function leaveOneGroupOut(rows, fitWithout) {
  const held = []
  for (const g of new Set(rows.map((r) => r.group))) {
    const m = fitWithout(rows.filter((r) => r.group !== g))
    for (const r of rows.filter((x) => x.group === g)) held.push({ r, p: predict(m, r.x) })
  }
  return held
}

export const pct = (x) => `${(100 * x).toFixed(1).padStart(5)}%`
