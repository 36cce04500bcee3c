// One upload in the media library: what it is, what is said about it, its usage rights, and for
// its uploader or an editor the form to change them.
import type { FormAction } from '@/lib/forms';
import { dateFormat } from '@/lib/dates';
import { USAGE_RIGHTS, type LibraryItem } from '@/lib/media/library';
import { srcsetFor } from '@/lib/media/variants';
import { MediaDetailsForm } from './MediaDetailsForm';

const RIGHTS = Object.entries(USAGE_RIGHTS).map(([value, right]) => ({ value, label: right.label }));

function Preview({ item }: { item: LibraryItem }) {
  if (item.mimeType.startsWith('image/'))
    return (
      <img
        src={item.src}
        srcSet={srcsetFor(item.src, item.width) ?? undefined}
        sizes="16rem"
        alt={item.alt}
        width={item.width ?? undefined}
        height={item.height ?? undefined}
        loading="lazy"
        className="aspect-[3/2] w-full rounded object-cover"
      />
    );
  const kind = item.mimeType.startsWith('audio/') ? 'Audio' : 'Video';
  const minutes = item.duration ? ` · ${Math.floor(item.duration / 60)}:${String(Math.round(item.duration % 60)).padStart(2, '0')}` : '';
  return (
    <p className="flex aspect-[3/2] items-center justify-center rounded bg-gray-100 font-semibold text-gray-700">
      {kind}
      {minutes}
    </p>
  );
}

export function MediaLibraryItem({ item, timeZone, save }: { item: LibraryItem; timeZone: string; save: FormAction }) {
  const rights = USAGE_RIGHTS[item.usageRights];
  return (
    <li className="rounded border border-gray-300 p-3">
      <Preview item={item} />
      <p className="mt-2 font-medium">{item.caption || <span className="text-gray-700">No caption</span>}</p>
      <p className="text-sm text-gray-700">
        {item.credit ? `Credit: ${item.credit}` : 'No credit'} · {item.originalFilename}
      </p>
      <p className={`text-sm ${item.usageRights === 'UNKNOWN' ? 'font-semibold text-amber-800' : 'text-gray-700'}`}>
        Rights: {rights.label}
        {item.rightsNote && ` (${item.rightsNote})`}
      </p>
      <p className="text-sm text-gray-700">
        Uploaded {item.uploadedBy ? `by ${item.uploadedBy} ` : ''}on {dateFormat({ dateStyle: 'medium', timeZone }).format(item.createdAt)}
      </p>
      {item.editable && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-semibold underline">
            Edit details<span className="sr-only"> of {item.originalFilename}</span>
          </summary>
          <MediaDetailsForm action={save} saved={item} rights={RIGHTS} />
        </details>
      )}
    </li>
  );
}
