'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorText } from '@/components/ui';
import { newsroomPath } from '@/lib/routes';

export function RestoreRevisionButton({ schoolSlug, articleId, number, expectedVersion }: { schoolSlug: string; articleId: string; number: number; expectedVersion: number }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();
  async function restore() {
    setPending(true);
    const response = await fetch(`/api/schools/${schoolSlug}/articles/${articleId}/revisions/${number}/restore`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ expectedVersion }),
    }).catch(() => null);
    setPending(false);
    if (response?.ok) return router.push(newsroomPath(schoolSlug, `articles/${articleId}`));
    const body = (await response?.json().catch(() => null)) as { error?: string } | null;
    setError(body?.error ?? 'The server cannot be reached; try again.');
  }
  return (
    <>
      <button type="button" disabled={pending} onClick={restore} className="underline disabled:opacity-60">
        Restore revision {number}
      </button>
      {error && <ErrorText>{error}</ErrorText>}
    </>
  );
}
