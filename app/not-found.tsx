import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-20 text-center">
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-gray-700">There is no page at this address.</p>
      <p className="mt-6">
        <Link className="underline" href="/">
          Go to Masthead
        </Link>
      </p>
    </main>
  );
}
