// Solves a small dense linear system A x = b (Gaussian elimination with partial pivoting), for the Newton steps of
// the logistic and Bradley–Terry fits. Returns undefined when A is singular.

export function solveLinear(matrix: readonly ArrayLike<number>[], rhs: ArrayLike<number>): Float64Array | undefined {
  const n = rhs.length;
  // One flat copy, rows swapped in place: the fits solve thousands of these per bootstrap, and a typed array per
  // row was most of the cost. The arithmetic is the same operation for operation.
  const a = new Float64Array(n * n);
  matrix.forEach((row, r) => {
    for (let c = 0; c < n; c++) a[r * n + c] = row[c]!;
  });
  const x = new Float64Array(n);
  return solveLinearInPlace(a, Float64Array.from(rhs), x, n) ? x : undefined;
}

/**
 * solveLinear on a flat row-major n × n matrix `a` and right-hand side `b`, both overwritten, the solution into
 * `x`; false when A is singular. For a caller that solves many systems of one size in buffers of its own.
 */
export function solveLinearInPlace(a: Float64Array, b: Float64Array, x: Float64Array, n: number): boolean {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
    if (Math.abs(a[pivot * n + col]!) < 1e-300) return false;
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        const t = a[col * n + c]!;
        a[col * n + c] = a[pivot * n + c]!;
        a[pivot * n + c] = t;
      }
      const t = b[col]!;
      b[col] = b[pivot]!;
      b[pivot] = t;
    }
    for (let r = col + 1; r < n; r++) {
      const factor = a[r * n + col]! / a[col * n + col]!;
      if (factor === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c]! -= factor * a[col * n + c]!;
      b[r]! -= factor * b[col]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < n; c++) s -= a[r * n + c]! * x[c]!;
    x[r] = s / a[r * n + r]!;
  }
  return true;
}
