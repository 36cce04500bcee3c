import type { ReactNode } from 'react';
import { SchoolSiteFrame } from '@/components/site/SchoolSiteFrame';

export default async function SchoolSiteLayout({ children, params }: { children: ReactNode; params: Promise<{ school: string }> }) {
  return <SchoolSiteFrame schoolSlug={(await params).school}>{children}</SchoolSiteFrame>;
}
