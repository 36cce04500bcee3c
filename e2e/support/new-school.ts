// `node --import tsx e2e/support/new-school.ts <slug> <adviser e-mail>` against the e2e database
// (DATABASE_URL): an empty school of its own for a spec that fills a paper, with an adviser who
// signs in with the demo password, so no other spec sees what it adds.
import { hashPassword } from '../../lib/auth/password.ts';
import { disconnectDb, platformDb as db } from '../../lib/db.ts';

const [slug, email] = process.argv.slice(2);
if (!slug || !email) throw new Error('Usage: new-school.ts <slug> <adviser e-mail>');
const school = await db.school.create({ data: { slug, name: `${slug} High`, newspaperName: `The ${slug} Ledger` } });
const user = await db.user.create({ data: { email, name: 'Import Adviser', passwordHash: await hashPassword('masthead-demo') } });
await db.membership.create({ data: { schoolId: school.id, userId: user.id, role: 'ADVISER', displayName: 'Import Adviser', slug: 'import-adviser' } });
await disconnectDb();
