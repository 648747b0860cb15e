/** How far the position is expected to fall below the reorder point before a daily review sees it. */
export interface Undershoot {
  /** E[U], in units. */
  readonly mean: number;
  /** Var(U), in units². */
  readonly variance: number;
}

/**
 * The undershoot U of a reorder point s under daily review: the position is looked at once a day,
 * after the whole day's demand, so when it is first at or below s it is s − U. For whole-unit daily
 * demand X with mean d and standard deviation σ_d, renewal theory gives U the equilibrium law
 * P(U = u) = P(X > u) / E[X], u = 0, 1, … (Silver, Pyke & Thomas, (s, S) with non-unit
 * transactions), whose moments are
 *
 *     E[U]  = r₂ / 2 − ½                 r₂ = E[X²] / E[X] = (σ_d² + d²) / d
 *     E[U²] = (2 r₃ − 3 r₂ + 1) / 6      r₃ = E[X³] / E[X]
 *
 * so E[U] = (σ_d² + d²) / (2d) − ½. The third moment is not known from d and σ_d alone: r₃ is taken
 * as the larger of the normal value d² + 3σ_d² and r₂², the least any demand can have
 * (Cauchy–Schwarz), which is also exact for intermittent demand of a fixed size. Whole units make
 * r₂ at least 1 (E[X²] ≥ E[X]), which a forecast's d and σ_d need not respect. U is less than one
 * day's demand, so when the largest possible day M is given, r₂ is held to at most max(M, d, 1) and
 * r₃ to its square: a forecast that has decayed towards zero while its error spread has not (TSB
 * after demand stops) would otherwise imply one enormous day. Both moments are 0 with no demand,
 * and Var U ≥ (r₂² − 1)/12 ≥ 0.
 *
 * @param demandPerDay - d
 * @param demandSdPerDay - σ_d
 * @param largestDay - M, the most units one day's demand can be (default: unbounded)
 * @returns the moments; infinite when d is so small against σ_d that nothing bounds them
 * @example
 * ```ts
 * reviewUndershoot(10, Math.sqrt(10)); // Poisson 10 a day: mean 5, variance 13
 * ```
 */
export function reviewUndershoot(demandPerDay: number, demandSdPerDay: number, largestDay = Number.POSITIVE_INFINITY): Undershoot {
  const d = demandPerDay;
  if (!(d > 0)) return { mean: 0, variance: 0 };
  const spread = demandSdPerDay * demandSdPerDay;
  const bound = Math.max(largestDay, d, 1);
  const r2 = Math.min(Math.max(spread / d + d, 1), bound);
  if (!Number.isFinite(r2)) return { mean: Number.POSITIVE_INFINITY, variance: Number.POSITIVE_INFINITY };
  const r3 = Math.min(Math.max(d * d + 3 * spread, r2 * r2), bound * bound);
  const mean = r2 / 2 - 0.5;
  if (!Number.isFinite(r3)) return { mean, variance: Number.POSITIVE_INFINITY };
  const meanSquare = (2 * r3 - 3 * r2 + 1) / 6;
  return { mean, variance: Math.max(0, meanSquare - mean * mean) };
}
