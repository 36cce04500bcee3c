import { notFound } from 'next/navigation';
import { BrandingForm } from '@/components/newsroom/BrandingForm';
import { can } from '@/lib/auth';
import { requireNewsroomActor } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { schoolLogoSrc } from '@/lib/tenants/branding';
import { saveBranding } from '../actions';

export default async function SettingsPage({ params }: { params: Promise<{ school: string }> }) {
  const { school: slug } = await params;
  const { actor, school } = await requireNewsroomActor(slug, `/${slug}/newsroom/settings`);
  if (!can(actor, 'school.settings')) notFound();
  const branding = await db.school.findUniqueOrThrow({ where: { id: school.id }, select: { newspaperName: true, tagline: true, accentColor: true } });
  return (
    <main id="main" className="mx-auto max-w-2xl px-6 py-8">
      <h1 className="text-2xl font-bold">Branding of {branding.newspaperName}</h1>
      <BrandingForm schoolSlug={slug} action={saveBranding.bind(null, slug)} branding={branding} logoSrc={await schoolLogoSrc(school)} />
    </main>
  );
}
