# The reference side of bench/agreementTable.ts: the same agreement figures on the same labels, computed with
# numpy / sklearn / statsmodels the way a researcher would, with 1,000 bootstrap resamples of prompt groups,
# timed. Reads the labels the TypeScript bench wrote; prints one JSON object: the seconds (median of the rounds)
# and every figure with its percentile interval, keyed as the TypeScript side keys them.
#
#   /usr/bin/python3 bench/reference/agreement_table.py LABELS.json [ROUNDS]
#
# Figures per language, as protocols.md §3 and docs/scores.md define them:
#   judge-human and human-human agreement with tie, without tie, LIMA score (every pair of votes on an item);
#   Cohen's kappa and raw agreement of every two raters sharing >= 30 items;
#   the judge against the human majority: accuracy, macro precision / recall / F1 (sklearn, zero_division=0), kappa;
#   chance-corrected: the humans (Fleiss' kappa, Krippendorff's alpha nominal, agreement), the judge against the
#   humans and each rater against the majority of the other humans (Cohen's kappa, Scott's pi, alpha, agreement).
# The draws are numpy's (multinomial bootstrap weights per prompt group), not the product's generator, so the
# intervals agree with the product's to Monte Carlo error, and the point estimates exactly.
import json
import math
import sys
import time
import warnings
from collections import Counter, defaultdict
from itertools import combinations

import numpy as np
from sklearn.metrics import accuracy_score, cohen_kappa_score, precision_recall_fscore_support
from statsmodels.stats.inter_rater import fleiss_kappa

CATS = ['A', 'B', 'tie']
K = 3
RESAMPLES = 1000
MIN_ITEMS = 30
warnings.filterwarnings('ignore')


def percentile_interval(values):
    values = values[np.isfinite(values)]
    return [float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))] if len(values) else [None, None]


class Bootstrap:
    """Multinomial weights of the prompt groups, drawn once per language and shared by its figures."""

    def __init__(self, groups, rng):
        self.index = {g: i for i, g in enumerate(groups)}
        c = len(groups)
        self.weights = rng.multinomial(c, np.full(c, 1 / c), size=RESAMPLES).astype(float)

    def sums(self, per_group):
        """per_group: dict group -> vector. Returns resamples x dims of summed vectors."""
        dims = len(next(iter(per_group.values())))
        matrix = np.zeros((len(self.index), dims))
        for g, v in per_group.items():
            matrix[self.index[g]] += v
        return self.weights @ matrix


def ratio(s, i, j):
    with np.errstate(invalid='ignore', divide='ignore'):
        return s[:, i] / s[:, j]


def share_of_diagonal(t):
    with np.errstate(invalid='ignore', divide='ignore'):
        return np.trace(t.reshape(-1, K, K), axis1=1, axis2=2) / t.sum(axis=1)


def kappa_from_tables(t):
    t = t.reshape(-1, K, K)
    n = t.sum(axis=(1, 2))
    with np.errstate(invalid='ignore', divide='ignore'):
        po = np.trace(t, axis1=1, axis2=2) / n
        pe = (t.sum(axis=2) * t.sum(axis=1)).sum(axis=1) / n ** 2
        return np.where(pe == 1, np.nan, (po - pe) / (1 - pe))


def alpha_nominal_from_coincidences(o):
    o = o.reshape(-1, K, K)
    marg = o.sum(axis=2)
    n = marg.sum(axis=1)
    off = o.sum(axis=(1, 2)) - np.trace(o, axis1=1, axis2=2)
    expected = n ** 2 - (marg ** 2).sum(axis=1)
    with np.errstate(invalid='ignore', divide='ignore'):
        return np.where(expected == 0, np.nan, 1 - (n - 1) * off / expected)


def scott_pi_from_tables(t):
    """Fleiss' kappa of two-label units from their k x k table: pooled marginals."""
    t = t.reshape(-1, K, K)
    n = t.sum(axis=(1, 2))
    with np.errstate(invalid='ignore', divide='ignore'):
        po = np.trace(t, axis1=1, axis2=2) / n
        p = (t.sum(axis=2) + t.sum(axis=1)) / (2 * n[:, None])
        pe = (p ** 2).sum(axis=1)
        return np.where(pe == 1, np.nan, (po - pe) / (1 - pe))


