'use client';
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { defaultMessages, mergeMessages, type Messages, type PartialMessages } from '../core/texts/messages.js';

/** The partial messages given by the nearest {@link MessagesProvider}. */
const MessagesContext = createContext<PartialMessages | undefined>(undefined);

/** Props of {@link MessagesProvider}. */
export interface MessagesProviderProps {
  /** Texts to use instead of the defaults (or of an outer provider's), deep-merged. */
  messages: PartialMessages | undefined;
  /** The part of the app that uses the kit. */
  children?: ReactNode;
}

/**
 * Sets the components' texts for everything inside it, deep-merged over an outer provider's.
 * `ApiKitProvider`'s `messages` does the same; use this one where the kit's provider is not.
 *
 * @example
 * ```tsx
 * <MessagesProvider messages={{ tryAgain: 'Erneut versuchen' }}>
 *   <ApiErrorBanner error={error} />
 * </MessagesProvider>
 * ```
 */
export function MessagesProvider({ messages, children }: MessagesProviderProps) {
  const outer = useContext(MessagesContext);
  const value = useMemo(
    () => (outer && messages ? mergeMessages(defaultMessages, outer, messages) : (messages ?? outer)),
    [outer, messages],
  );
  return createElement(MessagesContext.Provider, { value }, children);
}

/**
 * The texts to show: {@link defaultMessages}, overridden by the nearest provider's `messages`,
 * overridden by `override` (a component's `messages` prop). Works without any provider.
 *
 * @example
 * ```tsx
 * function RetryButton({ onClick, messages }: { onClick: () => void; messages?: PartialMessages }) {
 *   const texts = useMessages(messages);
 *   return <button type="button" onClick={onClick}>{texts.tryAgain}</button>;
 * }
 * ```
 */
export function useMessages(override?: PartialMessages): Messages {
  const fromProvider = useContext(MessagesContext);
  return useMemo(() => mergeMessages(defaultMessages, fromProvider, override), [fromProvider, override]);
}
