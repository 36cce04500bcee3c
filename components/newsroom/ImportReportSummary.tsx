import type { ImportReport } from '@/lib/wordpress/import';

const number = (count: number) => count.toLocaleString('en-US');
const plural = (count: number, one: string, many = `${one}s`) => `${number(count)} ${count === 1 ? one : many}`;
const SHOWN_MISSING = 20;

/** What an import brought in, what it left behind and why: the report an adviser checks before
 * telling readers the archive has moved. */
export function ImportReportSummary({ report }: { report: ImportReport }) {
  const { posts, images, sections, people, skipped, missingFiles, unknownShortcodes } = report;
  const shortcodes = Object.entries(unknownShortcodes);
  return (
    <div className="space-y-3 text-sm">
      <ul className="list-disc pl-5">
        <li>
          Stories: {plural(posts.created, 'new story', 'new stories')}, {number(posts.updated)} updated, {number(posts.unchanged)} unchanged
        </li>
        <li>
          Pictures: {number(images.imported)} imported, {number(images.reused)} already here
        </li>
        <li>
          Sections: {plural(sections.created, 'new section')}, {number(sections.matched)} matched; staff: {plural(people.members, 'new member')}, {plural(people.guests, 'guest byline')}
        </li>
        <li>Old addresses that now lead to their story: {number(report.redirects)}</li>
      </ul>
      {skipped.length > 0 && (
        <div>
          <h4 className="font-semibold">Left behind</h4>
          <ul className="list-disc pl-5">
            {skipped.map((entry) => (
              <li key={entry.what}>
                {entry.what}: {entry.why}
              </li>
            ))}
          </ul>
        </div>
      )}
      {missingFiles.length > 0 && (
        <div>
          <h4 className="font-semibold">Pictures not found in the uploads folder ({number(missingFiles.length)})</h4>
          <ul className="list-disc pl-5 break-all">
            {missingFiles.slice(0, SHOWN_MISSING).map((file) => (
              <li key={file}>{file}</li>
            ))}
            {missingFiles.length > SHOWN_MISSING && <li>and {number(missingFiles.length - SHOWN_MISSING)} more</li>}
          </ul>
        </div>
      )}
      {shortcodes.length > 0 && <p>Shortcodes removed (their text kept): {shortcodes.map(([name, count]) => `[${name}] in ${plural(count, 'story', 'stories')}`).join(', ')}</p>}
    </div>
  );
}
