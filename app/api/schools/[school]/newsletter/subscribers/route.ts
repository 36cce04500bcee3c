import { withActor } from '@/lib/auth/request';
import { subscribersCsv } from '@/lib/newsletters/subscribers';
import { resultResponse } from '@/lib/result';

// The school's subscribers, as CSV: the adviser's copy of this personal data.
export async function GET(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => {
    const csv = await subscribersCsv(actor);
    if (!csv.ok) return resultResponse(csv);
    return new Response(csv.data, {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${school}-subscribers.csv"`, 'Cache-Control': 'private, no-store' },
    });
  });
}
