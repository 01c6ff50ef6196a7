/** Today's calendar day in UTC, `YYYY-MM-DD`: the server's clock, handed to the pure core. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
