// Jest on Node 20 cannot require() ES modules, and NestJS 12 ships only ESM. This transform
// rewrites ESM files from node_modules to CommonJS (Node itself loads them natively at run time).
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const ts = require('typescript');

const typeCache = new Map();

function packageType(dir) {
  if (typeCache.has(dir)) return typeCache.get(dir);
  const file = path.join(dir, 'package.json');
  let type;
  if (fs.existsSync(file)) {
    type = JSON.parse(fs.readFileSync(file, 'utf8')).type ?? 'commonjs';
  } else {
    const parent = path.dirname(dir);
    type = parent === dir ? 'commonjs' : packageType(parent);
  }
  typeCache.set(dir, type);
  return type;
}

const isEsm = (filename) =>
  filename.endsWith('.mjs') ||
  (!filename.endsWith('.cjs') && packageType(path.dirname(filename)) === 'module');

module.exports = {
  getCacheKey(source, filename) {
    return crypto.createHash('sha1').update('v3').update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    if (!isEsm(filename)) return { code: source };
    // CommonJS has no import.meta; give it the same answers.
    const cjsSource = source
      // CommonJS already has a `require`; an ESM file that made its own must not redeclare it.
      .replace(
        /^(?:const|let|var) require = (?:[\w$]+\.)?createRequire\(import\.meta\.url\);?$/gm,
        '',
      )
      .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/import\.meta\.dirname/g, '__dirname')
      .replace(/import\.meta\.filename/g, '__filename');
    const out = ts.transpileModule(cjsSource, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        allowJs: true,
        sourceMap: false,
      },
    });
    return { code: out.outputText };
  },
};
