-- AlterTable
ALTER TABLE "Partner" ADD COLUMN "linkCreatedAt" DATETIME;
ALTER TABLE "Partner" ADD COLUMN "linkNonce" TEXT;
ALTER TABLE "Partner" ADD COLUMN "linkTokenHash" TEXT;

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organisationName" TEXT NOT NULL,
    "adminEmail" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    CONSTRAINT "Invitation_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_partnerId_status_createdAt_idx" ON "Invitation"("partnerId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_linkTokenHash_key" ON "Partner"("linkTokenHash");

