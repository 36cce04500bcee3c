export { classifyHost, normalizeHost, SchoolSlug, type HostKind } from './host.ts';
export { RESERVED_SLUGS } from '../routes.ts';
export { findSchoolBySlug, getSchoolBySlug, findSchoolSlugByCustomHost, listSchools, type School } from './schools.ts';
export { listSections } from './sections.ts';
