// The dashboard's messages: what the host sends for a clicked number (from the core, nothing recomputed), and the
// webview's messages parsed at the boundary.
import { strict as assert } from 'node:assert';
import type { Store } from '../../../src/core/store/store';
import {
  auditView,
  dashboardView,
  loadDashboard,
  withIntervals,
  type DashboardData,
} from '../../../src/extension/dashboard/dashboardView';
import { displayLanguage } from '../../../src/extension/displayLanguage';
import { ENGLISH } from '../../../src/extension/localiser';
import { fill } from '../../../shared/protocol/words';
import { parseDashboardMessage } from '../../../shared/protocol/dashboard';
import { ProtocolError } from '../../../shared/protocol/fields';
import type { temporaryFolder } from '../../support/paths';
import { openHandRun } from './handRun';

describe('audit: the dashboard view and its messages', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  let store: Store;
  let data: DashboardData;

  before(async () => {
    ({ folder, store } = await openHandRun());
    data = await loadDashboard(store, 'audit');
  });

  after(async () => {
    await store?.close();
    folder?.remove();
  });

  it('sends per language the judge and the humans with n, and the number of judge errors', () => {
    const view = dashboardView(data);
    assert.deepEqual(
      view.groups.map((g) => [
        g.language.tag,
        g.language.name,
        g.judges.map((j) => [j.judge, j.figures.withTie.n, j.errors]),
        g.humans?.figures.withTie.n ?? null,
      ]),
      [
        ['es', 'Spanish', [['j', 11, 3]], 7],
        ['he', 'Hebrew', [['j', 1, 0]], null],
      ],
    );
    assert.deepEqual(
      dashboardView(data, displayLanguage('es', ENGLISH)).groups.map((g) => g.language),
      [
        { tag: 'es', name: 'español', rtl: false },
        { tag: 'he', name: 'hebreo', rtl: true },
      ],
      "in VS Code's Spanish the languages have their Spanish names, in the order of their tags",
    );
    assert.equal(view.groups[0]!.judges[0]!.figures.withTie.value, 4 / 11);
    // The figures come first, their intervals pending: no bounds and no verdict judge − humans yet.
    assert.deepEqual(view.intervals, { level: 0.95, resamples: 1000, seed: 20240101, pending: true });
    assert.equal(view.groups[0]!.judges[0]!.figures.withTie.lower, null);
    assert.equal(view.groups[0]!.judges[0]!.minusHumans, null);
  });

  it('then the same figures with their intervals and the verdict judge − humans', async () => {
    const before = dashboardView(data);
    const view = dashboardView(await withIntervals(data));
    assert.deepEqual(view.intervals, { level: 0.95, resamples: 1000, seed: 20240101, pending: false });
    const figure = (v: typeof view) => v.groups[0]!.judges[0]!.figures.withTie;
    assert.equal(figure(view).value, figure(before).value);
    assert.equal(figure(view).n, figure(before).n);
    assert.ok(figure(view).lower! <= 4 / 11 && 4 / 11 <= figure(view).upper!, JSON.stringify(figure(view)));
    assert.equal(view.groups[0]!.judges[0]!.minusHumans!.withTie.n > 0, true);
    const complete = await withIntervals(data);
    assert.equal(await withIntervals(complete), complete, 'computed once');
  });

  it('lists the items behind the Spanish judge figure and the judge errors, each vote compared with the judge', () => {
    const behind = auditView(data, { lang: 'es', turn: null, run: null, judge: 'j', list: 'withoutTie' });
    assert.equal(behind.title, 'j vs humans, Spanish: agreement without ties 42.9% (n = 7)');
    assert.equal(
      behind.summary,
      'Items: 5; vote pairs without a tie that agree: 3 of 7 (opposite: 4); items with an unparsable verdict left out: 1.',
    );
    assert.deepEqual(behind.counts, { agree: 1, disagree: 2, 'tie-involved': 2, invalid: 1 });
    assert.deepEqual(
      behind.items[1]!.humans.map((h) => [h.annotator, h.vsJudge]),
      [
        ['ann1', 'opposite'],
        ['ann2', 'agree'],
        ['ann3', 'opposite'],
      ],
    );
    const errors = auditView(data, { lang: 'es', turn: null, run: null, judge: 'j', list: 'errors' });
    assert.deepEqual(
      errors.items.map((i) => [i.group, i.outcome, i.strength]),
      [
        ['p2', 'disagree', 1],
        ['p5', 'disagree', 1 - 1 / 3],
        ['p6', 'tie-involved', 0.5],
      ],
    );
    const humans = auditView(data, { lang: 'es', turn: null, run: null, judge: null, list: 'withTie' });
    assert.equal(humans.title, 'Humans among themselves, Spanish: agreement with ties 57.1% (n = 7)');
    const spanish = auditView(
      data,
      { lang: 'es', turn: null, run: null, judge: null, list: 'withTie' },
      displayLanguage('es', { t: (m, ...args) => fill(m, args) }),
    );
    assert.equal(
      spanish.title,
      'Humans among themselves, español: agreement with ties 57,1\u00a0% (n = 7)',
      "the language's name and the figure in the display language (the words are the localiser's)",
    );
    const marked = auditView(
      data,
      { lang: 'es', turn: null, run: null, judge: null, list: 'withTie' },
      displayLanguage('en', { t: (m) => `«${m}»` }),
    );
    assert.equal(
      marked.title,
      '«{0}, {1}: {2} {3} (n = {4})»',
      'the panel passes vscode.l10n: every text goes through it',
    );
    assert.ok(humans.items.every((i) => i.humans.every((h) => h.vsJudge === null)));
    assert.throws(
      () => auditView(data, { lang: 'fr', turn: null, run: null, judge: 'j', list: 'lima' }),
      /no agreement figures for fr/,
    );
  });

  it("parses the webview's messages field by field and refuses anything else", () => {
    assert.deepEqual(
      parseDashboardMessage({
        type: 'request',
        id: 3,
        method: 'audit',
        params: { lang: 'he', turn: null, run: null, judge: 'j', list: 'lima', extra: 1 },
      }),
      {
        type: 'request',
        id: 3,
        method: 'audit',
        params: { lang: 'he', turn: null, run: null, judge: 'j', list: 'lima' },
      },
    );
    assert.deepEqual(parseDashboardMessage({ type: 'openGroup', run: 'r', group: 'q1', turn: 1, lang: 'he' }), {
      type: 'openGroup',
      run: 'r',
      group: 'q1',
      turn: 1,
      lang: 'he',
    });
    assert.throws(
      () =>
        parseDashboardMessage({
          type: 'request',
          id: 3,
          method: 'audit',
          params: { lang: 'he', turn: null, run: null, judge: 'j', list: 'kappa' },
        }),
      /list must be one of/,
    );
    assert.throws(() => parseDashboardMessage({ type: 'request', id: 3, method: 'sql', params: {} }), ProtocolError);
    assert.throws(
      () => parseDashboardMessage({ type: 'openGroup', run: 'r', group: 'q1', turn: '1', lang: 'he' }),
      /integer/,
    );
  });
});
