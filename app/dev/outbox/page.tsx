import { notFound } from 'next/navigation';
import { listOutbox, smtpConfigured } from '@/lib/notifications';

export const dynamic = 'force-dynamic';

// Development only: the mail Masthead would have sent, when no SMTP server is configured.
export default async function DevOutboxPage() {
  if (process.env.NODE_ENV === 'production' || smtpConfigured()) notFound();
  const messages = await listOutbox();
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="text-2xl font-bold">Development outbox</h1>
      <p className="mt-2 text-gray-700">No SMTP server is configured (SMTP_URL), so mail stays here. Production never shows this page.</p>
      <ul className="mt-6 space-y-4">
        {messages.map((message) => (
          <li key={message.id} className="rounded border border-gray-300 p-3">
            <p className="text-sm text-gray-700">
              To {message.to} · {message.createdAt.toISOString()}
            </p>
            <p className="font-semibold">{message.subject}</p>
            <pre className="mt-2 whitespace-pre-wrap text-sm">{message.text}</pre>
          </li>
        ))}
      </ul>
    </main>
  );
}
