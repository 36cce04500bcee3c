'use client';
// The three things every published photo needs, for inline figures and the featured image alike:
// alt text for readers who cannot see it, a caption, and a credit (journalism ethics and copyright).
// The submit checklist asks for all three (lib/workflow/checklist.ts): each is outlined while empty.

export interface PhotoDetails {
  alt: string;
  caption: string;
  credit: string;
}

const FIELDS = [
  { name: 'alt', label: 'Alt text (describe the image for readers who cannot see it)' },
  { name: 'caption', label: 'Caption' },
  { name: 'credit', label: 'Photo credit' },
] as const;

export function PhotoDetailsFields({ details, onChange, idPrefix }: { details: PhotoDetails; onChange: (patch: Partial<PhotoDetails>) => void; idPrefix?: string }) {
  return (
    <div className="space-y-2 font-sans text-sm">
      {FIELDS.map((field) => (
        <label key={field.name} className="block" htmlFor={idPrefix ? `${idPrefix}-${field.name}` : undefined}>
          <span className="text-gray-700">{field.label}</span>
          <input
            id={idPrefix ? `${idPrefix}-${field.name}` : undefined}
            type="text"
            value={details[field.name] ?? ''}
            onChange={(event) => onChange({ [field.name]: event.target.value })}
            className={`mt-1 block w-full rounded border px-2 py-1 ${!details[field.name] ? 'border-amber-600' : 'border-gray-400'}`}
          />
        </label>
      ))}
    </div>
  );
}
