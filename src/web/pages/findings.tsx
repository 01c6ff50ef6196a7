import { useState } from "react";
import type { AssessmentResult } from "../../core/assessment/assess.js";
import { SOURCES } from "../../core/sources.js";
import { api } from "../api.js";
import { ErrorBox, Field, NumberField, Show, useLoad } from "../components/ui.js";
import { formatNumber, localToday, showDate } from "../prefs.js";
import { navigate } from "../router.js";
import { useSession } from "../session.js";
import type { AssessmentRow, ProgrammeRow } from "../types.js";
import { Referral } from "./assessment/red-flags-step.js";

const STATUS_WORDS = {
  likely: "Likely",
  possible: "Possible",
  unlikely: "Unlikely",
  undetermined: "Not decided",
};

/** The findings, the referral first when there is one, each with its evidence and sources. */
export default function Findings({ assessmentId }: { assessmentId: string }) {
  const [loaded, reload] = useLoad(
    () => api<AssessmentRow>("GET", `/api/assessments/${assessmentId}`),
    [assessmentId],
  );
  return (
    <Show loaded={loaded} what="the findings" retry={reload}>
      {(row) =>
        row.result ? (
          <Result row={row} result={row.result} />
        ) : (
          <>
            <h1 tabIndex={-1}>Not assessed yet</h1>
            <p>
              <a href={`#/assessments/${row.id}/edit`}>Go on with the assessment</a>.
            </p>
          </>
        )
      }
    </Show>
  );
}

function sourceText(id: string): string {
  return (SOURCES as Record<string, { citation: string } | undefined>)[id]?.citation ?? id;
}

function Result({ row, result }: { row: AssessmentRow; result: AssessmentResult }) {
  const { user } = useSession();
  const mode = user.role === "runner" ? "runner" : "clinician";
  const findings = [...result.findings].sort((a, b) => order(a.status) - order(b.status));
  return (
    <>
      <h1 tabIndex={-1}>Findings, {showDate(result.assessedOn, "long")}</h1>
      <Referral result={result} mode={mode} />
      {row.stale && (
        <p className="warning">
          The rules changed since this result was made: assess again to update it.
        </p>
      )}
      {result.strength && (
        <section aria-labelledby="strength-h" className="card">
          <h2 id="strength-h">Strength</h2>
          <table>
            <caption className="sr-only">Strength per test and side</caption>
            <thead>
              <tr>
                <th scope="col">Test</th>
                <th scope="col">Left Nm/kg</th>
                <th scope="col">Right Nm/kg</th>
                <th scope="col">LSI</th>
              </tr>
            </thead>
            <tbody>
              {result.strength.tests.map((t) => (
                <tr key={`${t.test}-${t.position}`} className={t.deficit ? "deficit" : ""}>
                  <th scope="row">{t.test.replace(/-/g, " ")}</th>
                  <td>{nmkg(t.sides.left)}</td>
                  <td>{nmkg(t.sides.right)}</td>
                  <td>
                    {t.lsiPercent !== undefined ? `${formatNumber(t.lsiPercent, 0)} %` : "–"}
                    {t.deficit ? ` (${t.weakerSide} weaker)` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section aria-labelledby="findings-h">
        <h2 id="findings-h">What the answers point to</h2>
        {findings.map((f) => (
          <article key={f.id} className={`card finding ${f.status}`} data-finding={f.id}>
            <h3>
              {STATUS_WORDS[f.status]}: {f.title}
              {f.side ? ` (${f.side} side)` : ""}
            </h3>
            <p className="plain">{f.plain}</p>
            {mode === "clinician" && <p className="clinical">{f.clinical}</p>}
            <details>
              <summary>
                Evidence and sources ({f.confidence.agreeing} of {f.confidence.considered} signs
                agree)
              </summary>
              <ul>
                {f.evidence.map((e) => (
                  <li key={e.statement}>
                    {e.supports ? "For: " : "Against: "}
                    {e.statement}
                    {e.threshold ? ` (threshold ${e.threshold})` : ""} —{" "}
                    <cite>{sourceText(e.source)}</cite>
                  </li>
                ))}
              </ul>
            </details>
            {f.next.length > 0 && (
              <ul className="next">
                {f.next.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </article>
        ))}
      </section>
      {result.questionnaires.length > 0 && (
        <section className="card" aria-labelledby="q-h">
          <h2 id="q-h">Questionnaires</h2>
          <ul>
            {result.questionnaires.map((q) => (
              <li key={q.instrument}>{questionnaireLine(q)}</li>
            ))}
          </ul>
        </section>
      )}
      {mode === "runner" && !result.redFlags.referral && (
        <p className="advice-box">
          hipcheck helps you decide; it does not diagnose. Seeing a physiotherapist for a full
          assessment is always a good idea, and needed if the pain gets worse or lasts.
        </p>
      )}
      {result.programmeAllowed && <MakeProgramme row={row} />}
    </>
  );
}

function questionnaireLine(q: AssessmentResult["questionnaires"][number]): string {
  const latest = q.latest;
  if (!latest) return `${q.shortName}: not scored (${q.scores.at(-1)?.note ?? "incomplete"})`;
  return `${q.shortName}: ${formatNumber(latest.score)} of ${latest.range[1]} (${latest.higherIsBetter ? "higher is better" : "lower is better"})`;
}

function order(status: string): number {
  return ["likely", "possible", "undetermined", "unlikely"].indexOf(status);
}

function nmkg(side: { torqueNmPerKg?: number; forceNPerKg?: number } | undefined): string {
  if (!side) return "–";
  if (side.torqueNmPerKg !== undefined) return formatNumber(side.torqueNmPerKg, 2);
  // Without a body mass nothing can be normalised (the result lists why).
  return side.forceNPerKg !== undefined ? `${formatNumber(side.forceNPerKg, 2)} N/kg` : "–";
}

function MakeProgramme({ row }: { row: AssessmentRow }) {
  const [start, setStart] = useState(localToday());
  const [days, setDays] = useState<number | undefined>(4);
  const [minutes, setMinutes] = useState<number | undefined>(45);
  const [error, setError] = useState<unknown>(null);
  const make = async () => {
    try {
      const p = await api<ProgrammeRow>("POST", `/api/runners/${row.runnerId}/programmes`, {
        assessmentId: row.id,
        start,
        daysPerWeek: days,
        minutesPerSession: minutes,
      });
      navigate(`/programmes/${p.id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="make-h">
      <h2 id="make-h">Make the programme and return-to-run plan</h2>
      <div className="row">
        <Field label="Start on">
          {(id) => (
            <input id={id} type="date" value={start} onChange={(e) => setStart(e.target.value)} />
          )}
        </Field>
        <NumberField label="Days a week" value={days} onChange={setDays} step="1" min={1} max={7} />
        <NumberField
          label="Minutes a session"
          value={minutes}
          onChange={setMinutes}
          step="1"
          min={15}
          max={180}
        />
      </div>
      {error !== null && <ErrorBox error={error} />}
      <button type="button" className="primary" onClick={make}>
        Make the programme
      </button>
    </section>
  );
}
