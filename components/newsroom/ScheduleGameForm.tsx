'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { GAME_SITE_CHOICES } from '@/lib/sports/choices';
import { Button, FormOutcome, Options, SelectField, TextField } from '@/components/ui';

/** A game on a team's schedule: against whom, where, and when (the school's time). */
export function ScheduleGameForm({ action, teams }: { action: FormAction; teams: { id: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3" aria-labelledby="new-game" noValidate>
      <h2 id="new-game" className="text-lg font-bold">
        Schedule a game
      </h2>
      <div className="flex flex-wrap gap-4">
        <SelectField label="Team" name="teamId" size="compact" state={state}>
          <Options items={teams} value={(team) => team.id} label={(team) => team.name} />
        </SelectField>
        <TextField label="Opponent" name="opponent" size="compact" state={state} />
        <SelectField label="Where" name="site" size="compact" state={state}>
          <Options items={GAME_SITE_CHOICES} value={(site) => site.value} label={(site) => site.label} />
        </SelectField>
        <TextField label="Field or gym (optional)" name="location" size="compact" state={state} />
        <TextField label="Starts (the school’s time)" name="startsAt" type="datetime-local" size="compact" state={state} />
      </div>
      <FormOutcome state={state} />
      <Button variant="small" pending={pending}>
        Add to the schedule
      </Button>
    </form>
  );
}
