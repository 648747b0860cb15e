// W. J. Cody, "Rational Chebyshev approximations for the error function", Mathematics of
// Computation 23 (1969) 631-637, in the form of Cody's ANORM (ACM TOMS 715, 1993) that R's pnorm
// uses: one rational approximation for |x| ≤ 0.674, one up to √32 and one in 1/x² beyond.
const M_1_SQRT_2PI = 0.398942280401432677939946059934;
const CENTRAL_LIMIT = 0.67448975;
const SQRT_32 = 5.656854249492380195206754896838;
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/** −y²/2 without the rounding of y²: y is split at a multiple of 1/16, whose square is exact. */
function minusHalfSquare(y: number): number {
  const head = Math.trunc(y * 16) / 16;
  return -head * head * 0.5 - (y - head) * (y + head) * 0.5;
}

/** exp(−y²/2), to within a few units in the last place even where y² has no exact double. */
function expMinusHalfSquare(y: number): number {
  if (y > 40) return 0; // exp(−800) underflows; also keeps ∞ − ∞ out of the split below
  const head = Math.trunc(y * 16) / 16;
  return Math.exp(-head * head * 0.5) * Math.exp(-(y - head) * (y + head) * 0.5);
}

/** Φ(x) − 1/2 for |x| ≤ 0.674. */
function centralPart(x: number): number {
  const xsq = x * x;
  let num = (A[4] as number) * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + (A[i] as number)) * xsq;
    den = (den + (B[i] as number)) * xsq;
  }
  return (x * (num + (A[3] as number))) / (den + (B[3] as number));
}

/** S(y) for y > √32, where Φ(−y) = exp(−y²/2)·(1/√(2π) − S(y))/y and so φ(y) − y·Φ(−y) = exp(−y²/2)·S(y). */
function farTail(y: number): number {
  const w = 1 / (y * y);
  let num = (P[5] as number) * w;
  let den = w;
  for (let i = 0; i < 4; i++) {
    num = (num + (P[i] as number)) * w;
    den = (den + (Q[i] as number)) * w;
  }
  return (w * (num + (P[4] as number))) / (den + (Q[4] as number));
}

/** Φ(−y)·exp(y²/2) for y > 0.674 (finite). */
function tailFactor(y: number): number {
  if (y > SQRT_32) return (M_1_SQRT_2PI - farTail(y)) / y;
  let num = (C[8] as number) * y;
  let den = y;
  for (let i = 0; i < 7; i++) {
    num = (num + (C[i] as number)) * y;
    den = (den + (D[i] as number)) * y;
  }
  return (num + (C[7] as number)) / (den + (D[7] as number));
}

/** Φ(−y) for y ≥ 0: the upper tail at y, with full relative accuracy however small. */
function upperTail(y: number): number {
  if (y <= CENTRAL_LIMIT) return 0.5 - centralPart(y);
  if (y === Infinity) return 0;
  return expMinusHalfSquare(y) * tailFactor(y);
}

/** ln Φ(−y) for y ≥ 0, finite even where Φ(−y) underflows. */
function logUpperTail(y: number): number {
  if (y <= CENTRAL_LIMIT) return Math.log(0.5 - centralPart(y));
  return minusHalfSquare(y) + Math.log(tailFactor(y));
}

/**
 * The standard normal density φ(x).
 *
 * @example
 * ```ts
 * normalPdf(0); // 0.3989422804014327
 * ```
 */
export function normalPdf(x: number): number {
  const y = Math.abs(x);
  return (y < 2 ? Math.exp(-0.5 * y * y) : expMinusHalfSquare(y)) * M_1_SQRT_2PI;
}

/**
 * The standard normal distribution function Φ(x), by W. J. Cody's rational Chebyshev
 * approximations (1969; the algorithm of R's `pnorm`). Relative error below 1e-15 for x from
 * −37.5 (Φ ≈ 5e-308) up; below that the result is subnormal, and it is 0 from about −38.5.
 *
 * @example
 * ```ts
 * normalCdf(1.959963984540054); // 0.975
 * normalCdf(-8);                // 6.22096057427178e-16
 * ```
 */
export function normalCdf(x: number): number {
  if (Math.abs(x) <= CENTRAL_LIMIT) return 0.5 + centralPart(x);
  const tail = upperTail(Math.abs(x));
  return x > 0 ? 1 - tail : tail; // NaN stays NaN
}

const ACKLAM_A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628274631];
const ACKLAM_B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const ACKLAM_C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const ACKLAM_LOW = 0.02425;

function poly(coefficients: readonly number[], x: number): number {
  let acc = 0;
  for (const c of coefficients) acc = acc * x + c;
  return acc;
}

/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1 (−∞ at 0, +∞ at 1, NaN otherwise): Acklam's
 * rational approximation, refined by Halley steps on {@link normalCdf} (on ln Φ in the lower tail,
 * so subnormal p such as 5e-324 work too). Error within about 1e-15·max(1, |x|) for every double p;
 * above 1/2 it is −Φ⁻¹(1 − p), so near 1 the resolution of p itself is the limit.
 *
 * @example
 * ```ts
 * normalQuantile(0.95);   // 1.6448536269514722
 * normalQuantile(5e-324); // -38.467405617144344
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : Number.NaN;
  return p > 0.5 ? -lowerQuantile(1 - p) : lowerQuantile(p);
}

/** Φ⁻¹(p) for 0 < p ≤ 1/2. */
function lowerQuantile(p: number): number {
  if (p >= ACKLAM_LOW) {
    const q = p - 0.5;
    const r = q * q;
    const x = (poly(ACKLAM_A, r) * q) / (poly(ACKLAM_B, r) * r + 1);
    const u = (normalCdf(x) - p) / normalPdf(x);
    return x - u / (1 + (x * u) / 2);
  }
  const logP = Math.log(p);
  const q = Math.sqrt(-2 * logP);
  let x = poly(ACKLAM_C, q) / (poly(ACKLAM_D, q) * q + 1);
  // Halley on g(x) = ln Φ(x) − ln p: g' = φ/Φ = h, g'' = −h(x + h).
  for (let i = 0; i < 2; i++) {
    const logCdf = logUpperTail(-x);
    const h = Math.exp(minusHalfSquare(-x) - logCdf) * M_1_SQRT_2PI;
    const step = (logCdf - logP) / h;
    x -= step / (1 + (step * (x + h)) / 2);
  }
  return x;
}

/**
 * The standard normal loss function G(k) = φ(k) − k(1 − Φ(k)): the expected shortfall beyond k
 * standard deviations, used for fill-rate targets. Computed from the upper tail without
 * cancellation, so it stays positive with a relative error below 1e-13 until it underflows
 * (k ≈ 38); for negative k it is G(|k|) + |k|.
 *
 * @example
 * ```ts
 * normalLoss(0); // 0.3989422804014327
 * normalLoss(8); // 7.550262...e-17
 * ```
 */
export function normalLoss(k: number): number {
  if (k > SQRT_32) return expMinusHalfSquare(k) * farTail(k);
  if (k > 0) return normalPdf(k) - k * upperTail(k);
  return normalPdf(k) - k * (1 - upperTail(-k));
}
