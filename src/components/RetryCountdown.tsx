'use client';
import { PoliteAnnouncer } from './PoliteAnnouncer.js';
import { useRetryCountdownProps, type RetryCountdownProps } from './useRetryCountdownProps.js';

/**
 * A countdown to the next try: "Retrying in 12 s" while react-query will retry by itself, "You
 * can try again in 12 s" when the person has to, "Waiting for the network" while the retry is
 * held offline. It shows a progress bar and, with `onRetryNow`, a "Retry now" button.
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
          <span {...countdown.getTextProps()}>{countdown.text}</span>{' '}
          <progress {...countdown.getProgressProps()} />
          {countdown.showRetryNow && (
            <>
              {' '}
              <button {...countdown.getRetryNowProps()} />
            </>
          )}
        </>
      )}
      <PoliteAnnouncer {...countdown.getAnnouncerProps()} />
    </div>
  );
}
