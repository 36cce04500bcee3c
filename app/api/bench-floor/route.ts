import { benchFloorPage } from '@/lib/serving/bench-floor';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const page = await benchFloorPage(new URL(request.url).searchParams.get('page'));
  if (!page) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(page), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
