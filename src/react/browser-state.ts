'use client';
import { focusManager, onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

const subscribeOnline = (listener: () => void) => onlineManager.subscribe(listener);
const readOnline = () => onlineManager.isOnline();
const subscribeFocus = (listener: () => void) => focusManager.subscribe(listener);
const readFocus = () => focusManager.isFocused();
const onServer = () => true;

/** @internal Whether react-query thinks the browser is online; re-renders when that changes. */
export function useIsOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, readOnline, onServer);
}

/** @internal Whether react-query thinks the tab is visible; re-renders when that changes. */
export function useIsFocused(): boolean {
  return useSyncExternalStore(subscribeFocus, readFocus, onServer);
}
