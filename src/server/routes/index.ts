import type { App } from "../app.js";
import { accountRoutes } from "./accounts.routes.js";
import { analysisRoutes } from "./analyses.routes.js";
import { assessmentRoutes } from "./assessments.routes.js";
import { calendarFeedRoutes } from "./calendar-feed.routes.js";
import { columnMappingRoutes } from "./column-mappings.routes.js";
import { exportRoutes } from "./exports.routes.js";
import { importRoutes } from "./imports.routes.js";
import { logRoutes } from "./logs.routes.js";
import { movementRoutes } from "./movement.routes.js";
import { programmeRoutes } from "./programmes.routes.js";
import { questionnaireRoutes } from "./questionnaires.routes.js";
import { runnerRoutes } from "./runners.routes.js";

export function registerRoutes(app: App): void {
  accountRoutes(app);
  runnerRoutes(app);
  assessmentRoutes(app);
  programmeRoutes(app);
  logRoutes(app);
  analysisRoutes(app);
  exportRoutes(app);
  calendarFeedRoutes(app);
  questionnaireRoutes(app);
  movementRoutes(app);
  importRoutes(app);
  columnMappingRoutes(app);
}
