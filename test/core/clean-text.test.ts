import { describe, expect, it } from 'vitest';
// Internal: the cleaning rules, tested on their own; through the public API they are ApiError's message and supportId.
import { cleanMessage, isValidSupportId, MAX_MESSAGE_LENGTH } from '../../src/core/errors/clean-text.js';

describe('cleanMessage', () => {
  it('returns undefined for non-strings and for text that cleans to nothing', () => {
    expect(cleanMessage(undefined)).toBeUndefined();
    expect(cleanMessage(42)).toBeUndefined();
    expect(cleanMessage({ message: 'x' })).toBeUndefined();
    expect(cleanMessage('')).toBeUndefined();
    expect(cleanMessage(' \n\t\r\u00A0\u3000 ')).toBeUndefined();
    expect(cleanMessage('\u0000\u0007\u001B\u007F\u009B')).toBeUndefined();
  });

  it('drops control characters other than white space', () => {
    expect(cleanMessage('a\u0000b\u0007c\u001Bd\u007Fe\u0090f\u009Fg')).toBe('abcdefg');
    expect(cleanMessage('\u001B[31mred\u001B[0m')).toBe('[31mred[0m');
  });

  it('drops invisible formatting marks that can hide or reorder text', () => {
    expect(cleanMessage('pay\u200Bpal \u202Eevil\u202C \u2066x\u2069 \uFEFFbom')).toBe('paypal evil x bom');
  });

  it('folds runs of white space, Unicode, newlines and tabs included, to one space', () => {
    expect(cleanMessage('a \t\n\r\u000B\u000C b')).toBe('a b');
    expect(cleanMessage('a\u00A0\u1680\u2003\u2028\u2029\u202F\u205F\u3000b')).toBe('a b');
    expect(cleanMessage('next\u0085line')).toBe('next line');
  });

  it('drops control characters before folding, so no double space is left where one stood', () => {
    expect(cleanMessage('a \u0000 b')).toBe('a b');
    expect(cleanMessage('a\u0000\u0000b')).toBe('ab');
  });

  it('trims both ends', () => {
    expect(cleanMessage('\n\t  Service down \u3000\n')).toBe('Service down');
  });

  it('cuts to 500 characters after folding and trimming', () => {
    expect(MAX_MESSAGE_LENGTH).toBe(500);
    const long = `${' '.repeat(100)}${'x'.repeat(600)}`;
    expect(cleanMessage(long)).toBe('x'.repeat(500));
    const words = Array.from({ length: 400 }, () => 'ab\n\n\n').join('');
    const cleaned = cleanMessage(words)!;
    expect(cleaned).toHaveLength(500);
    expect(cleaned.startsWith('ab ab ab')).toBe(true);
    expect(cleaned).not.toMatch(/\s$/);
    expect(cleanMessage('x'.repeat(500))).toBe('x'.repeat(500));
  });

  it('never cuts a surrogate pair in half', () => {
    const cleaned = cleanMessage(`${'x'.repeat(499)}😀tail`)!;
    expect(cleaned).toBe('x'.repeat(499));
    expect(cleanMessage(`${'x'.repeat(498)}😀tail`)).toBe(`${'x'.repeat(498)}😀`);
  });

  it('finds the text behind megabytes of white space and control characters', () => {
    const padded = `${' \n'.repeat(3_000_000)}real message${'\u0000'.repeat(1_000_000)}!${' '.repeat(100_000)}`;
    const started = performance.now();
    expect(cleanMessage(padded)).toBe('real message!');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('stays fast on a multi-megabyte message', () => {
    const huge = 'word '.repeat(1_000_000);
    const started = performance.now();
    const cleaned = cleanMessage(huge)!;
    expect(cleaned).toHaveLength(499);
    expect(cleaned.endsWith('word')).toBe(true);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('matches the documented order of steps on mixed samples', () => {
    const reference = (text: string): string | undefined => {
      const dropped = text.replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '');
      const folded = dropped.replace(/[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g, ' ');
      const trimmed = folded.replace(/^ | $/g, '');
      return trimmed === '' ? undefined : trimmed.slice(0, 500);
    };
    const samples = [
      'Order 42 \u0000not found',
      '\t\tRate\u00A0limited:\ntry   again\u0085later ',
      '<b>not html here</b>',
      'ünïcødé 日本語 ✓',
      `${'é'.repeat(250)} ${'e'.repeat(300)}`,
      '\u0001\u0002 \u0003',
    ];
    for (const sample of samples) expect(cleanMessage(sample)).toBe(reference(sample));
  });
});

describe('isValidSupportId', () => {
  it('accepts 1 to 128 characters of letters, digits, dot, underscore, colon and hyphen', () => {
    expect(isValidSupportId('a')).toBe(true);
    expect(isValidSupportId('req_01HZX3:abc-def.9')).toBe(true);
    expect(isValidSupportId('x'.repeat(128))).toBe(true);
  });

  it('rejects empty, too long, non-string and other characters', () => {
    expect(isValidSupportId('')).toBe(false);
    expect(isValidSupportId('x'.repeat(129))).toBe(false);
    expect(isValidSupportId(12345)).toBe(false);
    expect(isValidSupportId(null)).toBe(false);
    expect(isValidSupportId(['abc'])).toBe(false);
    for (const bad of ['has space', 'semi;colon', 'slash/', '<b>', 'ünï', 'abc\n', '\nabc', 'tab\t', 'quote"', 'a+b', 'a=b', 'a%20b']) {
      expect(isValidSupportId(bad)).toBe(false);
    }
  });
});
