// Adding into a prompt group's vector of sums (a ClusterTally's), checked under noUncheckedIndexedAccess.

export function addTo(sums: Float64Array, at: number, amount = 1): void {
  sums[at] = (sums[at] ?? 0) + amount;
}
