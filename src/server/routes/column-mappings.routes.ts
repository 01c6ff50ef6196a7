import { z } from "zod";
import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import { deleteMapping, listMappings, saveMapping } from "../services/column-mappings.service.js";
import { columnMapping, mappingName } from "./imports.schemas.js";

const nameParams = z.strictObject({ name: mappingName });

export function columnMappingRoutes(app: App): void {
  app.get(
    "/api/column-mappings",
    {
      config: { access: "staff" },
      schema: {
        tags: ["imports"],
        summary: "The clinic's saved column mappings for dynamometer CSV files, by name",
      },
    },
    async (request) => app.tx((trx) => listMappings(trx, principalOf(request))),
  );

  app.put(
    "/api/column-mappings/:name",
    {
      config: { access: "staff" },
      schema: {
        tags: ["imports"],
        summary:
          "Save a column mapping under a name for the clinic (201), or replace the clinic's mapping of that name (200)",
        params: nameParams,
        body: z.strictObject({
          mapping: columnMapping,
          unit: z.enum(["N", "kgf", "lbf"]).default("N"),
        }),
      },
    },
    async (request, reply) => {
      const { created, mapping } = await app.tx((trx) =>
        saveMapping(trx, principalOf(request), request.params.name, request.body, request.ip),
      );
      return reply.status(created ? 201 : 200).send(mapping);
    },
  );

  app.delete(
    "/api/column-mappings/:name",
    {
      config: { access: "staff" },
      schema: {
        tags: ["imports"],
        summary: "Delete the clinic's column mapping of that name",
        params: nameParams,
      },
    },
    async (request, reply) => {
      await app.tx((trx) =>
        deleteMapping(trx, principalOf(request), request.params.name, request.ip),
      );
      return reply.status(204).send();
    },
  );
}
