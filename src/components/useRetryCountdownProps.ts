'use client';
import { useEffect, useId, useRef, type HTMLAttributes, type ProgressHTMLAttributes } from 'react';
import type { Messages, PartialMessages } from '../core/messages.js';
import { useMessages } from '../react/messages-context.js';
import {
  useCountdownOfWait,
  useRetryWait,
  type RetryCountdownState,
  type RetryCountdownTarget,
  type RetryingResult,
} from '../react/useRetryCountdown.js';
import { buttonProps, joinClassNames, type ButtonProps } from './button-props.js';
import type { PoliteAnnouncerProps } from './PoliteAnnouncer.js';
import { useAnnouncement } from './useAnnouncement.js';
import { useWaitSeen } from './useShownWait.js';

/** Props of `RetryCountdown` and of {@link useRetryCountdownProps}. Give one of `until`, `result` or `error`. */
export interface RetryCountdownProps {
  /** The end of the wait: epoch ms or a `Date`. Takes precedence over `result` and `error`. */
  until?: number | Date | null;
  /** A failure (anything thrown): its scheduled retry, else `receivedAt + retryAfterMs`. */
  error?: unknown;
  /** A react-query query or mutation result: its failure's schedule, and whether it is paused. */
  result?: RetryingResult | null;
  /** Called once when the wait is over (not while react-query holds the retry offline). */
  onElapsed?: () => void;
  /** Shows a "Retry now" button while waiting; called when it is pressed. */
  onRetryNow?: () => void;
  /** Texts to use instead of the provider's or the defaults. */
  messages?: PartialMessages;
  /** Added to the root element's class (`aek-countdown`). */
  className?: string;
}

/** Where a countdown stands: nothing to wait for, waiting (maybe paused), or over. */
export type RetryCountdownPhase = 'idle' | 'waiting' | 'done';

/** Class names of the countdown's parts, for styling. */
export const RETRY_COUNTDOWN_CLASS_NAMES = {
  root: 'aek-countdown',
  text: 'aek-countdown__text',
  bar: 'aek-countdown__bar',
  retryNow: 'aek-countdown__button',
  announcer: 'aek-countdown__announcer',
} as const;

/** What {@link useRetryCountdownProps} returns: state, texts, and props for each part. */
export interface RetryCountdownParts extends RetryCountdownState {
  phase: RetryCountdownPhase;
  /** Whether react-query retries by itself at the end of the wait (else the person may try again). */
  automatic: boolean;
  /** The visible text: "Retrying in 12 s", "You can try again in 12 s", "Waiting for the network", … */
  text: string;
  /** The texts in use. */
  messages: Messages;
  /** Whether to show the "Retry now" button. */
  showRetryNow: boolean;
  getRootProps: () => HTMLAttributes<HTMLDivElement> & { 'data-state': string };
  getTextProps: () => HTMLAttributes<HTMLSpanElement>;
  getProgressProps: () => ProgressHTMLAttributes<HTMLProgressElement>;
  getRetryNowProps: () => ButtonProps;
  /** Props of the polite live region: it changes twice per wait (start and end), never every second. */
  getAnnouncerProps: () => PoliteAnnouncerProps;
}

function targetOf({ until, result, error }: RetryCountdownProps): RetryCountdownTarget {
  if (until !== undefined && until !== null) return until;
  if (result) return result;
  return error === undefined || error === null ? null : { error };
}

/**
 * The behaviour of `RetryCountdown` without its markup: the countdown, its texts, the two
 * announcements (start and end of the wait), the single `onElapsed` call, and props for each
 * part. Use it to render the countdown with your own components.
 *
 * @example
 * ```tsx
 * function MyCountdown(props: RetryCountdownProps) {
 *   const countdown = useRetryCountdownProps(props);
 *   return (
 *     <div {...countdown.getRootProps()}>
 *       <span {...countdown.getTextProps()}>{countdown.text}</span>
 *       <PoliteAnnouncer {...countdown.getAnnouncerProps()} />
 *     </div>
 *   );
 * }
 * ```
 */
export function useRetryCountdownProps(props: RetryCountdownProps): RetryCountdownParts {
  const target = targetOf(props);
  const wait = useRetryWait(target);
  const { deadline, scheduled } = wait;
  const countdown = useCountdownOfWait(wait);
  const messages = useMessages(props.messages);
  const textId = useId();

  const automatic = scheduled !== undefined;
  const phase: RetryCountdownPhase = countdown.active ? 'waiting' : deadline === undefined ? 'idle' : 'done';
  const waitingText = automatic ? messages.retryingIn(countdown.seconds) : messages.canRetryIn(countdown.seconds);
  const doneText = automatic ? messages.retryingNow : messages.canRetryNow;
  const text = countdown.paused ? messages.waitingForNetwork : phase === 'waiting' ? waitingText : phase === 'done' ? doneText : '';

  const [announcement, announce] = useAnnouncement();
  const latest = useRef({ text, onElapsed: props.onElapsed });
  latest.current = { text, onElapsed: props.onElapsed };
  // A wait that was already over when it was first seen is not announced, but still elapses.
  const seen = useWaitSeen(deadline, phase === 'waiting');
  // The wait whose start and whose end were last handled: each is announced once, and elapses once.
  const handled = useRef<{ started: number | undefined; ended: number | undefined }>({ started: undefined, ended: undefined });

  useEffect(() => {
    if (phase === 'waiting' && handled.current.started !== deadline) {
      handled.current = { started: deadline, ended: undefined };
      announce(latest.current.text);
    } else if (phase === 'done' && handled.current.ended !== deadline) {
      handled.current = { started: deadline, ended: deadline };
      if (seen) announce(latest.current.text);
      latest.current.onElapsed?.();
    }
  }, [deadline, phase, seen, announce]);

  const showRetryNow = props.onRetryNow !== undefined && phase === 'waiting';
  const state = countdown.paused ? 'paused' : phase;

  return {
    ...countdown,
    phase,
    automatic,
    text,
    messages,
    showRetryNow,
    getRootProps: () => ({ className: joinClassNames(RETRY_COUNTDOWN_CLASS_NAMES.root, props.className), 'data-state': state }),
    getTextProps: () => ({ id: textId, className: RETRY_COUNTDOWN_CLASS_NAMES.text }),
    getProgressProps: () => ({
      className: RETRY_COUNTDOWN_CLASS_NAMES.bar,
      'aria-label': messages.waitProgress,
      'aria-describedby': textId,
      max: 1,
      value: countdown.progress,
    }),
    getRetryNowProps: () => buttonProps(messages.retryNow, RETRY_COUNTDOWN_CLASS_NAMES.retryNow, () => props.onRetryNow?.()),
    getAnnouncerProps: () => ({ message: announcement, visuallyHidden: true, className: RETRY_COUNTDOWN_CLASS_NAMES.announcer }),
  };
}
