/**
 * `npm run bench`: the figures that speed and scale are judged by, from one
 * run. `--json` prints them as JSON as well.
 */
import { benchValidator, printValidator } from './validator';

const validator = benchValidator();
printValidator(validator);
if (process.argv.includes('--json')) console.log(JSON.stringify({ validator }, null, 2));
