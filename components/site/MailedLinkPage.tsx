import { notFound } from 'next/navigation';
import type { FormAction } from '@/lib/forms';
import { queryParams } from '@/lib/result';
import { getSchoolBySlug } from '@/lib/tenants';
import { ConfirmTokenForm } from './ConfirmTokenForm';

interface MailedLink {
  heading: (newspaperName: string) => string;
  lead: string;
  label: string;
  action: (schoolSlug: string, ...rest: Parameters<FormAction>) => ReturnType<FormAction>;
}

type Props = { params: Promise<{ school: string }>; searchParams: Promise<Record<string, unknown>> };

/** The page a mailed link opens (confirm a request, a comment, a sign-up; leave a list): the
 * paper's words and one button that carries the link's token to `action`. */
export function mailedLinkPage({ heading, lead, label, action }: MailedLink) {
  return async function MailedLinkPage({ params, searchParams }: Props) {
    const school = await getSchoolBySlug((await params).school);
    if (!school) notFound();
    const { token = '' } = queryParams(await searchParams);
    return (
      <main id="main" className="mx-auto max-w-xl px-6 py-8">
        <h1 className="font-serif text-3xl font-bold">{heading(school.newspaperName)}</h1>
        <p className="mt-2 text-gray-800">{lead}</p>
        <ConfirmTokenForm action={action.bind(null, school.slug)} token={token.slice(0, 200)} label={label} />
      </main>
    );
  };
}