def coincidences_of_pairs(t):
    """The coincidence matrix of two-label units from their k x k table (each unit adds both orders)."""
    t = t.reshape(-1, K, K)
    return (t + t.transpose(0, 2, 1)).reshape(len(t), -1)


def macro_from_confusion(t, which):
    t = t.reshape(-1, K, K)
    tp = np.diagonal(t, axis1=1, axis2=2)
    predicted = t.sum(axis=1)
    support = t.sum(axis=2)
    with np.errstate(invalid='ignore', divide='ignore'):
        if which == 'precision':
            per = np.where(predicted == 0, 0, tp / predicted)
        elif which == 'recall':
            per = np.where(support == 0, 0, tp / support)
        else:
            per = np.where(predicted + support == 0, 0, 2 * tp / (predicted + support))
    return per.mean(axis=1)


def table_vector(pairs):
    v = np.zeros(K * K)
    for x, y in pairs:
        v[CATS.index(x) * K + CATS.index(y)] += 1
    return v


def lima(x, y):
    return 1.0 if x == y else 0.5 if 'tie' in (x, y) else 0.0


def strict_majority(votes):
    ranked = Counter(votes).most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def figures_of_language(items, rng):
    """items: dicts with group, judge (verdict or None), humans {annotator: verdict}."""
    out = {}
    boot = Bootstrap(sorted({i['group'] for i in items}), rng)

    def put(key, value, sums, finish):
        out[key] = {'value': None if value is None or math.isnan(value) else float(value),
                    'interval': percentile_interval(finish(sums))}

    # Agreement with / without tie and the LIMA score over pairs of votes.
    for kind in ['jh', 'hh']:
        per_group = defaultdict(lambda: np.zeros(5))
        pairs = []
        for it in items:
            votes = list(it['humans'].values())
            if kind == 'jh':
                if it['judge'] is None or not votes:
                    continue
                item_pairs = [(it['judge'], v) for v in votes]
            else:
                item_pairs = list(combinations(votes, 2))
            for x, y in item_pairs:
                per_group[it['group']] += [x == y, 1, x == y and 'tie' not in (x, y), 'tie' not in (x, y), lima(x, y)]
            pairs += item_pairs
        s = boot.sums(per_group)
        with_tie = [x == y for x, y in pairs]
        without_tie = [x == y for x, y in pairs if 'tie' not in (x, y)]
        put(f'{kind}|withTie', np.mean(with_tie), s, lambda s: ratio(s, 0, 1))
        put(f'{kind}|withoutTie', np.mean(without_tie), s, lambda s: ratio(s, 2, 3))
        put(f'{kind}|lima', np.mean([lima(x, y) for x, y in pairs]), s, lambda s: ratio(s, 4, 1))

    # Cohen's kappa of every two raters sharing >= MIN_ITEMS items.
    raters = sorted({r for it in items for r in it['humans']} | {'judge:pj'})
    labels_of = lambda it: {**it['humans'], **({'judge:pj': it['judge']} if it['judge'] else {})}
    for a, b in combinations(raters, 2):
        shared = [(labels_of(it)[a], labels_of(it)[b], it['group']) for it in items if a in labels_of(it) and b in labels_of(it)]
        if len(shared) < MIN_ITEMS:
            continue
        per_group = defaultdict(lambda: np.zeros(K * K))
        for x, y, g in shared:
            per_group[g] += table_vector([(x, y)])
        s = boot.sums(per_group)
        xs, ys = [x for x, _, _ in shared], [y for _, y, _ in shared]
        put(f'kappa|{a}|{b}|kappa', cohen_kappa_score(xs, ys, labels=CATS), s, kappa_from_tables)
        put(f'kappa|{a}|{b}|agreement', accuracy_score(xs, ys), s, share_of_diagonal)

    # The judge against the strict majority of the humans (rows: majority, columns: judge).
    truth, predicted, per_group = [], [], defaultdict(lambda: np.zeros(K * K))
    for it in items:
        majority = strict_majority(list(it['humans'].values()))
        if it['judge'] is None or majority is None:
            continue
        truth.append(majority)
        predicted.append(it['judge'])
        per_group[it['group']] += table_vector([(majority, it['judge'])])
    s = boot.sums(per_group)
    p, r, f, _ = precision_recall_fscore_support(truth, predicted, labels=CATS, average='macro', zero_division=0)
    put('majority|accuracy', accuracy_score(truth, predicted), s, share_of_diagonal)
    put('majority|precision', p, s, lambda s: macro_from_confusion(s, 'precision'))
    put('majority|recall', r, s, lambda s: macro_from_confusion(s, 'recall'))
    put('majority|f1', f, s, lambda s: macro_from_confusion(s, 'f1'))
    put('majority|kappa', cohen_kappa_score(truth, predicted, labels=CATS), s, kappa_from_tables)

    # Chance-corrected: all humans (two labels per item here: Fleiss with m = 2 over every item).
    units = [[CATS.index(v) for v in it['humans'].values()] for it in items if len(it['humans']) >= 2]
    per_group = defaultdict(lambda: np.zeros(K * K))
    for it in items:
        if len(it['humans']) == 2:
            per_group[it['group']] += table_vector([tuple(it['humans'].values())])
    s = boot.sums(per_group)
    pairs = [(CATS[u[0]], CATS[u[1]]) for u in units]
    put('cc|humans|agreement', np.mean([x == y for x, y in pairs]), s, share_of_diagonal)
    put('cc|humans|fleiss', fleiss_kappa(np.array([[u.count(c) for c in range(K)] for u in units])), s, scott_pi_from_tables)
    put('cc|humans|alpha_nominal', None, s, lambda s: alpha_nominal_from_coincidences(coincidences_of_pairs(s)))
    out['cc|humans|alpha_nominal']['value'] = float(alpha_nominal_from_coincidences(coincidences_of_pairs(
        sum(table_vector([p]) for p in pairs)[None, :]))[0])

    # The judge against every human vote, and each rater against the majority of the other humans.
    def pair_row(name, pairs_with_group):
        per_group = defaultdict(lambda: np.zeros(K * K))
        for x, y, g in pairs_with_group:
            per_group[g] += table_vector([(x, y)])
        s = boot.sums(per_group)
        xs, ys = [x for x, _, _ in pairs_with_group], [y for _, y, _ in pairs_with_group]
        total = sum(table_vector([(x, y)]) for x, y in zip(xs, ys))[None, :]
        put(f'cc|{name}|agreement', accuracy_score(xs, ys), s, share_of_diagonal)
        put(f'cc|{name}|cohen', cohen_kappa_score(xs, ys, labels=CATS), s, kappa_from_tables)
        put(f'cc|{name}|fleiss', fleiss_kappa(np.array([[[x, y].count(c) for c in CATS] for x, y in zip(xs, ys)])), s,
            scott_pi_from_tables)
        put(f'cc|{name}|alpha_nominal', float(alpha_nominal_from_coincidences(coincidences_of_pairs(total))[0]), s,
            lambda s: alpha_nominal_from_coincidences(coincidences_of_pairs(s)))

    pair_row('pj vs humans', [(it['judge'], v, it['group']) for it in items if it['judge'] for v in it['humans'].values()])
    humans = sorted({r for it in items for r in it['humans']})
    for rater in humans + ['pj']:
        pairs = []
        for it in items:
            own = it['judge'] if rater == 'pj' else it['humans'].get(rater)
            others = [v for a, v in it['humans'].items() if a != rater]
            if own is None or not others:
                continue
            majority = strict_majority(others)
            if majority is not None:
                pairs.append((own, majority, it['group']))
        pair_row(f'{rater} vs majority of other humans', pairs)
    return out


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    by_lang = defaultdict(list)
    for it in data['items']:
        by_lang[it['lang']].append(it)
    seconds, cpu_seconds, figures = [], [], {}
    for _ in range(rounds):
        started, cpu = time.perf_counter(), time.process_time()
        rng = np.random.default_rng(data['seed'])
        figures = {}
        for lang, items in sorted(by_lang.items()):
            for key, value in figures_of_language(items, rng).items():
                figures[f'{lang}|{key}'] = value
        seconds.append(time.perf_counter() - started)
        cpu_seconds.append(time.process_time() - cpu)
    print(json.dumps({'seconds': float(np.median(seconds)), 'cpuSeconds': float(np.median(cpu_seconds)), 'rounds': seconds,
                      'figures': figures}))


if __name__ == '__main__':
    main()
