// One annotator's queue as the host holds it: the items in order, their current labels and flags, and the
// translation between what the panel shows (left / right, blind) and what the database stores (systems).
// No vscode import: unit-testable with a database file.
import {
  buildQueue,
  buildQueueWithGold,
  queueName,
  resumeIndex,
  type QueueItem,
  type QueueResponse,
  type QueueSpec,
} from '../../core/annotation/queue';
import { knownAnswerTargets } from '../../core/store/studyQueries';
import {
  currentFlagsOf,
  currentLabelsOf,
  promptWithResponses,
  queueResponses,
  readPosition,
  runLanguages,
  type CurrentLabelRow,
  type FlagWrite,
  type LabelWrite,
  type PromptWithResponses,
} from '../../core/store/annotation';
import { sameLanguage, type LanguageTag } from '../../core/model/language';
import type { Store } from '../../core/store/store';
import { taskDesign, type TaskDesign } from '../../core/annotation/design';
import { scaleChoices } from '../../core/model/scales';
import type { CriterionDefinition } from '../../core/model/records';
import { declaredSchema } from '../../core/store/schemaEntries';
import { claimItem, fullItems, overlapTarget, type OverlapItem } from '../../core/store/overlap';
import type {
  AnnotationItemView,
  AnnotationResponseView,
  AnnotationSession as SessionView,
  CriterionView,
  FlagGiven,
  UnsavedLabel,
  LabelGiven,
  LabelValue,
  PairChoice,
  ScaleChoice,
  Slot,
} from '../../../shared/protocol/annotate';
import { ENGLISH_DISPLAY } from '../displayLanguage';
import { detectionView } from '../languages';
import { renderMarkdown } from '../markdown';

export interface SessionSpec extends QueueSpec {
  readonly blind: boolean;
  /** Languages chosen in the explorer instead of the setting, if any. */
  readonly restrictedTo: readonly LanguageTag[] | null;
  /** The share of gold items mixed into the queue (langlens.annotation.goldRate); 0 or absent: none. */
  readonly goldRate?: number;
  /** A declared task of the project's schema by name ('' or absent: the first declared task of the kind, if any). */
  readonly declaredTask?: string;
  /** Show the detector's "looks like English" chip in blind mode too (it primes the annotator, so off by default). */
  readonly showDetectedWhenBlind?: boolean;
}

type PairVerdict = 'A' | 'B' | 'tie';

// Languages' names in English: the panel names them in its own language, which its setting may make another than
// VS Code's (langlens.annotation.uiLanguage; webview/annotate/i18n.ts), and the English name is its fallback.
const languageView = ENGLISH_DISPLAY.language;

interface CurrentLabel {
  readonly value: LabelValue;
  readonly comment: string | null;
}

export class AnnotationSession {
  private readonly byKey: Map<string, QueueItem>;
  private readonly texts = new Map<string, Promise<PromptWithResponses>>();

  private constructor(
    readonly spec: SessionSpec,
    readonly items: readonly QueueItem[],
    private readonly labels: Map<string, CurrentLabel>,
    private readonly flags: Set<string>,
    /** The item the annotator was on when the queue was last open, if remembered. */
    private readonly remembered: string | undefined,
    /** The project's declared task, when there is one: its scale (rating) and criteria. */
    private readonly design: TaskDesign | undefined,
    /** The criterion of each item key, when the task has criteria. */
    private readonly criteria: ReadonlyMap<string, CriterionDefinition>,
    /** The run's overlap target for the task when the queue was built (none: every item is everyone's). */
    readonly overlap: number | undefined,
  ) {
    this.byKey = new Map(items.map((item) => [item.key, item]));
  }

