import { api, type Page } from "../api.js";
import { LineChart } from "../components/chart.js";
import { RecordQuestionnaire } from "../components/questionnaire-record.js";
import {
  type QuestionnaireTrend,
  QuestionnaireTrends,
} from "../components/questionnaire-trends.js";
import { Show, useLoad } from "../components/ui.js";
import { formatNumber, localToday, showDate } from "../prefs.js";
import type {
  AssessmentRow,
  ComparisonAnswer,
  LogRow,
  ProgrammeRow,
  RunnerSummary,
} from "../types.js";
import { NextDecision } from "./next-decision.js";
import {
  painSeries,
  questionnaireSeries,
  symmetrySeries,
  torqueSeries,
  weekly,
} from "./progress-data.js";

async function load(runnerId: string) {
  const [runner, assessments, logs, today] = await Promise.all([
    api<RunnerSummary>("GET", `/api/runners/${runnerId}`),
    api<Page<AssessmentRow>>("GET", `/api/runners/${runnerId}/assessments?limit=200`),
    api<Page<LogRow>>("GET", `/api/runners/${runnerId}/logs?limit=200`),
    api<{ questionnaires: QuestionnaireTrend[] }>(
      "GET",
      `/api/runners/${runnerId}/today?on=${localToday()}`,
    ),
  ]);
  const programme = runner.activeProgramme
    ? await api<ProgrammeRow>("GET", `/api/programmes/${runner.activeProgramme.id}`)
    : undefined;
  return {
    runner,
    assessments: assessments.items,
    logs: logs.items,
    programme,
    questionnaires: today.questionnaires,
  };
}

export default function ProgressPage({ runnerId }: { runnerId: string }) {
  const [loaded, reload] = useLoad(() => load(runnerId), [runnerId]);
  return (
    <Show loaded={loaded} what="progress" retry={reload}>
      {(data) => <Progress {...data} reload={reload} />}
    </Show>
  );
}

function Progress({
  runner,
  assessments,
  logs,
  programme,
  questionnaires,
  reload,
}: Awaited<ReturnType<typeof load>> & { reload: () => void }) {
  const { adherence, volume } = weekly(programme?.programme, logs, localToday());
  const akps = questionnaireSeries(assessments, "akps");
  const first = akps.points[0];
  return (
    <>
      <h1 tabIndex={-1}>Progress: {runner.displayName}</h1>
      {programme && <NextDecision programmeId={programme.id} />}
      <Retest runnerId={runner.id} />
      <div className="charts">
        <LineChart
          title="Symmetry (LSI) per test"
          series={symmetrySeries(assessments)}
          yLabel="LSI %"
          yMax={120}
        />
        <LineChart title="Hip strength, Nm/kg" series={torqueSeries(assessments)} yLabel="Nm/kg" />
        <LineChart title="Pain per run (0–10)" series={painSeries(logs)} yLabel="pain" yMax={10} />
        <LineChart title="Adherence per week" series={adherence} yLabel="%" yMax={100} />
        <LineChart
          title="Weekly running, minutes, against the plan"
          series={volume}
          yLabel="minutes"
        />
        <LineChart
          title="AKPS (0–100, higher is better)"
          series={[{ label: "AKPS", points: akps.points }]}
          yLabel="score"
          yMax={100}
          {...(first && akps.mcid
            ? {
                band: {
                  from: first.y - akps.mcid,
                  to: first.y + akps.mcid,
                  label: `within the minimal important change (±${akps.mcid}) of the first score`,
                },
              }
            : {})}
        />
      </div>
      <section aria-labelledby="between-h">
        <h2 id="between-h">Questionnaires between assessments</h2>
        {questionnaires.length === 0 ? (
          <p className="empty">None recorded yet: the latest score and its change appear here.</p>
        ) : (
          <QuestionnaireTrends trends={questionnaires} />
        )}
        <RecordQuestionnaire runnerId={runner.id} onSaved={reload} />
      </section>
    </>
  );
}

/**
 * The latest assessment beside the one before, as the core compares them (each recomputed with
 * the current rules): per measure the change and whether it is beyond what a retest shows by
 * chance (strength) or matters to patients (questionnaires), and each finding as progress.
 */
function Retest({ runnerId }: { runnerId: string }) {
  const [loaded, reload] = useLoad(
    () => api<ComparisonAnswer>("GET", `/api/runners/${runnerId}/comparison`),
    [runnerId],
  );
  return (
    <Show loaded={loaded} what="the retest" retry={reload}>
      {({ comparison, reason }) => {
        const step = comparison?.steps.at(-1);
        if (!step)
          return (
            <p className="empty">
              A retest appears here beside the last assessment once there are two. {reason}
            </p>
          );
        return (
          <section className="card" aria-labelledby="retest-h">
            <h2 id="retest-h">
              Retest {showDate(step.to)} beside {showDate(step.from)}
            </h2>
            <table data-testid="retest">
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Before</th>
                  <th scope="col">Now</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {step.changes.map((c) => (
                  <tr key={c.measure}>
                    <th scope="row">{c.measure}</th>
                    <td>{`${formatNumber(c.from)} ${c.unit}`}</td>
                    <td>{`${formatNumber(c.to)} ${c.unit}`}</td>
                    <td>
                      <strong>{c.judgement}</strong>: {c.statement}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ul>
              {step.findings.map((f) => (
                <li key={f.id}>{f.statement}</li>
              ))}
            </ul>
          </section>
        );
      }}
    </Show>
  );
}
