import type { InstrumentId } from "../../core/symptoms/questionnaires/questionnaire.types.js";
import { INSTRUMENTS } from "../../core/symptoms/questionnaires/registry.js";
import { Choice } from "./ui.js";

/**
 * One instrument's items as the core defines them, each a group of its answer options; the
 * radio names are `${namePrefix}${instrument}-${item}`.
 */
export function QuestionnaireItems({
  instrument: id,
  answers,
  onAnswer,
  namePrefix = "",
}: {
  instrument: InstrumentId;
  answers: Readonly<Record<string, number | null>>;
  onAnswer: (item: string, score: number) => void;
  namePrefix?: string;
}) {
  const instrument = INSTRUMENTS[id];
  const several = instrument.items.length > 1;
  return (
    <>
      {instrument.instructions && <p className="small">{instrument.instructions}</p>}
      {!instrument.wordingBundled && (
        <p className="small">
          The item wording is not bundled with hipcheck: read each item from your clinic's own{" "}
          {instrument.shortName} form, then tick the answer here.
        </p>
      )}
      {instrument.items.map((item) => {
        const answer = answers[item.id];
        return (
          <Choice
            key={item.id}
            legend={`${several ? `${item.id}. ` : ""}${item.text}`}
            name={`${namePrefix}${id}-${item.id}`}
            value={answer === undefined || answer === null ? undefined : String(answer)}
            options={item.options.map((o) => ({ value: String(o.score), label: o.label }))}
            onChange={(v) => onAnswer(item.id, Number(v))}
          />
        );
      })}
    </>
  );
}
