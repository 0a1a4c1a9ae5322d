/**
 * `npm run bench`: the figures that speed and scale are judged by, from one
 * run. `--json` prints them as JSON as well.
 */
import { benchBundle, printBundle } from './bundle';
import { benchServer, printApi, printApiBatchPage, printDevicesPage, printDevicesUnderLoad } from './server';
import { benchSignIn, printSignIn } from './sign-in';
import { printSignInOverHttp } from './sign-in-http';
import { benchStorage, printStorage } from './storage';
import { benchStorageOnPostgres, printStorageOnPostgres } from './storage-postgres';
import { benchValidator, printValidator } from './validator';

const validator = benchValidator();
printValidator(validator);
const signIn = await benchSignIn();
printSignIn(signIn);
const storage = await benchStorage();
printStorage(storage);
const storageOnPostgres = await benchStorageOnPostgres();
printStorageOnPostgres(storageOnPostgres);
const { devicesPage, api, signIn: signInOverHttp, apiBatchPage, devicesUnderLoad } = await benchServer();
printDevicesPage(devicesPage);
printApi(api);
printSignInOverHttp(signInOverHttp);
printApiBatchPage(apiBatchPage);
printDevicesUnderLoad(devicesUnderLoad);
const bundle = benchBundle(['/customers/[customerId]/devices', '/customers', '/sign-in']);
printBundle(bundle);
if (process.argv.includes('--json')) console.log(JSON.stringify({ validator, signIn, signInOverHttp, storage, storageOnPostgres, devicesPage, api, apiBatchPage, devicesUnderLoad, bundle }, null, 2));
