import { useSyncExternalStore } from 'react';
import type { LoggedRequest, RequestLog as Log } from './mocks/request-log.js';

/** Props of {@link RequestLog}. */
export interface RequestLogProps {
  /** The log the mocked API writes to. */
  log: Log;
  /** The table's caption, also its accessible name. @default "Requests" */
  caption?: string;
}

const clock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
});

function gap(entry: LoggedRequest, previous: LoggedRequest | undefined): string {
  if (!previous) return '';
  return `+${((entry.at - previous.at) / 1000).toFixed(2)} s`;
}

function statusClass(status: number): string {
  if (status >= 500) return 'story-log__status story-log__status--server';
  if (status >= 400) return 'story-log__status story-log__status--client';
  return 'story-log__status story-log__status--ok';
}

/**
 * The requests the mocked API answered, newest last: when each arrived (and how long after the
 * one before, so the backoff and the waits are visible), method, path, status and support ID.
 * A request held at the rate-limit gate is not here: it never left the client.
 */
export function RequestLog({ log, caption = 'Requests' }: RequestLogProps) {
  const entries = useSyncExternalStore(log.subscribe, log.entries, log.entries);
  return (
    <table className="story-log">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Gap</th>
          <th scope="col">Request</th>
          <th scope="col">Status</th>
          <th scope="col">Support ID</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 ? (
          <tr>
            <td colSpan={6}>No request yet.</td>
          </tr>
        ) : (
          entries.map((entry, index) => (
            <tr key={entry.id} data-status={entry.status}>
              <td>{clock.format(entry.at)}</td>
              <td>{gap(entry, entries[index - 1])}</td>
              <td>
                {entry.method} {entry.path}
              </td>
              <td className={statusClass(entry.status)}>{entry.status}</td>
              <td>{entry.supportId ? <code>{entry.supportId}</code> : '—'}</td>
              <td>{entry.note ?? ''}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
