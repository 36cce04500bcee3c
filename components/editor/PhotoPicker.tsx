'use client';
// A button that chooses a photo and uploads it at once (the server checks it by its bytes, makes
// its renditions and strips its metadata), saying how the upload goes. The featured-image panel and
// the live-update form use it.
import { useState } from 'react';
import { buttonClass } from '@/components/ui';
import { UploadProgress } from './UploadProgress';
import { uploadImageFile, type UploadedFigure } from './upload-image';

export function PhotoPicker({ schoolSlug, label, onUploaded }: { schoolSlug: string; label: string; onUploaded: (figure: UploadedFigure) => void }) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setError(null);
    const result = await uploadImageFile(schoolSlug, file);
    setUploading(false);
    if (result.ok) onUploaded(result.figure);
    else setError(result.error);
  };

  return (
    <>
      <label className={`${buttonClass.smallSecondary} inline-block cursor-pointer focus-within:outline focus-within:outline-2`}>
        {label}
        <input type="file" accept="image/jpeg,image/png,image/gif,image/webp" className="sr-only" disabled={uploading} onChange={(event) => void choose(event.target.files?.[0])} />
      </label>
      <UploadProgress uploading={uploading ? 1 : 0} errors={error ? [error] : []} noun="photo" />
    </>
  );
}
