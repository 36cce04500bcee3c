import { unsubscribe } from '@/lib/newsletters/subscribers';
import { getSchoolBySlug } from '@/lib/tenants';

// One-click unsubscribe (RFC 8058): the reader's mail program POSTs "List-Unsubscribe=One-Click" to
// the address in the message's List-Unsubscribe header. No sign-in and no cookie: the token in the
// address is the permission, and it can only take that one address off this school's lists.
export async function POST(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const school = await getSchoolBySlug((await params).school);
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const body = await request.text().catch(() => '');
  if (!body.includes('List-Unsubscribe=One-Click')) return Response.json({ error: 'A one-click unsubscribe says “List-Unsubscribe=One-Click” in its body (RFC 8058).' }, { status: 400 });
  const done = school ? await unsubscribe(school, token) : null;
  if (!done?.ok) return Response.json({ error: 'That unsubscribe link is not one of ours.' }, { status: 404 });
  return Response.json({ unsubscribed: true });
}
