// Writes canonical records inside one transaction. Ids of runs, systems, prompts, judges and annotators are
// allocated here (the transaction holds the write lock), so rows can be batched without a round trip per row.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type {
  AnnotatorRole,
  CanonicalRecord,
  HumanLabelRecord,
  PairVerdict,
  PresentationOrder,
  PromptKey,
  ScaleReference,
  ScoreScale,
  SourceRef,
} from '../model/records';
import { lengthUnitFor, textLength } from '../model/responseLength';
import { flipVerdict } from '../model/verdicts';
import { BatchInsert } from './batchInsert';
import { replacementsSoFar, watchReplacements, type Replacement } from './replacementGuard';
import { ImportedResponseCounts } from './responseCounts';
import { declareSchema } from './schemaEntries';
import type { Database, SqlValue } from './database';
import { CoreError, msg } from '../util/message';
import { nextTurn } from '../util/nextTurn';

export type { Replacement } from './replacementGuard';

export interface WriteCounts {
  /** Rows added or changed per table; all zero when the same file is imported again. */
  readonly [table: string]: number;
}

const FLUSH_EVERY = 2000;
const YIELD_EVERY = 100;
/** The tables whose ids the writer numbers itself (max(id) + 1 on), so that a batch can reference rows not yet written. */
const NUMBERED_TABLES = ['runs', 'systems', 'prompts', 'judges', 'annotators'] as const;
/** A response's row: prompt_id first (see countResponses). */
const RESPONSE_COLUMNS = 7;

export class RecordWriter {
  private readonly runs = new Map<string, number>();
  private readonly systems = new Map<string, number>();
  private readonly prompts = new Map<string, number>();
  private readonly judges = new Map<string, number>();
  private readonly annotators = new Map<string, number>();
  private readonly annotatorRoles = new Map<string, AnnotatorRole>();
  private readonly nextId: Record<'runs' | 'systems' | 'prompts' | 'judges' | 'annotators', number>;
  private readonly sourceIds = new Map<string, number>();
  private readonly scales = new Map<string, ScoreScale>();
  private readonly loadedRuns = new Set<string>();
  private buffered = 0;
  private inFlight: Promise<void> = Promise.resolve();
  private readonly responseCounts: ImportedResponseCounts;

  // Parents first: a batch may only reference rows of batches flushed before it.
  private readonly batches: Record<string, BatchInsert>;

