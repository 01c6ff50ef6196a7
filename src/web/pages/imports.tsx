import { api, type Page } from "../api.js";
import { Show, useLoad } from "../components/ui.js";
import { currentRoute, queryParam } from "../router.js";
import { useSession } from "../session.js";
import type { AssessmentRow, RunnerSummary } from "../types.js";
import { FhirImport } from "./imports/fhir-import.js";
import { RunsImport } from "./imports/runs-import.js";
import { StrengthImport } from "./imports/strength-import.js";

async function load(runnerId: string) {
  const [runner, assessments] = await Promise.all([
    api<RunnerSummary>("GET", `/api/runners/${runnerId}`),
    api<Page<AssessmentRow>>("GET", `/api/runners/${runnerId}/assessments?limit=50`),
  ]);
  return { runner, assessments: assessments.items };
}

/**
 * Files into a runner's record: a dynamometer export into an assessment, runs from a watch
 * into the training log, a FHIR Bundle as a new assessment. A runner imports their own runs.
 */
export default function ImportsPage({ runnerId }: { runnerId: string }) {
  const { user } = useSession();
  const [loaded, reload] = useLoad(() => load(runnerId), [runnerId]);
  const assessmentId = queryParam(currentRoute(), "assessment") ?? undefined;
  const isStaff = user.role !== "runner";
  return (
    <Show loaded={loaded} what="the runner's record" retry={reload}>
      {({ runner, assessments }) => (
        <>
          <h1 tabIndex={-1}>
            {isStaff ? `Import files: ${runner.displayName}` : "Runs from your watch"}
          </h1>
          <p>
            <a href={isStaff ? `#/runners/${runner.id}` : "#/"}>
              Back to {isStaff ? "the runner's record" : "your record"}
            </a>
          </p>
          {isStaff && (
            <StrengthImport
              key={assessmentId ?? "latest"}
              assessments={assessments}
              {...(assessmentId ? { initialAssessmentId: assessmentId } : {})}
            />
          )}
          <RunsImport runnerId={runner.id} />
          {isStaff && <FhirImport runnerId={runner.id} />}
        </>
      )}
    </Show>
  );
}