  /** Builds the queue from the database: the annotator's languages of the run, their labels, where they stopped. */
  static async open(store: Store, spec: SessionSpec): Promise<AnnotationSession> {
    const languages = matchingLanguages(await runLanguages(store, spec.run), spec.languages);
    const design = taskDesign(await declaredSchema(store), spec.task, spec.declaredTask);
    const responses = await queueResponses(store, spec.run, languages, { annotator: spec.annotator, task: spec.task });
    // The study's declared rate, when its task has one, is the study design: it wins over the annotator's setting.
    const goldRate = design?.goldRate ?? spec.goldRate;
    const built = goldRate ? await withGold(store, spec, languages, responses, goldRate) : buildQueue(spec, responses);
    // An overlap target met by others (their labels and live claims, counted by the store): not this annotator's.
    const full = new Set((await fullItems(store, spec.annotator, spec.run, spec.task)).map(overlapKey));
    const queued = full.size === 0 ? built : built.filter((item) => !full.has(overlapKey(item)));
    // A task with criteria asks about each response once per criterion, one after the other.
    const criteria = new Map<string, CriterionDefinition>();
    const items = !design?.criteria.length
      ? queued
      : queued.flatMap((item) =>
          design.criteria.map((criterion) => {
            const key = criterionKey(item.key, criterion.name);
            criteria.set(key, criterion);
            return { ...item, key };
          }),
        );
    const rows = await currentLabelsOf(store, spec.run, spec.annotator, spec.task);
    const byKey = new Map(items.map((item) => [item.key, item]));
    const labels = new Map<string, CurrentLabel>();
    for (const row of rows) {
      const entry = spec.task === 'rating' ? ratingEntry(row, design) : pairEntry(row, byKey, design);
      if (entry) labels.set(entry[0], entry[1]);
    }
    const flags = new Set(
      (await currentFlagsOf(store, spec.run, spec.annotator)).map((f) =>
        responseKey(f.group, f.lang, f.turn, f.system, f.seed),
      ),
    );
    const remembered = await readPosition(store, spec.annotator, positionQueue(spec, design));
    const overlap = await overlapTarget(store, spec.run, spec.task);
    return new AnnotationSession(spec, items, labels, flags, remembered, design, criteria, overlap);
  }

  /**
   * The indices of the items others have filled up to the overlap target since the queue was built (their labels
   * and live claims; the store counts them, blind to whose they are). None without a target.
   */
  async takenByOthers(store: Store): Promise<number[]> {
    if (this.overlap === undefined) return [];
    const full = new Set((await fullItems(store, this.spec.annotator, this.spec.run, this.spec.task)).map(overlapKey));
    return this.items.flatMap((item, i) => (full.has(overlapKey(item)) ? [i] : []));
  }

  /** Holds the item shown for the annotator (others' queues skip it while they look); false if others filled it. */
  async claim(store: Store, itemKey: string): Promise<boolean> {
    const item = this.byKey.get(itemKey);
    if (this.overlap === undefined || !item) return true;
    return claimItem(store, this.spec.annotator, this.spec.run, overlapItemOf(item));
  }

  /** Where positions of this queue are remembered: a declared task has its own (its items are its criteria). */
  get queue(): string {
    return positionQueue(this.spec, this.design);
  }

  /**
   * The queue as the panel shows it. `unsaved` are labels the webview still holds (restored from its saved state
   * after a reload or a crashed extension host): they count as given, in the header's count, in "next unlabelled"
   * and in where to resume, before the database has them.
   */
  view(unsaved: readonly UnsavedLabel[] = []): SessionView {
    const languages = [...new Set(this.items.map((i) => i.lang))];
    const given = new Set(this.labels.keys());
    for (const u of unsaved) {
      if (!this.byKey.has(u.itemKey)) continue;
      if (u.labelled) given.add(u.itemKey);
      else given.delete(u.itemKey);
    }
    return {
      run: this.spec.run,
      task: this.spec.task,
      annotator: this.spec.annotator,
      blind: this.spec.blind,
      total: this.items.length,
      startIndex: resumeAt(this.items, this.remembered, given),
      labelledMask: this.items.map((i) => (given.has(i.key) ? '1' : '0')).join(''),
      languages: languages.map(languageView),
      restrictedTo: this.spec.restrictedTo,
      guidelines: guidelinesOf(this.design),
      ...(this.design
        ? {
            design: {
              task: this.design.task,
              scale: this.design.scale && {
                name: this.design.scale.name,
                description: this.design.scale.description ?? null,
                choices: scaleChoices(this.design.scale),
              },
              criteria: this.design.criteria.map(criterionView),
            },
          }
        : {}),
    };
  }

  /** The item the queue opens at, from the labels the database has. */
  get startIndex(): number {
    return resumeAt(this.items, this.remembered, new Set(this.labels.keys()));
  }

