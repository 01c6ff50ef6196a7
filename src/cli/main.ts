#!/usr/bin/env node
import { registerAnalyze } from "./commands/analyze.command.js";
import { registerAssess } from "./commands/assess.command.js";
import { registerCompare } from "./commands/compare.command.js";
import { registerFhir } from "./commands/fhir.command.js";
import { registerPlan } from "./commands/plan.command.js";
import { registerProgress } from "./commands/progress.command.js";
import { registerReport } from "./commands/report.command.js";
import { registerRuns } from "./commands/runs.command.js";
import { registerSchema } from "./commands/schema.command.js";
import { registerServe } from "./commands/serve.command.js";
import { registerStrength } from "./commands/strength.command.js";
import { registerWorker } from "./commands/worker.command.js";
import { createProgram, runProgram } from "./program.js";

const program = createProgram();
registerAssess(program);
registerSchema(program);
registerAnalyze(program);
registerCompare(program);
registerPlan(program);
registerProgress(program);
registerServe(program);
registerWorker(program);
registerReport(program);
registerFhir(program);
registerStrength(program);
registerRuns(program);

process.exitCode = await runProgram(program, process.argv);
