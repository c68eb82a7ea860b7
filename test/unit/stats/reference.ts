// Loads the reference values computed by test/fixtures/stats/generate.py (sklearn, statsmodels, nltk, numpy).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Label, MaybeLabel } from '../../../src/core/metrics/stats';

type Nullable = number | null;

export interface Reference {
  cohenKappa: {
    name: string;
    rater1: MaybeLabel[];
    rater2: MaybeLabel[];
    categories: Label[] | null;
    expected: Partial<Record<'none' | 'linear' | 'quadratic', Nullable>>;
  }[];
  fleissKappa: { name: string; itemLabels: Label[][]; categories: Label[]; counts: number[][]; expected: Nullable }[];
  fleissWikipedia: { counts: number[][]; expected: number };
  krippendorffAlpha: {
    name: string;
    raterByUnit: MaybeLabel[][];
    categories: Label[] | null;
    expected: Record<
      string,
      { alpha: Nullable; pairableValues: number; pairableUnits: number; unpairableUnits: number }
    >;
  }[];
  classification: {
    name: string;
    truth: Label[];
    predicted: Label[];
    labels: Label[] | null;
    expected: {
      labels: Label[];
      accuracy: number;
      precision: number[];
      recall: number[];
      f1: number[];
      support: number[];
      macro: { precision: number; recall: number; f1: number };
      confusion: number[][];
    };
  }[];
  quantiles: { sorted: number[]; p: number[]; expected: number[] }[];
}

export const reference: Reference = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/stats/reference.json', import.meta.url)), 'utf8'),
);

/** Agreement with a reference to 1e-9; a null reference (the library's nan) expects NaN. */
export function assertClose(actual: number, expected: number | null, message?: string, tolerance = 1e-9): void {
  if (expected === null) {
    assert.ok(Number.isNaN(actual), `${message ?? ''}: expected NaN, got ${actual}`);
    return;
  }
  assert.ok(Number.isFinite(actual), `${message ?? ''}: expected ${expected}, got ${actual}`);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${message ?? ''}: expected ${expected}, got ${actual}`);
}