  async itemViews(store: Store, from: number, to: number): Promise<AnnotationItemView[]> {
    const slice = this.items.slice(Math.max(0, from), Math.max(0, to));
    return Promise.all(slice.map(async (item, i) => this.itemView(item, from + i, await this.textsOf(store, item))));
  }

  /** The database write for a label given in the panel. */
  labelWrite(given: LabelGiven): LabelWrite {
    const item = this.item(given.itemKey);
    const base = {
      fingerprint: given.id,
      annotator: this.spec.annotator,
      run: this.spec.run,
      group: item.group,
      lang: item.lang,
      turn: item.turn,
      comment: given.comment,
      labelledAt: given.labelledAt,
      timeOnItemMs: given.timeOnItemMs ?? null,
      criterion: this.criteria.get(item.key)?.name ?? '',
    };
    if (item.task === 'rating' && this.design?.scale) {
      const choice =
        given.value === null ? null : given.value.startsWith('scale:') ? given.value.slice('scale:'.length) : undefined;
      if (choice === undefined || (choice !== null && !scaleChoices(this.design.scale).includes(choice))) {
        throw new Error(`"${given.value}" is not on the scale ${this.design.scale.name}`);
      }
      const scale = this.design.scale;
      return {
        ...base,
        kind: 'rating',
        system: item.system,
        seed: item.seed,
        value: choice,
        ...(scale.name === 'lima-3'
          ? {}
          : {
              scale:
                scale.kind === 'numeric' ? { name: scale.name, min: scale.min, max: scale.max } : { name: scale.name },
            }),
      };
    }
    if (item.task === 'rating') {
      if (given.value !== null && !isRating(given.value)) throw new Error(`"${given.value}" is not a rating`);
      return { ...base, kind: 'rating', system: item.system, seed: item.seed, value: given.value };
    }
    if (given.value !== null && isRating(given.value)) throw new Error(`"${given.value}" is not a pairwise choice`);
    return {
      ...base,
      kind: 'pairwise',
      systemA: item.systemA,
      systemB: item.systemB,
      presentation: item.shown,
      value: given.value === null ? null : verdictOf(given.value, item.shown),
    };
  }

  flagWrite(given: FlagGiven): FlagWrite {
    const item = this.item(given.itemKey);
    const { system, seed } = this.responseAt(item, given.slot);
    return {
      fingerprint: given.id,
      annotator: this.spec.annotator,
      run: this.spec.run,
      group: item.group,
      lang: item.lang,
      turn: item.turn,
      system,
      seed,
      flagged: given.flagged,
      labelledAt: given.labelledAt,
    };
  }

  /** Records a label the database has accepted, so that later item views show it. */
  labelSaved(given: LabelGiven): void {
    if (given.value === null) this.labels.delete(given.itemKey);
    else this.labels.set(given.itemKey, { value: given.value, comment: given.comment });
  }

  flagSaved(given: FlagGiven): void {
    const item = this.item(given.itemKey);
    const { system, seed } = this.responseAt(item, given.slot);
    const key = responseKey(item.group, item.lang, item.turn, system, seed);
    if (given.flagged) this.flags.add(key);
    else this.flags.delete(key);
  }

  private item(key: string): QueueItem {
    const item = this.byKey.get(key);
    if (!item) throw new Error('this item is no longer in the queue (the run changed); reopen the annotation panel');
    return item;
  }

  /** The system behind a screen slot; pairs show each system's first sample. */
  private responseAt(item: QueueItem, slot: Slot): { system: string; seed: number } {
    if (item.task === 'rating') return { system: item.system, seed: item.seed };
    const left = item.shown === 'AB' ? item.systemA : item.systemB;
    const right = item.shown === 'AB' ? item.systemB : item.systemA;
    return { system: slot === 'right' ? right : left, seed: 0 };
  }

  private textsOf(store: Store, item: QueueItem): Promise<PromptWithResponses> {
    const key = JSON.stringify([item.group, item.lang, item.turn]);
    let texts = this.texts.get(key);
    if (!texts) {
      texts = promptWithResponses(store, { run: this.spec.run, group: item.group, lang: item.lang, turn: item.turn });
      this.texts.set(key, texts);
      texts.catch(() => this.texts.delete(key));
      if (this.texts.size > 200) this.texts.delete(this.texts.keys().next().value!);
    }
    return texts;
  }

