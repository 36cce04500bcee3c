import type { ButtonHTMLAttributes } from 'react';
import { buttonClass } from './controls';

/** A button in one of the house styles; `pendingLabel` replaces the label while the form is sent. */
export function Button({
  variant = 'primary',
  pending = false,
  pendingLabel,
  className = '',
  children,
  type = 'submit',
  ...button
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof buttonClass; pending?: boolean; pendingLabel?: string }) {
  return (
    <button type={type} disabled={pending || button.disabled} className={`${buttonClass[variant]} ${className}`.trim()} {...button}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