  private constructor(
    private readonly db: Database,
    private readonly now: string,
    maxIds: Record<string, number>,
  ) {
    this.responseCounts = new ImportedResponseCounts(db);
    this.nextId = {
      runs: maxIds.runs! + 1,
      systems: maxIds.systems! + 1,
      prompts: maxIds.prompts! + 1,
      judges: maxIds.judges! + 1,
      annotators: maxIds.annotators! + 1,
    };
    this.batches = {
      runs: new BatchInsert(db, 'INSERT INTO runs (id, name, created_at)', 3),
      systems: new BatchInsert(db, 'INSERT INTO systems (id, run_id, name)', 3),
      judges: new BatchInsert(db, 'INSERT INTO judges (id, name, hash, definition)', 4),
      annotators: new BatchInsert(db, 'INSERT INTO annotators (id, name, role)', 3),
      prompts: new BatchInsert(
        db,
        'INSERT INTO prompts (id, run_id, group_key, lang, turn, text, source_id, source_line)',
        8,
        `ON CONFLICT (run_id, group_key, lang, turn) DO UPDATE SET
           text = excluded.text, source_id = excluded.source_id, source_line = excluded.source_line
         WHERE excluded.text IS NOT NULL AND prompts.text IS NOT excluded.text`,
      ),
      responses: new BatchInsert(
        db,
        'INSERT INTO responses (prompt_id, system_id, seed, text, source_id, source_line, text_length)',
        RESPONSE_COLUMNS,
        // A response stored before lengths were (migration 0017) gains its length when imported again, its
        // provenance kept: only a changed text moves it to the new file.
        `ON CONFLICT (prompt_id, system_id, seed) DO UPDATE SET
           text = excluded.text,
           source_id = CASE WHEN responses.text IS NOT excluded.text THEN excluded.source_id ELSE responses.source_id END,
           source_line = CASE WHEN responses.text IS NOT excluded.text THEN excluded.source_line ELSE responses.source_line END,
           text_length = excluded.text_length
         WHERE responses.text IS NOT excluded.text OR responses.text_length IS NULL`,
      ),
      reference_answers: new BatchInsert(
        db,
        'INSERT INTO reference_answers (prompt_id, author, text, source_id, source_line)',
        5,
        `ON CONFLICT (prompt_id, author) DO UPDATE SET
           text = excluded.text, source_id = excluded.source_id, source_line = excluded.source_line
         WHERE reference_answers.text IS NOT excluded.text`,
      ),
      pairwise_judgments: new BatchInsert(
        db,
        `INSERT INTO pairwise_judgments (prompt_id, judge_id, system_a_id, system_b_id, presentation, verdict, raw,
           reasoning, source_id, source_line, prompt_variant, preference, criterion)`,
        13,
        `ON CONFLICT (prompt_id, judge_id, system_a_id, system_b_id, presentation, criterion) DO UPDATE SET
           verdict = excluded.verdict, raw = excluded.raw, reasoning = excluded.reasoning,
           source_id = excluded.source_id, source_line = excluded.source_line,
           prompt_variant = excluded.prompt_variant, preference = excluded.preference
         WHERE pairwise_judgments.verdict IS NOT excluded.verdict OR pairwise_judgments.raw IS NOT excluded.raw
           OR pairwise_judgments.reasoning IS NOT excluded.reasoning
           OR pairwise_judgments.prompt_variant IS NOT excluded.prompt_variant
           OR pairwise_judgments.preference IS NOT excluded.preference`,
      ),
      pointwise_judgments: new BatchInsert(
        db,
        `INSERT INTO pointwise_judgments (prompt_id, system_id, seed, judge_id, scale, scale_min, scale_max, score, raw,
           reasoning, source_id, source_line, prompt_variant, criterion)`,
        14,
        `ON CONFLICT (prompt_id, system_id, seed, judge_id, criterion) DO UPDATE SET
           scale = excluded.scale, scale_min = excluded.scale_min, scale_max = excluded.scale_max,
           score = excluded.score, raw = excluded.raw, reasoning = excluded.reasoning,
           source_id = excluded.source_id, source_line = excluded.source_line, prompt_variant = excluded.prompt_variant
         WHERE pointwise_judgments.score IS NOT excluded.score OR pointwise_judgments.raw IS NOT excluded.raw
           OR pointwise_judgments.scale IS NOT excluded.scale OR pointwise_judgments.reasoning IS NOT excluded.reasoning
           OR pointwise_judgments.prompt_variant IS NOT excluded.prompt_variant`,
      ),
      language_flags: new BatchInsert(
        db,
        `INSERT OR IGNORE INTO language_flags (fingerprint, prompt_id, annotator_id, system_id, seed, flagged, labelled_at,
           recorded_at, source_id, source_line)`,
        10,
      ),
      labels: new BatchInsert(
        db,
        `INSERT OR IGNORE INTO labels (fingerprint, kind, prompt_id, annotator_id, target, system_a_id, system_b_id,
           system_id, seed, value, presentation, comment, labelled_at, recorded_at, source_id, source_line, criterion,
           scale, scale_min, scale_max, round, time_on_item_ms)`,
        22,
      ),
    };
  }

  /** Starts a write transaction (BEGIN IMMEDIATE: the write lock is taken now, not at the first write). */
  static async begin(db: Database, now = new Date().toISOString()): Promise<RecordWriter> {
    await db.exec('BEGIN IMMEDIATE');
    try {
      const maxIds: Record<string, number> = {};
      await db.reserveIds(NUMBERED_TABLES);
      for (const table of NUMBERED_TABLES) {
        const row = await db.get<{ m: number | null }>(`SELECT max(id) AS m FROM ${table}`);
        maxIds[table] = row?.m ?? 0;
      }
      const writer = new RecordWriter(db, now, maxIds);
      await writer.loadSmallTables();
      await watchReplacements(db);
      return writer;
    } catch (err) {
      await db.exec('ROLLBACK').catch(() => undefined); // SQLite may have rolled back already: keep the real cause
      throw err;
    }
  }

