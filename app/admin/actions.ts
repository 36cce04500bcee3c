'use server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getSignedInUserId } from '@/lib/auth/signed-in';
import { formField, readForm, refusedForm, type FormState } from '@/lib/forms';
import { createSchool, isPlatformAdmin } from '@/lib/tenants/create-school';

type NewSchoolState = FormState<{ link?: string; slug?: string }>;

const NewSchoolFields = z.object({ slug: formField.text, name: formField.text, newspaperName: formField.text, host: formField.text, adviserEmail: formField.text });

export async function addSchool(_previous: NewSchoolState, form: FormData): Promise<NewSchoolState> {
  const userId = await getSignedInUserId();
  // For everyone but a platform admin this page, and so its action, does not exist.
  if (!userId || !(await isPlatformAdmin(userId))) notFound();
  const fields = readForm(NewSchoolFields, form);
  const created = fields.ok ? await createSchool(userId, fields.data) : fields;
  if (!created.ok) return refusedForm(created, form);
  return { ok: true, slug: created.data.slug, link: created.data.invitation.link };
}
