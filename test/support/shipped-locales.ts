import type { Messages } from '../../src/core/texts/messages.js';
import { ar } from '../../src/locales/ar.js';
import { de } from '../../src/locales/de.js';
import { es } from '../../src/locales/es.js';
import { fr } from '../../src/locales/fr.js';
import { ja } from '../../src/locales/ja.js';
import { ptBR } from '../../src/locales/pt-BR.js';
import { zhCN } from '../../src/locales/zh-CN.js';

/** Every shipped translation by its subpath (`api-error-kit/locales/<tag>`). */
export const SHIPPED: Readonly<Record<string, Messages>> = { ar, de, es, fr, ja, 'pt-BR': ptBR, 'zh-CN': zhCN };
