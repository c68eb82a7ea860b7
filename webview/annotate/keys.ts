// One key per action. The same table drives the keyboard handler, the hints on the buttons and the help.
import type { AnnotationSession, AnnotationTask, KeyMapView, LabelValue, Slot } from '../../shared/protocol/annotate';
import type { PlainKey } from '../../shared/protocol/strings';
import { t } from './i18n';

/** The project's declared scale and criteria, when its rating task has them. */
export type Design = AnnotationSession['design'];

export type Action =
  | { readonly kind: 'label'; readonly value: LabelValue }
  | { readonly kind: 'flag'; readonly slot: Slot }
  | { readonly kind: 'next' }
  | { readonly kind: 'previous' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'nextUnlabelled' }
  | { readonly kind: 'undo' }
  | { readonly kind: 'comment' }
  | { readonly kind: 'help' }
  | { readonly kind: 'guidelines' }
  /** Scrolls the response(s) of a long item; never a label key, so reading never labels. */
  | { readonly kind: 'scroll'; readonly to: ScrollTarget };

export type ScrollTarget = 'page-down' | 'page-up' | 'line-down' | 'line-up' | 'end' | 'home';

export interface KeyBinding {
  /** KeyboardEvent.key values. */
  readonly keys: readonly string[];
  readonly action: Action;
  /** What the key does: a phrase of the panel's table, or a declared scale's choice as the project names it. */
  readonly label: KeyLabel;
  /** The user's own keybindings for this action (VS Code's notation), when rebound. */
  readonly userKeys?: readonly string[];
}

export type KeyLabel = { readonly key: PlainKey } | { readonly text: string };

const RATING: readonly KeyBinding[] = [
  { keys: ['1', 'e'], action: { kind: 'label', value: 'excellent' }, label: { key: 'keyExcellent' } },
  { keys: ['2', 'p'], action: { kind: 'label', value: 'pass' }, label: { key: 'keyPass' } },
  { keys: ['3', 'f'], action: { kind: 'label', value: 'fail' }, label: { key: 'keyFail' } },
  { keys: ['l'], action: { kind: 'flag', slot: 'only' }, label: { key: 'keyNotInLanguage' } },
];

const PAIRWISE: readonly KeyBinding[] = [
  { keys: ['1', 'a'], action: { kind: 'label', value: 'left' }, label: { key: 'keyABetter' } },
  { keys: ['2', 't'], action: { kind: 'label', value: 'tie' }, label: { key: 'keyTie' } },
  { keys: ['3', 'b'], action: { kind: 'label', value: 'right' }, label: { key: 'keyBBetter' } },
  { keys: ['l'], action: { kind: 'flag', slot: 'left' }, label: { key: 'keyANotInLanguage' } },
  { keys: ['r'], action: { kind: 'flag', slot: 'right' }, label: { key: 'keyBNotInLanguage' } },
];

const COMMON: readonly KeyBinding[] = [
  { keys: ['ArrowRight', 'j'], action: { kind: 'next' }, label: { key: 'keyNext' } },
  { keys: ['ArrowLeft', 'k'], action: { kind: 'previous' }, label: { key: 'keyPrevious' } },
  { keys: ['s'], action: { kind: 'skip' }, label: { key: 'keySkip' } },
  { keys: ['n'], action: { kind: 'nextUnlabelled' }, label: { key: 'keyNextUnlabelled' } },
  { keys: ['u'], action: { kind: 'undo' }, label: { key: 'keyUndo' } },
  { keys: ['c'], action: { kind: 'comment' }, label: { key: 'keyComment' } },
  { keys: ['g'], action: { kind: 'guidelines' }, label: { key: 'keyGuidelines' } },
  { keys: [' ', 'PageDown'], action: { kind: 'scroll', to: 'page-down' }, label: { key: 'keyPageDown' } },
  { keys: ['PageUp'], action: { kind: 'scroll', to: 'page-up' }, label: { key: 'keyPageUp' } },
  { keys: ['ArrowDown'], action: { kind: 'scroll', to: 'line-down' }, label: { key: 'keyLineDown' } },
  { keys: ['ArrowUp'], action: { kind: 'scroll', to: 'line-up' }, label: { key: 'keyLineUp' } },
  { keys: ['End'], action: { kind: 'scroll', to: 'end' }, label: { key: 'keyEnd' } },
  { keys: ['Home'], action: { kind: 'scroll', to: 'home' }, label: { key: 'keyHome' } },
  { keys: ['?'], action: { kind: 'help' }, label: { key: 'keyHelp' } },
];

