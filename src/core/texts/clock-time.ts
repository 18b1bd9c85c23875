// A module of its own: the shipped translations import it without the English texts.
/**
 * @internal How to show when a long wait ends: the time alone when it is today (in the runtime's
 * time zone), else the date too. Shared by the English texts and the shipped translations.
 */
export function clockTimeOptions(date: Date): Intl.DateTimeFormatOptions {
  return date.toDateString() === new Date().toDateString() ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' };
}
