import { describe, expectTypeOf, test } from 'vitest';
import type { Messages } from '../../src/core/texts/messages.js';
import { ar } from '../../src/locales/ar.js';
import { de } from '../../src/locales/de.js';
import { es } from '../../src/locales/es.js';
import { fr } from '../../src/locales/fr.js';
import { ja } from '../../src/locales/ja.js';
import { ptBR } from '../../src/locales/pt-BR.js';
import { zhCN } from '../../src/locales/zh-CN.js';

describe('shipped locales', () => {
  test('are each the complete Messages type', () => {
    expectTypeOf(ar).toEqualTypeOf<Messages>();
    expectTypeOf(de).toEqualTypeOf<Messages>();
    expectTypeOf(es).toEqualTypeOf<Messages>();
    expectTypeOf(fr).toEqualTypeOf<Messages>();
    expectTypeOf(ja).toEqualTypeOf<Messages>();
    expectTypeOf(ptBR).toEqualTypeOf<Messages>();
    expectTypeOf(zhCN).toEqualTypeOf<Messages>();
  });

  test('a translation that lacks a text is not a Messages', () => {
    const { tryAgain: _tryAgain, ...withoutTryAgain } = de;
    expectTypeOf(withoutTryAgain).not.toExtend<Messages>();
    const { rate_limited: _rateLimited, ...withoutKind } = de;
    expectTypeOf(withoutKind).not.toExtend<Messages>();
    // @ts-expect-error a kind needs its description too
    const withoutDescription: Messages = { ...de, rate_limited: { title: 'Zu viele Anfragen' } };
    expectTypeOf(withoutDescription).toEqualTypeOf<Messages>();
  });
});
