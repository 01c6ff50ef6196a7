import { ApiError } from "../api.js";
import { ErrorBox } from "./ui.js";

export interface Problem {
  path: string;
  message: string;
}

/** The problems of a file, each with where it is: line and column, a file name or a FHIR path. */
export function ProblemList({ title, problems }: { title: string; problems: readonly Problem[] }) {
  return (
    <div className="error" role="alert">
      <p>
        <strong>{title}</strong>
      </p>
      <ul className="problems">
        {problems.map((p) => (
          <li key={`${p.path}|${p.message}`}>
            {p.path && <strong>{p.path}: </strong>}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An upload's error: a refused file lists its problems one by one; anything else as the server said it. */
export function UploadError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.body.fields?.length)
    return <ProblemList title={error.message} problems={error.body.fields} />;
  return <ErrorBox error={error} />;
}
