import type { InstrumentId } from "../../../core/symptoms/questionnaires/questionnaire.types.js";
import { INSTRUMENTS } from "../../../core/symptoms/questionnaires/registry.js";
import { QuestionnaireItems } from "../../components/questionnaire-form.js";
import type { StepProps } from "./intake-steps.js";

interface Response {
  instrument: string;
  date: string;
  answers: Record<string, number>;
}

/** AKPS and the pain rating open, LEFS and KOOS-PF on request; an unfinished form is kept but not scored. */
const OPEN = ["akps", "nprs"] as const satisfies readonly InstrumentId[];
const ON_REQUEST = ["lefs", "koos-pf"] as const satisfies readonly InstrumentId[];

export function QuestionnairesStep({ input, update }: StepProps) {
  const responses = (input.questionnaires as Response[] | undefined) ?? [];
  const date = String(input.assessedOn ?? "");
  // A retest keeps the earlier responses, so the core can compare the scores.
  const mine = (r: Response, id: string) => r.instrument === id && r.date === date;
  const answersOf = (id: string) => responses.find((r) => mine(r, id))?.answers ?? {};
  const answer = (id: string, item: string, score: number) => {
    const others = responses.filter((r) => !mine(r, id));
    update("questionnaires", [
      ...others,
      { instrument: id, date, answers: { ...answersOf(id), [item]: score } },
    ]);
  };
  return (
    <>
      {OPEN.map((id) => (
        <section key={id} className="card">
          <h3>{INSTRUMENTS[id].name}</h3>
          <QuestionnaireItems
            instrument={id}
            answers={answersOf(id)}
            onAnswer={(item, score) => answer(id, item, score)}
          />
        </section>
      ))}
      {ON_REQUEST.map((id) => {
        const answered = Object.keys(answersOf(id)).length;
        return (
          <details key={id} className="card" open={answered > 0}>
            <summary>
              {INSTRUMENTS[id].name}: {INSTRUMENTS[id].items.length} items, if the clinic uses it
              {answered > 0 && ` (${answered} answered)`}
            </summary>
            <QuestionnaireItems
              instrument={id}
              answers={answersOf(id)}
              onAnswer={(item, score) => answer(id, item, score)}
            />
          </details>
        );
      })}
    </>
  );
}
