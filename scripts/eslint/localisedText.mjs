// ESLint rule langlens/localised-text: what the extension shows through VS Code's own UI goes through
// vscode.l10n.t (docs/architecture.md), so that it is in l10n/bundle.l10n.json for translators and in VS Code's
// display language for the user. Reported: words written as a string or template literal (a literal with no
// letter outside its ${…} and $(codicon) parts is not words) where VS Code shows them:
// - every argument of window.show{Information,Warning,Error}Message, and the detail of its options;
// - showQuickPick's items (label, description, detail; through .map/.filter/.concat callbacks too) and its
//   options' title and placeHolder; showInputBox's title, prompt, placeHolder and validateInput's answers;
//   withProgress's title, progress.report's message; showOpenDialog/showSaveDialog's title, openLabel,
//   saveLabel and filter names; createWebviewPanel's title; new TreeItem's label, new MarkdownString's text;
// - assignments to .title, .text, .tooltip, .placeholder, .prompt, .description, .message, .name (panels, status
//   bar items, quick picks, tree views and items);
// - the title of a panel's kind (an object with a viewType; a getter's answers) and of a command object (an
//   object with a command);
// - the message, title, text, label and detail of a message posted to a webview (webview.postMessage, or a panel's
//   outbox.post): the grid, dashboard, charts and review panels show them as they come.
// A value is followed through ?:, ||, ??, +, .join/.filter/.concat/.map, array and object literals (their spreads
// too) and the initialiser of a const of the same file; a call of anything else (vscode.l10n.t, path.basename, a
// helper of ours) is taken as it is.
const SHOW_MESSAGE = /^show(Information|Warning|Error)Message$/;
const ITEM_PROPS = new Set(['label', 'description', 'detail']);
const OPTION_PROPS = {
  showQuickPick: ['title', 'placeHolder'],
  showInputBox: ['title', 'prompt', 'placeHolder', 'validateInput'],
  withProgress: ['title'],
  showOpenDialog: ['title', 'openLabel', 'filters'],
  showSaveDialog: ['title', 'saveLabel', 'filters'],
};
/** The extension's own quick picks (src/extension/quickPick.ts), which take showQuickPick's items and options. */
const OWN_PICKERS = new Set(['pickOne', 'pickMany', 'pickText']);
const ASSIGNED = new Set(['title', 'text', 'tooltip', 'placeholder', 'prompt', 'description', 'message', 'name']);
/** What a webview shows of a message the host posts to it. */
const POSTED_PROPS = ['message', 'title', 'text', 'label', 'detail'];
const PASS_THROUGH = new Set(['join', 'filter', 'concat', 'map', 'flatMap', 'slice', 'sort', 'trim']);

/** The text of a literal outside its interpolations and codicons: words when a letter remains. */
function hasWords(text) {
  return /\p{L}/u.test(text.replace(/\$\([\w~-]+\)/g, ''));
}

function propertyName(node) {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  return undefined;
}

/** `x.y.window.name(...)` or `window.name(...)`: name, else undefined. */
function windowMethod(callee) {
  if (callee.type !== 'MemberExpression' || callee.computed) return undefined;
  const object = callee.object;
  const isWindow =
    (object.type === 'Identifier' && object.name === 'window') ||
    (object.type === 'MemberExpression' && !object.computed && propertyName(object.property) === 'window');
  return isWindow ? propertyName(callee.property) : undefined;
}

/** `x.postMessage(...)`, or `….outbox.post(...)` (src/extension/panel.ts LatestWhenReady): posted to a webview. */
function postsToWebview(callee) {
  if (callee.type !== 'MemberExpression' || callee.computed) return false;
  const name = propertyName(callee.property);
  if (name === 'postMessage') return true;
  if (name !== 'post') return false;
  const object = callee.object;
  const owner =
    object.type === 'Identifier'
      ? object.name
      : object.type === 'MemberExpression'
        ? propertyName(object.property)
        : '';
  return /outbox/i.test(owner ?? '');
}

