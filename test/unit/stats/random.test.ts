import assert from 'node:assert/strict';
import { createRandom, splitMix64, Xoshiro128StarStar } from '../../../src/core/metrics/stats';

describe('stats/random', () => {
  it('xoshiro128** matches the reference implementation (v1.1) from state [1, 2, 3, 4]', () => {
    // The rand_xoshiro crate's reference test, produced by the authors' xoshiro128starstar.c v1.1. (Version 1.0
    // scrambled s[0] instead of s[1] and starts 5760, 40320, ...: this vector tells the two apart.)
    const rng = Xoshiro128StarStar.fromState([1, 2, 3, 4]);
    const expected = [
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ];
    assert.deepEqual(
      Array.from({ length: expected.length }, () => rng.nextUint32()),
      expected,
    );
  });

  it('xoshiro128** matches a second reference vector with high bits set', () => {
    // Test data of an independent port (xoshiro-6502), also generated with the C reference implementation.
    const rng = Xoshiro128StarStar.fromState([0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0]);
    assert.deepEqual(
      Array.from({ length: 4 }, () => rng.nextUint32()),
      [0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70],
    );
  });

  it('SplitMix64 (the seeding) matches its published outputs for seed 1234567', () => {
    const seq = splitMix64(1234567n);
    assert.deepEqual(
      Array.from({ length: 5 }, () => seq.next().value),
      [6457827717110365317n, 3203168211198807973n, 9817491932198370423n, 4593380528125082431n, 16408922859458223821n],
    );
  });

  it('the same seed gives the same sequence, a different seed a different one', () => {
    const draw = (seed: number) => {
      const rng = createRandom(seed);
      return Array.from({ length: 20 }, () => rng.nextUint32());
    };
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
    assert.deepEqual(draw(7), draw(7));
  });

  it('nextFloat stays in [0, 1) and nextInt(n) in [0, n), roughly uniformly', () => {
    const rng = createRandom(1);
    const buckets = new Array<number>(10).fill(0);
    let floatSum = 0;
    const draws = 100_000;
    for (let i = 0; i < draws; i++) {
      const f = rng.nextFloat();
      assert.ok(f >= 0 && f < 1);
      floatSum += f;
      const k = rng.nextInt(10);
      assert.ok(Number.isInteger(k) && k >= 0 && k < 10);
      buckets[k]! += 1;
    }
    // Mean of U(0,1) is 0.5 with sd 0.29/sqrt(n) ≈ 0.0009; each bucket expects 10,000 with sd ≈ 95.
    assert.ok(Math.abs(floatSum / draws - 0.5) < 0.005, `mean ${floatSum / draws}`);
    for (const count of buckets) assert.ok(Math.abs(count - 10_000) < 500, `bucket ${count}`);
  });

  it('nextInt(1) is always 0 and invalid bounds or seeds are refused', () => {
    const rng = createRandom(3);
    for (let i = 0; i < 10; i++) assert.equal(rng.nextInt(1), 0);
    assert.throws(() => rng.nextInt(0), RangeError);
    assert.throws(() => rng.nextInt(2.5), RangeError);
    assert.throws(() => createRandom(0.5), RangeError);
  });

  it('fillInts(n) gives exactly the numbers of as many nextInt(n) calls, and leaves the same state', () => {
    // Bounds where rejection happens often (just above 2^31), never (powers of two) and in between.
    for (const n of [1, 2, 3, 617, 2468, 2 ** 31 + 1, 3 * 2 ** 30, 2 ** 32]) {
      const one = createRandom(20240101);
      const fused = createRandom(20240101);
      const expected = Array.from({ length: 5000 }, () => one.nextInt(n));
      const out = new Uint32Array(5000);
      fused.fillInts(n, out);
      assert.deepEqual([...out], expected, `n = ${n}`);
      assert.equal(fused.nextUint32(), one.nextUint32(), `state after n = ${n}`);
    }
    assert.throws(() => createRandom(1).fillInts(0, new Uint32Array(1)), RangeError);
  });

  it('tallyInts(n) counts the classes of exactly the numbers fillInts gives, and leaves the same state', () => {
    for (const n of [1, 3, 617, 2468, 100_003]) {
      const size = Math.min(n, 5000);
      const classOf = Uint32Array.from({ length: n > 5000 ? n : size }, (_, r) => r % 7);
      const filled = createRandom(20240101);
      const tallied = createRandom(20240101);
      const out = new Uint32Array(5000);
      filled.fillInts(n, out);
      const expected = new Array<number>(7).fill(0);
      for (const r of out) expected[r % 7]!++;
      const tally = new Uint32Array(7);
      tallied.tallyInts(n, 5000, classOf, tally);
      assert.deepEqual([...tally], expected, `n = ${n}`);
      assert.equal(tallied.nextUint32(), filled.nextUint32(), `state after n = ${n}`);
    }
    assert.throws(() => createRandom(1).tallyInts(5, 1, new Uint32Array(4), new Uint32Array(1)), RangeError);
  });

  it('draws as nextInt does in the WebAssembly kernel across its chunks, counting no class beyond the tally', () => {
    // 40,000 numbers: three of the kernel's fill calls; the classes 0-9 counted into a tally of 8 (8 and 9 dropped,
    // as a typed array drops a write beyond its end).
    const n = 2468;
    const one = createRandom(99);
    const expected = Array.from({ length: 40_000 }, () => one.nextInt(n));
    const out = new Uint32Array(40_000);
    const filled = createRandom(99);
    filled.fillInts(n, out);
    assert.deepEqual([...out], expected);
    const classOf = Uint32Array.from({ length: n }, (_, r) => r % 10);
    const tally = Uint32Array.of(5, 0, 0, 0, 0, 0, 0, 0); // added to, not replaced
    createRandom(99).tallyInts(n, 40_000, classOf, tally);
    const counted = [5, 0, 0, 0, 0, 0, 0, 0];
    for (const r of expected) if (r % 10 < 8) counted[r % 10]!++;
    assert.deepEqual([...tally], counted);
    assert.equal(filled.nextUint32(), one.nextUint32(), 'the state after the kernel');
  });
});
