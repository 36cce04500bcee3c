// How a form or a page says that something went wrong, or right. Errors are announced (role
// "alert"); a success is a polite status.
import type { ReactNode } from 'react';

/** A refusal that concerns the whole form or page: boxed, so it is seen. */
export function ErrorBox({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <div role="alert" className={`rounded border border-red-700 bg-red-50 px-3 py-2 text-red-800 ${className}`.trim()}>
      {children}
    </div>
  );
}

/** A short error beside what it concerns: a field, a button, a line of a list. */
export function ErrorText({ children, id, className = '', inline = false }: { children: ReactNode; id?: string; className?: string; inline?: boolean }) {
  const Element = inline ? 'span' : 'p';
  return (
    <Element id={id} role="alert" className={`text-sm text-red-800 ${className}`.trim()}>
      {children}
    </Element>
  );
}

/** What just happened, when it went well. */
export function StatusText({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <p role="status" className={`text-green-800 ${className}`.trim()}>
      {children}
    </p>
  );
}

/** The answer a page action left in the address (`?notice=` or `?error=`; see lib/newsroom/action.ts). */
export function PageNotice({ notice, error }: { notice?: string; error?: string }) {
  return (
    <>
      {notice && <StatusText className="mt-4 rounded border border-green-700 bg-green-50 px-3 py-2">{notice}</StatusText>}
      {error && <ErrorBox className="mt-4">{error}</ErrorBox>}
    </>
  );
}