function calleeName(callee) {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed) return propertyName(callee.property);
  return undefined;
}

export const localisedText = {
  meta: {
    type: 'problem',
    docs: { description: 'Text shown through VS Code goes through vscode.l10n.t (docs/architecture.md).' },
    schema: [],
    messages: {
      literal:
        'User-visible text goes through vscode.l10n.t ({{where}}), so that it is translated and in l10n/bundle.l10n.json (docs/architecture.md).',
    },
  },
  create(context) {
    const source = context.sourceCode ?? context.getSourceCode();
    const reported = new Set();
    const report = (node, where) => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId: 'literal', data: { where } });
    };

    /** The initialiser of a const this identifier names, in this file. */
    const constInit = (identifier) => {
      let scope = source.getScope ? source.getScope(identifier) : context.getScope();
      for (; scope; scope = scope.upper) {
        const variable = scope.set.get(identifier.name);
        if (!variable) continue;
        const def = variable.defs[0];
        if (def?.type === 'Variable' && def.parent?.kind === 'const' && def.node.init) return def.node.init;
        return undefined;
      }
      return undefined;
    };

    /** The expressions a function gives back: its expression body, or its return statements (not nested ones). */
    const returned = (fn) => {
      if (fn.body.type !== 'BlockStatement') return [fn.body];
      const out = [];
      const walk = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'ReturnStatement') {
          if (node.argument) out.push(node.argument);
          return;
        }
        if (/Function/.test(node.type)) return;
        for (const key of Object.keys(node)) {
          if (key === 'parent') continue;
          const child = node[key];
          if (Array.isArray(child)) child.forEach(walk);
          else if (child && typeof child.type === 'string') walk(child);
        }
      };
      walk(fn.body);
      return out;
    };

    /**
     * Checks a value shown as text; `props` names the properties of an object literal that are shown (items:
     * label/description/detail), none for a plain text.
     */
    const check = (node, where, props = ITEM_PROPS, seen = new Set()) => {
      if (!node || seen.has(node)) return;
      seen.add(node);
      switch (node.type) {
        case 'Literal':
          if (typeof node.value === 'string' && hasWords(node.value)) report(node, where);
          return;
        case 'TemplateLiteral':
          if (node.quasis.some((q) => hasWords(q.value.cooked ?? q.value.raw))) report(node, where);
          else node.expressions.forEach((e) => check(e, where, props, seen));
          return;
        case 'ConditionalExpression':
          check(node.consequent, where, props, seen);
          check(node.alternate, where, props, seen);
          return;
        case 'LogicalExpression':
        case 'BinaryExpression':
          if (node.type === 'BinaryExpression' && node.operator !== '+') return;
          check(node.left, where, props, seen);
          check(node.right, where, props, seen);
          return;
        case 'TSAsExpression':
        case 'TSSatisfiesExpression':
        case 'TSNonNullExpression':
        case 'AwaitExpression':
        case 'ChainExpression':
          check(node.expression ?? node.argument, where, props, seen);
          return;
        case 'SpreadElement':
          check(node.argument, where, props, seen);
          return;
        case 'Identifier': {
          const init = constInit(node);
          if (init) check(init, where, props, seen);
          return;
        }
        case 'ArrayExpression':
          node.elements.forEach((e) => check(e, where, props, seen));
          return;
        case 'ObjectExpression':
          for (const p of node.properties) {
            if (p.type === 'SpreadElement') check(p.argument, where, props, seen);
            else if (props.has(propertyName(p.key))) check(p.value, `${where}, ${propertyName(p.key)}`, props, seen);
          }
          return;
        case 'CallExpression': {
          const callee = node.callee;
          const name = calleeName(callee);
          if (callee.type === 'MemberExpression' && PASS_THROUGH.has(name)) {
            check(callee.object, where, props, seen);
            if (name === 'join') return;
            for (const fn of node.arguments)
              if (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression')
                returned(fn).forEach((r) => check(r, where, props, seen));
          }
          return;
        }
        default:
          return;
      }
    };

    /** The options object of a call: its listed properties are texts (filters: their names; validateInput: answers). */
    const checkOptions = (node, names, where) => {
      if (!node) return;
      if (node.type === 'Identifier') {
        const init = constInit(node);
        if (init) checkOptions(init, names, where);
        return;
      }
      if (node.type !== 'ObjectExpression') return;
      for (const p of node.properties) {
        if (p.type === 'SpreadElement') {
          checkOptions(p.argument, names, where);
          continue;
        }
        const name = propertyName(p.key);
        if (!names.includes(name)) continue;
        if (name === 'filters' && p.value.type === 'ObjectExpression') {
          for (const f of p.value.properties)
            if (f.type === 'Property' && f.key.type === 'Literal' && hasWords(String(f.key.value)))
              report(f.key, `${where}, a filter's name`);
        } else if (name === 'validateInput' && /Function/.test(p.value.type)) {
          returned(p.value).forEach((r) => check(r, `${where}, validateInput`, new Set()));
        } else check(p.value, `${where}, ${name}`, new Set());
      }
    };

    return {
      CallExpression(node) {
        const method = windowMethod(node.callee);
        const args = node.arguments;
        if (method && SHOW_MESSAGE.test(method)) {
          for (const arg of args) {
            if (arg.type === 'ObjectExpression') {
              // The options ({ modal, detail }), or a MessageItem ({ title }).
              checkOptions(arg, ['detail', 'title'], method);
            } else check(arg, method, new Set(['title']));
          }
        } else if (
          method === 'showQuickPick' ||
          (node.callee.type === 'Identifier' && OWN_PICKERS.has(node.callee.name))
        ) {
          check(args[0], 'showQuickPick items');
          checkOptions(args[1], OPTION_PROPS.showQuickPick, 'showQuickPick');
        } else if (method && method in OPTION_PROPS) {
          checkOptions(args[0], OPTION_PROPS[method], method);
        } else if (method === 'createWebviewPanel') {
          check(args[1], 'createWebviewPanel title', new Set());
        } else if (
          calleeName(node.callee) === 'report' &&
          node.callee.type === 'MemberExpression' &&
          node.callee.object.type === 'Identifier' &&
          node.callee.object.name === 'progress'
        ) {
          checkOptions(args[0], ['message'], 'progress.report');
        } else if (['appendMarkdown', 'appendText'].includes(calleeName(node.callee))) {
          check(args[0], `MarkdownString.${calleeName(node.callee)}`, new Set());
        } else if (postsToWebview(node.callee)) {
          checkOptions(args[0], POSTED_PROPS, 'a message posted to a webview');
        }
      },
      NewExpression(node) {
        const name = calleeName(node.callee);
        if (name === 'TreeItem') check(node.arguments[0], 'a tree item', new Set(['label']));
        else if (name === 'MarkdownString') check(node.arguments[0], 'a Markdown string', new Set());
      },
      AssignmentExpression(node) {
        const left = node.left;
        if (left.type !== 'MemberExpression' || left.computed) return;
        const name = propertyName(left.property);
        if (ASSIGNED.has(name)) check(node.right, `.${name}`, new Set());
      },
      ObjectExpression(node) {
        const keys = node.properties.filter((p) => p.type === 'Property').map((p) => propertyName(p.key));
        if (!keys.includes('viewType') && !keys.includes('command')) return;
        const title = node.properties.find((p) => p.type === 'Property' && propertyName(p.key) === 'title');
        if (!title) return;
        const where = keys.includes('viewType') ? "a panel's title" : "a command's title";
        // A getter (the panel kinds: l10n.t is called when the panel opens) is checked on what it returns.
        const values = /Function/.test(title.value.type) ? returned(title.value) : [title.value];
        for (const value of values) check(value, where, new Set());
      },
    };
  },
};
