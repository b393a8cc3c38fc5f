/** Provider error codes that services turn into domain errors, so they need not know Prisma. */

/** True when a write failed on a unique constraint (e.g. a name clash in one folder). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
