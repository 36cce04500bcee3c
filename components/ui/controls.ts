// The look of the form controls, in one place: every field of every form uses these.
export const controlClass = {
  /** A field that takes its row: the newsroom's and the account pages' forms. */
  full: 'mt-1 block w-full rounded border border-gray-400 px-3 py-2',
  /** A field in a row of small fields (volume, number, date). */
  compact: 'mt-1 block rounded border border-gray-400 px-2 py-1',
  /** A control inside a line of text or a toolbar (a role picker beside a name). */
  inline: 'rounded border border-gray-400 px-2 py-1',
} as const;

export const buttonClass = {
  primary: 'rounded bg-gray-900 px-5 py-2 font-semibold text-white disabled:opacity-60',
  secondary: 'rounded border border-gray-900 px-4 py-2 font-semibold disabled:opacity-60',
  /** A small button in a list row or a filter bar (deactivate, withdraw, filter). */
  row: 'rounded border border-gray-900 px-3 py-1 disabled:opacity-60',
  /** The main button of a small form inside a page (a review decision, a link to apply). */
  small: 'rounded bg-gray-900 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60',
  smallSecondary: 'rounded border border-gray-900 px-3 py-1.5 text-sm font-semibold disabled:opacity-60',
} as const;
