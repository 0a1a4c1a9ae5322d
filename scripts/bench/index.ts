/**
 * `npm run bench`: the figures that speed and scale are judged by, from one
 * run. `--json` prints them as JSON as well.
 */
import { benchBundle, printBundle } from './bundle';
import { benchServer, printApi, printDevicesPage } from './server';
import { benchStorage, printStorage } from './storage';
import { benchValidator, printValidator } from './validator';

const validator = benchValidator();
printValidator(validator);
const storage = await benchStorage();
printStorage(storage);
const { devicesPage, api } = await benchServer();
printDevicesPage(devicesPage);
printApi(api);
const bundle = benchBundle(['/customers/[customerId]/devices', '/customers', '/sign-in']);
printBundle(bundle);
if (process.argv.includes('--json')) console.log(JSON.stringify({ validator, storage, devicesPage, api, bundle }, null, 2));
