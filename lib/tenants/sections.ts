import { cache } from 'react';
import { dbFor } from '../db.ts';

export const listSections = cache(async (schoolId: string) => dbFor(schoolId).section.findMany({ where: { schoolId }, orderBy: { position: 'asc' }, select: { id: true, name: true, slug: true } }));
