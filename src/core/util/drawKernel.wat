(module
  ;; xoshiro128** (Blackman & Vigna 2018) with nextInt(n)'s rejection of x < 2^32 mod n, as src/core/util/random.ts.
  ;; The state's four words live at bytes 0-15; both functions read it there and leave it there.
  (memory (export "memory") 1)

  ;; fill(n, count, out): count numbers in [0, n) written as u32 from byte offset out.
  (func (export "fill") (param $n i32) (param $count i32) (param $out i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $x i32) (local $t i32) (local $threshold i32) (local $end i32)
    (local.set $threshold (i32.rem_u (i32.sub (i32.const 0) (local.get $n)) (local.get $n)))
    (local.set $s0 (i32.load (i32.const 0)))
    (local.set $s1 (i32.load (i32.const 4)))
    (local.set $s2 (i32.load (i32.const 8)))
    (local.set $s3 (i32.load (i32.const 12)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $x (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        (if (i32.ge_u (local.get $x) (local.get $threshold))
          (then
            (i32.store (local.get $out) (i32.rem_u (local.get $x) (local.get $n)))
            (local.set $out (i32.add (local.get $out) (i32.const 4)))))
        (br $next)))
    (i32.store (i32.const 0) (local.get $s0))
    (i32.store (i32.const 4) (local.get $s1))
    (i32.store (i32.const 8) (local.get $s2))
    (i32.store (i32.const 12) (local.get $s3)))

  ;; tally(n, count, classes, tally, width): count numbers in [0, n), each adding 1 to the u32 at
  ;; tally + 4 × k, k the u32 at classes + 4 × number, when k < width (a class beyond the tally is not counted,
  ;; as a typed array ignores a write beyond its end).
  (func (export "tally") (param $n i32) (param $count i32) (param $classes i32) (param $tally i32) (param $width i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $x i32) (local $t i32) (local $threshold i32) (local $k i32) (local $at i32)
    (local.set $threshold (i32.rem_u (i32.sub (i32.const 0) (local.get $n)) (local.get $n)))
    (local.set $s0 (i32.load (i32.const 0)))
    (local.set $s1 (i32.load (i32.const 4)))
    (local.set $s2 (i32.load (i32.const 8)))
    (local.set $s3 (i32.load (i32.const 12)))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $count)))
        (local.set $x (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        (if (i32.ge_u (local.get $x) (local.get $threshold))
          (then
            (local.set $k
              (i32.load (i32.add (local.get $classes) (i32.shl (i32.rem_u (local.get $x) (local.get $n)) (i32.const 2)))))
            (if (i32.lt_u (local.get $k) (local.get $width))
              (then
                (local.set $at (i32.add (local.get $tally) (i32.shl (local.get $k) (i32.const 2))))
                (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1)))))
            (local.set $count (i32.sub (local.get $count) (i32.const 1)))))
        (br $next)))
    (i32.store (i32.const 0) (local.get $s0))
    (i32.store (i32.const 4) (local.get $s1))
    (i32.store (i32.const 8) (local.get $s2))
    (i32.store (i32.const 12) (local.get $s3)))

  ;; count(n, resamples, out): resamples × n numbers in [0, n), the very numbers fill gives, resample b's counted
  ;; per number as the u8 at out + b × n + number (zeroed by the caller). 0 when a count passed 255 (the caller
  ;; counts again in wider words), else 1.
  (func (export "count") (param $n i32) (param $resamples i32) (param $out i32) (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $x i32) (local $t i32) (local $threshold i32) (local $left i32) (local $at i32) (local $v i32)
    (local $fits i32)
    (local.set $fits (i32.const 1))
    (local.set $threshold (i32.rem_u (i32.sub (i32.const 0) (local.get $n)) (local.get $n)))
    (local.set $s0 (i32.load (i32.const 0)))
    (local.set $s1 (i32.load (i32.const 4)))
    (local.set $s2 (i32.load (i32.const 8)))
    (local.set $s3 (i32.load (i32.const 12)))
    (block $resamplesDone
      (loop $resample
        (br_if $resamplesDone (i32.eqz (local.get $resamples)))
        (local.set $left (local.get $n))
        (block $drawn
          (loop $next
            (br_if $drawn (i32.eqz (local.get $left)))
            (local.set $x (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
            (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
            (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
            (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
            (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
            (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
            (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
            (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
            (if (i32.ge_u (local.get $x) (local.get $threshold))
              (then
                (local.set $at (i32.add (local.get $out) (i32.rem_u (local.get $x) (local.get $n))))
                (local.set $v (i32.add (i32.load8_u (local.get $at)) (i32.const 1)))
                (if (i32.gt_u (local.get $v) (i32.const 255)) (then (local.set $fits (i32.const 0))))
                (i32.store8 (local.get $at) (local.get $v))
                (local.set $left (i32.sub (local.get $left) (i32.const 1)))))
            (br $next)))
        (local.set $out (i32.add (local.get $out) (local.get $n)))
        (local.set $resamples (i32.sub (local.get $resamples) (i32.const 1)))
        (br $resample)))
    (i32.store (i32.const 0) (local.get $s0))
    (i32.store (i32.const 4) (local.get $s1))
    (i32.store (i32.const 8) (local.get $s2))
    (i32.store (i32.const 12) (local.get $s3))
    (local.get $fits))

  ;; countedTally(n, resamples, counts, listed, numbers, classes, tallies, width, left): for each resample b, adds
  ;; the u8 at counts + b × n + c, for each listed number c (the u32 at numbers + 4 × j, j < listed), to the u32 at
  ;; tallies + 4 × (b × width + k), k the u32 at classes + 4 × j (below width: the caller checks); then sets class
  ;; `left`, whose numbers are not listed, to n minus the row's other tallies (a resample draws n numbers in all).
  ;; No draw: the counts were drawn once, by count.
  (func (export "countedTally")
    (param $n i32) (param $resamples i32) (param $counts i32) (param $listed i32) (param $numbers i32)
    (param $classes i32) (param $tallies i32) (param $width i32) (param $left i32)
    (local $j i32) (local $at i32) (local $row i32) (local $k i32) (local $sum i32)
    (local.set $row (i32.shl (local.get $width) (i32.const 2)))
    (block $resamplesDone
      (loop $resample
        (br_if $resamplesDone (i32.eqz (local.get $resamples)))
        (local.set $j (i32.const 0))
        (block $counted
          (loop $next
            (br_if $counted (i32.ge_u (local.get $j) (local.get $listed)))
            (local.set $at
              (i32.add (local.get $tallies)
                (i32.shl (i32.load (i32.add (local.get $classes) (i32.shl (local.get $j) (i32.const 2)))) (i32.const 2))))
            (i32.store (local.get $at)
              (i32.add (i32.load (local.get $at))
                (i32.load8_u (i32.add (local.get $counts)
                  (i32.load (i32.add (local.get $numbers) (i32.shl (local.get $j) (i32.const 2))))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $next)))
        (local.set $k (i32.const 0))
        (local.set $sum (i32.const 0))
        (block $summed
          (loop $add
            (br_if $summed (i32.ge_u (local.get $k) (local.get $width)))
            (local.set $sum
              (i32.add (local.get $sum) (i32.load (i32.add (local.get $tallies) (i32.shl (local.get $k) (i32.const 2))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $add)))
        (i32.store (i32.add (local.get $tallies) (i32.shl (local.get $left) (i32.const 2)))
          (i32.sub (local.get $n) (local.get $sum)))
        (local.set $counts (i32.add (local.get $counts) (local.get $n)))
        (local.set $tallies (i32.add (local.get $tallies) (local.get $row)))
        (local.set $resamples (i32.sub (local.get $resamples) (i32.const 1)))
        (br $resample))))
)
