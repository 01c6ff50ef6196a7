/** Watch files for tests: the GPX example moved by whole days, so each copy is a new run. */
export function shiftedGpx(gpx: string, days: number): string {
  const shift = days * 24 * 60 * 60 * 1000;
  return gpx.replace(
    /<time>([^<]+)<\/time>/g,
    (_, time: string) => `<time>${new Date(Date.parse(time) + shift).toISOString()}</time>`,
  );
}
