// The probability of a fitted logistic model over standardised features, shared by the link calibration
// (link/calibrate.ts) and the term candidates' confidence (suggest/confidence.ts); scripts/logistic.ts fits them.

/** A fitted logistic model: p = σ(bias + Σ weights·(x − mean) / std). */
export interface LogisticModel {
  mean: number[]
  std: number[]
  weights: number[]
  bias: number
}

/** The model's probability for `x`; with `columns`, weight i reads `x[columns[i]]` (a model over some of the features). */
export function logisticProbability(model: LogisticModel, x: readonly number[], columns?: readonly number[]): number {
  let z = model.bias
  for (let i = 0; i < model.weights.length; i++) z += model.weights[i] * ((x[columns ? columns[i] : i] - model.mean[i]) / (model.std[i] || 1))
  return 1 / (1 + Math.exp(-z))
}
