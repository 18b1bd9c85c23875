/** One request the mocked API answered, as the request log beside a live story shows it. */
export interface LoggedRequest {
  id: number;
  at: number;
  method: string;
  path: string;
  status: number;
  supportId: string | undefined;
  note?: string;
}

/** A small subscribable log of mocked requests, read with `useSyncExternalStore`. */
export interface RequestLog {
  add(entry: Omit<LoggedRequest, 'id' | 'at'>): void;
  entries(): readonly LoggedRequest[];
  subscribe(listener: () => void): () => void;
  clear(): void;
}

/** Creates a {@link RequestLog}. */
export function createRequestLog(): RequestLog {
  let entries: readonly LoggedRequest[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  return {
    add(entry) {
      entries = [...entries, { ...entry, id: nextId++, at: Date.now() }];
      emit();
    },
    entries: () => entries,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      entries = [];
      emit();
    },
  };
}
