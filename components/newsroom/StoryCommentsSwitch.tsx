import { buttonClass } from '@/components/ui';

/** Opens or closes readers' comments on one story (the paper has them on). */
export function StoryCommentsSwitch({ open, action }: { open: boolean; action: (form: FormData) => Promise<void> }) {
  return (
    <form action={action} className="rounded border border-gray-300 p-4 text-sm">
      <h2 className="font-semibold">Readers’ comments</h2>
      <p className="mt-1">{open ? 'Open on this story.' : 'Closed on this story.'}</p>
      <input type="hidden" name="open" value={open ? 'no' : 'yes'} />
      <button className={`mt-2 ${buttonClass.smallSecondary}`}>{open ? 'Close comments' : 'Open comments'}</button>
    </form>
  );
}
