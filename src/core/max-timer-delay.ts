/**
 * The longest delay a JavaScript timer takes, in milliseconds (2^31 − 1, about 24.8 days): a
 * longer one fires at once, so every timer of the kit is clamped to it.
 */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;
