/** A note from the editors above a story: context it lacked, or a decision about it. */
export function EditorsNote({ note }: { note: string }) {
  return (
    <aside aria-label="Editor’s note" className="mb-6 border-l-4 border-[var(--accent)] bg-gray-50 px-4 py-3 text-gray-900">
      <p className="font-sans text-sm font-bold uppercase tracking-wide">Editor’s note</p>
      {note.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index} className="mt-1">
          {paragraph}
        </p>
      ))}
    </aside>
  );
}