  private async loadSmallTables(): Promise<void> {
    for (const r of await this.db.all<{ id: number; name: string }>('SELECT id, name FROM runs'))
      this.runs.set(r.name, r.id);
    for (const r of await this.db.all<{ id: number; name: string; hash: string }>(
      'SELECT id, name, hash FROM judges',
    )) {
      this.judges.set(judgeKey(r.name, r.hash), r.id);
    }
    for (const r of await this.db.all<{ id: number; name: string; role: AnnotatorRole }>(
      'SELECT id, name, role FROM annotators',
    )) {
      this.annotators.set(r.name, r.id);
      this.annotatorRoles.set(r.name, r.role);
    }
    const scales = await this.db.all<ScoreScale>(
      'SELECT DISTINCT scale AS name, scale_min AS min, scale_max AS max FROM pointwise_judgments',
    );
    for (const scale of scales) this.scales.set(scale.name, scale);
  }

  /** The bounds the database already stores a scale with (before this transaction), if it has scores on it. */
  storedScale(name: string): ScoreScale | undefined {
    return this.scales.get(name);
  }

  /** Every scale the database stores scores on (before this transaction), with its bounds. */
  storedScales(): ScoreScale[] {
    return [...this.scales.values()];
  }

  /** Stored records from other files that this transaction has replaced so far (see flushAll). */
  replacements(): Promise<Replacement[]> {
    return replacementsSoFar(this.db);
  }

  /** Registers the file the records come from; the same file (path and content) imported again reuses its row. */
  async source(path: string, sha256: string, format: string): Promise<number> {
    const key = `${path}\u0000${sha256}`;
    const known = this.sourceIds.get(key);
    if (known !== undefined) return known;
    await this.db.run('INSERT OR IGNORE INTO sources (path, sha256, format, imported_at) VALUES (?, ?, ?, ?)', [
      path,
      sha256,
      format,
      this.now,
    ]);
    const row = await this.db.get<{ id: number }>('SELECT id FROM sources WHERE path = ? AND sha256 = ?', [
      path,
      sha256,
    ]);
    this.sourceIds.set(key, row!.id);
    return row!.id;
  }

  /** Defines a judge (a name and the hash of its definition) and returns its id. */
  async judge(name: string, hash = '', definition?: string): Promise<number> {
    return this.judgeId(name, hash, definition);
  }

  async write(record: CanonicalRecord, sourceId: number | null): Promise<void> {
    if (record.kind === 'schema') {
      await this.settle();
      await declareSchema(this.db, record, sourceId, this.now);
      return;
    }
    if (!this.loadedRuns.has(record.run)) {
      await this.settle();
      await this.preloadRun(record.run);
      this.loadedRuns.add(record.run);
    }
    this.buffer(record, sourceId, record.source);
    // A parse loop over buffered lines never returns to the event loop on its own, so the batch being written
    // would wait for the next read to hand SQLite its next statement: let it through now and then.
    if (this.buffered % YIELD_EVERY === 0) await nextTurn();
    if (++this.buffered >= FLUSH_EVERY) {
      // One batch is written while the next is parsed: SQLite works on its own thread, so the two overlap.
      await this.settle();
      this.inFlight = this.flush();
      // Its error is passed on by the next settle(); until then it must not count as unhandled (which would end
      // the process, as a full disk did, instead of rolling back and saying so).
      this.inFlight.catch(() => undefined);
    }
  }

  /** Writes everything buffered, so that replacements() is complete before deciding to commit. */
  async flushAll(): Promise<void> {
    await this.settle();
    await this.flush();
  }

  /** Waits for the batch being written, passing on its error. */
  private async settle(): Promise<void> {
    const inFlight = this.inFlight;
    this.inFlight = Promise.resolve();
    await inFlight;
  }

