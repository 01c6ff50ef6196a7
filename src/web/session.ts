import { createContext, useContext } from "react";
import type { User } from "./api.js";
import type { Prefs } from "./prefs.js";

export interface SessionValue {
  user: User;
  prefs: Prefs;
  setPrefs: (prefs: Prefs) => void;
  signOut: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside a signed-in page");
  return value;
}
