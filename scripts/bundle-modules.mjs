// A small ES module bundler, enough for the page's own code: it turns an entry module and
// everything it imports into one script with no import or export left, so that the page and
// its worker can be inlined into a single HTML file that works from file://.
//
// Each module becomes a function scope evaluated once, in the order the browser would evaluate
// it (depth first, imports in source order), that answers its namespace of live getters. An
// import binds the exports once the dependency has run; that is exact for everything but
// circular imports and `export let` (a binding reassigned later). Those are refused, as are
// `export *`, top-level await and bare specifiers: the bundler fails rather than change what
// the code means. A literal `import('./x.js')` is bundled too (and run with the others).
//
// `new URL('<path>', import.meta.url)` (how the page names its worker and the wasm) is handed
// to `assetExpression(absolutePath)`, which answers the JavaScript expression of a URL for it
// (a blob: URL of a bundled worker, a data: URL of the wasm …), as Vite and webpack do.
//
// Parsing is acorn's (Debian's node-acorn, a dependency of its emscripten package).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const { parse } = loadAcorn();

function loadAcorn() {
  const require = createRequire(import.meta.url);
  for (const name of ['acorn', '/usr/share/nodejs/acorn']) {
    try {
      return require(name);
    } catch {
      // try the next
    }
  }
  throw new Error('bundle-modules: acorn not found (apt-get install node-acorn, or NODE_PATH=/usr/share/nodejs)');
}

/**
 * Bundles `entry` and its imports.
 * @param {string} entry absolute path of the entry module
 * @param {{assetExpression: (file: string) => string}} how
 * @returns {{code: string, files: string[]}} a strict script (valid as a classic or a module
 *   script) and the modules it holds
 */
export function bundle(entry, { assetExpression }) {
  const modules = new Map(); // path → {id, code}
  const visiting = new Set();

  const visit = (file, importer) => {
    if (modules.has(file)) return modules.get(file).id;
    if (visiting.has(file)) throw new Error(`bundle-modules: circular import of ${file} from ${importer}`);
    visiting.add(file);
    const source = readSource(file, importer);
    const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
    refuseTopLevelAwait(ast, file);
    const depIds = new Map();
    const dependency = (specifier, at) => {
      if (!/^\.{1,2}\//.test(specifier)) fail(file, at, `only relative imports can be bundled, not “${specifier}”`);
      const target = path.resolve(path.dirname(file), specifier);
      if (!depIds.has(target)) depIds.set(target, `__tl_m${visit(target, file)}`);
      return depIds.get(target);
    };
    // Dependencies are visited in source order, so that they run in the browser's order.
    for (const node of ast.body) {
      if (node.source) dependency(node.source.value, node);
    }
    const code = transform(source, ast, file, { dependency, assetExpression });
    visiting.delete(file);
    const id = modules.size;
    modules.set(file, { id, code });
    return id;
  };

  visit(path.resolve(entry), '(entry)');
  const parts = [...modules.entries()].map(([file, { id, code }]) =>
    `// ${path.relative(process.cwd(), file)}\nconst __tl_m${id} = (() => {\n${code}\n})();\n`);
  return { code: `'use strict';\n${parts.join('\n')}`, files: [...modules.keys()] };
}

function readSource(file, importer) {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`bundle-modules: cannot read ${file} (imported by ${importer}): ${error.message}`);
  }
}

