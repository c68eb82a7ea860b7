// Messages from a webview are untrusted: the host acts only on what parses.
import assert from 'node:assert/strict';
import { parseAnnotateMessage } from '../../../shared/protocol/annotate';
import { ProtocolError } from '../../../shared/protocol/fields';
import { parseGridMessage } from '../../../shared/protocol/grid';
import { actionFor } from '../../../webview/annotate/keys';

describe('webview protocol parsing', () => {
  it('accepts a label request and keeps only known fields', () => {
    const parsed = parseAnnotateMessage({
      type: 'request',
      id: 7,
      method: 'saveLabel',
      extra: 'dropped',
      params: {
        id: 'x',
        itemKey: 'k',
        value: 'left',
        comment: null,
        labelledAt: '2025-01-01T00:00:00Z',
        system: 'leak',
      },
    });
    assert.deepEqual(parsed, {
      type: 'request',
      id: 7,
      method: 'saveLabel',
      params: { id: 'x', itemKey: 'k', value: 'left', comment: null, labelledAt: '2025-01-01T00:00:00Z' },
    });
  });

  it('rejects unknown types, methods and values', () => {
    assert.throws(() => parseAnnotateMessage({ type: 'exec', command: 'rm' }), ProtocolError);
    assert.throws(
      () => parseAnnotateMessage({ type: 'request', id: 1, method: 'writeFile', params: {} }),
      ProtocolError,
    );
    assert.throws(
      () =>
        parseAnnotateMessage({
          type: 'request',
          id: 1,
          method: 'saveLabel',
          params: { id: 'x', itemKey: 'k', value: 'A', comment: null, labelledAt: '2025-01-01T00:00:00Z' },
        }),
      /value must be one of/,
    );
    assert.throws(() => parseAnnotateMessage('ready'), ProtocolError);
    assert.throws(
      () =>
        parseGridMessage({
          type: 'preferences',
          preferences: { layout: 'diagonal', hiddenLanguages: [], hiddenSystems: [] },
        }),
      ProtocolError,
    );
    assert.throws(() => parseGridMessage({ type: 'turn', turn: 1.5 }), /integer/);
  });

  it('maps one key to one action per task', () => {
    assert.deepEqual(actionFor('rating', '1'), { kind: 'label', value: 'excellent' });
    assert.deepEqual(actionFor('rating', 'F'), { kind: 'label', value: 'fail' });
    assert.deepEqual(actionFor('pairwise', 'a'), { kind: 'label', value: 'left' });
    assert.deepEqual(actionFor('pairwise', 'r'), { kind: 'flag', slot: 'right' });
    assert.deepEqual(actionFor('rating', 'ArrowRight'), { kind: 'next' });
    assert.equal(actionFor('rating', 'x'), undefined);
  });
});
