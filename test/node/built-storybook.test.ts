import { execFile } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../.storybook/chromium-path.js';
import { API_PREFIX } from '../../stories/mocks/api.js';
import { reply, startServer, type LocalServer } from '../support/local-server.js';

// The Storybook a reader browses, built as it is published (`npm run build-storybook`) and opened
// page by page in Chromium: every story and docs page, the two guides written in MDX, and the
// components' prop tables.

const root = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
// Where the stories' mocked APIs answer: their 4xx and 5xx are the stories' subject, not a fault.
const MOCKED_APIS = [API_PREFIX + '/', 'https://api.example.com/'];

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  importPath: string;
}

let outputDir: string;
let buildOutput: string;
let server: LocalServer;
let browser: Browser;
let entries: IndexEntry[];

beforeAll(async () => {
  outputDir = await mkdtemp(path.join(tmpdir(), 'storybook-static-'));
  const built = await promisify(execFile)(path.join(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '--output-dir', outputDir], {
    cwd: root,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', NO_COLOR: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  buildOutput = built.stdout + built.stderr;
  server = await startServer((request, response) => {
    const requested = path.join(outputDir, decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname));
    const file = existsSync(requested) && statSync(requested).isDirectory() ? path.join(requested, 'index.html') : requested;
    if (!file.startsWith(outputDir) || !existsSync(file)) return reply(response, 404);
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  entries = Object.values((JSON.parse(await readFile(path.join(outputDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }).entries);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outputDir) await rm(outputDir, { recursive: true, force: true });
});

const isMockedApi = (url: string | undefined) => url !== undefined && MOCKED_APIS.some((prefix) => url.startsWith(prefix) || url.startsWith(server.url + prefix));

/**
 * Opens one entry of the index on its own page, as the Storybook UI frames it, and waits until it
 * has rendered. Returns the page and what went wrong on it: console warnings and errors, uncaught
 * errors, and answers of 400 or more, the mocked APIs' answers left out.
 */
async function open(entry: IndexEntry): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ locale: 'en-US', timezoneId: 'UTC' });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (!['warning', 'error'].includes(message.type()) || isMockedApi(message.location().url)) return;
    problems.push(`${entry.id}: console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${entry.id}: uncaught ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !isMockedApi(response.url())) problems.push(`${entry.id}: ${response.status()} ${response.url()}`);
  });
  await page.goto(`${server.url}/iframe.html?id=${entry.id}&viewMode=${entry.type}`);
  await page.waitForFunction(
    () =>
      document.body.classList.contains('sb-show-errordisplay') ||
      (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0 ||
      (document.querySelector('#storybook-docs')?.childElementCount ?? 0) > 0,
  );
  if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
    problems.push(`${entry.id}: ${await page.locator('#error-message').innerText()}`);
  }
  return { page, problems };
}

describe('the built Storybook', () => {
  it('builds without a warning', () => {
    expect(buildOutput).not.toMatch(/warn|▲/i);
  });

  // A docs page shows every story of its file (some in frames of their own), so opening each
  // docs page opens every story with it, at a fraction of the cost of opening each on its own.
  it('renders every docs page, with the stories on it, without a warning, an error or a 404', async () => {
    const docsPages = entries.filter((entry) => entry.type === 'docs');
    expect(docsPages.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const entry of docsPages) {
      const opened = await open(entry);
      await opened.page.locator('.docs-story').first().waitFor();
      // The stories' first effects and requests (a module loaded on demand, a mocked request) run
      // just after they render.
      await opened.page.waitForTimeout(1_000);
      await opened.page.close();
      problems.push(...opened.problems);
    }
    expect(problems).toEqual([]);
  }, 180_000);
});

/** What a page written in MDX says: its headings and its code blocks, in order, and how many stories it shows. */
async function mdxSource(file: string) {
  const source = await readFile(path.join(root, file), 'utf8');
  const code = [...source.matchAll(/^```\w*\n([\s\S]*?)\n```/gm)].map(([, block]) => block!);
  const prose = source.replace(/^```\w*\n[\s\S]*?\n```/gm, '');
  return {
    headings: [...prose.matchAll(/^(#{1,3}) (.+)$/gm)].map(([, hashes, text]) => `h${hashes!.length} ${text!.replaceAll('`', '')}`),
    code,
    stories: [...prose.matchAll(/<Canvas of=/g)].length,
  };
}

describe.each([
  { file: 'stories/GettingStarted.mdx', id: 'getting-started-overview--docs' },
  { file: 'stories/Hooks.mdx', id: 'hooks-overview--docs' },
])('the docs page $file', ({ file, id }) => {
  it('shows its headings, its code blocks and its stories', async () => {
    const expected = await mdxSource(file);
    const { page, problems } = await open({ id, type: 'docs', importPath: file });
    const docs = page.locator('#storybook-docs');
    await docs.locator('.docs-story').nth(expected.stories - 1).waitFor();
    // Code blocks are highlighted by a module loaded once the page has rendered.
    await docs.locator('pre.prismjs').nth(expected.code.length - 1).waitFor();
    const headings = await docs.locator('h1, h2, h3').evaluateAll((elements) => elements.map((element) => `${element.tagName.toLowerCase()} ${element.textContent}`));
    const code = await docs.locator('pre.prismjs').allTextContents();
    const stories = await docs.locator('.docs-story').count();
    await page.close();
    expect(problems).toEqual([]);
    expect(expected.headings.length).toBeGreaterThan(1);
    expect(headings).toEqual(expected.headings);
    expect(code.map((block) => block.trim())).toEqual(expected.code.map((block) => block.trim()));
    expect(stories).toBe(expected.stories);
  }, 60_000);
});

/** Each prop of the kit's exported props type, with the first sentence of its TSDoc. */
function documentedProps(typeName: string): Array<{ name: string; doc: string }> {
  const program = ts.createProgram([path.join(root, 'src/index.ts')], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const entry = checker.getSymbolAtLocation(program.getSourceFile(path.join(root, 'src/index.ts'))!)!;
  const exported = checker.getExportsOfModule(entry).find((symbol) => symbol.name === typeName)!;
  const type = checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(exported));
  const props = new Map<string, string>();
  for (const part of type.isUnion() ? type.types : [type]) {
    for (const prop of checker.getPropertiesOfType(part)) {
      const doc = ts.displayPartsToString(prop.getDocumentationComment(checker));
      if (!props.has(prop.name) || props.get(prop.name) === '') props.set(prop.name, doc);
    }
  }
  return [...props].map(([name, doc]) => ({ name, doc: firstSentence(doc) }));
}

const plain = (text: string) => text.replace(/`|\{@link\s+([^}|]+?)\s*(\|[^}]*)?\}/g, '$1').replace(/\s+/g, ' ').trim();
const firstSentence = (text: string) => plain(text).split(/(?<=\.) /)[0]!;

describe.each([
  { component: 'ApiErrorBanner', props: 'ApiErrorBannerProps', id: 'components-apierrorbanner--docs' },
  { component: 'RetryCountdown', props: 'RetryCountdownProps', id: 'components-retrycountdown--docs' },
])('the autodocs page of $component', ({ props, id }) => {
  it(`lists every prop of ${props} with its TSDoc`, async () => {
    const expected = documentedProps(props);
    const { page, problems } = await open({ id, type: 'docs', importPath: '' });
    const rows = page.locator('#storybook-docs .docblock-argstable tbody tr');
    await rows.first().waitFor();
    const table = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ name: tr.querySelector('td:nth-child(1)')?.textContent ?? '', description: tr.querySelector('td:nth-child(2)')?.textContent ?? '' })),
    );
    await page.close();
    expect(problems).toEqual([]);
    expect(expected.every(({ doc }) => doc.length > 0)).toBe(true);
    expect(table.map(({ name }) => name.replace(/\*$/, '')).sort()).toEqual(expected.map(({ name }) => name).sort());
    for (const { name, doc } of expected) {
      expect(plain(table.find((row) => row.name.replace(/\*$/, '') === name)!.description), name).toContain(doc);
    }
  }, 60_000);
});
