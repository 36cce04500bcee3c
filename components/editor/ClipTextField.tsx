'use client';
// A field a clip needs before it is published (an audio clip's or a video's title, a transcript):
// outlined while empty, as a photo's details are (PhotoDetailsFields), because the submit
// checklist will ask for it.
import { useId } from 'react';

export function ClipTextField({ label, value, onChange, rows }: { label: string; value: string; onChange: (value: string) => void; rows?: number }) {
  const id = useId();
  const className = `mt-1 block w-full rounded border px-2 py-1 ${value.trim() ? 'border-gray-400' : 'border-amber-600'}`;
  return (
    <label className="block" htmlFor={id}>
      <span className="text-gray-700">{label}</span>
      {rows ? (
        <textarea id={id} rows={rows} value={value} onChange={(event) => onChange(event.target.value)} className={className} />
      ) : (
        <input id={id} type="text" value={value} onChange={(event) => onChange(event.target.value)} className={className} />
      )}
    </label>
  );
}
