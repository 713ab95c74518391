#!/usr/bin/env -S node --max-semi-space-size=4 --heap-growing-percent=25 --v8-pool-size=1
// Three flags keep the gateway's memory down under load, at the same
// throughput (`npm run bench:gateway`: peak 146 MB instead of 156 to 178):
// - the young generation is capped at 4 MiB per semi-space (Node's default
//   is 16): the gateway's garbage is short-lived request data;
// - after a full collection the heap may grow by a quarter of what is live
//   before the next one, instead of V8's up to fourfold: some 30 MB are
//   live, and the default let the heap take 50 to 60 MB;
// - one V8 helper thread instead of four: the helpers compile hot code and
//   help collect garbage, and each holds its own memory while it does (the
//   optimising compile of undici's HTTP parser alone takes 35 MB for a
//   moment); a gateway on a few cores gains nothing from more.
import { main } from '../dist/cli/main.js';

await main(process.argv);
