'use client';
import { useEffect, useRef, type HTMLAttributes, type ProgressHTMLAttributes } from 'react';
import type { Messages, PartialMessages } from '../core/texts/messages.js';
import { DEFAULT_RETRY_POLICY } from '../core/retry/retry-policy.js';
import { useMessages } from '../react/messages-context.js';
import {
  useCountdownOfWait,
  useRetryWait,
  type ResolvedTarget,
  type RetryCountdownState,
  type RetryCountdownTarget,
  type RetryingResult,
} from '../react/useRetryCountdown.js';
import type { RetryHold } from '../react/browser-state.js';
import { buttonProps, joinClassNames, type ButtonProps } from './button-props.js';
import type { PoliteAnnouncerProps } from './PoliteAnnouncer.js';
import { useAnnouncement } from './useAnnouncement.js';
import { useWaitSeen } from './useShownWait.js';
import { useWaitNote } from './useWaitNote.js';

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
  /**
   * Shows a "Retry now" button while waiting ("Try now" while the client waits for the service);
   * called when it is pressed. Pressed while the server's own wait forbids an earlier try, it
   * also says so: the try then goes at the server's time.
   */
  onRetryNow?: () => void;
  /** Texts to use instead of the provider's or the defaults. */
  messages?: PartialMessages;
  /** Added to the root element's class (`aek-countdown`). */
  className?: string;
}

/** Where a countdown stands: nothing to wait for, waiting (maybe paused), or over. */
export type RetryCountdownPhase = 'idle' | 'waiting' | 'done';

/**
 * What the countdown shows, one text each:
 * - `retry-wait`: an automatic retry is scheduled ("Retrying in 12 s");
 * - `probe-wait`: the client waits for the service to answer its probe ("We'll keep trying · next try in 20 s");
 * - `held`: react-query holds the retry for the network or the tab ("Waiting for the network");
 * - `retrying`: the automatic retry's wait is over and it runs ("Retrying now");
 * - `wait`: the person may try again after the wait ("You can try again in 12 s", or at a clock
 *   time for a wait beyond the automatic-retry cap);
 * - `ready`: that wait is over ("You can try again now");
 * - `idle`: nothing to wait for.
 */
export type RetryCountdownFrame = 'idle' | 'retry-wait' | 'probe-wait' | 'held' | 'retrying' | 'wait' | 'ready';

/** Class names of the countdown's parts, for styling. */
export const RETRY_COUNTDOWN_CLASS_NAMES = {
  root: 'aek-countdown',
  text: 'aek-countdown__text',
  bar: 'aek-countdown__bar',
  retryNow: 'aek-countdown__button',
  announcer: 'aek-countdown__announcer',
  note: 'aek-countdown__note',
} as const;

/** What {@link useRetryCountdownProps} returns: state, texts, and props for each part. */
export interface RetryCountdownParts extends RetryCountdownState {
  /** Where the countdown stands: nothing to wait for, waiting (maybe paused), or over. */
  phase: RetryCountdownPhase;
  /** What it shows (see {@link RetryCountdownFrame}). */
  frame: RetryCountdownFrame;
  /** When the wait ends (epoch ms), if there is one; a new value is a new wait. */
  deadline: number | undefined;
  /** Whether react-query retries by itself at the end of the wait (else the person may try again). */
  automatic: boolean;
  /** The visible text: "Retrying in 12 s", "You can try again in 12 s", "Waiting for the network", … */
  text: string;
  /** The texts in use. */
  messages: Messages;
  /** Whether to show the "Retry now" button. */
  showRetryNow: boolean;
  /** Whether to show the progress bar: while seconds are counted. */
  showProgress: boolean;
  /** The root element: its classes, `data-state` (`idle`, `waiting`, `paused` or `done`) and `data-frame` (the {@link RetryCountdownFrame}). */
  getRootProps: () => HTMLAttributes<HTMLDivElement> & { 'data-state': string; 'data-frame': RetryCountdownFrame };
  /** The visible text. */
  getTextProps: () => HTMLAttributes<HTMLSpanElement>;
  /**
   * The progress bar, from 0 to 1, named "Time left before the next try", with the visible text as
   * its value text. Render it with `key={deadline}`: a new wait gets a new bar, which starts empty
   * rather than running back from the last wait's end.
   */
  getProgressProps: () => ProgressHTMLAttributes<HTMLProgressElement>;
  /** A polite status, empty until a retry pressed during the server's wait says the try goes at its time. */
  getNoteProps: () => PoliteAnnouncerProps;
  /** The "Retry now" button. */
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
  const { deadline, start, scheduled } = wait;
  const { heldBy, ...countdown } = useCountdownOfWait(wait);
  const messages = useMessages(props.messages);
  const frame = countdownFrame(wait, countdown.active, heldBy);
  const phase: RetryCountdownPhase = countdown.active ? 'waiting' : deadline === undefined ? 'idle' : 'done';
  const text = frameText(frame, messages, countdown.seconds, heldBy, deadline, start);
  const counting = frame === 'retry-wait' || frame === 'probe-wait' || frame === 'wait';

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

