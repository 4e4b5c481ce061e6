// Logistic regression for the scripts that fit the app's calibrated models (links, term candidates) on gold data;
// src/core/logistic.ts reads what it fits.
import type { LogisticModel } from '../src/core/logistic'

/** L2-regularised logistic regression by Newton steps on standardised features (rows `X`, labels `y` of 0 and 1). */
export function fitLogistic(X: number[][], y: number[], l2 = 1): LogisticModel {
  const d = X[0]?.length ?? 0
  const mean = X[0].map((_, j) => X.reduce((s, r) => s + r[j], 0) / X.length)
  const std = X[0].map((_, j) => Math.sqrt(X.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / X.length) || 1)
  const Z = X.map((r) => [1, ...r.map((v, j) => (v - mean[j]) / std[j])])
  let w = new Array(d + 1).fill(0)
  for (let it = 0; it < 50; it++) {
    const g = new Array(d + 1).fill(0)
    const H = Array.from({ length: d + 1 }, () => new Array(d + 1).fill(0))
    Z.forEach((z, i) => {
      const p = 1 / (1 + Math.exp(-z.reduce((s, v, j) => s + v * w[j], 0)))
      const r = p - y[i]
      for (let a = 0; a <= d; a++) {
        g[a] += r * z[a]
        for (let b = 0; b <= d; b++) H[a][b] += p * (1 - p) * z[a] * z[b]
      }
    })
    for (let a = 1; a <= d; a++) (g[a] += l2 * w[a]), (H[a][a] += l2)
    const step = solve(H, g)
    w = w.map((v, j) => v - step[j])
    if (Math.max(...step.map(Math.abs)) < 1e-8) break
  }
  return { mean, std, weights: w.slice(1), bias: w[0] }
}

/** Solves A·x = b by Gauss–Jordan elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length
  const M = A.map((r, i) => [...r, b[i]])
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r
    ;[M[c], M[p]] = [M[p], M[c]]
    for (let r = 0; r < n; r++) {
      if (r === c || !M[c][c]) continue
      const f = M[r][c] / M[c][c]
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k]
    }
  }
  return M.map((r, i) => r[n] / (r[i] || 1))
}
