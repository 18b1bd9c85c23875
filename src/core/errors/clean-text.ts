/** The longest message an {@link ApiError} keeps, in characters. */
export const MAX_MESSAGE_LENGTH = 500;

// Unicode White_Space: folded to one space. (`\s` would miss U+0085 and wrongly include U+FEFF.)
const WHITE_SPACE = '\\t-\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
// Control characters (C0, DEL, C1) other than white space, and formatting marks that can hide or
// reorder text: dropped.
const CONTROL = '\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u0084\\u0086-\\u009F\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF';
const VISIBLE_RUN = new RegExp(`[^${WHITE_SPACE}${CONTROL}]+`, 'g');
const HAS_WHITE_SPACE = new RegExp(`[${WHITE_SPACE}]`);

/**
 * Cleans text a server sent so it can be shown to a person: control characters other than
 * white space are dropped, runs of white space are folded to one space, the ends trimmed and
 * the result cut to {@link MAX_MESSAGE_LENGTH} characters (never inside a surrogate pair, never
 * ending in a space). Returns `undefined` when nothing is left.
 *
 * @example
 * cleanMessage('  Quota\n\texceeded\u0000 '); // 'Quota exceeded'
 */
export function cleanMessage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Built run by run and stopped once full, so an absurd body costs no more than a scan.
  let cleaned = '';
  let gapStart = 0;
  VISIBLE_RUN.lastIndex = 0;
  for (let match = VISIBLE_RUN.exec(value); match !== null; match = VISIBLE_RUN.exec(value)) {
    const separator = cleaned !== '' && HAS_WHITE_SPACE.test(value.slice(gapStart, match.index)) ? ' ' : '';
    gapStart = VISIBLE_RUN.lastIndex;
    const room = MAX_MESSAGE_LENGTH - cleaned.length - separator.length;
    let run = match[0];
    if (run.length > room) {
      run = run.slice(0, Math.max(0, room));
      // Do not cut a surrogate pair in half.
      if (/[\uD800-\uDBFF]$/.test(run)) run = run.slice(0, -1);
    }
    if (run !== '') cleaned += separator + run;
    if (cleaned.length >= MAX_MESSAGE_LENGTH || run !== match[0]) break;
  }
  return cleaned === '' ? undefined : cleaned;
}

const SUPPORT_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Whether a value is a usable support ID: 1–128 characters of `[A-Za-z0-9._:-]`. */
export function isValidSupportId(value: unknown): value is string {
  return typeof value === 'string' && SUPPORT_ID.test(value);
}
