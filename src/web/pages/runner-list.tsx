import { type FormEvent, useEffect, useState } from "react";
import { api, type Page } from "../api.js";
import { Empty, ErrorBox, Field, Loading } from "../components/ui.js";
import { showDate } from "../prefs.js";
import { navigate } from "../router.js";
import { FhirImport } from "./imports/fhir-import.js";

interface AttentionRow {
  id: string;
  displayName: string;
  ownRunner: boolean;
  redFlag: boolean;
  painRising: boolean;
  missedSessions: number;
  retestDue: boolean;
  lastAssessedOn: string | null;
  reasons: string[];
}

const PAGE_SIZE = 20;

/** The clinician's start page: runners needing attention first, searchable, paged. */
export default function RunnerList() {
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const [pages, setPages] = useState<string[]>([""]);
  const cursor = pages.at(-1) ?? "";
  const [page, setPage] = useState<Page<AttentionRow> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick asks for a reload
  useEffect(() => {
    let live = true;
    setPage(null);
    setError(null);
    const params = new URLSearchParams({ q: search, limit: String(PAGE_SIZE) });
    if (cursor) params.set("cursor", cursor);
    api<Page<AttentionRow>>("GET", `/api/runners?${params}`).then(
      (p) => live && setPage(p),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [search, cursor, tick]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setPages([""]);
    setSearch(query.trim());
  };

  return (
    <>
      <h1 tabIndex={-1}>Runners</h1>
      <div className="toolbar">
        <search>
          <form onSubmit={onSearch} className="inline">
            <Field label="Search by name">
              {(id) => (
                <input
                  id={id}
                  type="search"
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                />
              )}
            </Field>
            <button type="submit">Search</button>
          </form>
        </search>
        <NewRunner />
      </div>
      <details className="card">
        <summary>Add a runner from a FHIR Bundle</summary>
        <FhirImport />
      </details>
      {error !== null && <ErrorBox error={error} retry={() => setTick((t) => t + 1)} />}
      {page === null && error === null && <Loading what="runners" />}
      {page && page.items.length === 0 && (
        <Empty>
          {search ? `No runner matches “${search}”.` : "No runners yet: add the first one."}
        </Empty>
      )}
      {page && page.items.length > 0 && (
        <ul className="runner-list">
          {page.items.map((r) => (
            <li key={r.id} className={r.reasons.length ? "needs-attention" : ""}>
              <a href={`#/runners/${r.id}`}>{r.displayName}</a>
              <span className="small">
                {r.lastAssessedOn ? `assessed ${showDate(r.lastAssessedOn)}` : "not assessed yet"}
                {!r.ownRunner && " · shared with the clinic"}
              </span>
              {r.reasons.length > 0 && (
                <ul className="reasons" aria-label={`Needs attention: ${r.displayName}`}>
                  {r.reasons.map((reason) => (
                    <li key={reason} className={reason.startsWith("red flag") ? "flag" : ""}>
                      {reason}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="pager">
        <button
          type="button"
          disabled={pages.length < 2}
          onClick={() => setPages(pages.slice(0, -1))}
        >
          Previous page
        </button>
        <span>Page {pages.length}</span>
        <button
          type="button"
          disabled={!page?.nextCursor}
          onClick={() => page?.nextCursor && setPages([...pages, page.nextCursor])}
        >
          Next page
        </button>
      </nav>
    </>
  );
}

function NewRunner() {
  const [name, setName] = useState("");
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const runner = await api<{ id: string }>("POST", "/api/runners", { name });
      navigate(`/runners/${runner.id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form onSubmit={submit} className="inline">
      <Field label="New runner's name">
        {(id) => <input id={id} required value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <button type="submit">Add runner</button>
      {error !== null && <ErrorBox error={error} />}
    </form>
  );
}
