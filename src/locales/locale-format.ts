import { clockTimeOptions } from '../core/texts/clock-time.js';

/**
 * Plural forms of one text, by the locale's plural category (`Intl.PluralRules`); `#` stands for
 * the number in the locale's own digits. `other` is required: every locale has it.
 *
 * @example
 * ```ts
 * const seconds: PluralForms = { one: '# Sekunde', other: '# Sekunden' };
 * ```
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Numbers, dates and plurals of one locale through `Intl`: the one place the shipped translations
 * get their formatters from. Each formatter is made on first use and then reused, so importing a
 * locale costs nothing until a text is shown, and nothing touches `Intl` at import time.
 * (`defaultMessages` keeps its own few calls: the main bundle stays smaller without this.)
 */
export interface LocaleFormat {
  /** A whole number in the locale's digits and grouping: `1.200` in German, `1 200` in French. */
  number(value: number): string;
  /** The form of `forms` the locale's plural rules pick for `count`, with `#` replaced by the number. */
  plural(count: number, forms: PluralForms): string;
  /** A long date with a short time (`9. März 2026 um 12:05`): until when support keeps an ID. */
  longDateTime(date: Date): string;
  /** A medium date with a medium time (`09.03.2026, 12:05:30`): when a failure happened. */
  mediumDateTime(date: Date): string;
  /** The clock time a long wait ends (`12:05`), with the date when it is not today. */
  clockTime(date: Date): string;
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * The formatters of `locale` (a BCP 47 tag), or of the runtime's own locale for `undefined`.
 * Whole numbers only: the kit's texts count whole seconds.
 *
 * @example
 * ```ts
 * const format = localeFormat('ar');
 * format.plural(2, { one: 'ثانية واحدة', two: 'ثانيتين', few: '# ثوانٍ', other: '# ثانية' }); // "ثانيتين"
 * ```
 */
export function localeFormat(locale: string | undefined): LocaleFormat {
  const numbers = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
  const plurals = once(() => new Intl.PluralRules(locale));
  const longDates = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }));
  const mediumDates = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }));
  const number = (value: number) => numbers().format(value);
  return {
    number,
    plural: (count, forms) => (forms[plurals().select(count)] ?? forms.other).replaceAll('#', number(count)),
    longDateTime: (date) => longDates().format(date),
    mediumDateTime: (date) => mediumDates().format(date),
    // Made per call: which parts it shows depends on the day.
    clockTime: (date) => new Intl.DateTimeFormat(locale, clockTimeOptions(date)).format(date),
  };
}