  async commit(): Promise<WriteCounts> {
    try {
      await this.settle();
      await this.flush();
      await this.closeStatements();
      await this.responseCounts.beforeCommit();
      await this.db.syncIds(NUMBERED_TABLES);
      await this.db.exec('COMMIT');
    } catch (err) {
      await this.rollback();
      throw err;
    }
    const counts: Record<string, number> = {};
    for (const [table, batch] of Object.entries(this.batches)) counts[table] = batch.written;
    return counts;
  }

  async rollback(): Promise<void> {
    await this.inFlight.catch(() => undefined);
    await this.closeStatements().catch(() => undefined);
    await this.db.exec('ROLLBACK').catch(() => undefined);
  }

  private async closeStatements(): Promise<void> {
    for (const batch of Object.values(this.batches)) await batch.close();
  }

  /** Writes what is buffered, parents first; the rows are detached at once so that buffering can go on. */
  private flush(): Promise<void> {
    const pending = Object.values(this.batches).map((batch) => ({ batch, rows: batch.take() }));
    this.buffered = 0;
    return (async () => {
      for (const { batch, rows } of pending) {
        if (rows.length === 0) continue;
        if (batch === this.batches.responses) await this.countResponses(rows);
        await batch.flush(rows);
      }
    })();
  }

  /** The prompts of responses about to be written (each row's first value), counted before the commit. */
  private async countResponses(rows: readonly SqlValue[]): Promise<void> {
    await this.responseCounts.beforeResponses();
    for (let i = 0; i < rows.length; i += RESPONSE_COLUMNS) this.responseCounts.touched(rows[i] as number);
  }

  private buffer(record: CanonicalRecord, sourceId: number | null, source: SourceRef): void {
    const line = source.line;
    switch (record.kind) {
      case 'prompt': {
        const runId = this.runId(record.run);
        const key = this.promptKeyFor(record);
        const id = this.prompts.get(key) ?? this.allocate('prompts');
        this.prompts.set(key, id);
        this.batches.prompts!.add([id, runId, record.group, record.lang, record.turn, record.text, sourceId, line]);
        return;
      }
      case 'response': {
        const promptId = this.promptId(record, sourceId, line);
        const systemId = this.systemId(record.run, record.system);
        const length = textLength(record.text, lengthUnitFor(record.lang));
        this.batches.responses!.add([promptId, systemId, record.seed, record.text, sourceId, line, length]);
        return;
      }
      case 'pairwise-judgment': {
        const promptId = this.promptId(record, sourceId, line);
        const pair = this.canonicalPair(record.run, record.systemA, record.systemB, record.verdict, record.order);
        const judgeId = this.judgeId(record.judge, record.judgeHash ?? '');
        const preference =
          record.preference === undefined ? null : pair.flipped ? 1 - record.preference : record.preference;
        this.batches.pairwise_judgments!.add([
          promptId,
          judgeId,
          pair.a,
          pair.b,
          pair.order,
          pair.verdict,
          record.raw ?? null,
          record.reasoning ?? null,
          sourceId,
          line,
          record.promptVariant ?? null,
          preference,
          record.criterion ?? '',
        ]);
        return;
      }
      case 'pointwise-judgment': {
        const promptId = this.promptId(record, sourceId, line);
        const systemId = this.systemId(record.run, record.system);
        const judgeId = this.judgeId(record.judge, record.judgeHash ?? '');
        this.batches.pointwise_judgments!.add([
          promptId,
          systemId,
          record.seed,
          judgeId,
          record.scale.name,
          record.scale.min,
          record.scale.max,
          record.score,
          record.raw ?? null,
          record.reasoning ?? null,
          sourceId,
          line,
          record.promptVariant ?? null,
          record.criterion ?? '',
        ]);
        return;
      }
      case 'reference': {
        const promptId = this.promptId(record, sourceId, line);
        this.batches.reference_answers!.add([promptId, record.author, record.text, sourceId, line]);
        return;
      }
      case 'pairwise-label': {
        const promptId = this.promptId(record, sourceId, line);
        const pair = this.canonicalPair(
          record.run,
          record.systemA,
          record.systemB,
          record.verdict,
          record.order ?? 'AB',
        );
        // Without an explicit order, system_a is taken to be the response shown first (MT-bench's "Assistant A").
        this.addLabel(
          record,
          'pairwise',
          promptId,
          `pair:${pair.a}:${pair.b}`,
          [pair.a, pair.b, null, null],
          pair.verdict,
          pair.order,
          sourceId,
          source,
          { criterion: record.criterion ?? '' },
        );
        return;
      }
      case 'rating-label': {
        const promptId = this.promptId(record, sourceId, line);
        const systemId = this.systemId(record.run, record.system);
        this.addLabel(
          record,
          'rating',
          promptId,
          `response:${systemId}:${record.seed}`,
          [null, null, systemId, record.seed],
          record.rating === null ? null : String(record.rating),
          null,
          sourceId,
          source,
          { criterion: record.criterion ?? '', ...(record.scale ? { scale: record.scale } : {}) },
        );
        return;
      }
      case 'language-label': {
        const promptId = this.promptId(record, sourceId, line);
        const systemId = this.systemId(record.run, record.system);
        this.addLabel(
          record,
          'language',
          promptId,
          `response:${systemId}:${record.seed}`,
          [null, null, systemId, record.seed],
          record.language,
          null,
          sourceId,
          source,
          { criterion: '' },
        );
        return;
      }
      case 'language-flag': {
        const promptId = this.promptId(record, sourceId, line);
        const systemId = this.systemId(record.run, record.system);
        const annotatorId = this.annotatorId(record.annotator, record.annotatorRole);
        const fingerprint =
          record.labelId ??
          this.fingerprintOf(source, [
            'flag',
            promptId,
            annotatorId,
            systemId,
            record.seed,
            record.flagged,
            record.labelledAt ?? null,
          ]);
        this.batches.language_flags!.add([
          fingerprint,
          promptId,
          annotatorId,
          systemId,
          record.seed,
          record.flagged ? 1 : 0,
          record.labelledAt ?? this.now,
          this.now,
          sourceId,
          line,
        ]);
        return;
      }
    }
  }

