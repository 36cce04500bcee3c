import { getSignedInUserId } from '@/lib/auth/signed-in';
import { buildPortfolio } from '@/lib/people/portfolio';
import { resultResponse } from '@/lib/result';

// The signed-in member's (or alumnus's) published work in this school, as a file to keep.
export async function GET(_request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  const userId = await getSignedInUserId();
  if (!userId) return Response.json({ error: 'Sign in to download your portfolio.' }, { status: 401 });
  const portfolio = await buildPortfolio(userId, school);
  if (!portfolio.ok) return resultResponse(portfolio);
  return new Response(portfolio.data.html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Disposition': `attachment; filename="${portfolio.data.fileName}"`, 'Cache-Control': 'private, no-store' },
  });
}
