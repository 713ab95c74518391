// Runs the tokenwarden command line from source, for tests that check exit codes.
import { main } from '../../src/cli/main.js';

await main(process.argv);
