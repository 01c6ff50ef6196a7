/** Command-line option parsers shared by several commands. */
import { InvalidArgumentError } from "commander";
import type { Audience } from "../report/assessment-text.js";
import { PAGE_SIZES, type PageSize } from "../report/pdf/pdf-document.js";

export function parseAudience(value: string): Audience {
  if (value === "runner" || value === "clinician") return value;
  throw new InvalidArgumentError('use "runner" or "clinician"');
}

export function parsePageSize(value: string): PageSize {
  const lower = value.toLowerCase();
  if ((PAGE_SIZES as readonly string[]).includes(lower)) return lower as PageSize;
  throw new InvalidArgumentError('use "a4" or "letter"');
}
