import { type ReactNode, useCallback, useEffect, useId, useState } from "react";
import { errorText } from "../api.js";

/** Loading, error and empty states, the same on every page. */

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorBox({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="error" role="alert">
      <p>
        <strong>Something went wrong:</strong> {errorText(error)}
      </p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export type Loaded<T> =
  | { state: "loading" }
  | { state: "error"; error: unknown }
  | { state: "ready"; data: T };

/** Loads once per key; `reload` fetches again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setLoaded({ state: "ready", data }),
      (error: unknown) => live && setLoaded({ state: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return [loaded, reload];
}

/** Renders the loading and error states, or the page with its data. */
export function Show<T>({
  loaded,
  what,
  retry,
  children,
}: {
  loaded: Loaded<T>;
  what: string;
  retry?: () => void;
  children: (data: T) => ReactNode;
}) {
  if (loaded.state === "loading") return <Loading what={what} />;
  if (loaded.state === "error")
    return <ErrorBox error={loaded.error} {...(retry ? { retry } : {})} />;
  return <>{children(loaded.data)}</>;
}

export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (id: string, hintId?: string) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {children(id, hintId)}
    </div>
  );
}

/** A number input that keeps what is typed (even half-typed) and reports numbers only. */
export function NumberField({
  label,
  value,
  onChange,
  hint,
  step = "any",
  min,
  max,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  hint?: string;
  step?: string;
  min?: number;
  max?: number;
}) {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change resets the text
  useEffect(() => {
    if (value === undefined ? text !== "" : Number(text) !== value)
      setText(value === undefined ? "" : String(value));
  }, [value]);
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {(id, hintId) => (
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={step}
          {...(min !== undefined ? { min } : {})}
          {...(max !== undefined ? { max } : {})}
          aria-describedby={hintId}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const n = e.target.value === "" ? undefined : Number(e.target.value);
            onChange(n === undefined || Number.isNaN(n) ? undefined : n);
          }}
        />
      )}
    </Field>
  );
}

export function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly { value: T; label: string }[];
  value: T | undefined;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** A wide table that scrolls sideways on a phone; focusable, so the keyboard can scroll it too. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
