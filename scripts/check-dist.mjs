// Checks the built dist/ against the sources: every module that starts with 'use client' keeps
// the directive, the main entry exports every name of `./core`, and the stylesheet is there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'src');
const dist = join(root, 'dist');
const failures = [];

const DIRECTIVE = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !/\.(stories|test|test-d)\.tsx?$|\.d\.ts$/.test(entry.name)) yield path;
  }
}

if (!existsSync(join(dist, 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

let clientModules = 0;
for (const file of sourceFiles(src)) {
  if (!DIRECTIVE.test(readFileSync(file, 'utf8'))) continue;
  const built = join(dist, relative(src, file).replace(/\.tsx?$/, '.js'));
  // A module no entry reaches is not shipped; nothing to check then.
  if (!existsSync(built)) continue;
  clientModules += 1;
  if (!DIRECTIVE.test(readFileSync(built, 'utf8'))) {
    failures.push(`${relative(root, built)} lost the 'use client' directive of ${relative(root, file)}`);
  }
}

const main = await import(join(dist, 'index.js'));
const core = await import(join(dist, 'core.js'));
const missing = Object.keys(core).filter((name) => !(name in main));
if (missing.length > 0) failures.push(`the main entry does not export these names of ./core: ${missing.join(', ')}`);

if (!existsSync(join(dist, 'styles.css'))) failures.push('dist/styles.css is missing');

if (failures.length > 0) {
  console.error(failures.map((f) => `✖ ${f}`).join('\n'));
  process.exit(1);
}
console.log(`✔ dist: ${clientModules} 'use client' module(s) keep the directive; main entry covers ./core; styles.css present`);
