import type { ImportReport } from '@/lib/wordpress/import';
import type { ImportJobView } from '@/lib/wordpress/jobs';
import { ImportReportSummary } from './ImportReportSummary';
import { dateFormat } from '@/lib/dates';

/** Earlier imports of the paper, newest first, each with its report (or why it stopped). */
export function ImportHistory({ jobs }: { jobs: readonly ImportJobView[] }) {
  if (jobs.length === 0) return null;
  return (
    <div className="mt-6">
      <h3 className="font-semibold">Earlier imports</h3>
      <ul className="mt-2 space-y-2">
        {jobs.map((job) => (
          <li key={job.id}>
            <details>
              <summary>
                {job.filename}, {dateFormat({ dateStyle: 'medium' }).format(job.createdAt)}: {job.status === 'DONE' ? 'done' : 'stopped'}
              </summary>
              <div className="mt-2 pl-4">{job.report ? <ImportReportSummary report={job.report as ImportReport} /> : <p className="text-sm">{job.error}</p>}</div>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
