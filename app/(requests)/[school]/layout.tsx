import type { ReactNode } from 'react';
import { SchoolSiteFrame } from '@/components/site/SchoolSiteFrame';

// The public request form and its confirmation, in the paper's frame. Apart from the reader site
// (app/(site)) because their forms are client components — which answer without JavaScript too —
// and reader pages may have none; these pages are never cached (lib/routes: the requests area).
export default async function SchoolRequestsLayout({ children, params }: { children: ReactNode; params: Promise<{ school: string }> }) {
  return <SchoolSiteFrame schoolSlug={(await params).school}>{children}</SchoolSiteFrame>;
}
