// Local ESLint rules of the house (docs/ARCHITECTURE.md), in the way of VS Code's
// .eslint-plugin-local: what eslint-plugin-boundaries cannot say about files inside a layer.
import { existsSync, readdirSync as readdir, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const rel = (abs) => path.relative(ROOT, abs).split(path.sep).join('/');

/** The repository path an import specifier points at (relative specifiers only), with its extension. */
function resolveSpec(filename, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(filename), spec);
  for (const c of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    try {
      if (existsSync(c) && statSync(c).isFile()) return rel(c);
    } catch {
      // unreadable: treat as unresolved
    }
  }
  return rel(base);
}

const FEATURE_ROOTS = ['electron/core/features/', 'renderer/src/features/'];

/** { root, name, rest } of a path inside a feature folder, else null. */
function featureOf(p) {
  for (const root of FEATURE_ROOTS) {
    if (p.startsWith(root)) {
      const [name, ...rest] = p.slice(root.length).split('/');
      return { root, name, rest: rest.join('/') };
    }
  }
  return null;
}

/**
 * A feature's public surface: its index, and in the renderer the lazy panel entry and its message
 * catalogues (the message manifest reads them without loading the feature's components).
 */
const PUBLIC_FILES = new Set([
  'index.ts',
  'index.tsx',
  'panel.ts',
  'panel.tsx',
  'messages.zh.ts',
  'messages.en.ts',
]);
/**
 * What a core feature may use of the runtime: the handler's types, the registry, masking, errors,
 * and to take work off the writer: a thread of its own, the writer's call counters.
 */
const RUNTIME_FOR_FEATURES = new Set([
  'context.ts',
  'registry.ts',
  'masking.ts',
  'errors.ts',
  'threads.ts',
  'call-counts.ts',
]);

function importSources(node) {
  if (
    node.type === 'ImportDeclaration' ||
    node.type === 'ExportAllDeclaration' ||
    node.type === 'ExportNamedDeclaration'
  )
    return node.source ? [node.source] : [];
  if (node.type === 'ImportExpression' && node.source.type === 'Literal') return [node.source];
  return [];
}

const featureImports = {
  meta: {
    type: 'problem',
    docs: {
      description: 'A feature is used by others only through its index.ts; platform code uses no feature.',
    },
    schema: [],
    messages: {
      internal:
        "'{{spec}}' reaches into feature '{{name}}': import its public surface ({{root}}{{name}}/index.ts) instead.",
      platform: "renderer/src/platform must not import features or the shell ('{{spec}}').",
      runtime:
        "A core feature may use only runtime/{context,registry,masking,errors,threads,call-counts}.ts, not '{{spec}}'.",
    },
  },
  create(context) {
    const from = rel(context.filename);
    const mine = featureOf(from);
    const check = (src) => {
      const spec = String(src.value);
      const to = resolveSpec(context.filename, spec);
      if (!to) return;
      if (
        from.startsWith('renderer/src/platform/') &&
        (featureOf(to) || to.startsWith('renderer/src/shell/'))
      ) {
        context.report({ node: src, messageId: 'platform', data: { spec } });
        return;
      }
      if (mine && mine.root === 'electron/core/features/' && to.startsWith('electron/core/runtime/')) {
        if (!RUNTIME_FOR_FEATURES.has(to.slice('electron/core/runtime/'.length)))
          context.report({ node: src, messageId: 'runtime', data: { spec } });
        return;
      }
      const target = featureOf(to);
      if (!target) return;
      if (mine && mine.root === target.root && mine.name === target.name) return;
      if (!PUBLIC_FILES.has(target.rest)) {
        context.report({
          node: src,
          messageId: 'internal',
          data: { spec, name: target.name, root: target.root },
        });
      }
    };
    return {
      ImportDeclaration: (n) => importSources(n).forEach(check),
      ExportAllDeclaration: (n) => importSources(n).forEach(check),
      ExportNamedDeclaration: (n) => importSources(n).forEach(check),
      ImportExpression: (n) => importSources(n).forEach(check),
    };
  },
};

/** Where SQL text may be written: the store kernel and each feature's queries files. */
function sqlAllowed(file) {
  return (
    file.startsWith('electron/core/store/') ||
    /^electron\/core\/features\/[^/]+\/queries[^/]*\.ts$/.test(file)
  );
}

const sqlInStore = {
  meta: {
    type: 'problem',
    docs: {
      description: 'SQL (prepare, pragma, exec of SQL text, stmt) only in store/ and features/*/queries*.',
    },
    schema: [],
    messages: {
      sql: "SQL ('{{what}}') belongs in electron/core/store/ or a feature's queries*.ts, not here.",
    },
  },
  create(context) {
    const file = rel(context.filename);
    if (sqlAllowed(file)) return {};
    return {
      CallExpression(node) {
        const c = node.callee;
        if (c.type === 'Identifier' && c.name === 'stmt') {
          context.report({ node, messageId: 'sql', data: { what: 'stmt()' } });
          return;
        }
        if (c.type !== 'MemberExpression' || c.property.type !== 'Identifier') return;
        const name = c.property.name;
        if (name === 'prepare' || name === 'pragma') {
          context.report({ node, messageId: 'sql', data: { what: `.${name}()` } });
          return;
        }
        // RegExp#exec takes a variable; Database#exec takes SQL text.
        const arg = node.arguments[0];
        if (
          name === 'exec' &&
          arg &&
          (arg.type === 'TemplateLiteral' || (arg.type === 'Literal' && typeof arg.value === 'string'))
        ) {
          context.report({ node, messageId: 'sql', data: { what: '.exec(sql)' } });
        }
      },
    };
  },
};

/** File names that differ only in case break checkouts on Windows and macOS. */
const noCaseCollisions = {
  meta: {
    type: 'problem',
    docs: { description: 'No two files in one folder whose names differ only in letter case.' },
    schema: [],
    messages: { collision: "'{{a}}' and '{{b}}' differ only in letter case." },
  },
  create(context) {
    return {
      Program(node) {
        const dir = path.dirname(context.filename);
        const me = path.basename(context.filename);
        let names = [];
        try {
          names = readdir(dir);
        } catch {
          return;
        }
        // Imports name modules without their extension: './filters' could open Filters.tsx.
        const stem = (n) => (/\.tsx?$/.test(n) ? n.replace(/\.tsx?$/, '').toLowerCase() : null);
        for (const other of names) {
          if (other !== me && stem(other) !== null && stem(other) === stem(me)) {
            context.report({ node, messageId: 'collision', data: { a: me, b: other } });
          }
        }
      },
    };
  },
};

export default {
  meta: { name: 'local' },
  rules: {
    'feature-imports': featureImports,
    'sql-in-store': sqlInStore,
    'no-case-collisions': noCaseCollisions,
  },
};
