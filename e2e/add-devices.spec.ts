import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fakeDeviceList, fakeHash, seeded } from '../test-data/generate';
import { CONTOSO_ADMIN, CONTOSO_SALES, openDevices, signIn } from './support';

const HEADER = 'Device Serial Number,Windows Product ID,Hardware Hash';
const REAL = join(import.meta.dirname, '../test-data/real');
const GET_WINDOWS_AUTOPILOT_INFO = [
  'Pmedley26__PowerShell__AutopilotHWID.csv',
  'churlbap__ponise__AutopilotHWID.csv',
  'ChinwikeOnyia26__ModernEndpoints-Deployment-Scripts__AutopilotHWID.csv',
  'tklawun__PowerShell__MyComputer.csv',
  'brtfem001__Intune__computers.csv',
  'M3sterKw0n__class13__HWID.csv',
];

function csv(name: string, text: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'latin1') };
}

async function chooseFiles(page: Page, files: Array<{ name: string; mimeType: string; buffer: Buffer }>) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Browse' }).click();
  await (await chooser).setFiles(files);
}

async function openAddDevices(page: Page, customer = 'Fabrikam, Inc.') {
  await openDevices(page, customer);
  await page.getByRole('button', { name: 'Add devices' }).click();
  await expect(page.getByRole('dialog', { name: 'Add devices' })).toBeVisible();
}

