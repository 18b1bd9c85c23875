import type { ButtonHTMLAttributes } from 'react';

/** Props of a headless hook's plain button: always `type="button"`, named by its text. */
export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { type: 'button'; children: string };

/** @internal A plain button's props. */
export function buttonProps(children: string, className: string, onClick: (() => void) | undefined): ButtonProps {
  return { type: 'button', className, onClick, children };
}

/** @internal Class names joined with spaces, the empty ones left out. */
export function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}
