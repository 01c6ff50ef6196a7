import { type FormEvent, useState } from "react";
import { api, type User } from "../api.js";
import { ErrorBox, Field } from "../components/ui.js";

interface SignedIn {
  user: User;
  csrfToken: string | null;
}

type Mode = "login" | "signup" | "invite";

/** Log in, sign up as a self-guided runner, or accept an invite link (/invite/TOKEN). */
export function LoginPage({ onSignedIn }: { onSignedIn: (reply: SignedIn) => void }) {
  const inviteToken = window.location.pathname.match(/^\/invite\/([\w-]+)$/)?.[1];
  const [mode, setMode] = useState<Mode>(inviteToken ? "invite" : "login");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const reply =
        mode === "login"
          ? await api<SignedIn>("POST", "/api/session", { email, password })
          : mode === "signup"
            ? await api<SignedIn>("POST", "/api/accounts/runner", { email, password, name })
            : await api<SignedIn>("POST", `/api/invites/${inviteToken}/accept`, {
                email,
                password,
                // The invite may already name the person.
                ...(name.trim() ? { name } : {}),
              });
      onSignedIn(reply);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const title =
    mode === "login" ? "Log in" : mode === "signup" ? "Start on your own" : "Accept your invite";
  return (
    <main id="main" className="narrow">
      <p className="brand big">hipcheck</p>
      <p className="lede">Is the hip behind a runner's knee pain? Assess, explain, treat, track.</p>
      <h1>{title}</h1>
      <form onSubmit={submit} className="card">
        <Field label="Email">
          {(id) => (
            <input
              id={id}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        {mode !== "login" && (
          <Field label="Your name">
            {(id) => (
              <input
                id={id}
                autoComplete="name"
                required={mode === "signup"}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
        )}
        <Field label="Password" {...(mode !== "login" ? { hint: "At least 10 characters." } : {})}>
          {(id, hintId) => (
            <input
              id={id}
              type="password"
              autoComplete={mode === "login" ? "current-password" : "new-password"}
              required
              minLength={mode === "login" ? undefined : 10}
              aria-describedby={hintId}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {error !== null && <ErrorBox error={error} />}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Please wait…" : title}
        </button>
      </form>
      {mode === "login" ? (
        <p>
          A runner without a clinic?{" "}
          <button type="button" className="link" onClick={() => setMode("signup")}>
            Start on your own
          </button>
        </p>
      ) : (
        <p>
          Already have an account?{" "}
          <button type="button" className="link" onClick={() => setMode("login")}>
            Log in
          </button>
        </p>
      )}
      <p className="small">
        hipcheck is decision support: it does not diagnose, and it says when to see a professional.
      </p>
    </main>
  );
}
