/** How far something long has come: a native progress bar with its words beside it (a bar alone
 * says nothing to a screen reader); no value means "working, amount unknown". */
export function ProgressBar({ label, value, max }: { label: string; value?: number; max?: number }) {
  return (
    <div className="space-y-1">
      <progress className="h-3 w-full" value={value} max={max} aria-label={label} />
      <p className="text-sm text-gray-800" role="status">
        {label}
      </p>
    </div>
  );
}
