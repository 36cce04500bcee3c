'use client';
import type { DraftByline } from './draft-key';
import { ErrorText, Options, controlClass } from '@/components/ui';

export interface StaffOption {
  id: string;
  displayName: string;
}

const GUEST = '__guest__';

export function BylinesEditor({
  bylines,
  staff,
  titles,
  errors,
  onChange,
}: {
  bylines: DraftByline[];
  staff: StaffOption[];
  titles: readonly string[];
  errors: Record<string, string>;
  onChange: (next: DraftByline[]) => void;
}) {
  const update = (index: number, patch: Partial<DraftByline>) => onChange(bylines.map((byline, i) => (i === index ? { ...byline, ...patch } : byline)));
  const move = (index: number, by: number) => {
    const next = [...bylines];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange(next);
  };
  return (
    <fieldset className="rounded border border-gray-300 p-3">
      <legend className="px-1 font-semibold">Bylines</legend>
      <ol className="space-y-2">
        {bylines.map((byline, index) => {
          const error = errors[`bylines.${index}.membershipId`] ?? errors[`bylines.${index}.guestName`] ?? errors[`bylines.${index}.title`];
          return (
            <li key={index} className="flex flex-wrap items-center gap-2 text-sm">
              <select aria-label={`Byline ${index + 1} title`} value={byline.title} onChange={(event) => update(index, { title: event.target.value })} className={controlClass.inline}>
                {titles.map((title) => (
                  <option key={title}>{title}</option>
                ))}
              </select>
              <select
                aria-label={`Byline ${index + 1} person`}
                value={byline.membershipId ?? GUEST}
                onChange={(event) => update(index, event.target.value === GUEST ? { membershipId: null, guestName: byline.guestName ?? '' } : { membershipId: event.target.value, guestName: null })}
                className={controlClass.inline}
              >
                <Options items={staff} value={(member) => member.id} label={(member) => member.displayName} />
                <option value={GUEST}>Guest contributor…</option>
              </select>
              {!byline.membershipId && (
                <input
                  aria-label={`Byline ${index + 1} guest name`}
                  value={byline.guestName ?? ''}
                  onChange={(event) => update(index, { guestName: event.target.value })}
                  placeholder="Guest’s name"
                  className={controlClass.inline}
                />
              )}
              {index > 0 && (
                <button type="button" onClick={() => move(index, -1)} aria-label={`Move byline ${index + 1} up`} className="px-1">
                  ↑
                </button>
              )}
              <button type="button" onClick={() => onChange(bylines.filter((_, i) => i !== index))} aria-label={`Remove byline ${index + 1}`} className="px-1 text-red-800">
                Remove
              </button>
              {error && (
                <ErrorText className="w-full" inline>
                  {error}
                </ErrorText>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...bylines, { membershipId: staff[0]?.id ?? null, guestName: staff[0] ? null : '', title: titles[0]! }])} className="mt-2 text-sm underline">
        Add a byline
      </button>
    </fieldset>
  );
}