  /** The same line of the same file is the same label, wherever the file lives: importing it again adds nothing. */
  private fingerprintOf(source: SourceRef, content: unknown[]): string {
    return createHash('sha1')
      .update(JSON.stringify([basename(source.file), source.line, ...content]))
      .digest('hex');
  }

  private addLabel(
    record: HumanLabelRecord,
    kind: string,
    promptId: number,
    target: string,
    systems: SqlValue[],
    value: string | null,
    presentation: string | null,
    sourceId: number | null,
    source: SourceRef,
    on: LabelDimensions,
  ): void {
    const annotatorId = this.annotatorId(record.annotator, record.annotatorRole);
    // Criterion, scale and round join the fingerprint only when present: a label of an older file keeps its id.
    const extra = [
      ...(on.criterion ? [{ criterion: on.criterion }] : []),
      ...(on.scale ? [{ scale: on.scale }] : []),
      ...(record.round !== undefined ? [{ round: record.round }] : []),
    ];
    const fingerprint =
      record.labelId ??
      this.fingerprintOf(source, [
        kind,
        promptId,
        annotatorId,
        target,
        value,
        presentation,
        record.labelledAt ?? null,
        record.comment ?? null,
        ...extra,
      ]);
    this.batches.labels!.add([
      fingerprint,
      kind,
      promptId,
      annotatorId,
      target,
      ...systems,
      value,
      presentation,
      record.comment ?? null,
      record.labelledAt ?? this.now,
      this.now,
      sourceId,
      source.line,
      on.criterion,
      on.scale?.name ?? null,
      on.scale?.min ?? null,
      on.scale?.max ?? null,
      record.round ?? null,
      record.timeOnItemMs ?? null,
    ]);
  }

