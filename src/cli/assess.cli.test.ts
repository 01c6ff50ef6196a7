import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { assessmentFile, strengthTest } from "../core/test-support/assessment.builder.js";
import { runCli, tempFile } from "./test-support/run-cli.js";

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe("hipcheck assess", () => {
  it("seed 000: symmetric normal knees, a weaker right hip, the hip-driven pattern with sources", async () => {
    const run = await runCli(["assess", "examples/seed-000-hip-weakness.json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const out = run.stdout;
    expect(out).toContain("In short: likely hip-driven knee pain (right)");
    expect(out).toContain(
      "1. Hip-driven knee pain (right)\n   LIKELY · confidence high — for: hip symmetry (measured)",
    );
    expect(out).toContain(
      "Hip abduction (side-lying, make test): the right side reaches 70 % of the other side.",
    );
    expect(out).toContain(
      "Knee extension (seated, make test): left and right are symmetric (LSI 101 %, within",
    );
    expect(out).toContain("Right knee extension: 2.42 Nm/kg, within reference values");
    expect(out).toMatch(/\[ramskov-2014\] Ramskov D et al\./);
    expect(out).toMatch(/\[lsi-convention\]/);
    expect(out).not.toContain("REFERRAL NEEDED");
  });

  it("the red-flag example prints the referral first and no programme", async () => {
    const run = await runCli(["assess", "examples/red-flag-locked-knee.json"]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out.indexOf("REFERRAL NEEDED")).toBeGreaterThan(0);
    // The referral stands alone: no overuse label, no office tests, no findings next to it.
    expect(out).not.toContain("FINDINGS");
    expect(out).not.toMatch(/likely pes anserine/i);
    expect(out).toContain("Stop running and get seen today");
    expect(out).toContain("Locked knee (emergency)");
    expect(out).toContain("No exercise programme, no strength or hopping tests");
  });

  it("--json prints the whole result with its rules version", async () => {
    const run = await runCli(["assess", "examples/load-error-mileage-jump.yaml", "--json"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.rulesVersion).toMatch(/^\d{4}\./);
    expect(result.programmeAllowed).toBe(true);
    expect(result.findings[0]).toMatchObject({ id: "load-error", status: "likely" });
    // kgf readings are converted to newtons: 18.4 kgf = 180.4 N.
    const abduction = result.strength.tests.find(
      (t: { test: string }) => t.test === "hip-abduction",
    );
    expect(abduction.sides.right.bestN).toBeCloseTo(180.44, 1);
    // The example's 225 Hz trace: peak 18.4 kgf = 180 N, and the rate of force development.
    expect(abduction.sides.right.trace.peakN).toBeCloseTo(180.4, 1);
    expect(
      abduction.sides.right.trace.rateOfForceDevelopment.map(
        (r: { windowMs: number }) => r.windowMs,
      ),
    ).toEqual([50, 100, 200]);
  });

  it("prints the force trace's peak, time to peak and rate of force development", async () => {
    const run = await runCli(["assess", "examples/load-error-mileage-jump.yaml"]);
    expect(run.stdout.replace(/\s+/g, " ")).toMatch(
      /Force trace, right hip abduction: peak 180 N, \d+ ms after onset; rate of force development 0–50 ms \d+ N\/s, 0–100 ms \d+ N\/s, 0–200 ms \d+ N\/s/,
    );
  });

  it("--for runner uses plain words", async () => {
    const run = await runCli(["assess", "examples/seed-000-hip-weakness.json", "--for", "runner"]);
    expect(run.stdout).toContain("The muscles of your right hip are weaker than they should be");
  });

  it.each([
    {
      name: "body mass of 700 kg",
      file: assessmentFile({ person: { age: 35, sex: "female", heightCm: 168, bodyMass: 700 } }),
      path: "person.bodyMass",
      message: "body mass must be between 20 and 300 kg",
    },
    {
      name: "body mass of 0",
      file: assessmentFile({ person: { age: 35, sex: "female", heightCm: 168, bodyMass: 0 } }),
      path: "person.bodyMass",
      message: "between 20 and 300 kg",
    },
    {
      name: "pain 14/10",
      file: assessmentFile({
        symptoms: {
          pain: {
            locations: [{ area: "lateral", side: "left" }],
            atRest: 0,
            duringRun: 14,
            afterRun: 2,
          },
          aggravators: {},
        },
      }),
      path: "symptoms.pain.duringRun",
      message: "pain is rated 0–10",
    },
    {
      name: "a negative force",
      file: assessmentFile({
        strength: { tests: [strengthTest("hip-abduction", "left", [120, -5])] },
      }),
      path: "strength.tests[0].trials[1]",
      message: "trial 2 must be a force above 0, got -5",
    },
    {
      name: "a trial with no side",
      file: assessmentFile({
        strength: {
          tests: [
            {
              test: "hip-abduction",
              position: "side-lying",
              method: "make",
              unit: "N",
              trials: [120],
            },
          ],
        },
      }),
      path: "strength.tests[0].side",
      message: "say which side was tested, left or right",
    },
    {
      name: "an unknown test name",
      file: assessmentFile({ strength: { tests: [strengthTest("hip-twist", "left", [120])] } }),
      path: "strength.tests[0].test",
      message: "hip-abduction",
    },
  ])(
    "rejects $name, naming the field, printing nothing on stdout",
    async ({ file, path, message }) => {
      const run = await runCli(["assess", await tempFile("bad.json", json(file))]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(`${path}: `);
      expect(run.stderr).toContain(message);
    },
  );

  it("reports every problem of a file at once", async () => {
    const file = assessmentFile({
      person: { age: 35, sex: "female", heightCm: 168, bodyMass: 700 },
      strength: { tests: [strengthTest("hip-abduction", "left", [-1])] },
    });
    const run = await runCli(["assess", await tempFile("bad.json", json(file))]);
    expect(run.stderr).toContain("The assessment has 2 problems");
  });

  it.each([
    {
      name: "not JSON or YAML",
      content: "{ this is: [not, valid",
      expected: "is not valid JSON or YAML",
    },
    {
      name: "binary data",
      content: Buffer.from([0, 159, 146, 150, 0, 1]),
      expected: "binary data",
    },
    {
      name: "a list instead of an object",
      content: "- 1\n- 2\n",
      expected: "must hold a JSON or YAML object",
    },
  ])("rejects a file that is $name", async ({ content, expected }) => {
    const run = await runCli(["assess", await tempFile("input.yaml", content)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(expected);
  });

  it("names a missing file", async () => {
    const run = await runCli(["assess", "no/such/file.json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("no/such/file.json: no such file");
  });
});

describe("hipcheck schema assessment", () => {
  it("prints the JSON Schema that the shipped schema file holds", async () => {
    const run = await runCli(["schema", "assessment"]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.title).toBe("hipcheck assessment");
    expect(schema.required).toEqual(
      expect.arrayContaining(["assessedOn", "person", "symptoms", "redFlags"]),
    );
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["strength", "selfTests", "questionnaires"]),
    );
    const shipped = JSON.parse(await readFile("schemas/assessment.schema.json", "utf8"));
    expect(shipped).toEqual(schema);
  });

  it("rejects an unknown format", async () => {
    const run = await runCli(["schema", "banana"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown format "banana"');
  });
});
