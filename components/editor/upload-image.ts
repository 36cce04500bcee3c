// Sends an image to the school's media endpoint; the server sniffs, resizes and strips metadata.
export interface UploadedFigure {
  id: string;
  src: string;
  width: number;
  height: number;
}

export async function uploadImageFile(schoolSlug: string, file: File): Promise<{ ok: true; figure: UploadedFigure } | { ok: false; error: string }> {
  const form = new FormData();
  form.append('file', file);
  try {
    const response = await fetch(`/api/schools/${schoolSlug}/media`, { method: 'POST', body: form });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return { ok: true, figure: body as unknown as UploadedFigure };
    const fieldErrors = body.fieldErrors as Record<string, string> | undefined;
    return { ok: false, error: `${file.name}: ${fieldErrors?.file ?? body.error ?? `upload failed (${response.status})`}` };
  } catch {
    return { ok: false, error: `${file.name}: the server cannot be reached; try again.` };
  }
}

type UploadResult = Awaited<ReturnType<typeof uploadImageFile>>;

/** Several images, one after another: those that went up, in order, and a message for each that
 * did not. `onEach` hears each one as it finishes (figures in the story are placed as they arrive). */
export async function uploadImageFiles(schoolSlug: string, files: File[], onEach: (result: UploadResult) => void): Promise<{ figures: UploadedFigure[]; failures: string[] }> {
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
