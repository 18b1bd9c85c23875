import { describe, expect, it, vi } from 'vitest';
import { setup, outage, refuseWave } from './support.js';

describe('createRecovery: the server-given wait', () => {
  it('lets each retry of a wave the server refused whole go at its own time, not at the latest of theirs', async () => {
    const { recovery, gate } = setup();
    refuseWave(recovery);
    expect(gate!.snapshot().closedUntil).toBe(1100);
    await vi.advanceTimersByTimeAsync(900);
    // At 1000 the gate is closed for /b's refusal, but /a's own time has come.
    expect(recovery.tryAcquire(() => 'GET /fresh')).toBeUndefined();
    const retry = recovery.tryAcquire(() => 'GET /a');
    expect(retry).toBeTypeOf('function');
    // Refused again: now everyone waits for the gate, /b included.
    recovery.answered({ ok: false, status: 429 }, 'GET /a', 1000, undefined);
    retry!('refused');
    await vi.advanceTimersByTimeAsync(100);
    expect(recovery.tryAcquire(() => 'GET /b')).toBeUndefined();
  });

  it('holds every retry until the latest closing when the server let others through just before', async () => {
    const { recovery } = setup();
    const ok = recovery.tryAcquire(() => 'GET /ok')!;
    recovery.answered({ ok: true, status: 200 }, 'GET /ok', undefined, undefined);
    ok('answered');
    refuseWave(recovery);
    await vi.advanceTimersByTimeAsync(900);
    expect(recovery.tryAcquire(() => 'GET /a')).toBeUndefined();
  });

  it('holds nobody for a request whose wait is too long to be retried automatically', async () => {
    const { recovery } = setup();
    const place = recovery.tryAcquire(() => 'GET /long')!;
    recovery.answered({ ok: false, status: 429 }, 'GET /long', 600_000, undefined);
    place('refused');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(recovery.tryAcquire(() => 'GET /fresh')).toBeTypeOf('function');
  });

});

describe('createRecovery: a refusal amid successes', () => {
  it('holds nobody else while fewer than half of the latest answers were refusals, and everyone once they are', () => {
    const { recovery, gate } = setup();
    for (let index = 0; index < 6; index += 1) {
      const place = recovery.tryAcquire(() => `GET /ok/${index}`)!;
      recovery.answered({ ok: true, status: 200 }, `GET /ok/${index}`, undefined, undefined);
      place('answered');
    }
    const refusedKeys = Array.from({ length: 6 }, (_, index) => `GET /search/${index}`);
    const places = refusedKeys.map((key) => recovery.tryAcquire(() => key));
    // One refusal among six successes: evidence about the search it refused, not about the client.
    recovery.answered({ ok: false, status: 429 }, refusedKeys[0]!, 1000, undefined);
    places[0]!('refused');
    expect(gate!.snapshot().closedUntil).toBeNull();
    expect(recovery.tryAcquire(() => 'GET /other')).toBeTypeOf('function');
    // Refusals pile up to half of the latest answers: a limit the client shares.
    for (const [index, key] of refusedKeys.slice(1).entries()) {
      recovery.answered({ ok: false, status: 429 }, key, 1000, undefined);
      places[index + 1]!('refused');
    }
    expect(gate!.snapshot().closedUntil).toBe(1000);
  });

  it('does not weigh the refusals of retries: a run of them amid successes holds nobody else, a run of fresh refusals everyone', () => {
    const { recovery, gate } = setup();
    const answer = (key: string, refused: boolean) => {
      const place = recovery.tryAcquire(() => key)!;
      recovery.answered({ ok: !refused, status: refused ? 429 : 200 }, key, refused ? 1000 : undefined, undefined);
      place(refused ? 'refused' : 'answered');
    };
    for (let index = 0; index < 8; index += 1) answer(`GET /items/ok${index}`, false);
    // Eight queries fail once (the ones left on a page that keep failing), and their retries are
    // refused in a row: a service that refuses some requests at random.
    const failing = Array.from({ length: 8 }, (_, index) => `GET /items/f${index}`);
    for (const key of failing) {
      const place = recovery.tryAcquire(() => key)!;
      recovery.failed(outage(key), key);
      place(outage(key));
    }
    for (const key of failing) answer(key, true);
    expect(gate!.snapshot().closedUntil).toBeNull();
    // Fresh requests refused as often: a limit the client shares.
    for (let index = 0; index < 8; index += 1) answer(`GET /items/new${index}`, true);
    expect(gate!.snapshot().closedUntil).toBe(1000);
  });
});
