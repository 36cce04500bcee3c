// How a paper answers requests to correct, anonymize or remove a story: the days it gives itself,
// and the policy readers read before they ask (the adviser's own words, or this default).

/** Days from a confirmed request to the paper's answer. */
export const RESPONSE_DAYS = 14;

export const REQUEST_KINDS = {
  CORRECTION: 'Correct something the story gets wrong',
  ANONYMIZE: 'Remove a person’s name from the story',
  REMOVAL: 'Take the story down',
} as const;

export const OUTCOME_LABELS = {
  DECLINED: 'Declined',
  CORRECTION: 'A correction was published',
  EDITORS_NOTE: 'An editor’s note was added',
  ANONYMIZED: 'A name was replaced',
  UNPUBLISHED: 'The story was unpublished',
} as const;

export function defaultRemovalPolicy(newspaperName: string): string {
  return [
    `${newspaperName} publishes the record of our school, and we do not take stories down lightly: an archive that changes on request is one readers cannot trust.`,
    `We correct errors of fact promptly, and say so on the story. We add an editor’s note when a story needs context it lacked. We replace a person’s name with a description when keeping it would cause harm out of proportion to the news value — most often for students who were minors when the story ran. We unpublish a story only when it was wrong or unfair in a way a correction cannot fix, and then the address says why.`,
    `Every request is read by the student editors and the faculty adviser, who decide together within ${RESPONSE_DAYS} days and write to you with the outcome.`,
  ].join('\n\n');
}
