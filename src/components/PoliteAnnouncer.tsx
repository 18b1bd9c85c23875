'use client';
import { visuallyHiddenStyle } from './visually-hidden.js';

/** Props of {@link PoliteAnnouncer}. */
export interface PoliteAnnouncerProps {
  /** What to say; each change is read out once, when the screen reader is idle. Empty says nothing. */
  message: string;
  /** Keep the text off screen (it is for screen readers only). @default false */
  visuallyHidden?: boolean;
  /** The region's class. @default "aek-announcer" */
  className?: string;
}

/**
 * A polite live region (`role="status"`). Render it before there is anything to say, and
 * change `message` only when something should be announced: a screen reader reads each change,
 * so text that ticks every second must never be placed here.
 *
 * @example
 * ```tsx
 * <PoliteAnnouncer message={copied ? 'Copied' : ''} />
 * ```
 */
export function PoliteAnnouncer({ message, visuallyHidden = false, className = 'aek-announcer' }: PoliteAnnouncerProps) {
  return (
    <span role="status" aria-live="polite" aria-atomic="true" className={className} style={visuallyHidden ? visuallyHiddenStyle : undefined}>
      {message}
    </span>
  );
}
