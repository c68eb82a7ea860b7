// A small seeded pseudo-random number generator, so that every resampled confidence interval in the product is
// reproducible from its seed (protocols.md §3: "fixed seed, reproducible"). Math.random cannot be seeded.
//
// The generator is xoshiro128** (Blackman & Vigna 2018): 32-bit arithmetic only, which JavaScript does fast with
// Math.imul and >>> 0, and statistically sound for simulation. Its 128-bit state is filled from the seed with
// SplitMix64, the seeding procedure its authors recommend, so that nearby seeds (1, 2, 3...) give unrelated streams.

/** The draws the statistics code needs. */
export interface Random {
  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number;
  /** A float in [0, 1) with 32 random bits. */
  nextFloat(): number;
  /** An integer in [0, n), exactly uniform (no modulo bias); n must be an integer in [1, 2^32]. */
  nextInt(n: number): number;
  /** Fills `out` with what as many calls of nextInt(n) would return, in order (and leaves the same state). */
  fillInts(n: number, out: Uint32Array): void;
  /**
   * Draws nextInt(n) `count` times (leaving the same state) and, for each number r drawn, adds 1 to
   * tally[classOf[r]]: what a resample's cluster weights need, without keeping the numbers.
   */
  tallyInts(n: number, count: number, classOf: Uint32Array, tally: Uint32Array): void;
  /**
   * Draws nextInt(n) resamples × n times and counts each resample's numbers as bytes: out[b × n + r] is how often
   * resample b drew r. False, with the state and `out` unchanged, when a count passes 255.
   */
  countInts(n: number, resamples: number, out: Uint8Array): boolean;
}

import { drawKernel } from './drawKernel';

const TWO_POW_32 = 4294967296;
const UINT64_MASK = (1n << 64n) - 1n;

/**
 * The SplitMix64 sequence from a 64-bit seed. Used only to expand a seed into xoshiro's state; BigInt is slow but
 * this runs four times per generator.
 */
export function* splitMix64(seed: bigint): Generator<bigint, never, void> {
  let state = BigInt.asUintN(64, seed);
  for (;;) {
    state = (state + 0x9e3779b97f4a7c15n) & UINT64_MASK;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & UINT64_MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & UINT64_MASK;
    yield z ^ (z >> 31n);
  }
}

function rotateLeft(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export class Xoshiro128StarStar implements Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Seeds from any safe integer (or bigint); the same seed always gives the same sequence. */
  constructor(seed: number | bigint) {
    if (typeof seed === 'number' && !Number.isSafeInteger(seed)) {
      throw new RangeError(`seed must be a safe integer, got ${seed}`);
    }
    const words = splitMix64(BigInt(seed));
    const a = words.next().value;
    const b = words.next().value;
    this.s0 = Number(a & 0xffffffffn);
    this.s1 = Number(a >> 32n);
    this.s2 = Number(b & 0xffffffffn);
    this.s3 = Number(b >> 32n);
    // An all-zero state would emit zeros forever; SplitMix64 cannot give two zero outputs in a row, but guard anyway.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator with exactly this internal state (four uint32 words): for checking against reference vectors. */
  static fromState(state: readonly [number, number, number, number]): Xoshiro128StarStar {
    const rng = new Xoshiro128StarStar(0);
    [rng.s0, rng.s1, rng.s2, rng.s3] = state.map((w) => w >>> 0) as [number, number, number, number];
    if ((rng.s0 | rng.s1 | rng.s2 | rng.s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
    return rng;
  }

  nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotateLeft(this.s3, 11);
    return result;
  }

  nextFloat(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  nextInt(n: number): number {
    checkBound(n);
    // Rejection sampling: discard the lowest (2^32 mod n) draws so that every residue is equally likely.
    // For the cluster counts used here (< 10^5) a draw is rejected with probability < 2^-15.
    const threshold = TWO_POW_32 % n;
    let x = this.nextUint32();
    while (x < threshold) x = this.nextUint32();
    return x % n;
  }

  /**
   * nextInt(n) out.length times, in the WebAssembly kernel (drawKernel.ts): the bootstrap draws a million cluster
   * indices per figure, and the kernel draws them several times faster than as many calls, with the very same numbers.
   */
  fillInts(n: number, out: Uint32Array): void {
    checkBound(n);
    if (n === TWO_POW_32) {
      for (let i = 0; i < out.length; i++) out[i] = this.nextInt(n);
      return;
    }
    this.inKernel((state) => drawKernel().fill(state, n, out));
  }

  /** fillInts's numbers, counting each number's class instead of keeping it (the same numbers, the same state). */
  tallyInts(n: number, count: number, classOf: Uint32Array, tally: Uint32Array): void {
    checkBound(n);
    if (classOf.length < n)
      throw new RangeError(`tallyInts needs a class for each of ${n} numbers, got ${classOf.length}`);
    if (n === TWO_POW_32) {
      for (let i = 0; i < count; i++) tally[classOf[this.nextInt(n)]!]!++;
      return;
    }
    this.inKernel((state) => drawKernel().tally(state, n, count, classOf, tally));
  }

  countInts(n: number, resamples: number, out: Uint8Array): boolean {
    checkBound(n);
    if (out.length < n * resamples) throw new RangeError(`countInts needs ${n * resamples} bytes, got ${out.length}`);
    if (n === TWO_POW_32) throw new RangeError('countInts counts fewer than 2^32 numbers per resample');
    let fits = false;
    this.inKernel((state) => (fits = drawKernel().count(state, n, resamples, out)));
    return fits;
  }

  /** Runs the kernel on this generator's state and keeps the state it leaves. */
  private inKernel(draw: (state: Uint32Array) => void): void {
    const state = Uint32Array.of(this.s0, this.s1, this.s2, this.s3);
    draw(state);
    [this.s0, this.s1, this.s2, this.s3] = state as unknown as [number, number, number, number];
  }
}

function checkBound(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
    throw new RangeError(`nextInt needs an integer bound in [1, 2^32], got ${n}`);
  }
}

/** The project's default generator for a seed. */
export function createRandom(seed: number | bigint): Random {
  return new Xoshiro128StarStar(seed);
}
