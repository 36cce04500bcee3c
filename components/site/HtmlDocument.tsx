import type { ReactNode } from 'react';

/** The document around every page: its language and the body's base style. Next writes the head
 * itself (from the pages' metadata); the production server passes one when it renders a reader page
 * on its own (server/direct-render.tsx). */
export function HtmlDocument({ head, children }: { head?: ReactNode; children: ReactNode }) {
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- only the production server's own render passes a head; under Next it is left out (the rule is for the Pages Router's next/head) */}
      {head && <head>{head}</head>}
      <body className="min-h-screen bg-white font-sans text-gray-900 antialiased">{children}</body>
    </html>
  );
}
