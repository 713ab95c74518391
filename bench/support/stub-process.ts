// Runs the test tree's stub provider in its own process, so that the load
// generator and the gateways do not share its event loop. Prints its URL.
import { startStubUpstream } from '../../test/support/stub-upstream.js';

const stub = await startStubUpstream({ quiet: true });
console.log(stub.url);
process.on('SIGTERM', () => void stub.close().then(() => process.exit(0)));
