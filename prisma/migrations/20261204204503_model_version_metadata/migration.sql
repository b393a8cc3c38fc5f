-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ModelVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "modelId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "author" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "blobKey" TEXT NOT NULL,
    "sizeInBytes" INTEGER NOT NULL,
    "expirationDate" DATETIME,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ModelVersion_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ModelVersion" ("author", "blobKey", "createdAt", "expirationDate", "fileName", "format", "id", "modelId", "number", "sizeInBytes") SELECT "author", "blobKey", "createdAt", "expirationDate", "fileName", "format", "id", "modelId", "number", "sizeInBytes" FROM "ModelVersion";
DROP TABLE "ModelVersion";
ALTER TABLE "new_ModelVersion" RENAME TO "ModelVersion";
CREATE UNIQUE INDEX "ModelVersion_modelId_number_key" ON "ModelVersion"("modelId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

