import type { ApiError } from '../core/errors/ApiError.js';
import { KIND_DESCRIPTIONS } from '../core/errors/kinds.js';
import type { KindMessages, Messages } from '../core/texts/messages.js';
import { reasonPhrase } from '../core/texts/reason-phrase.js';

// A server text that speaks of maintenance, in the shipped languages and their neighbours.
const MAINTENANCE = /maint|wartung|mantenim|manuten|メンテナンス|维护|維護|صيانة/i;

const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether `message` only restates the status: its reason phrase, with or without the number ("503 Service Unavailable"). */
function restatesStatus(message: unknown, status: number): boolean {
  return typeof message === 'string' && plain(message).replace(/^\d{3} /, '') === plain(reasonPhrase(status));
}

/**
 * @internal The banner's title and description for `error`. The description is the API's own
 * `error` text when it says more than the status does, else the kind's friendly text. A 503 is
 * "maintenance" only when the server said so: with a wait (`Retry-After`) or a text that speaks
 * of maintenance.
 */
export function bannerTexts(error: ApiError, messages: Messages): KindMessages {
  const fromServer = error.source === 'api' && error.message !== KIND_DESCRIPTIONS[error.kind] && !restatesStatus(error.message, error.status);
  const maintenance = error.kind === 'unavailable' && (error.retryAfterMs !== undefined || (fromServer && MAINTENANCE.test(error.message)));
  const texts = maintenance ? messages.maintenance : messages[error.kind];
  return { title: texts.title, description: fromServer ? error.message : texts.description };
}
