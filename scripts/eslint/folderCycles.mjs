// ESLint rule langlens/no-folder-cycle: no import cycles between the folders of src/core (docs/architecture.md,
// "Imports point one way"), at two levels: between src/core/<name> folders (metrics as one), and between the
// folders inside metrics, src/core/metrics/<name> (its own files being "metrics"). The whole graph is read once per run, from the import and
// export-from statements of every file under src/core (type imports included: a cycle of types still ties two
// folders together); an import is reported when its target folder leads back to the importing file's folder.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/g;

/** The folder a path under src/core belongs to at a level (0: core folders, 1: metrics' folders), or undefined. */
export function folderOf(root, path, level) {
  const parts = relative(join(root, 'src/core'), path).split(sep);
  if (parts[0] === '..') return undefined;
  if (parts.length === 1) return 'core';
  return level === 1 && parts[0] === 'metrics' && parts.length > 2 ? `metrics/${parts[1]}` : parts[0];
}

function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return base;
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const graphs = new Map();

/** folder -> Set of folders it imports, for the tree at root and a level. */
function folderGraph(root, level) {
  const id = `${level}\u0000${root}`;
  if (graphs.has(id)) return graphs.get(id);
  const graph = new Map();
  for (const file of sourceFiles(join(root, 'src/core'))) {
    const from = folderOf(root, file, level);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = folderOf(root, resolveImport(file, match[1]), level);
      if (to !== undefined && to !== from) (graph.get(from) ?? graph.set(from, new Set()).get(from)).add(to);
    }
  }
  graphs.set(id, graph);
  return graph;
}

/** A path of folders from `start` to `goal`, or undefined. */
function pathBetween(graph, start, goal) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift();
    if (at === goal) {
      const path = [];
      for (let step = goal; step !== undefined; step = previous.get(step)) path.unshift(step);
      return path;
    }
    for (const next of graph.get(at) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, at);
        queue.push(next);
      }
    }
  }
  return undefined;
}

export const noFolderCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'no import cycles between the folders of src/core' },
    messages: {
      cycle: 'import cycle between core folders: {{cycle}} (move the shared piece down to where both can import it)',
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    if (folderOf(root, file, 0) === undefined) return {};
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string' || !node.source.value.startsWith('.')) return;
      const target = resolveImport(file, node.source.value);
      for (const level of [0, 1]) {
        const from = folderOf(root, file, level);
        const to = folderOf(root, target, level);
        if (to === undefined || to === from) continue;
        const back = pathBetween(folderGraph(root, level), to, from);
        if (back) {
          context.report({ node: node.source, messageId: 'cycle', data: { cycle: [from, ...back].join(' → ') } });
          return;
        }
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
