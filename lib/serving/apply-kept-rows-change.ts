// Where a change the listener heard meets the rows kept in this thread (lib/serving/
// kept-while-listening.ts): in the thread that renders, which is where they are kept.
import { retirePerson } from '../auth/people-cache.ts';
import { retireSchool } from '../tenants/school-cache.ts';
import { trustKeptRows, type KeptRowsChange } from './kept-while-listening.ts';

export function applyKeptRowsChange(change: KeptRowsChange): void {
  if ('school' in change) retireSchool(change.school);
  else if ('person' in change) retirePerson(change.person);
  else trustKeptRows(change.listening);
}
