import { render, renderHook, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ApiError, RetryCountdown, toApiError, useRetryCountdown, type RetryCountdownTarget } from '../../src/index.js';
import { useFakeClockPerTest } from '../support/fake-clock.js';
import { NOW } from '../support/now.js';


useFakeClockPerTest(NOW);

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function throwingProxy(): object {
  const trap = () => {
    throw new Error('trap');
  };
  return new Proxy({}, { get: trap, has: trap, getPrototypeOf: trap, ownKeys: trap, getOwnPropertyDescriptor: trap });
}

// Shaped like an ApiError (so it passes `isApiError`), with getters that throw.
function lookAlikeWithThrowingGetters(): object {
  return {
    name: 'ApiError',
    kind: 'rate_limited',
    status: 429,
    message: 'Slow down',
    get receivedAt(): number {
      throw new Error('getter');
    },
    get retryAfterMs(): number {
      throw new Error('getter');
    },
  };
}

const HOSTILE: Array<[string, () => object]> = [
  ['a revoked proxy', revokedProxy],
  ['a proxy whose every trap throws', throwingProxy],
  ['an ApiError look-alike whose getters throw', lookAlikeWithThrowingGetters],
];

describe('countdown targets that are not what they claim', () => {
  test.each(HOSTILE)('useRetryCountdown of %s is no wait', (_name, make) => {
    const { result } = renderHook(() => useRetryCountdown(make() as RetryCountdownTarget));
    expect(result.current).toEqual({ remainingMs: 0, seconds: 0, active: false, paused: false, progress: 0 });
  });

  test.each(HOSTILE)('RetryCountdown renders nothing visible for %s as result, error or until', (_name, make) => {
    const { container } = render(
      <>
        <RetryCountdown result={make() as never} />
        <RetryCountdown error={make()} />
        <RetryCountdown until={make() as never} />
      </>,
    );
    expect(container.querySelectorAll('.aek-countdown')).toHaveLength(3);
    expect(container.querySelector('.aek-countdown__text')).toBeNull();
  });
});

describe('a target rebuilt on every render', () => {
  // An error that crossed a JSON boundary (a server action, a worker, a store) and is turned back
  // into an ApiError where it is shown: a new, equal object on each render.
  const serialized = JSON.stringify(new ApiError({ status: 429, retryAfterMs: 12_000, receivedAt: NOW }));

  test('counts down without rendering in a loop', () => {
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useRetryCountdown(toApiError(JSON.parse(serialized)));
    });
    expect(result.current).toMatchObject({ seconds: 12, active: true });
    expect(renders).toBeLessThan(5);
  });

  test('as RetryCountdown error, rebuilt by its parent on every render', () => {
    function Parent() {
      return <RetryCountdown error={toApiError(JSON.parse(serialized))} />;
    }
    render(<Parent />);
    expect(screen.getByText('You can try again in 12 s')).toBeTruthy();
  });
});
