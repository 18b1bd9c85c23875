import { format } from 'node:util';
import { expect, vi } from 'vitest';

/**
 * Runs `act` with `console[method]` captured instead of printed, and returns what it would have
 * printed, one formatted string per call. For tests whose subject makes the console speak: they
 * assert what was said, so an unexpected line still fails them.
 */
export function captureConsole<T>(method: 'error' | 'warn', act: () => T): { result: T; printed: string[] } {
  const spy = vi.spyOn(console, method).mockImplementation(() => undefined);
  try {
    const result = act();
    return { result, printed: spy.mock.calls.map((args) => format(...args)) };
  } finally {
    spy.mockRestore();
  }
}

/** {@link captureConsole} for an `act` that runs until a promise settles. */
export async function captureConsoleAsync<T>(method: 'error' | 'warn', act: () => Promise<T>): Promise<{ result: T; printed: string[] }> {
  const spy = vi.spyOn(console, method).mockImplementation(() => undefined);
  try {
    const result = await act();
    return { result, printed: spy.mock.calls.map((args) => format(...args)) };
  } finally {
    spy.mockRestore();
  }
}

/**
 * Runs `act` and checks that React reported nothing but the error `reported()` names: React 18
 * dispatches an error it catches or rethrows as an uncaught error event on the window (which jsdom
 * would print) and logs "The above error occurred in …"; React 19 logs less or nothing.
 */
async function expectReportsOnlyOf(act: () => unknown, reported: () => Error): Promise<void> {
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent) => {
    event.preventDefault();
    uncaught.push(event.error);
  };
  window.addEventListener('error', onError);
  try {
    const { printed } = await captureConsoleAsync('error', async () => void (await act()));
    const { message } = reported();
    expect(printed.filter((line) => !line.includes(message) && !/The above error occurred in the <\w+> component/.test(line))).toEqual([]);
    expect(uncaught.filter((error) => (error as Error | undefined)?.message !== message)).toEqual([]);
  } finally {
    window.removeEventListener('error', onError);
  }
}

/** Runs `act`, in which an error boundary catches `caught`; React may report `caught`, nothing else. */
export function expectBoundaryReports(caught: Error, act: () => Promise<void>): Promise<void> {
  return expectReportsOnlyOf(act, () => caught);
}

/** Expects rendering to throw `message`; React may report that error, nothing else. */
export async function expectRenderToThrow(render: () => unknown, message: RegExp): Promise<void> {
  let thrown: unknown;
  const attempt = () => {
    try {
      render();
    } catch (error) {
      thrown = error;
    }
  };
  await expectReportsOnlyOf(attempt, () => {
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(message);
    return thrown as Error;
  });
}
