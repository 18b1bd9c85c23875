import { clockTimeOptions } from './clock-time.js';
import { API_ERROR_KINDS, KIND_DESCRIPTIONS, type ApiErrorKind } from '../errors/kinds.js';

/** The title and the sentence the banner shows for one {@link ApiErrorKind}. */
export interface KindMessages {
  /** A short heading, such as "Too many requests". */
  title: string;
  /** One or two friendly sentences saying what happened and what the person can do. */
  description: string;
}

/**
 * Every text the components show. One `{ title, description }` per error kind, plus the texts of
 * the support ID, the countdown and the buttons. Texts that hold a value are functions, so a
 * translation controls word order, plurals and number formatting (through `Intl`).
 *
 * Translate or reword any part of it with a partial object ({@link PartialMessages}) given to the
 * provider's `messages` or a component's `messages` prop; it is deep-merged over
 * {@link defaultMessages}.
 */
export interface Messages extends Record<ApiErrorKind, KindMessages> {
  /**
   * Shown instead of `unavailable`'s texts when the server said it is maintenance: a 503 with a
   * wait (`Retry-After`), or a message that speaks of maintenance. @default "Service in maintenance"
   */
  maintenance: KindMessages;
  /** The support ID's label. @default "Support ID" */
  supportIdLabel: string;
  /** The Cloudflare Ray ID's label. @default "Ray ID" */
  rayIdLabel: string;
  /** The accessible name of the button that copies the support ID. @default "Copy support ID" */
  copySupportId: string;
  /** Shown (and announced politely) for about two seconds after a successful copy. @default "Copied" */
  copied: string;
  /** Shown when copying was refused or is not available: the text is selected instead. */
  copyFallbackHint: string;
  /** Until when support can look the ID up; `date` is the end of the week support keeps it. */
  supportIdValidUntil: (date: Date) => string;
  /** Countdown text while an automatic retry is scheduled, `seconds` rounded up. @default "Retrying in 12 s" */
  retryingIn: (seconds: number) => string;
  /** Countdown text when nothing retries by itself, `seconds` rounded up. @default "You can try again in 12 s" */
  canRetryIn: (seconds: number) => string;
  /** Said when the wait of an automatic retry is over. @default "Retrying now" */
  retryingNow: string;
  /** Said when the person may try again. @default "You can try again now" */
  canRetryNow: string;
  /** Countdown text while react-query holds the retry (offline). @default "Waiting for the network" */
  waitingForNetwork: string;
  /** Countdown text while react-query holds a due retry until the tab is shown again. @default "Paused while this tab is hidden" */
  waitingForTab: string;
  /**
   * Countdown text while the client waits for the service to answer a probe again, `seconds` to
   * the next probe rounded up. @default "We'll keep trying · next try in 20 s"
   */
  probingIn: (seconds: number) => string;
  /**
   * Countdown text for a wait too long to count in seconds (beyond the automatic-retry cap), with
   * the clock time it ends. @default "You can try again at 11:15"
   */
  canRetryAt: (date: Date) => string;
  /**
   * Said when a retry button is pressed while the server's wait forbids an earlier try: the try
   * goes at the server's time. @default "The server asked to wait: the next try goes as soon as it allows."
   */
  waitRequested: string;
  /** The accessible name of the countdown's progress bar, whose value text is the countdown's text. @default "Time left before the next try" */
  waitProgress: string;
  /** The button that runs the request again. @default "Try again" */
  tryAgain: string;
  /** The button that skips the rest of an automatic retry's wait. @default "Retry now" */
  retryNow: string;
  /** The button that sends the next probe at once, while the client waits for the service. @default "Try now" */
  tryNow: string;
  /** The button that calls off automatic retries. @default "Stop retrying" */
  stopRetrying: string;
  /** The button that closes the banner. @default "Dismiss" */
  dismiss: string;
  /** The technical details disclosure. @default "Details" */
  details: string;
  /** The button that copies a plain-text report for a support ticket. @default "Copy details" */
  copyDetails: string;
  /** The button that copies the request as a curl command. @default "Copy as curl" */
  copyAsCurl: string;
  /** The details' label of the HTTP method. @default "Method" */
  methodLabel: string;
  /** The details' label of the request URL. @default "URL" */
  urlLabel: string;
  /** The details' label of the HTTP status. @default "Status" */
  statusLabel: string;
  /** The details' label of when the failure happened. @default "Time" */
  timeLabel: string;
  /** The status line of the details, such as "429 Too Many Requests"; `0` when no response came. */
  statusText: (status: number, reasonPhrase: string) => string;
  /** When the failure happened, in the details. */
  formatTime: (date: Date) => string;
}

