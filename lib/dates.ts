// Dates as the site writes them (en-US: "November 28, 2026"), through one kept formatter per set of
// options. Building an Intl.DateTimeFormat costs about 0.2 ms (more while cold, and garbage after),
// and pages built one or more on every render; formatting with a built one costs microseconds.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The en-US formatter for `options` ({ dateStyle: 'long', timeZone: school.timeZone }, …). */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', options);
    formatters.set(key, formatter);
  }
  return formatter;
}
