import { useEffect, useLayoutEffect } from 'react';

/**
 * @internal `useLayoutEffect` in the browser, `useEffect` where there is no document (server
 * rendering), where neither runs and React 18 warns about a layout effect. Reads no global but
 * `typeof document`, so importing it touches nothing.
 */
export const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
