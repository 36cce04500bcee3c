'use client';
import { ErrorText } from '@/components/ui';

/** How many files (pictures, recordings) are still going up, and what went wrong with any that did not. */
export function UploadProgress({ uploading, errors, noun = 'image' }: { uploading: number; errors: readonly string[]; noun?: 'image' | 'photo' | 'file' }) {
  return (
    <>
      {uploading > 0 && (
        <p role="status" className="mt-2 text-sm">
          Uploading {uploading} {noun}
          {uploading > 1 ? 's' : ''}…
        </p>
      )}
      {errors.map((error) => (
        <ErrorText key={error} className="mt-2">
          {error}
        </ErrorText>
      ))}
    </>
  );
}
