import { useCallback, useState } from "react";

/** Units and the display locale, per user, kept on this device. */
export interface Prefs {
  distance: "km" | "mi";
  mass: "kg" | "lb";
}

const DEFAULT_PREFS: Prefs = { distance: "km", mass: "kg" };
const key = (userId: string) => `hipcheck.prefs.${userId}`;

export function loadPrefs(userId: string): Prefs {
  try {
    const stored = JSON.parse(localStorage.getItem(key(userId)) ?? "{}") as Partial<Prefs>;
    return {
      distance: stored.distance === "mi" ? "mi" : "km",
      mass: stored.mass === "lb" ? "lb" : "kg",
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function usePrefs(userId: string): [Prefs, (next: Prefs) => void] {
  const [prefs, setPrefs] = useState(() => loadPrefs(userId));
  const save = useCallback(
    (next: Prefs) => {
      localStorage.setItem(key(userId), JSON.stringify(next));
      setPrefs(next);
    },
    [userId],
  );
  return [prefs, save];
}

const KM_PER_MI = 1.609344;

/** A distance stored in km, shown in the user's unit. */
export function showDistance(km: number, prefs: Prefs): string {
  const value = prefs.distance === "mi" ? km / KM_PER_MI : km;
  return `${formatNumber(value, 1)} ${prefs.distance}`;
}

export function toKm(value: number, unit: Prefs["distance"]): number {
  return unit === "mi" ? value * KM_PER_MI : value;
}

export function formatNumber(value: number, digits = 1): string {
  return new Intl.NumberFormat(navigator.language, { maximumFractionDigits: digits }).format(value);
}

/** A calendar day (YYYY-MM-DD) in the user's locale, read as that day wherever the user is. */
export function showDate(day: string, style: "short" | "long" = "short"): string {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(navigator.language, {
    timeZone: "UTC",
    ...(style === "long"
      ? { weekday: "long", day: "numeric", month: "long", year: "numeric" }
      : { day: "numeric", month: "short", year: "numeric" }),
  }).format(date);
}

/** Today on this device, as YYYY-MM-DD. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
