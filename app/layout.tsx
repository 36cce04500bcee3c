import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { HtmlDocument } from '@/components/site/HtmlDocument';
import { ROOT_METADATA } from '@/lib/serving/page-metadata';
import './globals.css';

export const metadata: Metadata = ROOT_METADATA;

export default function RootLayout({ children }: { children: ReactNode }) {
  return <HtmlDocument>{children}</HtmlDocument>;
}
