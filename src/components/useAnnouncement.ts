'use client';
import { useCallback, useEffect, useRef, useState } from 'react';

/** How long after it is asked for an announcement goes into the live region. */
export const ANNOUNCE_AFTER_MS = 100;
/** How long it stays there before the region is emptied. */
export const ANNOUNCEMENT_SHOWN_MS = 1000;

/**
 * @internal A polite announcement for a {@link PoliteAnnouncer}: `announce(text)` puts `text` in
 * the region a moment later (screen readers read a region's changes, not what it held when it
 * appeared) and empties it a second after. So the text is on the page only while it is read: no
 * stale copy for a screen reader to come across later, and no second copy of the visible text
 * for a text query to find.
 */
export function useAnnouncement(): [message: string, announce: (text: string) => void] {
  const [message, setMessage] = useState('');
  const timers = useRef<Array<ReturnType<typeof setTimeout>>>([]);
  // Asked for and not yet in the region: survives an effect's cleanup and re-run (StrictMode).
  const pending = useRef<string | undefined>(undefined);
  const cancel = useCallback(() => {
    for (const timer of timers.current) clearTimeout(timer);
    timers.current = [];
  }, []);
  const schedule = useCallback(() => {
    cancel();
    const text = pending.current;
    if (text === undefined) return;
    timers.current = [
      setTimeout(() => {
        pending.current = undefined;
        setMessage(text);
      }, ANNOUNCE_AFTER_MS),
      setTimeout(() => setMessage(''), ANNOUNCE_AFTER_MS + ANNOUNCEMENT_SHOWN_MS),
    ];
  }, [cancel]);
  useEffect(() => {
    schedule();
    return cancel;
  }, [schedule, cancel]);
  const announce = useCallback(
    (text: string) => {
      pending.current = text;
      schedule();
    },
    [schedule],
  );
  return [message, announce];
}
