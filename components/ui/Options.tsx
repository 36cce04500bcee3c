/** The options of a select, from a list: `first` is the "any"/"none" choice at the top, if any. */
export function Options<T>({ items, value, label, first }: { items: readonly T[]; value: (item: T) => string; label: (item: T) => string; first?: { value: string; label: string } }) {
  return (
    <>
      {first && <option value={first.value}>{first.label}</option>}
      {items.map((item) => (
        <option key={value(item)} value={value(item)}>
          {label(item)}
        </option>
      ))}
    </>
  );
}
