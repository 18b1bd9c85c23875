'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from '../react/isomorphic-layout-effect.js';

/** Where a copy stands: nothing yet, done (for about two seconds), or refused (the text is selected instead). */
export type CopyStatus = 'idle' | 'copied' | 'failed';

/** A copy state: what `useCopyToClipboard` returns, and what `ApiErrorDetailsProps.clipboard` shares with a banner. */
export interface CopyToClipboard<Target extends string> {
  /** The state of the latest copy. */
  status: CopyStatus;
  /** Which text the latest copy was of. */
  target: Target | undefined;
  /** The text of the latest copy. */
  text: string;
  /** Copies `text` with the Clipboard API; `target` names it, so each button can show its own state. */
  copy: (target: Target, text: string) => Promise<void>;
  /** A ref for the element holding the text: when copying fails, its contents are selected. */
  fallbackRef: (element: HTMLElement | null) => void;
}

interface CopyState<Target> {
  status: CopyStatus;
  target: Target | undefined;
  text: string;
  /** Bumped on each failure, so selecting happens again for a second failed attempt. */
  attempt: number;
}

/** How long "Copied" stays, in ms. */
export const COPIED_DURATION_MS = 2000;

function selectContents(element: HTMLElement): void {
  const selection = element.ownerDocument.defaultView?.getSelection();
  selection?.selectAllChildren(element);
}

/**
 * Copying text with the Clipboard API, with a fallback for where it is missing (an insecure
 * origin, an old browser) or refused (permissions): the element behind `fallbackRef` gets its
 * text selected, ready for Ctrl+C, and `status` becomes `'failed'` so the UI can say so.
 * After a success, `status` is `'copied'` for `resetAfterMs`.
 *
 * @example
 * ```tsx
 * const { copy, status, fallbackRef } = useCopyToClipboard<'id'>();
 * <code ref={fallbackRef}>{id}</code>
 * <button type="button" onClick={() => copy('id', id)}>Copy</button>
 * ```
 */
export function useCopyToClipboard<Target extends string>(resetAfterMs = COPIED_DURATION_MS): CopyToClipboard<Target> {
  const [state, setState] = useState<CopyState<Target>>({ status: 'idle', target: undefined, text: '', attempt: 0 });
  const fallbackElement = useRef<HTMLElement | null>(null);
  const fallbackRef = useCallback((element: HTMLElement | null) => {
    fallbackElement.current = element;
  }, []);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  const copy = useCallback(
    async (target: Target, text: string) => {
      clearTimeout(timer.current);
      try {
        // Where the Clipboard API is missing (no `navigator`, no `clipboard`), this throws too.
        await navigator.clipboard.writeText(text);
        if (!mounted.current) return;
        setState((previous) => ({ status: 'copied', target, text, attempt: previous.attempt }));
        timer.current = setTimeout(() => {
          setState((previous) => ({ ...previous, status: 'idle' }));
        }, resetAfterMs);
      } catch {
        if (!mounted.current) return;
        setState((previous) => ({ status: 'failed', target, text, attempt: previous.attempt + 1 }));
      }
    },
    [resetAfterMs],
  );

  // After the failed state is rendered, so an element that only shows then can be selected.
  useIsomorphicLayoutEffect(() => {
    if (state.status === 'failed' && fallbackElement.current) selectContents(fallbackElement.current);
  }, [state.status, state.attempt]);

  return { status: state.status, target: state.target, text: state.text, copy, fallbackRef };
}
