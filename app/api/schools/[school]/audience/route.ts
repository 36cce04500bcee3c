import { audienceCsv } from '@/lib/audience/numbers';
import { withActor } from '@/lib/auth/request';

// The audience numbers the signed-in member may see, as CSV for a spreadsheet.
export async function GET(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => {
    return new Response(await audienceCsv(actor), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${school}-audience-${new Date().toISOString().slice(0, 10)}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  });
}
