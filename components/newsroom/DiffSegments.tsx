import type { Segment } from '@/lib/articles/revision-diff';

/** Text with removed words struck through and added words marked, as <del> and <ins>. */
export function DiffSegments({ segments }: { segments: Segment[] | null }) {
  if (!segments) return null;
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind === 'same' ? (
          <span key={index}>{segment.text}</span>
        ) : segment.kind === 'added' ? (
          <ins key={index} className="bg-green-100 no-underline">
            {segment.text}
          </ins>
        ) : (
          <del key={index} className="bg-red-100">
            {segment.text}
          </del>
        ),
      )}
    </>
  );
}
