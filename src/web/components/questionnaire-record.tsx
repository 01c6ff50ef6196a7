import { type FormEvent, useState } from "react";
import {
  INSTRUMENT_IDS,
  type InstrumentId,
} from "../../core/symptoms/questionnaires/questionnaire.types.js";
import { INSTRUMENTS } from "../../core/symptoms/questionnaires/registry.js";
import { api } from "../api.js";
import { localToday, showDate } from "../prefs.js";
import { QuestionnaireItems } from "./questionnaire-form.js";
import { ErrorBox, Field } from "./ui.js";

/** Records a questionnaire answered between assessments; the server scores it. */
export function RecordQuestionnaire({
  runnerId,
  onSaved,
}: {
  runnerId: string;
  onSaved: () => void;
}) {
  const [instrument, setInstrument] = useState<InstrumentId>("akps");
  const [date, setDate] = useState(localToday());
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const chosen = INSTRUMENTS[instrument];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    try {
      const row = await api<{ score: number }>("POST", `/api/runners/${runnerId}/questionnaires`, {
        instrument,
        date,
        answers,
      });
      setSaved(
        `Saved: ${chosen.shortName} ${row.score} (of ${chosen.range[0]}–${chosen.range[1]}) on ${showDate(date)}.`,
      );
      setAnswers({});
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="record-questionnaire-h">
      <h2 id="record-questionnaire-h">Record a questionnaire</h2>
      <Field label="Questionnaire">
        {(id) => (
          <select
            id={id}
            value={instrument}
            onChange={(e) => {
              setInstrument(e.target.value as InstrumentId);
              setAnswers({});
            }}
          >
            {INSTRUMENT_IDS.map((i) => (
              <option key={i} value={i}>
                {INSTRUMENTS[i].name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Answered on">
        {(id) => (
          <input id={id} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        )}
      </Field>
      <QuestionnaireItems
        instrument={instrument}
        answers={answers}
        onAnswer={(item, score) => setAnswers((a) => ({ ...a, [item]: score }))}
        namePrefix="record-"
      />
      {error !== null && <ErrorBox error={error} />}
      <button type="submit" className="primary">
        Save the {chosen.shortName}
      </button>
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}
