-- DropIndex
DROP INDEX "Customer_domain_key";

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "domainToken" TEXT;
ALTER TABLE "Customer" ADD COLUMN "domainVerifiedAt" DATETIME;
ALTER TABLE "Customer" ADD COLUMN "domainVerifiedBy" TEXT;
ALTER TABLE "Customer" ADD COLUMN "entraTenantId" TEXT;
ALTER TABLE "Customer" ADD COLUMN "verifiedDomain" TEXT;

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Partner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "linkNonce" TEXT,
    "linkTokenHash" TEXT,
    "linkCreatedAt" DATETIME,
    "requireMfa" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Partner" ("createdAt", "id", "kind", "linkCreatedAt", "linkNonce", "linkTokenHash", "name") SELECT "createdAt", "id", "kind", "linkCreatedAt", "linkNonce", "linkTokenHash", "name" FROM "Partner";
DROP TABLE "Partner";
ALTER TABLE "new_Partner" RENAME TO "Partner";
CREATE UNIQUE INDEX "Partner_linkTokenHash_key" ON "Partner"("linkTokenHash");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "emailVerifiedAt" DATETIME,
    "deactivatedAt" DATETIME,
    "invitedById" TEXT,
    "mfaSecret" TEXT,
    "mfaEnabledAt" DATETIME,
    "mfaLastStep" INTEGER,
    "oidcSubject" TEXT,
    "partnerId" TEXT,
    "customerId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("createdAt", "customerId", "email", "emailVerifiedAt", "id", "locale", "name", "partnerId", "passwordHash", "role", "sessionVersion") SELECT "createdAt", "customerId", "email", "emailVerifiedAt", "id", "locale", "name", "partnerId", "passwordHash", "role", "sessionVersion" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_oidcSubject_key" ON "User"("oidcSubject");
CREATE INDEX "User_partnerId_idx" ON "User"("partnerId");
CREATE INDEX "User_customerId_idx" ON "User"("customerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "RecoveryCode_userId_codeHash_key" ON "RecoveryCode"("userId", "codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_verifiedDomain_key" ON "Customer"("verifiedDomain");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_entraTenantId_key" ON "Customer"("entraTenantId");

-- CreateIndex
CREATE INDEX "Customer_domain_idx" ON "Customer"("domain");

