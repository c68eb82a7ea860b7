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
  const b = Float64Array.from(rhs);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
    if (Math.abs(a[pivot * n + col]!) < 1e-300) return undefined;
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
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < n; c++) s -= a[r * n + c]! * x[c]!;
    x[r] = s / a[r * n + r]!;
  }
  return x;
}
