// A signed-in HTTP client for scripts (the benchmark): signs in through next-auth's credentials
// endpoint exactly as the sign-in form does, then sends JSON with the session cookie and an Origin.
export interface SignedInClient {
  email: string;
  /** The Cookie header the client sends (for load generators that sign in as it). */
  cookie: string;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; ms: number }>;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
}

export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<SignedInClient> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = cookiesOf(callback).find((cookie) => cookie.includes('next-auth.session-token='));
  if (!session) throw new Error(`Signing in ${email} failed (${callback.status}).`);
  const cookie = [...jar, session].join('; ');
  return {
    email,
    cookie,
    async request(method, path, body) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { Cookie: cookie, Origin: baseUrl, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      return { status: response.status, json, ms };
    },
  };
}