/** A declared scale's choices, worst first, on keys 1…9 (and 0 for a tenth). */
function scaleBindings(scale: NonNullable<NonNullable<Design>['scale']>): KeyBinding[] {
  const choices = scale.choices.slice(0, 10).map((choice, i): KeyBinding => ({
    keys: [String((i + 1) % 10)],
    action: { kind: 'label', value: `scale:${choice}` },
    label: { text: /^\d/.test(choice) ? choice : choice[0]!.toUpperCase() + choice.slice(1) },
  }));
  return [...choices, { keys: ['l'], action: { kind: 'flag', slot: 'only' }, label: { key: 'keyNotInLanguage' } }];
}

/**
 * The command suffix of an action (langlens.annotate.<id>), for the actions VS Code's keybindings can rebind: the
 * built-in labels, the flags and the moves; a declared scale's choices and the scroll keys stay the panel's own.
 */
export function actionId(action: Action): string | undefined {
  switch (action.kind) {
    case 'label':
      return action.value.startsWith('scale:') ? undefined : action.value;
    case 'flag':
      return action.slot === 'only' ? 'flag' : action.slot === 'left' ? 'flagLeft' : 'flagRight';
    case 'scroll':
      return undefined;
    default:
      return action.kind;
  }
}

/**
 * The keys in effect: an action the user rebound in VS Code's keybindings (langlens.annotate.<id>) leaves its default
 * keys (VS Code runs its command, which the host sends as that action) and shows the user's keys in the help.
 */
export function bindings(task: AnnotationTask, design?: Design, keyMap?: KeyMapView): readonly KeyBinding[] {
  const own = task === 'rating' ? (design?.scale ? scaleBindings(design.scale) : RATING) : PAIRWISE;
  const all = [...own, ...COMMON];
  if (!keyMap || keyMap.rebound.length === 0) return all;
  return all.map((b) => {
    const id = actionId(b.action);
    if (!id || !keyMap.rebound.includes(id)) return b;
    return { ...b, keys: [], userKeys: keyMap.userKeys[id] ?? [] };
  });
}

export function actionFor(task: AnnotationTask, key: string, design?: Design, keyMap?: KeyMapView): Action | undefined {
  const k = key.length === 1 ? key.toLowerCase() : key;
  return bindings(task, design, keyMap).find((b) => b.keys.includes(k))?.action;
}

/** The action of a command langlens.annotate.<id>, in this task (undefined: not one of its actions). */
export function actionById(task: AnnotationTask, id: string, design?: Design): Action | undefined {
  return bindings(task, design).find((b) => actionId(b.action) === id)?.action;
}

/** A key as VS Code's keybindings write it ("ctrl+k p"), for the help. */
export function userKeyName(key: string): string {
  return key
    .split(' ')
    .map((chord) =>
      chord
        .split('+')
        .map((part) => (part.length === 1 ? part.toUpperCase() : part[0]!.toUpperCase() + part.slice(1)))
        .join('+'),
    )
    .join(' ');
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowDown: '↓',
  ArrowUp: '↑',
};
/** Keys whose names are words, in the panel's language. */
const KEY_WORDS: Readonly<Record<string, PlainKey>> = { ' ': 'keySpace', PageDown: 'keyPgDn', PageUp: 'keyPgUp' };

export function keyName(key: string): string {
  const word = KEY_WORDS[key];
  if (word) return t(word);
  return KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** A binding's label as the panel shows it. */
export function labelText(label: KeyLabel): string {
  return 'key' in label ? t(label.key) : label.text;
}

export function bindingOf(
  task: AnnotationTask,
  matches: (a: Action) => boolean,
  design?: Design,
): KeyBinding | undefined {
  return bindings(task, design).find((b) => matches(b.action));
}
