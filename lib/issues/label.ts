/** How a newspaper names one of its issues, everywhere it is shown: "Vol. 12, No. 4". */
export function issueLabel(issue: { volume: number; number: number }): string {
  return `Vol. ${issue.volume}, No. ${issue.number}`;
}
