import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { SiteHeader } from '@/components/site/SiteHeader';
import { getSchoolBySlug } from '@/lib/tenants';
import { schoolLogoSrc } from '@/lib/tenants/branding';

/** The paper around a page of its site: skip link, masthead with sections, footer. */
export async function SchoolSiteFrame({ schoolSlug, children }: { schoolSlug: string; children: ReactNode }) {
  const school = await getSchoolBySlug(schoolSlug);
  if (!school) notFound();
  const logoSrc = await schoolLogoSrc(school);
  return (
    <div style={{ ['--accent' as string]: school.accentColor }}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SiteHeader schoolSlug={school.slug} newspaperName={school.newspaperName} schoolName={school.name} tagline={school.tagline} logoSrc={logoSrc} sections={school.sections} />
      {children}
      <footer className="site-footer mt-16 border-t border-gray-200 py-8 text-center text-sm text-gray-700">
        {school.newspaperName} · {school.name} ·{' '}
        <a className="underline" href={`/${school.slug}/sports`}>
          Scoreboard
        </a>{' '}
        ·{' '}
        <a className="underline" href={`/${school.slug}/corrections`}>
          Corrections
        </a>{' '}
        ·{' '}
        <a className="underline" href={`/${school.slug}/corrections/policy`}>
          Corrections and removals policy
        </a>{' '}
        ·{' '}
        <a className="underline" href={`/${school.slug}/podcast.xml`}>
          Podcast feed
        </a>
      </footer>
    </div>
  );
}
