export { classifyHost, normalizeHost, SchoolSlug, RESERVED_SLUGS, type HostKind } from './host.ts';
export { findSchoolBySlug, getSchoolBySlug, findSchoolSlugByCustomHost, listSchools, type School } from './schools.ts';
export { listSections } from './sections.ts';
