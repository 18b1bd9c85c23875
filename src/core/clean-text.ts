/** The longest message an {@link ApiError} keeps, in characters. */
export const MAX_MESSAGE_LENGTH = 500;

// Control characters (C0, DEL, C1) and lone formatting marks that can hide or reorder text.
// White space among them (tab, newline, …) is folded later rather than dropped.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const WHITE_SPACE_RUN = /\s+/gu;

/**
 * Cleans text a server sent so it can be shown to a person: control characters other than
 * white space are dropped, runs of white space are folded to one space, the ends trimmed and
 * the result cut to {@link MAX_MESSAGE_LENGTH} characters. Returns `undefined` when nothing is left.
 */
export function cleanMessage(value: unknown, maxLength = MAX_MESSAGE_LENGTH): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Cut early so an absurd body never goes through the regular expressions whole.
  const head = value.length > maxLength * 8 ? value.slice(0, maxLength * 8) : value;
  const cleaned = head.replace(CONTROL, '').replace(WHITE_SPACE_RUN, ' ').trim();
  if (cleaned === '') return undefined;
  if (cleaned.length <= maxLength) return cleaned;
  // Do not cut a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(cleaned.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
  return cleaned.slice(0, end);
}

const SUPPORT_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Whether a value is a usable support ID: 1–128 characters of `[A-Za-z0-9._:-]`. */
export function isValidSupportId(value: unknown): value is string {
  return typeof value === 'string' && SUPPORT_ID.test(value);
}
