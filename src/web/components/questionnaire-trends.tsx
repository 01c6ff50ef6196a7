import type { InstrumentId } from "../../core/symptoms/questionnaires/questionnaire.types.js";

/** A questionnaire's latest score and its change from the one before, as `/today` gives them. */
export interface QuestionnaireTrend {
  instrument: InstrumentId;
  shortName: string;
  latest: { date: string; score: number };
  previous: { date: string; score: number } | null;
  judgement: "improved" | "worse" | "no meaningful change" | null;
  statement: string;
}

/** One line per questionnaire answered between assessments: the score now and its change. */
export function QuestionnaireTrends({ trends }: { trends: readonly QuestionnaireTrend[] }) {
  if (trends.length === 0) return null;
  return (
    <ul data-testid="questionnaire-trends">
      {trends.map((t) => (
        <li key={t.instrument}>{t.statement}</li>
      ))}
    </ul>
  );
}
