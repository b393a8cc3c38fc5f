// Values the global setup hands to tests through vitest's provide/inject.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** A SQLite file migrated with prisma/migrations; tests copy it. */
    templateDatabase: string;
  }
}