test('a partner adds devices from sign-in to the devices listed', async ({ page }) => {
  await signIn(page, CONTOSO_ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await openAddDevices(page);

  await page.getByRole('combobox', { name: 'Device profile' }).selectOption({ label: 'Sensitive data' });
  await page.getByRole('radio', { name: 'Shared device mode' }).check();
  await expect(page.getByRole('textbox', { name: 'Group tag' })).toHaveValue('Microsoft365Managed_SensitiveData-Shared');
  await expect(page.getByRole('textbox', { name: 'Group tag' })).toHaveAttribute('readonly', '');

  await chooseFiles(page, [csv('journey.csv', fakeDeviceList({ devices: 3, seed: 901 }))]);
  await expect(page.getByText('3 devices are ready to upload')).toBeVisible();
  const found = page.getByRole('table', { name: 'Devices found in the files' });
  await expect(found.getByRole('row')).toHaveCount(4);
  await expect(found.getByRole('row').nth(1)).toContainText('journey.csv · Line 2');
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 devices added' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();

  const table = page.getByRole('table', { name: 'Registered devices' });
  await expect(table.getByRole('columnheader', { name: 'Serial number' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Group tag' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Microsoft365Managed_SensitiveData-Shared' })).toHaveCount(3);
});

test('the whole journey speaks French', async ({ page }) => {
  await signIn(page, CONTOSO_ADMIN);
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Rechercher des clients' }).fill('Fabrikam');
  await page.getByRole('searchbox', { name: 'Rechercher des clients' }).press('Enter');
  await page.getByRole('link', { name: 'Fabrikam, Inc.', exact: true }).click();
  await page.getByRole('link', { name: 'Appareils' }).click();
  await expect(page.getByRole('heading', { name: 'Appliquer des profils aux appareils' })).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter des appareils' }).click();
  await page.getByRole('combobox', { name: 'Profil d’appareil' }).selectOption({ label: 'Kiosque' });
  await expect(page.getByRole('textbox', { name: 'Balise de groupe' })).toHaveValue('Microsoft365Managed_Kiosk');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Parcourir…' }).click();
  await (await chooser).setFiles([csv('liste.csv', `${HEADER}\r\n1.23457E+11,,${fakeHash(seeded(902))}\r\n`)]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('liste.csv · Ligne 2, colonne 1');
  await expect(alert).toContainText('notation scientifique');
  await expect(page.getByRole('button', { name: 'Charger', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('combobox', { name: 'Langue' }).selectOption({ label: 'English' });
  await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
});

test('every kind of file problem is shown with its line', async ({ page }) => {
  const random = seeded(903);
  const [h1, h2] = [fakeHash(random), fakeHash(random)];
  await signIn(page, CONTOSO_ADMIN);
  await openAddDevices(page);
  const lines = [
    'Device Serial Number,Windows Product ID,hardware hash',
    `5CG1,,${h1}`,
    `5CG2,,${h2.slice(0, 10)}*${h2.slice(11)}`,
    `5CG3,12345,${fakeHash(random)}`,
    `5CG1,,${h1}`,
    `5CG4,,${fakeHash(random)},,`,
    '"5CG5",,',
    '',
  ];
  await chooseFiles(page, [csv('broken.csv', lines.join('\r\n') + '\r\n'), csv('empty.csv', '')]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.csv · Line 1, column 41: Column “hardware hash” should be “Hardware Hash”: headers are case-sensitive.');
  await expect(alert).toContainText('broken.csv · Line 3, column 17: The hardware hash holds “*”');
  await expect(alert).toContainText('broken.csv · Line 4, column 6: Windows Product ID “12345” is not a 13-digit number.');
  await expect(alert).toContainText('broken.csv · Line 5: The same device is listed twice: same hardware hash as broken.csv, line 2 (ZtdDeviceDuplicated).');
  await expect(alert).toContainText('broken.csv · Line 6, column 4007: This line ends with 2 empty columns');
  await expect(alert).toContainText('broken.csv · Line 7, column 1: This line holds a quotation mark');
  await expect(alert).toContainText('broken.csv · Line 7: This device has no hardware hash');
  await expect(alert).toContainText('broken.csv · Line 8: This line is empty.');
  await expect(alert).toContainText('empty.csv: The file is empty.');
  await expect(page.getByRole('button', { name: 'Upload' })).toBeDisabled();

  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download problem report (.csv)' }).click();
  const report = readFileSync(await (await download).path(), 'utf8');
  expect(report).toContain('"broken.csv","3","17","HASH_NOT_BASE64","error"');
});

test('Get-WindowsAutoPilotInfo’s UTF-16 files are converted in one click and registered', async ({ page }) => {
  await signIn(page, CONTOSO_ADMIN);
  await openAddDevices(page);
  await chooseFiles(
    page,
    GET_WINDOWS_AUTOPILOT_INFO.map((name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(join(REAL, name)) })),
  );
  await expect(page.getByRole('alert')).toContainText('UTF-16 little-endian with BOM, as Windows PowerShell 5.1 writes it');
  await page.getByRole('button', { name: 'Convert to ANSI' }).click();
  await expect(page.getByText('6 devices are ready to upload')).toBeVisible();
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status').filter({ hasText: '6 devices added' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('searchbox', { name: 'Search by serial number or group tag' }).fill('VMware-56 4d');
  await page.getByRole('searchbox', { name: 'Search by serial number or group tag' }).press('Enter');
  await expect(page.getByRole('table', { name: 'Registered devices' }).getByRole('row')).toHaveCount(2);
});

test('a device already registered to another organisation is refused, the others are added', async ({ page }) => {
  // Northwind registered this device for Woodgrove Bank in the demo data.
  const woodgroveHash = fakeHash(seeded(21));
  const fresh = fakeHash(seeded(904));
  await signIn(page, CONTOSO_ADMIN);
  await openAddDevices(page);
  await chooseFiles(page, [csv('mixed.csv', `${HEADER}\r\nWG-1,,${woodgroveHash}\r\nNEW-1,,${fresh}\r\n`)]);
  await page.getByRole('button', { name: 'Upload' }).click();
  const status = page.getByRole('status').filter({ hasText: '1 device added' });
  await expect(status).toContainText('1 device was not added');
  const results = page.getByRole('table', { name: 'Devices of the upload' });
  await expect(results.getByRole('row', { name: /WG-1/ })).toContainText(
    'Registered to another organisation; it needs proof of ownership to move (ZtdDeviceAssignedToOtherTenant)',
  );
  await expect(results.getByRole('row', { name: /NEW-1/ })).toContainText('Registered');

  // The same file again: both are now known.
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Add devices' }).click();
  await chooseFiles(page, [csv('mixed.csv', `${HEADER}\r\nNEW-1,,${fresh}\r\n`)]);
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status').filter({ hasText: '0 devices added' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Devices of the upload' })).toContainText(
    'Already registered to this customer (ZtdDeviceAlreadyAssigned)',
  );
});

test('Power user in shared device mode cannot be chosen', async ({ page }) => {
  await signIn(page, CONTOSO_ADMIN);
  await openAddDevices(page);
  await page.getByRole('radio', { name: 'Shared device mode' }).check();
  await page.getByRole('combobox', { name: 'Device profile' }).selectOption({ label: 'Power user' });
  await expect(page.getByRole('radio', { name: 'Shared device mode' })).toBeDisabled();
  await expect(page.getByRole('radio', { name: 'Standard mode' })).toBeChecked();
  await expect(page.getByRole('dialog')).toContainText('Not supported');
  await expect(page.getByRole('textbox', { name: 'Group tag' })).toHaveValue('Microsoft365Managed_PowerUser');
});

test('a sales agent can add devices but not delete them; an admin agent deletes with confirmation', async ({ page }) => {
  await signIn(page, CONTOSO_SALES);
  await openDevices(page, 'Fabrikam, Inc.');
  await expect(page.getByRole('button', { name: 'Add devices' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Delete device/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, CONTOSO_ADMIN);
  await openDevices(page, 'Fabrikam, Inc.');
  const table = page.getByRole('table', { name: 'Registered devices' });
  await expect(table.getByRole('row', { name: /KSK0012000/ })).toBeVisible();
  await page.getByRole('button', { name: 'Delete device KSK0012000' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete this device?' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(table.getByRole('row', { name: /KSK0012000/ })).toHaveCount(0);
});
