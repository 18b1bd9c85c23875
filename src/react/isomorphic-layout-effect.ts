import { useEffect, useLayoutEffect } from 'react';

/**
 * @internal `useLayoutEffect` in a browser, `useEffect` where there is no `document` (server
 * rendering). A layout effect cannot run on the server, and React 18 warns each time one is
 * rendered there; neither kind of effect runs on the server, so nothing is lost.
 */
export const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
