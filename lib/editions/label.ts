/** How a newspaper names one of its issues (an Edition in code), everywhere it is shown: "Vol. 12, No. 4". */
export function editionLabel(edition: { volume: number; number: number }): string {
  return `Vol. ${edition.volume}, No. ${edition.number}`;
}

/** A volume (a school year of issues) and the years its issues span. */
export interface Volume {
  volume: number;
  firstYear: number;
  lastYear: number;
}

/** How a newspaper names a volume with the years its issues span: "Vol. 12 (2025–26)", or
 * "Vol. 12 (2026)" when they fall in one year. */
export function volumeLabel(volume: Volume): string {
  const years = volume.firstYear === volume.lastYear ? `${volume.firstYear}` : `${volume.firstYear}–${String(volume.lastYear).slice(-2)}`;
  return `Vol. ${volume.volume} (${years})`;
}

/** The volumes of these issues, newest first, each with the years its issues span. */
export function volumesOf(editions: readonly { volume: number; issueDate: Date }[]): Volume[] {
  const volumes = new Map<number, Volume>();
  for (const { volume, issueDate } of editions) {
    const year = issueDate.getUTCFullYear();
    const known = volumes.get(volume);
    if (!known) volumes.set(volume, { volume, firstYear: year, lastYear: year });
    else volumes.set(volume, { volume, firstYear: Math.min(known.firstYear, year), lastYear: Math.max(known.lastYear, year) });
  }
  return [...volumes.values()].sort((a, b) => b.volume - a.volume);
}
