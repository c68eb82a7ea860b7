// The items behind a figure, as the dashboard and the charts list them when a number or a mark is clicked.
import type { LanguageView, Verdict } from './common';
import { nullableInt, nullableStr, oneOf, record, str } from './fields';

/** The agreement figures the dashboard shows (and the charts draw), each of which can be audited. */
export const DASHBOARD_FIGURES = ['withTie', 'withoutTie', 'lima'] as const;
export type DashboardFigure = (typeof DASHBOARD_FIGURES)[number];

/** Which group and comparison a clicked number belongs to. */
export interface AuditTarget {
  readonly lang: string;
  readonly turn: number | null;
  readonly run: string | null;
  /** A judge's name, or null for human–human. */
  readonly judge: string | null;
  /** The figure clicked, or 'errors' for the judge-error audit. */
  readonly list: DashboardFigure | 'errors';
}

export type AuditOutcome = 'agree' | 'disagree' | 'tie-involved' | 'invalid';
export type HumanVerdictView = 'A' | 'B' | 'tie';

export interface AuditItemView {
  readonly run: string;
  readonly group: string;
  readonly turn: number;
  readonly systemA: string;
  readonly systemB: string;
  /** Relative to systemA / systemB; null for human–human. */
  readonly judgeVerdict: Verdict | null;
  /** Each vote, with how it compares with the judge's verdict (null among humans, or for an invalid verdict). */
  readonly humans: readonly {
    readonly annotator: string;
    readonly verdict: HumanVerdictView;
    readonly vsJudge: 'agree' | 'tie-involved' | 'opposite' | null;
  }[];
  readonly outcome: AuditOutcome;
  /** Vote pairs that agree, have one tie, or name opposite responses. */
  readonly pairs: { readonly agree: number; readonly tieInvolved: number; readonly opposite: number };
  /** Judge-error audit only: 0..1, 1 = the judge names one response and every human the other. */
  readonly strength: number | null;
  readonly majority: HumanVerdictView | null;
}

export interface AuditView {
  readonly target: AuditTarget;
  readonly language: LanguageView;
  readonly title: string;
  /** What the list is and how its counts give the figure back. */
  readonly summary: string;
  readonly counts: Readonly<Record<AuditOutcome, number>>;
  readonly items: readonly AuditItemView[];
}

export function parseAuditTarget(raw: unknown): AuditTarget {
  const o = record(raw, 'target');
  return {
    lang: str(o, 'lang', 100),
    turn: nullableInt(o, 'turn'),
    run: nullableStr(o, 'run', 1000),
    judge: nullableStr(o, 'judge', 1000),
    list: oneOf(o, 'list', [...DASHBOARD_FIGURES, 'errors'] as const),
  };
}

/**
 * The words of the items' list (webview/shared/audit.ts), part of the dashboard's and the charts' words: each
 * phrase with the number of placeholders the list fills (shared/protocol/words.ts).
 */
export const AUDIT_PHRASES = {
  auditClose: 0,
  auditCloseTitle: 0,
  auditShowItems: 0,
  auditAll: 1,
  auditDisagree: 0,
  auditTieInvolved: 0,
  auditInvalid: 0,
  auditAgree: 0,
  auditNoItems: 0,
  auditPromptGroup: 0,
  auditSystems: 0,
  auditJudge: 0,
  auditHumanVotes: 0,
  auditStrength: 0,
  auditOutcome: 0,
  auditOpenInGrid: 1,
  auditTurn: 1,
  auditVersus: 0,
  auditTie: 0,
  auditUnparsable: 0,
  auditMajority: 1,
  auditNoMajority: 0,
  auditPairsAgree: 2,
} as const;
