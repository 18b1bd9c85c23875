// Visual regression: after each story's test has passed (play function and accessibility checks),
// its rendered output is screenshotted three ways and compared with the baselines in
// `stories/__baselines__/` (`npm run test:visual:update` writes them anew).
import { afterEach, type TestContext } from 'vitest';
import { commands, page } from 'vitest/browser';

/**
 * What changes from run to run, hidden while the screenshot is taken (`visibility: hidden` keeps
 * the layout): a running countdown's seconds and bar, dates and times, support IDs (made from the
 * clock), and the request log's times, gaps, IDs and idempotency keys. Every other pixel counts.
 */
const MASKED = [
  ".aek-countdown[data-state='waiting'] .aek-countdown__text",
  ".aek-countdown:not([data-state='done']) .aek-countdown__bar",
  '.aek-banner__validity',
  '.aek-banner__code',
  '.aek-banner__facts > :last-child .aek-banner__value',
  '.aek-banner__copy-fallback',
  '.story-log td:nth-child(-n + 2)',
  '.story-log td:nth-child(n + 5)',
].join(', ');

interface Variant {
  name: string;
  apply: () => Promise<void>;
  undo: () => Promise<void>;
}

const VARIANTS: readonly Variant[] = [
  { name: 'light', apply: async () => {}, undo: async () => {} },
  { name: 'dark', apply: () => commands.setColorScheme('dark'), undo: () => commands.setColorScheme('light') },
  {
    name: 'rtl',
    apply: async () => {
      document.documentElement.dir = 'rtl';
    },
    undo: async () => {
      document.documentElement.removeAttribute('dir');
    },
  },
];

const QUIET_MS = 300;
const SETTLE_LIMIT_MS = 4_000;

// A copy's status ("Copied") goes away by itself about two seconds after the play function's click.
const TRANSIENT = '.aek-banner__copy-status';

/**
 * Waits until nothing but masked text has changed for {@link QUIET_MS} (a lazily loaded part) and
 * no copy status is shown any more, at most {@link SETTLE_LIMIT_MS} (the copy fallback's hint
 * stays: that story waits the whole time).
 */
async function settle(root: Element, masked: string): Promise<void> {
  await new Promise<void>((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout>;
    const done = () => {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(limitTimer);
      resolve();
    };
    const showsTransient = () => [...root.querySelectorAll(TRANSIENT)].some((element) => element.textContent !== '');
    const restart = () => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => (showsTransient() ? restart() : done()), QUIET_MS);
    };
    const observer = new MutationObserver((records) => {
      const element = (node: Node) => (node instanceof Element ? node : node.parentElement);
      if (records.some((record) => !element(record.target)?.closest(masked))) restart();
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    const limitTimer = setTimeout(done, SETTLE_LIMIT_MS);
    restart();
  });
}

const ROOT_TEST_ID = 'visual-regression-root';

/**
 * The element Storybook rendered the story into (the last `<div>` it appended to the body), marked
 * with a test ID: a locator by that ID holds however the story's DOM changes, where one made from
 * the element itself is a path of child positions that a re-render can break.
 */
function storyRoot(): Element {
  const root = [...document.body.children].filter((element) => element.tagName === 'DIV').at(-1);
  if (!root) throw new Error('No rendered story to screenshot.');
  root.setAttribute('data-testid', ROOT_TEST_ID);
  return root;
}

const slug = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** What a story may add under `parameters.visualRegression`: selectors of parts its own timing changes. */
export interface VisualRegressionParameters {
  mask?: string[];
}

// Transitions (the countdown bar's one-second slide) end at once, so no screenshot catches one midway.
const NO_TRANSITIONS = '*, *::before, *::after, ::-webkit-progress-value { transition: none !important; animation: none !important; }';

// Fonts named, not left to the machine's idea of `system-ui`: Debian's DejaVu Sans (with its
// Arabic), Droid Sans Fallback for Japanese and Chinese; the kit's monospace stack ends in
// Liberation Mono. `.storybook/require-browser.ts` checks that all three are installed.
const FONTS = "body { font-family: 'DejaVu Sans', 'Droid Sans Fallback' !important; }";

afterEach(async (context: TestContext & { story?: { parameters?: { visualRegression?: VisualRegressionParameters } } }) => {
  // A story that failed already says why; its screenshots would only repeat it.
  if (context.task.result?.state === 'fail') return;
  const masked = [MASKED, ...(context.story?.parameters?.visualRegression?.mask ?? [])].join(', ');
  const style = `${masked} { visibility: hidden !important; }\n${NO_TRANSITIONS}\n${FONTS}`;
  const root = storyRoot();
  await settle(root, masked);
  for (const variant of VARIANTS) {
    await variant.apply();
    try {
      await context.expect.soft(page.getByTestId(ROOT_TEST_ID)).toMatchScreenshot(`${slug(context.task.name)}-${variant.name}`, {
        screenshotOptions: { style, animations: 'disabled', caret: 'hide' },
      });
    } finally {
      await variant.undo();
    }
  }
});
