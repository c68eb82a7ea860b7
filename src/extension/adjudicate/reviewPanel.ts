// "LangLens: Review Disagreements": the lead's adjudication panel. The host lists the items through the core's one
// loader (loadDisagreements), renders their texts, and records the lead's verdict as an append-only label of an
// annotator of the role adjudicator (store/annotation.ts appendAdjudicatedLabel); the webview only shows and asks.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { scaleReferenceOf } from '../../core/metrics/annotators';
import { ratingValue } from '../../core/model/scales';
import { appendAdjudicatedLabel, type LabelWrite } from '../../core/store/annotation';
import { RequestChannel, type NoRequests } from '../../../shared/protocol/channel';
import {
  parseReviewMessage,
  type ReviewRequests,
  type ReviewToHost,
  type ReviewToWebview,
} from '../../../shared/protocol/adjudicate';
import { requireAnnotatorId } from '../annotator';
import type { GridDeps } from '../grid/gridPanel';
import { createPanel, LatestWhenReady, restorePanel, wirePanel, type PanelKind } from '../panel';
import { adjudicatorId } from '../settings';
import { display } from '../display';
import { ratingItemView, ratingReviewItem, ratingReviewTexts, reviewItem, reviewList, reviewTexts } from './reviewView';
import { reviewWords } from './reviewWords';
import { pickText } from '../quickPick';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export const REVIEW_VIEW_TYPE = 'langlens.adjudicate';
const REVIEW_PANEL: PanelKind<ReviewToHost> = {
  viewType: REVIEW_VIEW_TYPE,
  name: 'adjudicate',
  get title() {
    return vscode.l10n.t('LangLens Review');
  },
  parse: parseReviewMessage,
};

export function registerReview(context: vscode.ExtensionContext, deps: GridDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('langlens.reviewDisagreements', async (node?: { run?: unknown }) => {
      const run = typeof node?.run === 'string' ? node.run : await pickRun(deps);
      if (run) ReviewPanel.show(deps, run);
    }),
    vscode.window.registerWebviewPanelSerializer(REVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => ReviewPanel.revive(panel, state, deps),
    }),
  );
}

async function pickRun(deps: GridDeps): Promise<string | undefined> {
  const runs = await (await deps.database.store()).runs();
  if (runs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('LangLens: no runs yet. Import a run folder first.'));
    return undefined;
  }
  return runs.length === 1 ? runs[0] : pickText(runs, { title: vscode.l10n.t('LangLens: review which run?') });
}

export class ReviewPanel implements vscode.Disposable {
  private static current: ReviewPanel | undefined;
  private run: string | undefined;
  private readonly disposables: vscode.Disposable[];
  private readonly outbox: LatestWhenReady<ReviewToWebview>;
  private readonly requests: RequestChannel<NoRequests, ReviewRequests>;

  static show(deps: GridDeps, run: string): void {
    if (!ReviewPanel.current) ReviewPanel.current = new ReviewPanel(createPanel(REVIEW_PANEL, deps.extensionUri), deps);
    else ReviewPanel.current.panel.reveal(undefined, false);
    ReviewPanel.current.open(run);
  }

  /** A review panel VS Code restored after a reload: the same run. */
  static revive(panel: vscode.WebviewPanel, state: unknown, deps: GridDeps): void {
    ReviewPanel.current?.dispose();
    const revived = new ReviewPanel(restorePanel(panel, deps.extensionUri), deps);
    ReviewPanel.current = revived;
    const run = (state as { run?: unknown } | undefined)?.run;
    if (typeof run === 'string') revived.open(run);
    else
      revived.outbox.post({
        type: 'error',
        message: vscode.l10n.t('This review was open before a reload: run Review Disagreements again.'),
      });
  }

  /** After an import or a label the list may change: the webview asks for it again. */
  static refreshCurrent(): void {
    const current = ReviewPanel.current;
    if (current?.run) current.open(current.run);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: GridDeps,
  ) {
    this.outbox = new LatestWhenReady<ReviewToWebview>(panel.webview, () => ({ type: 'words', words: reviewWords() }));
    this.requests = new RequestChannel<NoRequests, ReviewRequests>(
      (message) => void panel.webview.postMessage(message satisfies ReviewToWebview),
      {
        answers: {
          list: async (filters) =>
            reviewList(await this.store(), this.requireRun(), adjudicatorId(), filters, display()),
          texts: async (key) => reviewTexts(await this.store(), key),
          adjudicate: async ({ key, verdict }) => {
            const store = await this.store();
            const adjudicator = await this.record({
              kind: 'pairwise',
              ...key,
              value: verdict,
              presentation: 'AB',
            });
            this.deps.log.info(
              `review: ${adjudicator} adjudicated ${key.group} (${key.lang}) ${key.systemA} vs ${key.systemB}: ${verdict}`,
            );
            return reviewItem(store, key, display());
          },
          ratingTexts: async (key) => ratingReviewTexts(await this.store(), key),
          adjudicateRating: async ({ key, label }) => {
            const store = await this.store();
            const item = await ratingReviewItem(store, key, vscode.l10n);
            // The webview offers the scale's choices only; a label off the scale is refused before anything is written.
            if (ratingValue(item.scale, label) === undefined)
              throw new Error(vscode.l10n.t('"{0}" is not on the scale {1}', label, item.scale.name));
            const scale = scaleReferenceOf(item.scale);
            const adjudicator = await this.record({
              kind: 'rating',
              ...key,
              value: label,
              ...(scale ? { scale } : {}),
            });
            this.deps.log.info(
              `review: ${adjudicator} adjudicated the rating of ${key.group} (${key.lang}) ${key.system} seed ${key.seed}${key.criterion ? ` on ${key.criterion}` : ''}: ${label}`,
            );
            return ratingItemView(await ratingReviewItem(store, key, vscode.l10n), display());
          },
        },
        onAnswerFailed: (method, err) => this.deps.log.error(`review: ${method}: ${err.message}`),
      },
    );
    this.disposables = wirePanel(
      panel,
      REVIEW_PANEL,
      deps,
      (message) => this.handle(message),
      () => this.dispose(),
    );
  }

  private store() {
    return this.deps.database.store();
  }

  /** Appends the lead's label under the adjudicator's name (role adjudicator); returns the name. */
  private async record(
    label: DistributiveOmit<LabelWrite, 'fingerprint' | 'annotator' | 'comment' | 'labelledAt'>,
  ): Promise<string> {
    const adjudicator = adjudicatorId() || (await requireAnnotatorId());
    if (!adjudicator)
      throw new Error(vscode.l10n.t('no adjudicator id: set langlens.adjudicator.id (or your annotator id)'));
    await appendAdjudicatedLabel(await this.store(), {
      ...label,
      fingerprint: `adjudicate:${randomUUID()}`,
      annotator: adjudicator,
      comment: null,
      labelledAt: new Date().toISOString(),
    } as LabelWrite);
    this.deps.database.notifyChanged('labels');
    return adjudicator;
  }

  private requireRun(): string {
    if (!this.run) throw new Error(vscode.l10n.t('the review has no run yet'));
    return this.run;
  }

  private open(run: string): void {
    this.run = run;
    this.panel.title = vscode.l10n.t('Review · {0}', run);
    this.outbox.post({ type: 'open', run });
  }

  private async handle(message: ReviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.outbox.open();
        return;
      case 'request':
        await this.requests.receive(message);
        return;
    }
  }

  dispose(): void {
    this.requests.dispose();
    if (ReviewPanel.current === this) ReviewPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
