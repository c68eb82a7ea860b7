// A job's budget, never exceeded: before a request is sent its worst-case cost is reserved (every byte of its
// messages a token, plus chat framing, and maxTokens of output), and when its answer comes the reservation is
// replaced by what the answer cost. A request that fails gives its reservation back.
import type { JudgeDefinition } from './definition';
import { costOf, formatUsd, worstCaseInputTokens, type TokenPrice } from './prices';
import type { JudgeVia } from '../store/judgeRequests';
import { messagesFor, type JudgeTask } from './tasks';
import { type Message, msg } from '../util/message';

export class Budget {
  private spent = 0;
  private reserved = 0;
  private reservations = 0;
  private waiters: (() => void)[] = [];

  constructor(
    readonly limitUsd: number,
    private readonly definition: JudgeDefinition,
    private readonly price: TokenPrice,
    private readonly via: JudgeVia,
  ) {}

  get spentUsd(): number {
    return this.spent;
  }

  get hasReservations(): boolean {
    return this.reservations > 0;
  }

  /** The most a task's request can cost. */
  worstCase(task: JudgeTask): number {
    return costOf(
      worstCaseInputTokens(messagesFor(this.definition, task)),
      this.definition.maxTokens,
      this.price,
      this.via,
    );
  }

  tryReserve(amount: number): boolean {
    // A hair of tolerance, so that float sums that equal the limit exactly still fit.
    if (this.spent + this.reserved + amount > this.limitUsd * (1 + 1e-12)) return false;
    this.reserved += amount;
    this.reservations++;
    return true;
  }

  /** The answer came: it cost `actual` (unknown usage: the whole reservation is counted as spent). */
  settle(reservedAmount: number, actual: number | null): void {
    this.spent += actual ?? reservedAmount;
    this.give(reservedAmount);
  }

  release(reservedAmount: number): void {
    this.give(reservedAmount);
  }

  /** Resolves at the next settle or release. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  exhaustedMessage(next: number): Message {
    return msg(
      'the budget of ${0} is spent (${1}): the next request could cost up to {2}; every answer received is stored',
      this.limitUsd,
      this.spent.toFixed(4),
      formatUsd(next),
    );
  }

  private give(amount: number): void {
    if (amount === 0 && this.reservations === 0) return;
    this.reserved = Math.max(0, this.reserved - amount);
    this.reservations = Math.max(0, this.reservations - 1);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
