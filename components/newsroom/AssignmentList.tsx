'use client';
import { useActionState } from 'react';
import type { FormAction, FormState } from '@/lib/forms';
import { ErrorText, Options, StatusText, buttonClass, controlClass, shownValue } from '@/components/ui';
import { dateFormat } from '@/lib/dates';

/** The school's assignment actions, bound to the school by the page that shows the list. */
export interface AssignmentActions {
  pitch: FormAction;
  assign: (assignmentId: string, state: FormState, form: FormData) => Promise<FormState>;
  startAssignment: (assignmentId: string) => Promise<void>;
}

interface Assignment {
  id: string;
  title: string;
  description: string;
  status: string;
  dueAt: Date | null;
  assignee: string | null;
  pitchedBy: string | null;
  mine: boolean;
  section: { name: string } | null;
}

type Option = { id: string };

function Message({ state }: { state: FormState }) {
  if (!state) return null;
  const fields = Object.values(state.fieldErrors ?? {});
  // One line for the whole row: its fields are too small to carry a message each.
  return state.ok ? <StatusText className="text-sm">{state.message}</StatusText> : <ErrorText>{fields.length ? fields.join(' ') : state.error}</ErrorText>;
}

function AssignForm({ assign, assignmentId, staff }: { assign: AssignmentActions['assign']; assignmentId: string; staff: (Option & { displayName: string })[] }) {
  const [state, action] = useActionState(assign.bind(null, assignmentId), null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <select name="assigneeId" aria-label="Assign to" className={controlClass.inline}>
        <Options items={staff} value={(member) => member.id} label={(member) => member.displayName} />
      </select>
      <input name="dueAt" type="date" aria-label="Due date" className={controlClass.inline} />
      <button type="submit" className="underline">
        Assign
      </button>
      <Message state={state} />
    </form>
  );
}

export function AssignmentList({
  actions,
  assignments,
  sections,
  staff,
  mayAssign,
}: {
  actions: AssignmentActions;
  assignments: Assignment[];
  sections: (Option & { name: string })[];
  staff: (Option & { displayName: string })[];
  mayAssign: boolean;
}) {
  const [state, pitchAction] = useActionState(actions.pitch, null);
  const date = dateFormat({ month: 'short', day: 'numeric', timeZone: 'UTC' });
  return (
    <section aria-labelledby="assignments-title" className="mt-10">
      <h2 id="assignments-title" className="text-xl font-bold">
        Pitches and assignments
      </h2>
      <ul className="mt-3 divide-y divide-gray-200">
        {assignments.map((assignment) => (
          <li key={assignment.id} className="py-2 text-sm">
            <p>
              <span className="font-semibold">{assignment.title}</span>
              {assignment.section && <> · {assignment.section.name}</>} · {assignment.status === 'PITCHED' ? `pitched by ${assignment.pitchedBy ?? 'someone'}` : `assigned to ${assignment.assignee}`}
              {assignment.dueAt && <> · due {date.format(assignment.dueAt)}</>}
            </p>
            {assignment.description && <p className="text-gray-700">{assignment.description}</p>}
            {assignment.mine && assignment.status === 'ASSIGNED' && (
              <form action={actions.startAssignment.bind(null, assignment.id)}>
                <button type="submit" className="underline">
                  Start writing
                </button>
              </form>
            )}
            {mayAssign && <AssignForm assign={actions.assign} assignmentId={assignment.id} staff={staff} />}
          </li>
        ))}
        {assignments.length === 0 && <li className="py-2 text-sm text-gray-700">No open pitches.</li>}
      </ul>
      <form action={pitchAction} className="mt-4 flex flex-wrap items-end gap-2 text-sm" aria-label="Pitch a story">
        <label>
          Pitch a story
          <input name="title" defaultValue={shownValue(state, 'title', '')} className={`ml-1 ${controlClass.inline}`} />
        </label>
        <label>
          Section
          <select name="sectionId" className={`ml-1 ${controlClass.inline}`}>
            <Options items={sections} value={(section) => section.id} label={(section) => section.name} first={{ value: '', label: 'Any' }} />
          </select>
        </label>
        <input name="description" defaultValue={shownValue(state, 'description', '')} aria-label="What is the story?" placeholder="What is the story?" className={`flex-1 ${controlClass.inline}`} />
        <button type="submit" className={buttonClass.row}>
          Pitch
        </button>
        <Message state={state} />
      </form>
    </section>
  );
}
