'use client';
import { useCallback, useRef, type FocusEvent } from 'react';
import { useIsomorphicLayoutEffect } from '../react/isomorphic-layout-effect.js';

/** Props for a region that keeps focus inside it when the control that had it goes away (the banner's root spreads them). */
export interface KeptFocus {
  /** The region's element. */
  ref: (element: HTMLElement | null) => void;
  /** Notes what was focused inside the region. */
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  /** Forgets it when focus leaves for something the person chose. */
  onBlur: (event: FocusEvent<HTMLElement>) => void;
  /** `-1`: the region itself can take focus when no control of it can. */
  tabIndex: -1;
}

const isGone = (element: HTMLElement, root: HTMLElement) =>
  !root.contains(element) || (element as HTMLButtonElement).disabled === true;

/**
 * @internal Keeps focus inside a region whose controls come and go: when the element that had
 * focus is removed or disabled by a render (focus would fall to the document), focus moves to
 * the first enabled control matching `fallback`, else to the region itself. It never takes focus
 * that was not inside the region.
 */
export function useKeptFocus(fallback: string): KeptFocus {
  const root = useRef<HTMLElement | null>(null);
  const focused = useRef<HTMLElement | null>(null);
  const ref = useCallback((element: HTMLElement | null) => {
    root.current = element;
  }, []);
  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    focused.current = event.target;
  }, []);
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    // Focus going elsewhere on purpose: from a control still in place, or to another element.
    if (event.relatedTarget !== null || (root.current && !isGone(event.target, root.current))) focused.current = null;
  }, []);

  // After every render: that is when a control can have been removed or disabled.
  useIsomorphicLayoutEffect(() => {
    const region = root.current;
    const last = focused.current;
    if (!region || !last || !isGone(last, region)) return;
    const active = region.ownerDocument.activeElement;
    // Focus already went somewhere the person can use (not the document, not the lost control).
    if (active !== null && active !== last && active !== region.ownerDocument.body) return;
    const next = [...region.querySelectorAll<HTMLButtonElement>(fallback)].find((button) => !button.disabled) ?? region;
    focused.current = next;
    next.focus();
  });

  return { ref, onFocus, onBlur, tabIndex: -1 };
}
