-- DropIndex
DROP INDEX "Device_batchId_status_idx";

-- CreateTable
CREATE TABLE "DeviceKeyConflict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "keptId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "detectedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "DeviceKeyConflict_deviceId_key_key" ON "DeviceKeyConflict"("deviceId", "key");

-- CreateIndex
CREATE INDEX "Device_batchId_customerId_partnerId_status_id_idx" ON "Device"("batchId", "customerId", "partnerId", "status", "id");

