'use client';
import { PoliteAnnouncer } from './PoliteAnnouncer.js';
import { useRetryCountdownProps, type RetryCountdownProps } from './useRetryCountdownProps.js';

/**
 * A countdown to the next try, one text per phase: "Retrying in 12 s" while react-query will
 * retry by itself, "Retrying now" once that retry runs, "We'll keep trying · next try in 20 s"
 * while the client waits for the service to answer its probe, "Waiting for the network" (or for
 * the tab) while the retry is held, "You can try again in 12 s" when the person has to (at a clock
 * time, "You can try again at 11:15", for a wait beyond the automatic-retry cap), then "You can
 * try again now". While seconds are counted it shows a progress bar, whose value text is the
 * visible text, and, with `onRetryNow`, a "Retry now" button ("Try now" while probing); pressed
 * while the server's own wait forbids an earlier try, the button says so.
 *
 * The visible text changes once a second and re-renders only this component; screen readers
 * hear it twice per wait, at its start and at its end, through a separate polite live region
 * that holds the text only for about a second, while it is read.
 * `onElapsed` is called once, when the wait is over. Renders no visible content when there is
 * nothing to wait for.
 *
 * Parts carry the classes `aek-countdown`, `aek-countdown__text`, `aek-countdown__bar`,
 * `aek-countdown__button` and `aek-countdown__announcer`; the root has `data-state`
 * (`idle`, `waiting`, `paused` or `done`).
 *
 * @example
 * ```tsx
 * const orders = useApiQuery({ queryKey: ['orders'], path: 'orders' });
 * <RetryCountdown result={orders} onRetryNow={orders.retryNow} />
 * <RetryCountdown until={Date.now() + 30_000} onElapsed={() => setCanSend(true)} />
 * ```
 */
export function RetryCountdown(props: RetryCountdownProps) {
  const countdown = useRetryCountdownProps(props);
  return (
    <div {...countdown.getRootProps()}>
      {countdown.phase !== 'idle' && (
        <>
          <span {...countdown.getTextProps()}>{countdown.text}</span>
          {countdown.showProgress && (
            <>
              {' '}
              {/* Keyed by the wait: a new wait's bar starts empty instead of running back from the last one's end. */}
              <progress key={countdown.deadline} {...countdown.getProgressProps()} />
            </>
          )}
          {countdown.showRetryNow && (
            <>
              {' '}
              <button {...countdown.getRetryNowProps()} />
            </>
          )}
        </>
      )}
      {props.onRetryNow !== undefined && <PoliteAnnouncer {...countdown.getNoteProps()} />}
      <PoliteAnnouncer {...countdown.getAnnouncerProps()} />
    </div>
  );
}
