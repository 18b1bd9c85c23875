// Renders a RetryCountdown in a DOM of its own (jsdom, on this worker thread, so the other
// benchmarks keep Node's globals) and counts renders with React's Profiler.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

// jsdom ships no types; this is the part used here.
type DomWindow = Window & typeof globalThis;
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, options: { pretendToBeVisual: boolean; url: string }) => { window: DomWindow };
};

const { durationMs } = workerData as { durationMs: number };
const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', { pretendToBeVisual: true, url: 'http://localhost/' });
for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'MutationObserver', 'requestAnimationFrame', 'cancelAnimationFrame'] as const) {
  Object.defineProperty(globalThis, key, { value: dom.window[key], configurable: true, writable: true });
}

// Imported after the DOM exists, as in a browser.
const { Profiler } = await import('react');
const { createRoot } = await import('react-dom/client');
const { RetryCountdown } = await import('../../src/components/RetryCountdown.js');

const counts = { parent: 0, parentCommits: 0, countdownCommits: 0, textChanges: 0 };
const texts: string[] = [];
const until = Date.now() + durationMs;

function Parent() {
  counts.parent += 1;
  return (
    <Profiler id="countdown" onRender={() => (counts.countdownCommits += 1)}>
      <RetryCountdown until={until} />
    </Profiler>
  );
}

const container = dom.window.document.getElementById('root')!;
const observer = new dom.window.MutationObserver(() => {
  const text = container.querySelector('.aek-countdown__text')?.textContent ?? '';
  if (text !== texts.at(-1)) {
    texts.push(text);
    counts.textChanges += 1;
  }
});
observer.observe(container, { subtree: true, childList: true, characterData: true });

const root = createRoot(container);
root.render(
  <Profiler id="parent" onRender={(_id, phase) => phase === 'mount' || (counts.parentCommits += 1)}>
    <Parent />
  </Profiler>,
);
await new Promise((resolve) => setTimeout(resolve, durationMs + 1500));
root.unmount();
observer.disconnect();
parentPort!.postMessage({ ...counts, firstText: texts[0], lastText: texts.at(-1) });
