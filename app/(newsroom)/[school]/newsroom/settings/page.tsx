import { notFound } from 'next/navigation';
import { BrandingForm } from '@/components/newsroom/BrandingForm';
import { EditorialSettingsForm } from '@/components/newsroom/EditorialSettingsForm';
import { ImportHistory } from '@/components/newsroom/ImportHistory';
import { WordPressImportForm } from '@/components/newsroom/WordPressImportForm';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { db } from '@/lib/db';
import { nextSchoolYear } from '@/lib/people/rollover';
import { schoolLogoSrc } from '@/lib/tenants/branding';
import { getSchoolSettings } from '@/lib/tenants/settings';
import { recentImportJobs } from '@/lib/wordpress/jobs';
import { CHECKLIST_LABELS } from '@/lib/workflow/checklist';
import { CHAIN_STEP_LABELS, CHAIN_STEPS } from '@/lib/workflow/policy';
import { closeSchoolYear, saveBranding, saveCommentSettings, saveRequestPolicy, saveSettings } from '../actions';
import { CommentSettingsForm } from '@/components/newsroom/CommentSettingsForm';
import { COMMENTER_NAME_POLICIES } from '@/lib/reader-comments/policy';
import { RemovalPolicyForm } from '@/components/newsroom/RemovalPolicyForm';
import { defaultRemovalPolicy } from '@/lib/removals/policy';
import { PageNotice, buttonClass } from '@/components/ui';
import { newsroomPath } from '@/lib/routes';

export default async function SettingsPage({ params, searchParams }: { params: Promise<{ school: string }>; searchParams: Promise<{ notice?: string; error?: string }> }) {
  const { school: slug } = await params;
  const { actor, school } = await requireNewsroomActor(slug, newsroomPath(slug, 'settings'));
  const settings = await getSchoolSettings(actor);
  if (!settings.ok) notFound();
  const { notice, error } = await searchParams;
  const branding = await db.school.findUniqueOrThrow({
    where: { id: school.id },
    select: { newspaperName: true, tagline: true, accentColor: true, removalPolicy: true, commentsEnabled: true, commenterNamePolicy: true },
  });
  const chainSteps = CHAIN_STEPS.map((step) => ({ value: step, label: CHAIN_STEP_LABELS[step].replace(/^(the|a) /, '') }));
  const checklistItems = Object.entries(CHECKLIST_LABELS).map(([value, label]) => ({ value, label }));
  const imports = await recentImportJobs(actor);
  const importJobs = imports.ok ? imports.data : [];
  const unfinished = importJobs.find((job) => job.status !== 'DONE' && job.status !== 'FAILED');
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-12 px-6 py-8">
      <h1 className="text-2xl font-bold">Settings of {branding.newspaperName}</h1>
      <PageNotice notice={notice} error={error} />
      <section aria-labelledby="editorial">
        <h2 id="editorial" className="mb-4 text-xl font-bold">
          Review, names and the checklist
        </h2>
        <EditorialSettingsForm action={saveSettings.bind(null, slug)} settings={settings.data} chainSteps={chainSteps} checklistItems={checklistItems} />
      </section>
      <section aria-labelledby="branding">
        <h2 id="branding" className="text-xl font-bold">
          Branding
        </h2>
        <BrandingForm schoolSlug={slug} action={saveBranding.bind(null, slug)} branding={branding} logoSrc={await schoolLogoSrc(school)} />
      </section>
      <section aria-labelledby="reader-comments">
        <h2 id="reader-comments" className="text-xl font-bold">
          Readers’ comments
        </h2>
        <p className="mt-2 text-gray-800">
          Off unless you turn them on. Commenters confirm their e-mail address; every comment waits in the newsroom’s Comments until an editor approves it, and each story can close its own.
        </p>
        <CommentSettingsForm
          action={saveCommentSettings.bind(null, slug)}
          enabled={branding.commentsEnabled}
          namePolicy={branding.commenterNamePolicy}
          policies={Object.entries(COMMENTER_NAME_POLICIES).map(([value, policy]) => ({ value, label: policy.label }))}
        />
      </section>
      <section aria-labelledby="requests-policy">
        <h2 id="requests-policy" className="text-xl font-bold">
          Requests to correct, anonymize or remove stories
        </h2>
        <p className="mt-2 text-gray-800">
          Readers ask from a link under every story, after reading this policy (
          <a className="underline" href={`/${slug}/corrections/policy`}>
            as they see it
          </a>
          ). The editors and you decide in the newsroom’s Requests.
        </p>
        <RemovalPolicyForm action={saveRequestPolicy.bind(null, slug)} policy={branding.removalPolicy ?? defaultRemovalPolicy(branding.newspaperName)} usesDefault={branding.removalPolicy === null} />
      </section>
      <section aria-labelledby="school-year" className="rounded border border-gray-300 p-4">
        <h2 id="school-year" className="text-xl font-bold">
          School year {school.currentSchoolYear}
        </h2>
        <p className="mt-2 text-gray-800">
          Closing the year archives this year’s staff box as it stands, makes seniors alumni (their bylines and pages stay; they no longer open the newsroom) and moves everyone else up a class. The
          paper then starts {nextSchoolYear(school.currentSchoolYear)}.
        </p>
        <form action={closeSchoolYear.bind(null, slug)} className="mt-3 space-y-2">
          <input type="hidden" name="fromYear" value={school.currentSchoolYear} />
          <label className="flex gap-2">
            <input type="checkbox" name="confirm" required /> I want to close {school.currentSchoolYear}
          </label>
          <button type="submit" className={buttonClass.secondary}>
            Close {school.currentSchoolYear} and start {nextSchoolYear(school.currentSchoolYear)}
          </button>
        </form>
      </section>
      <section aria-labelledby="move-in" className="rounded border border-gray-300 p-4">
        <h2 id="move-in" className="text-xl font-bold">
          Move an archive in from WordPress
        </h2>
        <p className="mt-2 text-gray-800">
          Stories come in with their dates, sections, tags, bylines and photos, and every old address leads to its story. Importing the same file again updates what changed and duplicates nothing. The
          import runs on the server: you may leave this page while it works.
        </p>
        <WordPressImportForm schoolSlug={slug} runningJob={unfinished ?? null} />
        <ImportHistory jobs={importJobs.filter((job) => job !== unfinished)} />
      </section>
      <section aria-labelledby="take-it-out" className="rounded border border-gray-300 p-4">
        <h2 id="take-it-out" className="text-xl font-bold">
          The whole paper, to keep or to move
        </h2>
        <p className="mt-2 text-gray-800">
          Every story with its status, dates, section, tags and bylines, as a WordPress export file: WordPress (Tools → Import) and Masthead both read it. Or everything Masthead keeps about the paper
          — stories with every revision, sections, issues, staff and the photos themselves — as JSON in a zip.
        </p>
        <ul className="mt-3 space-y-1">
          <li>
            <a className="underline" href={`/api/schools/${slug}/export/wordpress`} download>
              Download the WordPress export
            </a>
          </li>
          <li>
            <a className="underline" href={`/api/schools/${slug}/export/json`} download>
              Download everything (JSON and photos, .zip)
            </a>
          </li>
        </ul>
      </section>
    </main>
  );
}
