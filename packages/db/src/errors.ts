/** Provider error codes that services turn into domain errors, so they need not know Prisma. */

/** True when a write failed on a unique constraint (e.g. a name clash in one folder). */
export function isUniqueViolation(error: unknown): boolean {
  return hasPrismaCode(error, "P2002");
}

/** True when an update or delete matched no row (e.g. a compare-and-set that lost). */
export function isRecordNotFound(error: unknown): boolean {
  return hasPrismaCode(error, "P2025");
}

function hasPrismaCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}
