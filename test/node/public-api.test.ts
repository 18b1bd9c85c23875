import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { apiEntries, reportedNames } from '../../scripts/api-report.mjs';
import * as core from '../../src/core/index.js';
import * as kit from '../../src/index.js';

// The committed API reports (`api/`) are the list of public names; `test/api` checks them against
// the build. Here the sources' entries are held to the same names, so a name added to or taken
// from an entry fails at once, before any build, until `npm run api:update` records it.

const tsconfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
const entries = apiEntries();
const namesIn = (report: string) => reportedNames(readFileSync(report, 'utf8'));
const reportOf = (subpath: string) => entries.find((entry) => entry.subpath === subpath)!.report;

/** Every name each entry's source exports, as the type checker sees it, sorted; types marked `:type`. */
function exportedNames(): Map<string, string[]> {
  const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, fileURLToPath(new URL('../..', import.meta.url)));
  // The package's own name resolves to the sources through tsconfig's `paths`, as in the examples.
  const sources = new Map(
    entries.map(({ subpath }) => {
      const specifier = `api-error-kit${subpath.slice(1)}`;
      const resolved = ts.resolveModuleName(specifier, tsconfig, options, ts.sys).resolvedModule;
      if (!resolved) throw new Error(`${specifier} resolves to no source file`);
      return [subpath, resolved.resolvedFileName];
    }),
  );
  const program = ts.createProgram([...sources.values()], { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const namesOf = (file: string) => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
    return checker
      .getExportsOfModule(module)
      .map((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        return target.flags & ts.SymbolFlags.Value ? symbol.name : `${symbol.name}:type`;
      })
      .sort();
  };
  return new Map([...sources].map(([subpath, file]) => [subpath, namesOf(file)]));
}

const values = (names: string[]) => names.filter((name) => !name.endsWith(':type'));

describe('the public API', () => {
  it('is, entry by entry, the names the committed API report lists', { timeout: 30_000 }, () => {
    const exported = exportedNames();
    for (const { subpath, report } of entries) expect(exported.get(subpath), `${subpath} against ${report}`).toEqual(namesIn(report));
  });

  it('gives the main entry every name of the core entry, as the very same objects', () => {
    const coreNames = namesIn(reportOf('./core'));
    expect(namesIn(reportOf('.'))).toEqual(expect.arrayContaining(coreNames));
    expect(Object.keys(core).sort()).toEqual(values(coreNames));
    expect(Object.keys(kit).sort()).toEqual(values(namesIn(reportOf('.'))));
    for (const name of Object.keys(core)) expect(kit[name as keyof typeof kit]).toBe(core[name as keyof typeof core]);
  });
});
