// The bootstrap's draws in WebAssembly (drawKernel.wat, compiled into drawKernelBinary.ts): xoshiro128** and
// nextInt's rejection, the very numbers random.ts's nextInt gives, two to three times faster than the same loop in
// JavaScript (the integer remainder is one instruction there, and a resample's tally stays in local registers).
// The generator's state travels in and out of the kernel's memory with each call, so a Random may use it for some
// draws and its own code for others. It also counts a run of resamples' draws per cluster, and sums such kept counts
// into a row's class tallies (keptDrawCounts.ts), which needs no draw at all.
import { DRAW_KERNEL_WASM } from './drawKernelBinary';

/** The part of the WebAssembly API used here (the project's types are Node's, which declare none of it). */
interface WebAssemblyApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object) => { readonly exports: unknown };
}
const webAssembly = (globalThis as unknown as { readonly WebAssembly: WebAssemblyApi }).WebAssembly;

interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  fill(n: number, count: number, out: number): void;
  tally(n: number, count: number, classes: number, tally: number, width: number): void;
  count(n: number, resamples: number, out: number): number;
  countedTally(
    n: number,
    resamples: number,
    counts: number,
    listed: number,
    numbers: number,
    classes: number,
    tallies: number,
    width: number,
    left: number,
  ): void;
}

/** Bytes 0-15 hold the state; the numbers, classes and tallies follow. */
const SCRATCH_WORD = 4;
/** Numbers per call of fill: the kernel's memory stays small whatever the caller fills. */
const FILL_CHUNK = 16384;
const PAGE = 65536;

class DrawKernel {
  private readonly exports: KernelExports;
  private words: Uint32Array;
  /**
   * The counts now in the scratch memory (countedTally's), until another call writes there; counts are kept, never
   * changed, so the same array holds the same counts.
   */
  private heldCounts: Uint8Array | undefined;

  constructor() {
    const module = new webAssembly.Module(Buffer.from(DRAW_KERNEL_WASM, 'base64'));
    this.exports = new webAssembly.Instance(module).exports as KernelExports;
    this.words = new Uint32Array(this.exports.memory.buffer);
  }

  /** out.length numbers in [0, n) (n < 2^32), the state (four words) read and written back. */
  fill(state: Uint32Array, n: number, out: Uint32Array): void {
    const words = this.reserve(SCRATCH_WORD + Math.min(out.length, FILL_CHUNK));
    this.heldCounts = undefined;
    words.set(state, 0);
    for (let at = 0; at < out.length; at += FILL_CHUNK) {
      const count = Math.min(FILL_CHUNK, out.length - at);
      this.exports.fill(n, count, SCRATCH_WORD * 4);
      out.set(words.subarray(SCRATCH_WORD, SCRATCH_WORD + count), at);
    }
    state.set(words.subarray(0, 4));
  }

  /** count numbers in [0, n), each adding 1 to tally[classOf[number]] (none beyond the tally's end). */
  tally(state: Uint32Array, n: number, count: number, classOf: Uint32Array, tally: Uint32Array): void {
    const tallyWord = SCRATCH_WORD + n;
    const words = this.reserve(tallyWord + tally.length);
    this.heldCounts = undefined;
    words.set(state, 0);
    words.set(classOf.subarray(0, n), SCRATCH_WORD);
    words.set(tally, tallyWord);
    this.exports.tally(n, count, SCRATCH_WORD * 4, tallyWord * 4, tally.length);
    tally.set(words.subarray(tallyWord, tallyWord + tally.length));
    state.set(words.subarray(0, 4));
  }

  /**
   * resamples × n numbers in [0, n) (fill's), resample b's counted per number at out[b × n + number]; false, and
   * `out` not written, when a count passed 255. The state is kept only when the counts fit (the caller then draws
   * the same numbers again from the same state, counted in wider words).
   */
  count(state: Uint32Array, n: number, resamples: number, out: Uint8Array): boolean {
    const size = n * resamples;
    this.reserve(SCRATCH_WORD + Math.ceil(size / 4));
    this.heldCounts = undefined;
    const bytes = new Uint8Array(this.exports.memory.buffer, SCRATCH_WORD * 4, size);
    bytes.fill(0);
    this.words.set(state, 0);
    if (this.exports.count(n, resamples, SCRATCH_WORD * 4) === 0) return false;
    out.set(bytes);
    state.set(this.words.subarray(0, 4));
    return true;
  }

  /**
   * From counts (count's), each resample's counts per class: tallies[b × width + k] is the sum of counts[b × n + c]
   * over the numbers c of class k (classOf[c] < width, checked). `tallies` is zeroed here. The class of the most
   * numbers is not summed but left over: n minus the others (a resample's counts add up to n), so a row whose
   * clusters are mostly of one kind (no item of the row, or one common verdict) reads only the others' counts.
   */
  countedTally(counts: Uint8Array, n: number, resamples: number, classOf: Uint32Array, tallies: Uint32Array): void {
    const width = tallies.length / resamples;
    const sizes = new Uint32Array(width);
    for (let c = 0; c < n; c++) {
      if (classOf[c]! >= width) throw new RangeError(`class ${classOf[c]} of number ${c} is beyond ${width} classes`);
      sizes[classOf[c]!]!++;
    }
    let left = 0;
    for (let k = 1; k < width; k++) if (sizes[k]! > sizes[left]!) left = k;
    const listed = n - sizes[left]!;
    const countsWords = Math.ceil((n * resamples) / 4);
    const numbersWord = SCRATCH_WORD + countsWords;
    const classWord = numbersWord + listed;
    const tallyWord = classWord + listed;
    const words = this.reserve(tallyWord + tallies.length);
    this.holdCounts(counts);
    for (let c = 0, j = 0; c < n; c++) {
      if (classOf[c] === left) continue;
      words[numbersWord + j] = c;
      words[classWord + j++] = classOf[c]!;
    }
    words.fill(0, tallyWord, tallyWord + tallies.length);
    this.exports.countedTally(
      n,
      resamples,
      SCRATCH_WORD * 4,
      listed,
      numbersWord * 4,
      classWord * 4,
      tallyWord * 4,
      width,
      left,
    );
    tallies.set(words.subarray(tallyWord, tallyWord + tallies.length));
  }

  /**
   * Puts counts at the start of the scratch memory, unless they are there already: a table's rows of as many
   * clusters come one after another, each reading the same kept counts (megabytes at 4x Shaham et al.'s size).
   */
  private holdCounts(counts: Uint8Array): void {
    if (this.heldCounts === counts) return;
    new Uint8Array(this.exports.memory.buffer, SCRATCH_WORD * 4, counts.length).set(counts);
    this.heldCounts = counts;
  }

  /** The memory as words, grown to hold `size` of them (a grown memory needs a new view). */
  private reserve(size: number): Uint32Array {
    const missing = size * 4 - this.exports.memory.buffer.byteLength;
    if (missing > 0) {
      this.exports.memory.grow(Math.ceil(missing / PAGE));
      this.words = new Uint32Array(this.exports.memory.buffer);
    }
    return this.words;
  }
}

let kernel: DrawKernel | undefined;

/** The process's one kernel, instantiated at its first use (synchronously: it is under a kilobyte). */
export function drawKernel(): DrawKernel {
  return (kernel ??= new DrawKernel());
}
