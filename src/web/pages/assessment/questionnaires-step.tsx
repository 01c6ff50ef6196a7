import { INSTRUMENTS } from "../../../core/symptoms/questionnaires/registry.js";
import { Choice } from "../../components/ui.js";
import type { StepProps } from "./intake-steps.js";

interface Response {
  instrument: string;
  date: string;
  answers: Record<string, number>;
}

/** AKPS and the pain rating, scored by the core; an unfinished form is kept but not scored. */
const SHOWN = ["akps", "nprs"] as const;

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
      {SHOWN.map((id) => {
        const instrument = INSTRUMENTS[id];
        const answers = answersOf(id);
        return (
          <section key={id} className="card">
            <h3>{instrument.name}</h3>
            <p className="small">{instrument.instructions}</p>
            {instrument.items.map((item) => (
              <Choice
                key={item.id}
                legend={`${instrument.items.length > 1 ? `${item.id}. ` : ""}${item.text}`}
                name={`${id}-${item.id}`}
                value={answers[item.id] === undefined ? undefined : String(answers[item.id])}
                options={item.options.map((o) => ({ value: String(o.score), label: o.label }))}
                onChange={(v) => answer(id, item.id, Number(v))}
              />
            ))}
          </section>
        );
      })}
    </>
  );
}
