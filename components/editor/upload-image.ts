// Sends a file to the school's media endpoint; the server checks it by its bytes, and for pictures
// resizes them and strips their metadata, for audio cuts its tags off.
export interface UploadedFigure {
  id: string;
  src: string;
  width: number;
  height: number;
}

export interface UploadedRecording {
  id: string;
  src: string;
  byteSize: number;
  duration: number;
  /** Videos only. */
  width?: number;
  height?: number;
}

type Uploaded<T> = { ok: true; figure: T } | { ok: false; error: string };

async function uploadMediaFile<T>(schoolSlug: string, file: File, kind: 'image' | 'audio' | 'video' | 'captions'): Promise<Uploaded<T>> {
  const form = new FormData();
  form.append('file', file);
  form.append('kind', kind);
  try {
    const response = await fetch(`/api/schools/${schoolSlug}/media`, { method: 'POST', body: form });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return { ok: true, figure: body as unknown as T };
    const fieldErrors = body.fieldErrors as Record<string, string> | undefined;
    return { ok: false, error: `${file.name}: ${fieldErrors?.file ?? body.error ?? `upload failed (${response.status})`}` };
  } catch {
    return { ok: false, error: `${file.name}: the server cannot be reached; try again.` };
  }
}

export function uploadImageFile(schoolSlug: string, file: File): Promise<Uploaded<UploadedFigure>> {
  return uploadMediaFile<UploadedFigure>(schoolSlug, file, 'image');
}

export function uploadRecordingFile(schoolSlug: string, file: File, kind: 'audio' | 'video'): Promise<Uploaded<UploadedRecording>> {
  return uploadMediaFile<UploadedRecording>(schoolSlug, file, kind);
}

export function uploadCaptionsFile(schoolSlug: string, file: File): Promise<Uploaded<{ id: string; src: string; cues: number }>> {
  return uploadMediaFile(schoolSlug, file, 'captions');
}

/** Several images, one after another: those that went up, in order, and a message for each that
 * did not. `onEach` hears each one as it finishes (figures in the story are placed as they arrive). */
export async function uploadImageFiles(schoolSlug: string, files: File[], onEach: (result: Uploaded<UploadedFigure>) => void): Promise<{ figures: UploadedFigure[]; failures: string[] }> {
  const figures: UploadedFigure[] = [];
  const failures: string[] = [];
  for (const file of files) {
    const result = await uploadImageFile(schoolSlug, file);
    onEach(result);
    if (result.ok) figures.push(result.figure);
    else failures.push(result.error);
  }
  return { figures, failures };
}
