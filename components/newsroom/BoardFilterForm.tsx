import type { BoardFilters } from '@/lib/workflow/budget';
import { editionLabel } from '@/lib/editions/label';
import { buttonClass, controlClass } from '@/components/ui';

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
          <option value="all">All</option>
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Person
        <select name="person" defaultValue={filters.person ?? ''} className={select}>
          <option value="">Anyone</option>
          {staff.map((member) => (
            <option key={member.id} value={member.id}>
              {member.displayName}
            </option>
          ))}
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
          <option value="">Any</option>
          {editions.map((edition) => (
            <option key={edition.id} value={edition.id}>
              {editionLabel(edition)}
            </option>
          ))}
        </select>
      </label>
      {filters.waiting && <input type="hidden" name="waiting" value={filters.waiting} />}
      <button type="submit" className={buttonClass.row}>
        Filter
      </button>
    </form>
  );
}