  private itemView(item: QueueItem, index: number, texts: PromptWithResponses): AnnotationItemView {
    const slots: Slot[] = item.task === 'rating' ? ['only'] : ['left', 'right'];
    return {
      index,
      key: item.key,
      task: item.task,
      group: item.group,
      turn: item.turn,
      language: languageView(item.lang),
      prompt: texts.text === null ? null : renderMarkdown(texts.text),
      responses: slots.map((slot) => this.responseView(item, slot, texts)),
      label: this.labels.get(item.key) ?? null,
      ...(this.criteria.has(item.key) ? { criterion: criterionView(this.criteria.get(item.key)!) } : {}),
    };
  }

  private responseView(item: QueueItem, slot: Slot, texts: PromptWithResponses): AnnotationResponseView {
    const { system, seed } = this.responseAt(item, slot);
    const candidates = texts.responses.filter((r) => r.system === system);
    const response = candidates.find((r) => r.seed === seed) ?? candidates[0];
    const detected = response
      ? detectionView(
          item.lang,
          {
            lang: response.detectedLang,
            confidence: response.detectionConfidence,
            detector: response.detector,
          },
          languageView,
        )
      : null;
    return {
      slot,
      html: renderMarkdown(response?.text ?? ''),
      system: this.spec.blind ? null : system,
      language: languageView(detected && detected.language.tag !== 'und' ? detected.language.tag : item.lang),
      // Blind annotation hides what could prime the annotator; the detector's verdict is one such hint.
      detected: this.spec.blind && !this.spec.showDetectedWhenBlind ? null : detected,
      flagged: this.flags.has(responseKey(item.group, item.lang, item.turn, system, response?.seed ?? seed)),
    };
  }
}

function matchingLanguages(inRun: readonly LanguageTag[], wanted: readonly LanguageTag[]): LanguageTag[] {
  return wanted.length === 0 ? [...inRun] : inRun.filter((lang) => wanted.some((w) => sameLanguage(w, lang)));
}

function responseKey(group: string, lang: string, turn: number, system: string, seed: number): string {
  return JSON.stringify([group, lang, turn, system, seed]);
}

function isRating(value: LabelValue): boolean {
  return value === 'excellent' || value === 'pass' || value === 'fail';
}

/** left/right are screen positions; the verdict is about systemA / systemB of the item. */
function verdictOf(choice: PairChoice | LabelValue, shown: 'AB' | 'BA'): PairVerdict {
  if (choice === 'tie') return 'tie';
  const leftIsA = shown === 'AB';
  return (choice === 'left') === leftIsA ? 'A' : 'B';
}

function choiceOf(verdict: PairVerdict, shown: 'AB' | 'BA'): PairChoice {
  if (verdict === 'tie') return 'tie';
  const leftIsA = shown === 'AB';
  return (verdict === 'A') === leftIsA ? 'left' : 'right';
}

function ratingEntry(row: CurrentLabelRow, design: TaskDesign | undefined): [string, CurrentLabel] | undefined {
  if (row.system === null || row.seed === null) return undefined;
  const key = responseKey(row.group, row.lang, row.turn, row.system, row.seed);
  if (!design?.scale) {
    if (row.criterion !== '' || !isRating(row.value as LabelValue)) return undefined;
    return [key, { value: row.value as LabelValue, comment: row.comment }];
  }
  // Only the task's own labels: its scale (NULL is lima-3) and its criteria (or none).
  if ((row.scale ?? 'lima-3') !== design.scale.name) return undefined;
  if (design.criteria.length > 0 ? !design.criteria.some((c) => c.name === row.criterion) : row.criterion !== '')
    return undefined;
  const value: ScaleChoice = `scale:${row.value}`;
  return [design.criteria.length > 0 ? criterionKey(key, row.criterion) : key, { value, comment: row.comment }];
}

function criterionKey(itemKey: string, criterion: string): string {
  return `${itemKey}#${criterion}`;
}

function criterionView(c: CriterionDefinition): CriterionView {
  return { name: c.name, description: c.description ?? null, rubric: c.rubric ?? null };
}

/**
 * The database stores a pair by system id; the queue by name. Flip the verdict where the two orders differ. Only the
 * task's own labels: its criteria, or none.
 */
