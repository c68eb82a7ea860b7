// Time on item is focus time: the clock stops while the panel is out of focus and adds up visits to an item.
import assert from 'node:assert/strict';
import { FocusClock } from '../../../webview/annotate/focusClock';

describe('focus clock (time on item)', () => {
  let t: number;
  const clock = (focused = true) => new FocusClock(() => t, focused);
  beforeEach(() => (t = 1000));

  it('counts only the time the item was shown with the panel focused', () => {
    const c = clock();
    c.show('a');
    t += 4000;
    c.setFocused(false); // another window
    t += 60_000;
    c.setFocused(true);
    t += 1500;
    assert.equal(c.timeOn('a'), 5500);
  });

  it('adds a second visit to the first and keeps items apart', () => {
    const c = clock();
    c.show('a');
    t += 2000;
    c.show('b');
    t += 700;
    c.show('a');
    t += 300;
    assert.equal(c.timeOn('a'), 2300);
    assert.equal(c.timeOn('b'), 700);
    assert.equal(c.timeOn('never-shown'), 0);
  });

  it('does not run while the page starts hidden, and starts afresh after a reset', () => {
    const c = clock(false);
    c.show('a');
    t += 10_000;
    assert.equal(c.timeOn('a'), 0);
    c.setFocused(true);
    t += 1200;
    c.reset('a');
    t += 800;
    assert.equal(c.timeOn('a'), 800);
  });

  it('stops at the end of the queue (no item shown)', () => {
    const c = clock();
    c.show('a');
    t += 900;
    c.show(undefined);
    t += 5000;
    assert.equal(c.timeOn('a'), 900);
  });
});
