// The two breaks in long work, from where the work resumes after a database's answer: an I/O callback, the event
// loop's poll phase. What runs before the work goes on is what the extension host can serve meanwhile.
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { afterWaitingWork, nextTurn } from '../../../src/core/util/nextTurn';

/** The order of a due timer, a message sent meanwhile, and the work after `pause`, called from an I/O callback. */
function orderAfter(pause: () => Promise<void>): Promise<string[]> {
  return new Promise((resolve) => {
    readFile(__filename, () => {
      const order: string[] = [];
      setTimeout(() => order.push('timer'), 0);
      // A message (what the extension host gets from its panels), sent now: it waits for the next poll phase.
      const { port1, port2 } = new MessageChannel();
      port1.on('message', () => {
        order.push('message');
        port1.close();
      });
      port2.postMessage('a label to save');
      // Long enough for the timer to be due before the pause.
      const until = Date.now() + 20;
      while (Date.now() < until);
      void pause().then(() => {
        order.push('work');
        setTimeout(() => resolve(order), 30);
      });
    });
  });
}

describe('util: breaks in long work', () => {
  it('afterWaitingWork lets a due timer and a waiting message run before the work goes on', async () => {
    assert.deepEqual(await orderAfter(afterWaitingWork), ['timer', 'message', 'work']);
  });

  it('nextTurn, from an I/O callback, goes on before either (why the dashboard does not use it)', async () => {
    assert.deepEqual(await orderAfter(nextTurn), ['work', 'timer', 'message']);
  });
});
