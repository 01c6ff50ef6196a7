import { api, type Page } from "../api.js";
import { LineChart } from "../components/chart.js";
import { RecordQuestionnaire } from "../components/questionnaire-record.js";
import {
  type QuestionnaireTrend,
  QuestionnaireTrends,
} from "../components/questionnaire-trends.js";
import { Show, useLoad } from "../components/ui.js";
import { formatNumber, localToday, showDate } from "../prefs.js";
import type { AssessmentRow, LogRow, ProgrammeRow, RunnerSummary } from "../types.js";
import { NextDecision } from "./next-decision.js";
import {
  assessed,
  beyondError,
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
      <Retest assessments={assessments} />
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

/** The latest assessment beside the one before: what changed, and whether beyond the error. */
function Retest({ assessments }: { assessments: AssessmentRow[] }) {
  const list = assessed(assessments);
  const after = list.at(-1)?.result;
  const before = list.at(-2)?.result;
  if (!after || !before)
    return (
      <p className="empty">A retest appears here beside the last assessment once there are two.</p>
    );
  return (
    <section className="card" aria-labelledby="retest-h">
      <h2 id="retest-h">
        Retest {showDate(after.assessedOn)} beside {showDate(before.assessedOn)}
      </h2>
      <table data-testid="retest">
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">LSI before</th>
            <th scope="col">LSI now</th>
            <th scope="col">Weaker side torque change</th>
          </tr>
        </thead>
        <tbody>
          {(after.strength?.tests ?? []).map((t) => {
            const old = before.strength?.tests.find(
              (o) => o.test === t.test && o.position === t.position,
            );
            const side = old?.weakerSide ?? t.weakerSide ?? "right";
            const judged = beyondError(old?.sides[side], t.sides[side]);
            return (
              <tr key={`${t.test}-${t.position}`}>
                <th scope="row">{t.test.replace(/-/g, " ")}</th>
                <td>
                  {old?.lsiPercent !== undefined ? `${formatNumber(old.lsiPercent, 0)} %` : "–"}
                </td>
                <td>{t.lsiPercent !== undefined ? `${formatNumber(t.lsiPercent, 0)} %` : "–"}</td>
                <td>
                  {judged
                    ? `${judged.change >= 0 ? "+" : ""}${formatNumber(judged.change)} Nm (${side}); ${judged.beyond ? "beyond" : "within"} the measurement error of ±${formatNumber(judged.mdc)} Nm`
                    : "cannot be judged: torque or trial spread missing"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul>
        {after.questionnaires.map((q) =>
          q.fromPrevious ? (
            <li key={q.instrument}>
              {q.shortName}: {formatNumber(q.fromPrevious.from.score)} →{" "}
              {formatNumber(q.fromPrevious.to.score)}, {q.fromPrevious.judgement}
            </li>
          ) : null,
        )}
      </ul>
    </section>
  );
}
