import type { Messages } from '../core/texts/messages.js';
import type { PoliteAnnouncerProps } from './PoliteAnnouncer.js';
import type { CopyStatus } from './useCopyToClipboard.js';

/** What the banner can copy. */
export type BannerCopyTarget = 'supportId' | 'details' | 'curl';

/** Class names of the banner's parts, for styling. */
export const API_ERROR_BANNER_CLASS_NAMES = {
  root: 'aek-banner',
  alert: 'aek-banner__alert',
  title: 'aek-banner__title',
  description: 'aek-banner__description',
  ids: 'aek-banner__ids',
  id: 'aek-banner__id',
  label: 'aek-banner__label',
  value: 'aek-banner__value',
  code: 'aek-banner__code',
  copyStatus: 'aek-banner__copy-status',
  validity: 'aek-banner__validity',
  actions: 'aek-banner__actions',
  button: 'aek-banner__button',
  primaryButton: 'aek-banner__button aek-banner__button--primary',
  countdown: 'aek-banner__countdown',
  note: 'aek-banner__note',
  details: 'aek-banner__details',
  summary: 'aek-banner__summary',
  facts: 'aek-banner__facts',
  copyFallback: 'aek-banner__copy-fallback',
} as const;

/**
 * @internal The polite status next to a group of copy buttons: "Copied" or the fallback hint
 * when the latest copy was one of `mine`, else nothing (another group reports it).
 */
export function copyStatusProps(messages: Messages, status: CopyStatus, mine: boolean): PoliteAnnouncerProps {
  const message = !mine ? '' : status === 'copied' ? messages.copied : status === 'failed' ? messages.copyFallbackHint : '';
  return { message, className: API_ERROR_BANNER_CLASS_NAMES.copyStatus };
}
