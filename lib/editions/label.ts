/** How a newspaper names one of its issues (an Edition in code), everywhere it is shown: "Vol. 12, No. 4". */
export function editionLabel(edition: { volume: number; number: number }): string {
  return `Vol. ${edition.volume}, No. ${edition.number}`;
}
