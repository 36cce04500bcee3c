import { notFound } from 'next/navigation';
import { benchFloorBody } from '@/lib/serving/bench-floor';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ page?: string }> };

// The page pipeline's floor (lib/serving/bench-floor.ts): a page's HTML as one element.
export default async function BenchFloorPage({ searchParams }: Props) {
  const body = await benchFloorBody((await searchParams).page ?? null);
  if (body === null) notFound();
  return <div dangerouslySetInnerHTML={{ __html: body }} />;
}
