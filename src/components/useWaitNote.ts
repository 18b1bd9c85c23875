'use client';
import { useCallback, useState } from 'react';

/**
 * @internal Feedback for a retry pressed while the server's wait forbids an earlier try: `note()`
 * records the press for the wait ending at `deadline`, and `noted` stays true while that wait is
 * the server's and goes on. A new wait, or its end, clears it.
 */
export function useWaitNote(deadline: number | undefined, serverWait: boolean): [noted: boolean, note: () => void] {
  const [notedFor, setNotedFor] = useState<number>();
  const note = useCallback(() => {
    if (serverWait) setNotedFor(deadline);
  }, [deadline, serverWait]);
  return [serverWait && deadline !== undefined && notedFor === deadline, note];
}
