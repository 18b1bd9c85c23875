/** Where the fake clock starts in the tests whose dates do not matter (a Monday morning, UTC). */
export const NOW = Date.UTC(2026, 2, 2, 10, 15, 30);
