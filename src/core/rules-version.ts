/**
 * Version of the clinical rules. Bump it whenever a threshold, formula or rule changes,
 * so that a stored result can be reproduced from its inputs and this version.
 */
export const RULES_VERSION = "2026.12.1";
