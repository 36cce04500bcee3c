'use server';
import { notFound } from 'next/navigation';
import { getSignedInUserId } from '@/lib/auth/session';
import { createSchool, isPlatformAdmin } from '@/lib/tenants/create-school';

import type { FormState } from '@/lib/forms';

type NewSchoolState = FormState<{ link?: string; slug?: string }>;

export async function addSchool(_previous: NewSchoolState, form: FormData): Promise<NewSchoolState> {
  const userId = await getSignedInUserId();
  // For everyone but a platform admin this page, and so its action, does not exist.
  if (!userId || !(await isPlatformAdmin(userId))) notFound();
  const field = (name: string) => String(form.get(name) ?? '');
  const created = await createSchool(userId, { slug: field('slug'), name: field('name'), newspaperName: field('newspaperName'), host: field('host'), adviserEmail: field('adviserEmail') });
  if (!created.ok) return { ok: false, error: created.error, fieldErrors: created.fieldErrors };
  return { ok: true, slug: created.data.slug, link: created.data.invitation.link };
}