  // A wait the server asked for (scheduled or left to the person) cannot be cut short.
  const serverWait = counting && (scheduled === undefined || scheduled.serverGiven);
  const [noted, note] = useWaitNote(deadline, serverWait);
  const showRetryNow = props.onRetryNow !== undefined && phase === 'waiting';
  const state = countdown.paused ? 'paused' : phase;

  return {
    ...countdown,
    phase,
    frame,
    deadline,
    automatic: scheduled !== undefined,
    text,
    messages,
    showRetryNow,
    showProgress: counting && !isLongWait(frame, deadline, start),
    getRootProps: () => ({
      className: joinClassNames(RETRY_COUNTDOWN_CLASS_NAMES.root, props.className),
      'data-state': state,
      'data-frame': frame,
    }),
    getTextProps: () => ({ className: RETRY_COUNTDOWN_CLASS_NAMES.text }),
    getProgressProps: () => ({
      className: RETRY_COUNTDOWN_CLASS_NAMES.bar,
      'aria-label': messages.waitProgress,
      'aria-valuetext': text,
      max: 1,
      value: countdown.progress,
    }),
    getRetryNowProps: () =>
      buttonProps(frame === 'probe-wait' ? messages.tryNow : messages.retryNow, RETRY_COUNTDOWN_CLASS_NAMES.retryNow, () => {
        props.onRetryNow?.();
        note();
      }),
    getNoteProps: () => ({ message: noted ? messages.waitRequested : '', className: RETRY_COUNTDOWN_CLASS_NAMES.note }),
    getAnnouncerProps: () => ({ message: announcement, visuallyHidden: true, className: RETRY_COUNTDOWN_CLASS_NAMES.announcer }),
  };
}

/** @internal What a countdown shows, from its wait and its state (see {@link RetryCountdownFrame}). */
export function countdownFrame(wait: ResolvedTarget, active: boolean, heldBy: RetryHold | undefined): RetryCountdownFrame {
  if (heldBy !== undefined) return 'held';
  if (wait.deadline === undefined) return 'idle';
  if (wait.scheduled === undefined) return active ? 'wait' : 'ready';
  if (!active) return 'retrying';
  return wait.scheduled.waitingForService ? 'probe-wait' : 'retry-wait';
}

// A wait the person is left with that is longer than an automatic retry would wait: counted in
// seconds it would read "3600 s", so it is told as a clock time.
function isLongWait(frame: RetryCountdownFrame, deadline: number | undefined, start: number | undefined): boolean {
  // A time past what a `Date` holds stays in seconds rather than breaking the render.
  const shown = deadline !== undefined && Number.isFinite(new Date(deadline).getTime());
  return frame === 'wait' && shown && deadline - (start ?? Date.now()) > DEFAULT_RETRY_POLICY.maxServerWaitMs;
}

function frameText(
  frame: RetryCountdownFrame,
  messages: Messages,
  seconds: number,
  heldBy: RetryHold | undefined,
  deadline: number | undefined,
  start: number | undefined,
): string {
  switch (frame) {
    case 'held':
      return heldBy === 'tab' ? messages.waitingForTab : messages.waitingForNetwork;
    case 'retry-wait':
      return messages.retryingIn(seconds);
    case 'probe-wait':
      return messages.probingIn(seconds);
    case 'retrying':
      return messages.retryingNow;
    case 'wait':
      return isLongWait(frame, deadline, start) ? messages.canRetryAt(new Date(deadline!)) : messages.canRetryIn(seconds);
    case 'ready':
      return messages.canRetryNow;
    default:
      return '';
  }
}
