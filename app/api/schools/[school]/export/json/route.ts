import { Readable } from 'node:stream';
import { withActor } from '@/lib/auth/request';
import { resultResponse } from '@/lib/result';
import { schoolArchive } from '@/lib/tenants/archive';

// Everything about the paper, as JSON with its photos in a zip, streamed as it is written.
export async function GET(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => {
    const archive = await schoolArchive(actor);
    if (!archive.ok) return resultResponse(archive);
    return new Response(Readable.toWeb(archive.data) as ReadableStream<Uint8Array>, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${school}-${new Date().toISOString().slice(0, 10)}.masthead.zip"`,
        'Cache-Control': 'private, no-store',
      },
    });
  });
}
