'use client';
// Writing one live update: a few lines, and perhaps a photo with what every published photo needs.
// The photo is uploaded as soon as it is chosen, like the editor's; the update is sent with the form.
import { useActionState, useState } from 'react';
import type { FormAction, FormState } from '@/lib/forms';
import { Button, FieldError, FormOutcome, TextAreaField, buttonClass } from '@/components/ui';
import { PhotoDetailsFields, type PhotoDetails } from '@/components/editor/PhotoDetailsFields';
import { PhotoPicker } from '@/components/editor/PhotoPicker';
import type { UploadedFigure } from '@/components/editor/upload-image';

const NO_DETAILS: PhotoDetails = { alt: '', caption: '', credit: '' };

export function LiveUpdateComposer({ schoolSlug, action, publishes, maxCharacters }: { schoolSlug: string; action: FormAction; publishes: boolean; maxCharacters: number }) {
  const [photo, setPhoto] = useState<UploadedFigure | null>(null);
  const [details, setDetails] = useState<PhotoDetails>(NO_DETAILS);
  // A posted update clears the form for the next one; a refused one keeps everything.
  const [state, formAction, pending] = useActionState<FormState, FormData>(async (previous, form) => {
    const next = await action(previous, form);
    if (next?.ok) {
      setPhoto(null);
      setDetails(NO_DETAILS);
    }
    return next;
  }, null);

  const choose = (figure: UploadedFigure) => {
    setPhoto(figure);
    setDetails(NO_DETAILS);
  };

  return (
    <form action={formAction} className="mt-3 space-y-3" aria-labelledby="live-compose" noValidate>
      <h3 id="live-compose" className="font-semibold">
        Post an update
      </h3>
      <TextAreaField label="Update" name="text" rows={4} maxLength={maxCharacters} state={state} />
      {photo ? (
        <div className="space-y-2">
          <img src={photo.src} alt="" className="max-h-40 rounded border border-gray-300" />
          <input type="hidden" name="photoMediaId" value={photo.id} />
          <input type="hidden" name="photoAlt" value={details.alt} />
          <input type="hidden" name="photoCaption" value={details.caption} />
          <input type="hidden" name="photoCredit" value={details.credit} />
          <PhotoDetailsFields idPrefix="live-photo" details={details} onChange={(patch) => setDetails({ ...details, ...patch })} />
          <FieldError state={state} name="photo.alt" />
          <FieldError state={state} name="photo" />
          <button type="button" className={buttonClass.smallSecondary} onClick={() => setPhoto(null)}>
            Remove the photo
          </button>
        </div>
      ) : (
        <PhotoPicker schoolSlug={schoolSlug} label="Add a photo" onUploaded={choose} />
      )}
      <FormOutcome state={state} />
      <Button pending={pending} pendingLabel="Posting…">
        {publishes ? 'Post update' : 'Send to the live desk'}
      </Button>
    </form>
  );
}
