-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Device" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "serialNumber" TEXT,
    "productKey" TEXT,
    "activeProductKey" TEXT,
    "hardwareHash" TEXT,
    "hashDigest" TEXT,
    "manufacturer" TEXT,
    "model" TEXT,
    "tupleDigest" TEXT,
    "groupTag" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'REGISTERED',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deregisteredAt" DATETIME,
    CONSTRAINT "Device_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Device_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Device_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "DeviceBatch" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Device" ("batchId", "createdAt", "customerId", "groupTag", "hardwareHash", "hashDigest", "id", "manufacturer", "model", "partnerId", "productKey", "serialNumber", "tupleDigest") SELECT "batchId", "createdAt", "customerId", "groupTag", "hardwareHash", "hashDigest", "id", "manufacturer", "model", "partnerId", "productKey", "serialNumber", "tupleDigest" FROM "Device";
DROP TABLE "Device";
ALTER TABLE "new_Device" RENAME TO "Device";
-- Every device so far is registered: its product key is the active one.
UPDATE "Device" SET "activeProductKey" = "productKey";
CREATE UNIQUE INDEX "Device_activeProductKey_key" ON "Device"("activeProductKey");
CREATE UNIQUE INDEX "Device_hashDigest_key" ON "Device"("hashDigest");
CREATE UNIQUE INDEX "Device_tupleDigest_key" ON "Device"("tupleDigest");
CREATE INDEX "Device_customerId_partnerId_status_createdAt_idx" ON "Device"("customerId", "partnerId", "status", "createdAt");
CREATE INDEX "Device_customerId_partnerId_status_serialNumber_idx" ON "Device"("customerId", "partnerId", "status", "serialNumber");
CREATE INDEX "Device_customerId_partnerId_status_groupTag_idx" ON "Device"("customerId", "partnerId", "status", "groupTag");
CREATE INDEX "Device_batchId_status_idx" ON "Device"("batchId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