/**
 * A partial {@link Messages}: any subset of texts, and any subset of a kind's
 * `{ title, description }`, deep-merged over the defaults.
 *
 * @example
 * ```ts
 * const german: PartialMessages = {
 *   tryAgain: 'Erneut versuchen',
 *   rate_limited: { title: 'Zu viele Anfragen' },
 *   retryingIn: (seconds) => `Neuer Versuch in ${new Intl.NumberFormat('de').format(seconds)} s`,
 * };
 * ```
 */
export type PartialMessages = {
  [Key in keyof Messages]?: Messages[Key] extends KindMessages ? Partial<KindMessages> : Messages[Key];
};

const TITLES: Readonly<Record<ApiErrorKind, string>> = {
  bad_request: 'The request was not accepted',
  unauthorized: 'Sign-in needed',
  forbidden: 'Permission needed',
  not_found: 'Not found',
  not_acceptable: 'Format not supported',
  timeout: 'The server took too long',
  rate_limited: 'Too many requests',
  server_error: 'Something went wrong on the server',
  unavailable: 'Service unavailable',
  client_error: 'The request could not be completed',
  network: 'No connection',
  invalid_response: 'Unreadable answer',
  aborted: 'Request cancelled',
  unknown: 'Something went wrong',
};

const kindMessages = Object.fromEntries(
  API_ERROR_KINDS.map((kind) => [kind, { title: TITLES[kind], description: KIND_DESCRIPTIONS[kind] }]),
) as Record<ApiErrorKind, KindMessages>;

// Formatters are made per call: the person's locale is read where the text is shown (browser or server).
function formatSeconds(seconds: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(seconds);
}

/**
 * The English texts. Numbers and dates are formatted with `Intl` in the runtime's locale.
 *
 * @example
 * ```ts
 * defaultMessages.retryingIn(12); // "Retrying in 12 s"
 * defaultMessages.rate_limited.title; // "Too many requests"
 * ```
 */
export const defaultMessages: Messages = {
  ...kindMessages,
  maintenance: {
    title: 'Service in maintenance',
    description: 'The service is down for maintenance. Please try again when it is back.',
  },
  supportIdLabel: 'Support ID',
  rayIdLabel: 'Ray ID',
  copySupportId: 'Copy support ID',
  copied: 'Copied',
  copyFallbackHint: 'Copying is not available here. The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  supportIdValidUntil: (date) =>
    `Support can look this ID up until ${new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' }).format(date)}.`,
  retryingIn: (seconds) => `Retrying in ${formatSeconds(seconds)} s`,
  canRetryIn: (seconds) => `You can try again in ${formatSeconds(seconds)} s`,
  retryingNow: 'Retrying now',
  canRetryNow: 'You can try again now',
  waitingForNetwork: 'Waiting for the network',
  waitingForTab: 'Paused while this tab is hidden',
  probingIn: (seconds) => `We'll keep trying · next try in ${formatSeconds(seconds)} s`,
  canRetryAt: (date) => `You can try again at ${new Intl.DateTimeFormat(undefined, clockTimeOptions(date)).format(date)}`,
  waitRequested: 'The server asked to wait: the next try goes as soon as it allows.',
  waitProgress: 'Time left before the next try',
  tryAgain: 'Try again',
  retryNow: 'Retry now',
  tryNow: 'Try now',
  stopRetrying: 'Stop retrying',
  dismiss: 'Dismiss',
  details: 'Details',
  copyDetails: 'Copy details',
  copyAsCurl: 'Copy as curl',
  methodLabel: 'Method',
  urlLabel: 'URL',
  statusLabel: 'Status',
  timeLabel: 'Time',
  statusText: (status, reasonPhrase) => (status === 0 ? 'No response' : `${status} ${reasonPhrase}`),
  formatTime: (date) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(date),
};

function isKindMessages(value: unknown): value is Partial<KindMessages> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep-merges partial messages over a complete set, later partials winning. A kind's
 * `{ title, description }` is merged field by field. A value not of the default's type
 * (`undefined`, `null`, a string where a function is due) is skipped, so a partial never blanks a
 * text out or breaks a render.
 *
 * @example
 * ```ts
 * const messages = mergeMessages(defaultMessages, fromProvider, { tryAgain: 'Retry' });
 * ```
 */
export function mergeMessages(base: Messages, ...partials: ReadonlyArray<PartialMessages | null | undefined>): Messages {
  const merged: Record<string, unknown> = { ...base };
  for (const partial of partials) {
    if (!partial) continue;
    for (const [key, value] of Object.entries(partial)) {
      const current = merged[key];
      // Only a value of the default's type replaces it: `null` from a JSON file, or a string where
      // a function is due, would break the render.
      if (value === null || typeof value !== typeof current) continue;
      merged[key] = isKindMessages(current)
        ? { ...current, ...Object.fromEntries(Object.entries(value).filter(([, text]) => typeof text === 'string')) }
        : value;
    }
  }
  return merged as unknown as Messages;
}
