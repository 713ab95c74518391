#!/usr/bin/env -S node --max-semi-space-size=4
// The young generation is capped at 4 MiB per semi-space (Node's default is
// 16): the gateway's garbage is short-lived request data, and the default
// only adds about 20 MB of resident memory under load.
import { main } from '../dist/cli/main.js';

await main(process.argv);
