import { useCallback, useEffect, useRef, useState } from "react";
import { assessmentSchema } from "../../../core/assessment/assessment.schema.js";
import { api } from "../../api.js";
import { readDraft, writeDraft } from "../../local-drafts.js";
import type { AssessmentRow } from "../../types.js";

export type Input = Record<string, unknown>;
export type SaveState = "saved" | "saving" | "unsaved" | "incomplete" | { error: unknown };

const SAVE_DELAY_MS = 700;

/**
 * The assessment being entered: edits apply at once on screen and are saved to the server
 * shortly after (a merge patch of the sections changed), so a closed tab loses nothing.
 */
export function useDraft(row: AssessmentRow) {
  const [input, setInput] = useState<Input>(() => ({ ...row.input, ...readDraft(row.id) }));
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const pending = useRef<Input>({});
  const timer = useRef<number | undefined>(undefined);

  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return true;
    pending.current = {};
    setSaveState("saving");
    try {
      await api("PATCH", `/api/assessments/${row.id}`, { input: patch });
      // Stored: the device's copy of those sections is no longer needed (unless edited since).
      const local = readDraft(row.id);
      for (const section of Object.keys(patch))
        if (!(section in pending.current) && sectionReady(section, local[section]))
          delete local[section];
      writeDraft(row.id, local);
      setSaveState(Object.keys(pending.current).length ? "unsaved" : "saved");
      return true;
    } catch (error) {
      // Keep what was typed: it is sent again with the next save.
      pending.current = { ...patch, ...pending.current };
      setSaveState({ error });
      return false;
    }
  }, [row.id]);

  const update = useCallback(
    (section: string, value: unknown) => {
      setInput((current) => {
        const next = { ...current, [section]: value };
        // Every edit is kept on this device until the server has it: a closed tab loses nothing.
        writeDraft(row.id, { ...readDraft(row.id), [section]: value });
        return next;
      });
      if (!sectionReady(section, value)) {
        setSaveState("incomplete");
        return;
      }
      // A whole section replaces the stored one: null clears fields left out of a merge.
      const stored = value === undefined ? undefined : storable(section, value);
      pending.current = {
        ...pending.current,
        [section]: stored === undefined ? null : replace(stored),
      };
      setSaveState("unsaved");
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush, row.id],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (Object.keys(pending.current).length) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);
  return { input, update, flush, saveState };
}

/**
 * A merge patch merges objects key by key; to replace a section, send its keys that were
 * dropped as null. Sections here are small, so the client sends them whole with nulls for
 * fields it cleared (undefined ones).
 */
function replace(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = v === undefined ? null : replace(v);
  return out;
}

export function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state === "saved"
      ? "All changes saved"
      : state === "saving"
        ? "Saving…"
        : state === "unsaved"
          ? "Unsaved changes"
          : state === "incomplete"
            ? "Kept on this device until this section is complete, then saved"
            : `Not saved: ${(state.error as Error).message ?? "error"} — your entries are kept, retrying on the next change`;
  return (
    <p className={typeof state === "object" ? "save-status error" : "save-status"} role="status">
      {text}
    </p>
  );
}

/** What is sent for a section: dynamometer entries only with the trials typed in. */
function storable(section: string, value: unknown): unknown {
  if (section !== "strength") return value;
  const tests = ((value as { tests?: { trials: unknown[] }[] }).tests ?? [])
    .map((t) => ({ ...t, trials: t.trials.filter((x) => typeof x === "number" && x > 0) }))
    .filter((t) => t.trials.length > 0);
  return tests.length ? { tests } : undefined;
}

/** A section the server will accept: it passes the core's own check. */
export function sectionReady(section: string, value: unknown): boolean {
  if (value === undefined) return true;
  const schema = assessmentSchema.shape[section as keyof typeof assessmentSchema.shape];
  if (!schema) return false;
  const stored = storable(section, value);
  return stored === undefined || schema.safeParse(stored).success;
}

/** Drops a section from the device's copy of a draft: an import replaced it on the server. */
export function forgetDraftSection(assessmentId: string, section: string): void {
  const local = readDraft(assessmentId);
  delete local[section];
  writeDraft(assessmentId, local);
}
