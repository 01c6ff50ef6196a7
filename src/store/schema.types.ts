import type { ColumnType, Generated } from "kysely";

/** Table types for Kysely, mirroring migrations/*.sql. Dates are `YYYY-MM-DD` strings. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CalendarDay = ColumnType<string, string, string>;
/** JSONB: written as JSON text, read as parsed data. */
type Json<T = unknown> = ColumnType<T, string, string>;

export type Role = "clinic-admin" | "clinician" | "runner";

export interface ClinicsTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  clinic_id: string | null;
  created_at: Timestamp;
}

export interface RunnersTable {
  id: string;
  user_id: string | null;
  clinic_id: string | null;
  display_name: string;
  created_at: Timestamp;
}

export interface SharesTable {
  runner_id: string;
  clinic_id: string;
  granted_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface InvitesTable {
  id: string;
  token_hash: string;
  clinic_id: string;
  role: "clinician" | "runner";
  email: string | null;
  display_name: string | null;
  runner_id: string | null;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface LoginSessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  scopes: string[];
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  account: string;
  address: string;
  at: Timestamp;
}

export interface AssessmentsTable {
  id: string;
  runner_id: string;
  kind: "initial" | "retest";
  assessed_on: CalendarDay | null;
  input: Json;
  result: Json | null;
  rules_version: string | null;
  referral: boolean | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MovementAnalysesTable {
  id: string;
  runner_id: string;
  status: "queued" | "running" | "done" | "failed";
  options: Json;
  progress: ColumnType<number, number | undefined, number>;
  measurements: Json | null;
  files: ColumnType<string[], string | undefined, string>;
  error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  /** Starts by a worker so far; the latest start owns progress and failure (0005). */
  attempts: ColumnType<number, number | undefined, number>;
}

export interface ProgrammesTable {
  id: string;
  runner_id: string;
  assessment_id: string;
  request: Json;
  programme: Json;
  rules_version: string;
  starts_on: CalendarDay;
  ends_on: CalendarDay;
  planned_days: string[];
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgrammeSessionsTable {
  programme_id: string;
  day: CalendarDay;
  kind: string;
  session: Json;
}

export interface ProgrammeEditsTable {
  id: Generated<number>;
  programme_id: string;
  edited_by: string | null;
  edited_at: Timestamp;
  reason: string;
  changes: Json;
  before: Json;
}

export interface SessionLogsTable {
  id: Generated<number>;
  runner_id: string;
  programme_id: string | null;
  logged_on: CalendarDay;
  kind: "run" | "strength";
  entry: Json;
  pain_max: number;
  created_at: Timestamp;
}

export interface PainLogsTable {
  id: Generated<number>;
  runner_id: string;
  logged_on: CalendarDay;
  pain: number;
  context: string;
  created_at: Timestamp;
}

export interface QuestionnaireResponsesTable {
  id: Generated<number>;
  runner_id: string;
  instrument: "akps" | "lefs" | "nprs" | "koos-pf";
  answered_on: CalendarDay;
  answers: Json;
  score: number;
  rules_version: string;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  runner_id: string | null;
  clinic_id: string | null;
  address: string | null;
  detail: Json;
}

export interface CalendarFeedsTable {
  runner_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ColumnMappingsTable {
  clinic_id: string;
  name: string;
  mapping: Json<Record<string, string>>;
  unit: "N" | "kgf" | "lbf";
  saved_by: string | null;
  saved_at: Timestamp;
}

export interface WatchRunsTable {
  id: Generated<number>;
  runner_id: string;
  started_at: Timestamp;
  session_log_id: number;
  assessment_id: string | null;
  run: Json;
  file_sha256: string;
  imported_by: string | null;
  imported_at: Timestamp;
}

export interface Database {
  clinics: ClinicsTable;
  users: UsersTable;
  runners: RunnersTable;
  shares: SharesTable;
  invites: InvitesTable;
  login_sessions: LoginSessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  assessments: AssessmentsTable;
  movement_analyses: MovementAnalysesTable;
  programmes: ProgrammesTable;
  programme_sessions: ProgrammeSessionsTable;
  programme_edits: ProgrammeEditsTable;
  session_logs: SessionLogsTable;
  pain_logs: PainLogsTable;
  questionnaire_responses: QuestionnaireResponsesTable;
  audit_events: AuditEventsTable;
  calendar_feeds: CalendarFeedsTable;
  column_mappings: ColumnMappingsTable;
  watch_runs: WatchRunsTable;
}
