'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { GAME_STATUS_CHOICES } from '@/lib/sports/choices';
import { Button, FormOutcome, Options, SelectField, TextField } from '@/components/ui';

interface GameResult {
  status: string;
  ourScore: number | null;
  theirScore: number | null;
  articleId: string | null;
}

/** One game's row of the sports desk: how it stands, the score, and the story that tells it. */
export function GameResultForm({ action, game, label, stories }: { action: FormAction; game: GameResult; label: string; stories: { id: string; headline: string }[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" aria-label={label} noValidate>
      <SelectField label="Status" name="status" size="inline" saved={game.status} state={state}>
        <Options items={GAME_STATUS_CHOICES} value={(status) => status.value} label={(status) => status.label} />
      </SelectField>
      <TextField label="Us" name="ourScore" inputMode="numeric" size="inline" className="w-16" saved={game.ourScore} state={state} />
      <TextField label="Them" name="theirScore" inputMode="numeric" size="inline" className="w-16" saved={game.theirScore} state={state} />
      <SelectField label="Story" name="articleId" size="inline" saved={game.articleId ?? ''} state={state}>
        <Options items={stories} value={(story) => story.id} label={(story) => story.headline || 'Untitled draft'} first={{ value: '', label: 'No story' }} />
      </SelectField>
      <Button variant="smallSecondary" pending={pending}>
        Save
      </Button>
      <FormOutcome state={state} />
    </form>
  );
}
