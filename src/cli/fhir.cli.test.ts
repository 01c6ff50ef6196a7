import { describe, expect, it } from "vitest";
import { runCli, tempFile } from "./test-support/run-cli.js";

describe("hipcheck fhir", () => {
  it("exports seed-000 with its plan and imports the Bundle back into an assessment file", async () => {
    const plan = await runCli([
      "plan",
      "examples/seed-000-hip-weakness.json",
      "--start",
      "2026-11-23",
      "--json",
    ]);
    const planPath = await tempFile("plan.json", plan.stdout);
    const exported = await runCli([
      "fhir",
      "export",
      "examples/seed-000-hip-weakness.json",
      "--plan",
      planPath,
    ]);
    expect(exported.code).toBe(0);
    const bundle = JSON.parse(exported.stdout);
    const types = bundle.entry.map(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType,
    );
    expect(types).toContain("CarePlan");
    expect(types.filter((t: string) => t === "Patient")).toHaveLength(1);
    const imported = await runCli([
      "fhir",
      "import",
      await tempFile("bundle.json", exported.stdout),
    ]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain("red-flag questions are not in the Bundle");
    const assessmentPath = await tempFile("assessment.json", imported.stdout);
    const assessed = await runCli(["assess", assessmentPath]);
    expect(assessed.code).toBe(0);
    expect(assessed.stdout).toContain("Zoë Lefèvre");
    expect(assessed.stdout).toMatch(/Hip-driven knee pain \(right\)\n\s+LIKELY/);
  }, 90_000);

  it("refuses a Bundle with a wrong resource type, printing nothing on stdout", async () => {
    const bad = await tempFile(
      "bad.json",
      JSON.stringify({
        resourceType: "Bundle",
        type: "collection",
        entry: [{ resource: { resourceType: "Patiënt" } }],
      }),
    );
    const run = await runCli(["fhir", "import", bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Bundle.entry[0].resource.resourceType");
  }, 60_000);
});