function pairEntry(
  row: CurrentLabelRow,
  items: ReadonlyMap<string, QueueItem>,
  design: TaskDesign | undefined,
): [string, CurrentLabel] | undefined {
  if (row.systemA === null || row.systemB === null || !['A', 'B', 'tie'].includes(row.value)) return undefined;
  const criteria = design?.criteria ?? [];
  if (criteria.length > 0 ? !criteria.some((c) => c.name === row.criterion) : row.criterion !== '') return undefined;
  const swapped = row.systemA > row.systemB;
  const [a, b] = swapped ? [row.systemB, row.systemA] : [row.systemA, row.systemB];
  const pairKey = JSON.stringify([row.group, row.lang, row.turn, a, b]);
  const key = criteria.length > 0 ? criterionKey(pairKey, row.criterion) : pairKey;
  const item = items.get(key);
  if (!item || item.task !== 'pairwise') return undefined;
  const verdict = row.value as PairVerdict;
  const byName: PairVerdict = swapped && verdict !== 'tie' ? (verdict === 'A' ? 'B' : 'A') : verdict;
  return [key, { value: choiceOf(byName, item.shown), comment: row.comment }];
}

/** The queue with the items that have a known answer mixed in at the rate (src/core/annotation/goldMix.ts). */
async function withGold(
  store: Store,
  spec: SessionSpec,
  languages: readonly string[],
  responses: readonly QueueResponse[],
  rate: number,
): Promise<QueueItem[]> {
  const targets = await knownAnswerTargets(store, spec.run, spec.task);
  const keys = new Set(
    targets.map((t) =>
      spec.task === 'pairwise'
        ? JSON.stringify([t.group, t.lang, t.turn, t.systemA, t.systemB])
        : JSON.stringify([t.group, t.lang, t.turn, t.system, t.seed]),
    ),
  );
  const everyPrompt = await queueResponses(store, spec.run, languages);
  return buildQueueWithGold(spec, responses, everyPrompt, { rate, keys }).items;
}

/** The built-in tasks keep their queue names (positions saved before declared tasks existed still resume). */
function positionQueue(spec: SessionSpec, design: TaskDesign | undefined): string {
  return design ? JSON.stringify([spec.run, spec.task, design.task]) : queueName(spec);
}

/**
 * Where to open: the remembered item, unless it is labelled already (its label given just before a crash, say);
 * then the first unlabelled item after it, or before it, as "next unlabelled" finds it.
 */
function resumeAt(items: readonly QueueItem[], remembered: string | undefined, given: ReadonlySet<string>): number {
  const start = resumeIndex(items, remembered, given);
  if (items.length === 0 || !given.has(items[start]!.key)) return start;
  for (let step = 1; step < items.length; step++) {
    const i = (start + step) % items.length;
    if (!given.has(items[i]!.key)) return i;
  }
  return start;
}

/** The task's instructions, then each criterion's description, rubric and examples, as one Markdown document. */
function guidelinesOf(design: TaskDesign | undefined): string | null {
  if (!design) return null;
  const parts: string[] = [];
  if (design.guidelines) parts.push(design.guidelines);
  for (const c of design.criteria) {
    if (!c.description && !c.rubric && !c.examples) continue;
    parts.push(
      [`### ${c.name}`, c.description ?? '', c.rubric ? `**Rubric.** ${c.rubric}` : '', c.examples ?? '']
        .filter((p) => p !== '')
        .join('\n\n'),
    );
  }
  return parts.length === 0 ? null : renderMarkdown(parts.join('\n\n'));
}

function overlapItemOf(item: QueueItem): OverlapItem {
  const at = { group: item.group, lang: item.lang, turn: item.turn };
  return item.task === 'rating'
    ? { ...at, kind: 'rating', system: item.system, seed: item.seed }
    : { ...at, kind: 'pairwise', systemA: item.systemA, systemB: item.systemB };
}

/** An item of the queue or of the store's overlap, the same text whichever order a pair's systems come in. */
function overlapKey(item: OverlapItem | QueueItem): string {
  const kind = 'kind' in item ? item.kind : item.task;
  const where = [kind, item.group, item.lang, item.turn];
  if ('systemA' in item) return JSON.stringify([...where, ...[item.systemA, item.systemB].sort()]);
  return JSON.stringify([...where, item.system, item.seed]);
}
