'use client';
import { useEffect, useState, type FormEvent } from 'react';
import { Button, ErrorBox, ProgressBar, StatusText } from '@/components/ui';
import type { ImportReport } from '@/lib/wordpress/import';
import type { ImportJobView } from '@/lib/wordpress/jobs';
import { ImportReportSummary } from './ImportReportSummary';

type Job = ImportJobView;
type Stage = { kind: 'idle' } | { kind: 'uploading'; what: string; sent: number; size: number } | { kind: 'job'; job: Job } | { kind: 'refused'; error: string };

const POLL_MS = 1_000;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Sends a file as the request body, reporting how much has gone (fetch cannot report upload
 * progress; XMLHttpRequest can). */
function sendFile(method: string, url: string, file: File, onProgress: (sent: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.setRequestHeader('X-Filename', encodeURIComponent(file.name));
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // Not JSON: the status alone says what happened.
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => resolve({ status: 0, body: null });
    request.send(file);
  });
}

const refusal = (response: { status: number; body: unknown }) => {
  const body = response.body as { error?: string; fieldErrors?: Record<string, string> } | null;
  if (response.status === 0) return 'The server cannot be reached; check the connection and try again.';
  return body?.fieldErrors?.file ?? body?.fieldErrors?.uploads ?? body?.error ?? `The server answered ${response.status}; try again.`;
};

/** Moving an archive in from the settings page: the export (and, if the adviser has it, a zip of
 * the uploads folder) is sent with a progress bar, then the import's own progress is shown while it
 * runs in the background — leaving the page does not stop it, and coming back shows where it is. */
export function WordPressImportForm({ schoolSlug, runningJob }: { schoolSlug: string; runningJob: Job | null }) {
  const [stage, setStage] = useState<Stage>(runningJob ? { kind: 'job', job: runningJob } : { kind: 'idle' });
  const base = `/api/schools/${schoolSlug}/import/wordpress`;
  const polledJob = stage.kind === 'job' && ['QUEUED', 'RUNNING', 'UPLOADING'].includes(stage.job.status) ? stage.job.id : null;

  useEffect(() => {
    if (!polledJob) return;
    const timer = setInterval(async () => {
      const response = await fetch(`${base}/${polledJob}`, { cache: 'no-store' }).catch(() => null);
      if (response?.ok) setStage({ kind: 'job', job: (await response.json()) as Job });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [base, polledJob]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const exportFile = form.get('export');
    const uploads = form.get('uploads');
    if (!(exportFile instanceof File) || exportFile.size === 0) return setStage({ kind: 'refused', error: 'Choose the export file WordPress wrote (Tools → Export).' });
    const archive = uploads instanceof File && uploads.size > 0 ? uploads : null;
    setStage({ kind: 'uploading', what: `Sending ${exportFile.name}`, sent: 0, size: exportFile.size });
    const started = await sendFile('POST', `${base}${archive ? '?uploads=zip' : ''}`, exportFile, (sent) =>
      setStage({ kind: 'uploading', what: `Sending ${exportFile.name}`, sent, size: exportFile.size }),
    );
    if (started.status !== 202) return setStage({ kind: 'refused', error: refusal(started) });
    let job = started.body as Job;
    if (archive) {
      setStage({ kind: 'uploading', what: `Sending ${archive.name}`, sent: 0, size: archive.size });
      const sent = await sendFile('PUT', `${base}/${job.id}/uploads`, archive, (bytes) => setStage({ kind: 'uploading', what: `Sending ${archive.name}`, sent: bytes, size: archive.size }));
      if (sent.status !== 202) return setStage({ kind: 'refused', error: refusal(sent) });
      job = sent.body as Job;
    }
    setStage({ kind: 'job', job });
  }

  const busy = stage.kind === 'uploading' || polledJob !== null;
  return (
    <div className="mt-4 space-y-4">
      <form onSubmit={submit} className="space-y-3" aria-label="Import from WordPress">
        <label className="block font-medium">
          WordPress export file (.xml)
          <input name="export" type="file" accept=".xml,application/xml,text/xml" required className="mt-1 block" disabled={busy} />
        </label>
        <label className="block font-medium">
          Uploads folder, zipped (optional)
          <span className="block text-sm font-normal text-gray-700">wp-content/uploads from the old server as a .zip: the stories’ photos come from it.</span>
          <input name="uploads" type="file" accept=".zip,application/zip" className="mt-1 block" disabled={busy} />
        </label>
        <Button pending={busy} pendingLabel="Importing…">
          Import
        </Button>
      </form>
      {stage.kind === 'uploading' && <ProgressBar label={`${stage.what}: ${megabytes(stage.sent)} of ${megabytes(stage.size)}`} value={stage.sent} max={stage.size || 1} />}
      {stage.kind === 'refused' && <ErrorBox>{stage.error}</ErrorBox>}
      {stage.kind === 'job' && <ImportJobProgress job={stage.job} />}
    </div>
  );
}

function ImportJobProgress({ job }: { job: Job }) {
  if (job.status === 'FAILED')
    return (
      <ErrorBox>
        The import of {job.filename} stopped: {job.error}
      </ErrorBox>
    );
  if (job.status === 'DONE')
    return (
      <div className="space-y-2 rounded border border-gray-300 p-3">
        <StatusText>The import of {job.filename} is done.</StatusText>
        {job.report ? <ImportReportSummary report={job.report as ImportReport} /> : null}
      </div>
    );
  if (job.status === 'UPLOADING') return <ProgressBar label={`${job.filename} has arrived; waiting for the uploads folder.`} />;
  if (job.status === 'QUEUED' || job.total === 0) return <ProgressBar label={`${job.filename} has arrived; the import starts in a moment.`} />;
  return <ProgressBar label={`Importing ${job.filename}: ${job.done.toLocaleString('en-US')} of ${job.total.toLocaleString('en-US')} stories`} value={job.done} max={job.total} />;
}
