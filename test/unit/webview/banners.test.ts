// The annotation panel's banners: "Cannot build the annotation queue" (a task the schema does not declare) clears
// once a queue is shown again, after the declared task changed; other banners stay until dismissed.
import { strict as assert } from 'node:assert';
import { Banners } from '../../../webview/annotate/banners';

describe('annotation banners', () => {
  it('clears the stale "task not declared" banner when a queue is shown, and keeps the others', () => {
    const banners = new Banners();
    banners.add(
      'Cannot build the annotation queue: the rating task "old" is not declared in the project\'s schema',
      'queue',
    );
    banners.add('database is locked');
    assert.equal(banners.size, 2);
    banners.clearAbout('queue');
    assert.equal(banners.size, 1);
    assert.match(banners.render().value, /database is locked/);
    assert.doesNotMatch(banners.render().value, /not declared/);
  });
});
