/**
 * Sections of an assessment not yet complete enough to save, kept in this browser until they are.
 * They hold health data, so signing out removes every one of them from the device.
 */
type Input = Record<string, unknown>;

const PREFIX = "hipcheck.draft.";

export function readDraft(assessmentId: string): Input {
  try {
    return JSON.parse(localStorage.getItem(PREFIX + assessmentId) ?? "{}") as Input;
  } catch {
    return {};
  }
}

export function writeDraft(assessmentId: string, value: Input): void {
  if (Object.keys(value).length === 0) localStorage.removeItem(PREFIX + assessmentId);
  else localStorage.setItem(PREFIX + assessmentId, JSON.stringify(value));
}

export function clearDrafts(): void {
  const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
  for (const key of keys) if (key?.startsWith(PREFIX)) localStorage.removeItem(key);
}
