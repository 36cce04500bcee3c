'use client';
import type { SaveState } from './useAutosave';

// One live region, so screen readers hear when work is saved or at risk.
export function SaveStatus({ state }: { state: SaveState }) {
  const [text, tone] = (() => {
    switch (state.kind) {
      case 'saved':
        return ['Saved', 'text-green-800'];
      case 'unsaved':
        return ['Unsaved changes', 'text-gray-700'];
      case 'saving':
        return ['Saving…', 'text-gray-700'];
      case 'retrying':
        return [`Not saved — retrying. ${state.reason} Your text is kept in this browser.`, 'text-red-800'];
      case 'invalid':
        return [`Not saved: ${state.message}`, 'text-red-800'];
      case 'conflict':
        return ['Not saved — someone else saved a newer version', 'text-red-800'];
      case 'refused':
        return [`Not saved: ${state.message}`, 'text-red-800'];
    }
  })();
  return (
    <p role="status" aria-live="polite" data-save-state={state.kind} className={`text-sm font-medium ${tone}`}>
      {text}
    </p>
  );
}
