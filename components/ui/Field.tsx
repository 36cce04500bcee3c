// Labelled form fields that show their own error and, after a refusal, what was typed (React
// resets a form after each submission; the action hands the typed values back in its state).
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { FormState } from '@/lib/forms';
import { ErrorText } from './Alert';
import { controlClass } from './controls';

type AnyFormState = FormState<object>;

/** What the field shows: after a refusal, what was submitted; otherwise the saved value. */
export function shownValue(state: AnyFormState, name: string, saved: string | number | null | undefined): string {
  const typed = state && !state.ok ? state.values?.[name] : undefined;
  if (typed !== undefined) return Array.isArray(typed) ? typed.join(', ') : typed;
  return saved === null || saved === undefined ? '' : String(saved);
}

/** Whether a checkbox shows ticked: after a refusal, as it was submitted; otherwise as saved. */
function shownChecked(state: AnyFormState, name: string, value: string, saved: boolean): boolean {
  if (!state || state.ok || !state.values) return saved;
  return ([] as string[]).concat(state.values[name] ?? []).includes(value);
}

export function FieldError({ state, name }: { state: AnyFormState; name: string }) {
  const message = state?.fieldErrors?.[name];
  return message ? <ErrorText id={`${name}-error`}>{message}</ErrorText> : null;
}

interface FieldProps {
  label: ReactNode;
  name: string;
  state: AnyFormState;
  /** The saved value, shown until a refusal brings back what was typed. */
  saved?: string | number | null;
  size?: keyof typeof controlClass;
  /** Help text under the field, read out with it. */
  help?: ReactNode;
  className?: string;
}

function describedBy(state: AnyFormState, name: string, help: ReactNode) {
  const ids = [help ? `${name}-help` : '', state?.fieldErrors?.[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldFrame({ label, name, state, help, size, className, children }: Omit<FieldProps, 'saved'> & { children: ReactNode }) {
  return (
    <div className={className}>
      <label className={size === 'full' || size === undefined ? 'block font-medium' : 'block'}>
        {label}
        {children}
      </label>
      {help && (
        <p id={`${name}-help`} className="text-sm text-gray-700">
          {help}
        </p>
      )}
      <FieldError state={state} name={name} />
    </div>
  );
}

/** What every control of a field carries: its name, the value to show, and its error and help. */
function controlProps(state: AnyFormState, name: string, saved: FieldProps['saved'], help: ReactNode, size: keyof typeof controlClass) {
  return {
    name,
    defaultValue: shownValue(state, name, saved),
    'aria-invalid': state?.fieldErrors?.[name] ? true : undefined,
    'aria-describedby': describedBy(state, name, help),
    className: controlClass[size],
  };
}

export function TextField({ label, name, state, saved, size = 'full', help, className, ...input }: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'size'>) {
  return (
    <FieldFrame label={label} name={name} state={state} help={help} size={size} className={className}>
      <input {...controlProps(state, name, saved, help, size)} {...input} />
    </FieldFrame>
  );
}

export function TextAreaField({ label, name, state, saved, size = 'full', help, className, ...textarea }: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'>) {
  return (
    <FieldFrame label={label} name={name} state={state} help={help} size={size} className={className}>
      <textarea {...controlProps(state, name, saved, help, size)} {...textarea} />
    </FieldFrame>
  );
}

export function SelectField({ label, name, state, saved, size = 'full', help, className, children, ...select }: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'size'>) {
  const control = controlProps(state, name, saved, help, size);
  return (
    <FieldFrame label={label} name={name} state={state} help={help} size={size} className={className}>
      {/* A select takes its default choice only when it is made, and React resets a form after each
          submission: keyed by the choice shown, it is made afresh with what was chosen before a refusal. */}
      <select key={control.defaultValue} {...control} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ label, name, state, saved = false, value = 'on' }: { label: ReactNode; name: string; state: AnyFormState; saved?: boolean; value?: string }) {
  return (
    <label className="flex items-center gap-2">
      <input type="checkbox" name={name} value={value} defaultChecked={shownChecked(state, name, value, saved)} /> {label}
    </label>
  );
}
