/** Lower-case words only: "Side-lying Clamshell!" → "side lying clamshell". */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * How far a query is from a name, 0 (contains it, or is contained) to 1 (nothing alike):
 * edit distance over the longer length, or the share of query words
 * with no near match (one or two typing slips) among the name's words.
 */
export function nameDistance(query: string, name: string): number {
  const q = normaliseName(query);
  const n = normaliseName(name);
  if (q === "" || n === "") return 1;
  if (n.includes(q) || q.includes(n)) return 0;
  const spelled = editDistance(q, n) / Math.max(q.length, n.length);
  const queryWords = q.split(" ");
  const nameWords = n.split(" ");
  const close = (word: string): boolean =>
    nameWords.some((other) => editDistance(word, other) <= (word.length > 6 ? 2 : 1));
  const missing = queryWords.filter((word) => !close(word)).length / queryWords.length;
  return Math.min(spelled, missing);
}
