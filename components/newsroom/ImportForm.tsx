'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button, ErrorBox } from '@/components/ui';
import { newsroomPath } from '@/lib/routes';

export function ImportForm({ schoolSlug }: { schoolSlug: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const response = await fetch(`/api/schools/${schoolSlug}/articles/import`, { method: 'POST', body: new FormData(event.currentTarget) }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { id?: string; error?: string; fieldErrors?: Record<string, string> } | null;
    setPending(false);
    if (response?.ok && body?.id) return router.push(newsroomPath(schoolSlug, `articles/${body.id}`));
    setError(body?.fieldErrors?.file ?? body?.error ?? 'The server cannot be reached; try again.');
  }
  return (
    <form onSubmit={submit} className="mt-6 space-y-4">
      <label className="block font-medium">
        File
        <input name="file" type="file" accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" required className="mt-1 block" />
      </label>
      {error && <ErrorBox>{error}</ErrorBox>}
      <Button pending={pending} pendingLabel="Importing…">
        Import
      </Button>
    </form>
  );
}