  /** Stores a pair with the lower system id first, flipping the verdict and the presentation order to match. */
  private canonicalPair<V extends PairVerdict | null>(
    run: string,
    systemA: string,
    systemB: string,
    verdict: V,
    order: PresentationOrder,
  ) {
    const idA = this.systemId(run, systemA);
    const idB = this.systemId(run, systemB);
    if (idA === idB) throw new CoreError(msg('a pair compares {0} with itself', systemA));
    if (idA < idB) return { a: idA, b: idB, verdict, order, flipped: false };
    return {
      a: idB,
      b: idA,
      verdict: (verdict === null ? null : flipVerdict(verdict)) as V,
      order: order === 'AB' ? 'BA' : order === 'BA' ? 'AB' : order,
      flipped: true,
    };
  }

  private allocate(table: keyof RecordWriter['nextId']): number {
    return this.nextId[table]++;
  }

  private runId(name: string): number {
    let id = this.runs.get(name);
    if (id === undefined) {
      id = this.allocate('runs');
      this.runs.set(name, id);
      this.batches.runs!.add([id, name, this.now]);
    }
    return id;
  }

  private systemId(run: string, name: string): number {
    const runId = this.runId(run);
    const key = `${runId}\u0000${name}`;
    let id = this.systems.get(key);
    if (id === undefined) {
      id = this.allocate('systems');
      this.systems.set(key, id);
      this.batches.systems!.add([id, runId, name]);
    }
    return id;
  }

  /** The id of a prompt, creating it without text when a response or label names a prompt not seen yet. */
  private promptId(key: PromptKey, sourceId: number | null, line: number): number {
    const runId = this.runId(key.run);
    const k = this.promptKeyFor(key);
    let id = this.prompts.get(k);
    if (id === undefined) {
      id = this.allocate('prompts');
      this.prompts.set(k, id);
      this.batches.prompts!.add([id, runId, key.group, key.lang, key.turn, null, sourceId, line]);
    }
    return id;
  }

  private judgeId(name: string, hash: string, definition?: string): number {
    const key = judgeKey(name, hash);
    let id = this.judges.get(key);
    if (id === undefined) {
      id = this.allocate('judges');
      this.judges.set(key, id);
      this.batches.judges!.add([id, name, hash, definition ?? null]);
    }
    return id;
  }

  /** An annotator's id; a name keeps the one role it was first stored with (a label naming another is refused). */
  private annotatorId(name: string, role: AnnotatorRole = 'annotator'): number {
    let id = this.annotators.get(name);
    if (id === undefined) {
      id = this.allocate('annotators');
      this.annotators.set(name, id);
      this.annotatorRoles.set(name, role);
      this.batches.annotators!.add([id, name, role]);
    }
    const stored = this.annotatorRoles.get(name);
    if (stored !== undefined && stored !== role)
      throw new CoreError(msg('annotator_role: "{0}" is stored as {1}, this label makes them {2}', name, stored, role));
    return id;
  }

  /** Loads the ids of one run's systems and prompts the first time the run is written to. */
  private async preloadRun(run: string): Promise<void> {
    const runId = this.runs.get(run);
    if (runId === undefined) return;
    for (const r of await this.db.all<{ id: number; name: string }>('SELECT id, name FROM systems WHERE run_id = ?', [
      runId,
    ])) {
      this.systems.set(`${runId}\u0000${r.name}`, r.id);
    }
    const rows = await this.db.all<{ id: number; group_key: string; lang: string; turn: number }>(
      'SELECT id, group_key, lang, turn FROM prompts WHERE run_id = ?',
      [runId],
    );
    for (const r of rows) this.prompts.set(`${runId}\u0000${r.group_key}\u0000${r.lang}\u0000${r.turn}`, r.id);
  }

  private promptKeyFor(key: PromptKey): string {
    return `${this.runId(key.run)}\u0000${key.group}\u0000${key.lang}\u0000${key.turn}`;
  }
}

/** What a label is about besides its target: the criterion ('' for none) and the scale of a rating (absent: lima-3). */
interface LabelDimensions {
  readonly criterion: string;
  readonly scale?: ScaleReference;
}

function judgeKey(name: string, hash: string): string {
  return `${name}\u0000${hash}`;
}