/** The module's code as a function body: imports bound, exports answered as getters. */
function transform(source, ast, file, { dependency, assetExpression }) {
  const edits = []; // {start, end, text}
  const imports = [];
  const exports = []; // [exported name, expression]

  for (const node of ast.body) {
    switch (node.type) {
      case 'ImportDeclaration': {
        const from = dependency(node.source.value, node);
        for (const spec of node.specifiers) {
          if (spec.type === 'ImportNamespaceSpecifier') imports.push(`const ${spec.local.name} = ${from};`);
          else if (spec.type === 'ImportDefaultSpecifier') imports.push(`const ${spec.local.name} = ${from}.default;`);
          else imports.push(`const ${spec.local.name} = ${from}[${JSON.stringify(nameOf(spec.imported))}];`);
        }
        edits.push({ start: node.start, end: node.end, text: '' });
        break;
      }
      case 'ExportNamedDeclaration': {
        if (node.declaration) {
          const declaration = node.declaration;
          if (declaration.type === 'VariableDeclaration') {
            if (declaration.kind !== 'const') fail(file, node, `\`export ${declaration.kind}\` cannot be bundled (use const)`);
            for (const name of declaredNames(declaration)) exports.push([name, name]);
          } else {
            exports.push([declaration.id.name, declaration.id.name]);
          }
          edits.push({ start: node.start, end: declaration.start, text: '' });
        } else {
          const from = node.source ? dependency(node.source.value, node) : null;
          for (const spec of node.specifiers) {
            const local = nameOf(spec.local);
            exports.push([nameOf(spec.exported), from ? `${from}[${JSON.stringify(local)}]` : local]);
          }
          edits.push({ start: node.start, end: node.end, text: '' });
        }
        break;
      }
      case 'ExportAllDeclaration': {
        const from = dependency(node.source.value, node);
        if (!node.exported) fail(file, node, '`export * from` cannot be bundled (name the exports)');
        exports.push([nameOf(node.exported), from]);
        edits.push({ start: node.start, end: node.end, text: '' });
        break;
      }
      case 'ExportDefaultDeclaration': {
        const declaration = node.declaration;
        const named = /Declaration$/.test(declaration.type) && declaration.id;
        if (named) {
          exports.push(['default', declaration.id.name]);
          edits.push({ start: node.start, end: declaration.start, text: '' });
        } else {
          exports.push(['default', '__tl_default']);
          edits.push({ start: node.start, end: declaration.start, text: 'const __tl_default = (' });
          edits.push({ start: declaration.end, end: declaration.end, text: ');' });
        }
        break;
      }
      default:
        break;
    }
  }

  walk(ast, (node) => {
    if (node.type === 'ImportExpression') {
      if (node.source.type !== 'Literal') fail(file, node, 'import() of a computed specifier cannot be bundled');
      edits.push({ start: node.start, end: node.end, text: `Promise.resolve(${dependency(node.source.value, node)})` });
      return false;
    }
    if (node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'URL'
        && node.arguments.length === 2 && node.arguments[0].type === 'Literal' && typeof node.arguments[0].value === 'string'
        && isImportMetaUrl(node.arguments[1])) {
      const asset = path.resolve(path.dirname(file), node.arguments[0].value);
      edits.push({ start: node.start, end: node.end, text: `new URL(${assetExpression(asset)})` });
      return false;
    }
    if (isImportMetaUrl(node)) {
      // Where the module came from has no meaning in a bundle; the document's (or worker's)
      // own address is the closest truth.
      edits.push({ start: node.start, end: node.end, text: 'self.location.href' });
      return false;
    }
    if (node.type === 'MetaProperty') fail(file, node, 'only import.meta.url can be bundled');
    return true;
  });

  return `${imports.join('\n')}\n${applyEdits(source, edits)}\nreturn ${namespace(exports)};`;
}

/** The module's namespace object: a getter per export, so that exports stay live. */
function namespace(exports) {
  const getters = exports.map(([name, expression]) => `get ${JSON.stringify(name)}() { return ${expression}; }`);
  return `Object.freeze({ ${getters.join(', ')} })`;
}

function applyEdits(source, edits) {
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = source;
  let limit = Infinity;
  for (const { start, end, text } of edits) {
    if (end > limit) throw new Error('bundle-modules: overlapping edits (an internal error)');
    out = out.slice(0, start) + text + out.slice(end);
    limit = start;
  }
  return out;
}

const isImportMetaUrl = (node) => node?.type === 'MemberExpression' && node.object.type === 'MetaProperty'
  && node.object.meta.name === 'import' && !node.computed && node.property.name === 'url';

const nameOf = (node) => (node.type === 'Identifier' ? node.name : node.value);

function declaredNames(declaration) {
  const names = [];
  const collect = (pattern) => {
    if (!pattern) return;
    if (pattern.type === 'Identifier') names.push(pattern.name);
    else if (pattern.type === 'ObjectPattern') pattern.properties.forEach((p) => collect(p.type === 'RestElement' ? p.argument : p.value));
    else if (pattern.type === 'ArrayPattern') pattern.elements.forEach(collect);
    else if (pattern.type === 'RestElement') collect(pattern.argument);
    else if (pattern.type === 'AssignmentPattern') collect(pattern.left);
  };
  declaration.declarations.forEach((d) => collect(d.id));
  return names;
}

/** Visits every node depth first; `visitor` answers false to skip a node's children. */
function walk(node, visitor) {
  if (visitor(node) === false) return;
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item.type === 'string') walk(item, visitor);
    } else if (value && typeof value.type === 'string' && key !== 'loc') {
      walk(value, visitor);
    }
  }
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function refuseTopLevelAwait(ast, file) {
  const visit = (node) => {
    if (FUNCTIONS.has(node.type)) return false;
    if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) {
      fail(file, node, 'top-level await cannot be bundled');
    }
    return true;
  };
  walk(ast, visit);
}

function fail(file, node, message) {
  const at = node.loc ? `:${node.loc.start.line}:${node.loc.start.column + 1}` : '';
  throw new Error(`bundle-modules: ${path.relative(process.cwd(), file)}${at}: ${message}`);
}
