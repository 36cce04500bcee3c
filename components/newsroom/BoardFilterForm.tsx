import type { BoardFilters } from '@/lib/workflow/budget';
import { editionLabel } from '@/lib/editions/label';
import { Options, buttonClass, controlClass } from '@/components/ui';

type Option = { id: string };

export function BoardFilterForm({
  filters,
  sections,
  staff,
  editions,
}: {
  filters: BoardFilters;
  sections: (Option & { name: string })[];
  staff: (Option & { displayName: string })[];
  editions: (Option & { volume: number; number: number })[];
}) {
  const select = `ml-1 ${controlClass.inline}`;
  return (
    <form method="get" className="mt-6 flex flex-wrap items-end gap-4 text-sm" aria-label="Filter the budget">
      <label>
        Section
        <select name="section" defaultValue={filters.section ?? 'all'} className={select}>
          <Options items={sections} value={(section) => section.id} label={(section) => section.name} first={{ value: 'all', label: 'All' }} />
        </select>
      </label>
      <label>
        Person
        <select name="person" defaultValue={filters.person ?? ''} className={select}>
          <Options items={staff} value={(member) => member.id} label={(member) => member.displayName} first={{ value: '', label: 'Anyone' }} />
        </select>
      </label>
      <label>
        Due
        <select name="due" defaultValue={filters.due ?? ''} className={select}>
          <option value="">Any time</option>
          <option value="overdue">Overdue</option>
          <option value="week">In the next 7 days</option>
        </select>
      </label>
      <label>
        Issue
        <select name="edition" defaultValue={filters.edition ?? ''} className={select}>
          <Options items={editions} value={(edition) => edition.id} label={(edition) => editionLabel(edition)} first={{ value: '', label: 'Any' }} />
        </select>
      </label>
      {filters.waiting && <input type="hidden" name="waiting" value={filters.waiting} />}
      <button type="submit" className={buttonClass.row}>
        Filter
      </button>
    </form>
  );
}
