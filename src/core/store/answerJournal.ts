// The answer journal: every online answer is appended to a file next to the database and flushed to disk before the
// runner counts it as done, because the database commits answers in groups (judgeRequests.ts) and a process killed
// between an answer and its commit would otherwise pay for it again. The next open of the database folds any
// journal left behind into it (foldAnswerJournals); a job that ends normally deletes its own.
import {
  closeSync,
  fdatasync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  unlinkSync,
  writeSync,
  mkdirSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { markJobInterrupted, writeJudgeResults, type JudgeIdentity, type JudgeResult } from './judgeRequests';
import type { Store } from './store';
import { connectionOf } from './connection';
import { CoreError, messageOf, msg } from '../util/message';

const FORMAT = 1;

interface JournalHeader {
  readonly journal: number;
  readonly judge: JudgeIdentity;
  readonly jobId: number;
  readonly pid: number;
  readonly host: string;
}

/** The folder of a database's journals; none for an in-memory database (nothing of it survives a crash anyway). */
export function journalFolder(databasePath: string): string | undefined {
  return databasePath === '' || databasePath === ':memory:' || databasePath.startsWith('file::memory:')
    ? undefined
    : `${databasePath}-answers`;
}

export interface AnswerJournal {
  /** Resolves once the result is on disk. */
  append(result: JudgeResult): Promise<void>;
  /** Closes the journal; `remove` once everything in it is committed to the database. */
  close(remove: boolean): void;
}

export const NO_JOURNAL: AnswerJournal = { append: () => Promise.resolve(), close: () => undefined };

export function openAnswerJournal(store: Store, judge: JudgeIdentity, jobId: number): AnswerJournal {
  const folder = journalFolder(connectionOf(store).localFolder ?? '');
  return folder ? new FileJournal(folder, judge, jobId) : NO_JOURNAL;
}

class FileJournal implements AnswerJournal {
  private readonly file: string;
  private readonly fd: number;
  /** Appended and waiting for the next flush; one flush runs at a time and covers everything written before it. */
  private waiting: { resolve(): void; reject(err: Error): void }[] = [];
  private flushing = false;
  private closed = false;

  constructor(folder: string, judge: JudgeIdentity, jobId: number) {
    mkdirSync(folder, { recursive: true });
    this.file = join(folder, `job-${jobId}-${process.pid}.jsonl`);
    this.fd = openSync(this.file, 'a', 0o600);
    const header: JournalHeader = { journal: FORMAT, judge, jobId, pid: process.pid, host: hostname() };
    writeSync(this.fd, JSON.stringify(header) + '\n');
  }

  append(result: JudgeResult): Promise<void> {
    // Written synchronously, in the same turn the answer arrived in: from here on a killed process keeps it (the
    // kernel has it); the flush then makes it survive a power cut too.
    writeSync(this.fd, JSON.stringify(result) + '\n');
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    if (this.flushing || this.waiting.length === 0 || this.closed) return;
    const batch = this.waiting;
    this.waiting = [];
    this.flushing = true;
    fdatasync(this.fd, (err) => {
      this.flushing = false;
      for (const w of batch) {
        if (err) w.reject(err);
        else w.resolve();
      }
      this.flush();
    });
  }

  close(remove: boolean): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    if (remove) unlinkSync(this.file);
  }
}

export interface FoldResult {
  readonly journals: number;
  readonly answers: number;
  /** Lines that were being written when the process died: their answers were never counted as done. */
  readonly incomplete: number;
}

/**
 * Folds every journal of the database into it. Writing a journal's results again is harmless (an answer stored is
 * never overwritten, verdicts are keyed), so journals of jobs still running elsewhere are folded too, but deleted
 * only once the process that wrote them is gone.
 */
export async function foldAnswerJournals(store: Store): Promise<FoldResult> {
  const folder = journalFolder(connectionOf(store).localFolder ?? '');
  let names: string[];
  try {
    names = folder
      ? readdirSync(folder)
          .filter((n) => n.endsWith('.jsonl'))
          .sort()
      : [];
  } catch {
    return { journals: 0, answers: 0, incomplete: 0 };
  }
  let answers = 0;
  let incomplete = 0;
  for (const name of names) {
    const file = join(folder!, name);
    const journal = readJournal(file);
    if (!journal) continue;
    if (journal.results.length > 0) await writeJudgeResults(store, journal.header.judge, journal.results);
    answers += journal.results.length;
    incomplete += journal.incomplete;
    if (ownerIsGone(journal.header)) {
      await markJobInterrupted(connectionOf(store), journal.header.jobId, journal.results.length);
      unlinkSync(file);
    }
  }
  if (names.length > 0) removeIfEmpty(folder!);
  return { journals: names.length, answers, incomplete };
}

function readJournal(file: string): { header: JournalHeader; results: JudgeResult[]; incomplete: number } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // deleted by its job meanwhile
  }
  const lines = text.split('\n');
  // The last piece is empty after a complete line; anything else there was being written when the process died.
  const tail = lines.pop() ?? '';
  if (lines.length === 0) return undefined;
  let header: JournalHeader;
  try {
    header = JSON.parse(lines[0]!) as JournalHeader;
  } catch (err) {
    throw new CoreError(
      msg(
        "{0}: the answer journal's first line is not readable ({1}); move the file away to open the database",
        file,
        messageOf(err),
      ),
    );
  }
  if (header.journal !== FORMAT)
    throw new CoreError(msg('{0}: an answer journal of an unknown format ({1})', file, String(header.journal)));
  const results = lines.slice(1).map((line, i) => {
    try {
      return JSON.parse(line) as JudgeResult;
    } catch (err) {
      throw new CoreError(
        msg('{0}: line {1} of the answer journal is not readable ({2})', file, i + 2, messageOf(err)),
      );
    }
  });
  return { header, results, incomplete: tail === '' ? 0 : 1 };
}

function ownerIsGone(header: JournalHeader): boolean {
  if (header.host !== hostname()) return false;
  if (header.pid === process.pid) return false;
  try {
    process.kill(header.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    /* not empty, or gone */
  }
}
