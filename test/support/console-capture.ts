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
 * Runs `act`, in which an error boundary catches `caught`, and checks what React reported of it:
 * React 18 dispatches it as an uncaught error event on the window (which jsdom would print) and
 * logs it; React 19 logs it. Nothing else may be reported.
 */
export async function expectBoundaryReports(caught: Error, act: () => Promise<void>): Promise<void> {
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent) => {
    event.preventDefault();
    uncaught.push(event.error);
  };
  window.addEventListener('error', onError);
  try {
    const { printed } = await captureConsoleAsync('error', act);
    expect(printed.filter((line) => !line.includes(caught.message) && !/The above error occurred in the <\w+> component/.test(line))).toEqual([]);
    expect(uncaught.filter((error) => error !== caught)).toEqual([]);
  } finally {
    window.removeEventListener('error', onError);
  }
}

/**
 * Expects rendering to throw `message`. React 18 also reports the error it rethrows: as an
 * uncaught error event on the window (which jsdom would print) and with "The above error occurred
 * in …" on the console; React 19 does neither. Either way, nothing else may be reported.
 */
export function expectRenderToThrow(render: () => unknown, message: RegExp): void {
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent) => {
    event.preventDefault();
    uncaught.push(event.error);
  };
  window.addEventListener('error', onError);
  try {
    let thrown: unknown;
    const { printed } = captureConsole('error', () => {
      try {
        render();
      } catch (error) {
        thrown = error;
      }
    });
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(message);
    const text = (thrown as Error).message;
    expect(printed.filter((line) => !line.includes(text) && !/^The above error occurred in the <\w+> component/.test(line))).toEqual([]);
    expect(uncaught.filter((error) => error !== thrown && (error as Error | undefined)?.message !== text)).toEqual([]);
  } finally {
    window.removeEventListener('error', onError);
  }
}
