/** Plain-text layout for terminal reports: headings, wrapped paragraphs, aligned tables. */

export const WIDTH = 92;

export function heading(title: string): string {
  return `\n${title.toUpperCase()}\n${"─".repeat(Math.min(WIDTH, title.length))}`;
}

/** Wraps text to the report width, indenting every line; the first line may carry a bullet. */
export function wrap(text: string, indent = 0, bullet = ""): string {
  const pad = " ".repeat(indent);
  const width = WIDTH - indent - bullet.length;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  const hang = " ".repeat(bullet.length);
  return lines.map((l, i) => `${pad}${i === 0 ? bullet : hang}${l}`).join("\n");
}

/** Left-aligned columns; numbers (cells that start with a digit or sign) right-aligned. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  indent = 2,
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = header.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^[-+−]?\d|^—$|^$/.test(r[i] ?? "")),
  );
  const format = (cells: readonly string[]) =>
    " ".repeat(indent) +
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [format(header), ...rows.map(format)].join("\n");
}
