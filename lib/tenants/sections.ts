import { cache } from 'react';
import { db } from '../db.ts';

export const listSections = cache(async (schoolId: string) =>
  db.section.findMany({ where: { schoolId }, orderBy: { position: 'asc' }, select: { id: true, name: true, slug: true } }),
);
