/**
 * Text for a terminal: control characters in a runner's free text (an escape sequence in a
 * note can clear the screen or set the window title) are shown as `\u001b` instead of acting.
 * JSON output keeps them intact: JSON.stringify escapes them itself.
 */

/** Newline and tab lay out the text; every other C0 or C1 control character is escaped. */
function isUnsafe(code: number): boolean {
  if (code === 0x0a || code === 0x09) return false;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    // Bidirectional overrides and isolates reorder what is shown.
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** `text` with every unsafe character written as a visible `\uXXXX` escape. */
export function forTerminal(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += isUnsafe(code) ? `\\u${code.toString(16).padStart(4, "0")}` : char;
  }
  return out;
}
