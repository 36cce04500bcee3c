import { withActor } from '@/lib/auth/request';
import { resultResponse } from '@/lib/result';
import { exportWxr } from '@/lib/wordpress/export';

// The whole paper as a WordPress export file (WXR), for the adviser to keep or to move elsewhere.
export async function GET(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => {
    const exported = await exportWxr(actor);
    if (!exported.ok) return resultResponse(exported);
    return new Response(exported.data, {
      headers: {
        'Content-Type': 'application/rss+xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${school}-${new Date().toISOString().slice(0, 10)}.wordpress.xml"`,
        'Cache-Control': 'private, no-store',
      },
    });
  });
}
