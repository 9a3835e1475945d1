// Starts s3rver for the tests and exits when the process that started it is gone, so an aborted test run
// never leaves an object store listening.
// Usage: node start-s3rver.js --parent-pid PID -d DATA_DIR [-p PORT]
// The published @20minutes/s3rver 4.0.4 tarball lacks the bin/s3rver.js its package.json names, so the CLI
// module is driven directly.
'use strict';
const path = require('path');

const args = process.argv.slice(2);
const parentIndex = args.indexOf('--parent-pid');
let parentPid = 0;
if (parentIndex >= 0) {
  parentPid = Number(args[parentIndex + 1]);
  args.splice(parentIndex, 2);
}

const cli = require(path.join(__dirname, 'node_modules', '@20minutes', 's3rver', 'lib', 'cli.js'));
// Bucket-level path-style requests are signed by the AWS SDK with a trailing slash that s3rver omits from its
// canonical URI, so its signature check must be relaxed; the local compute endpoint verifies SigV4 instead.
cli.parseAsync(['-a', '127.0.0.1', '--no-vhost-buckets', '--allow-mismatched-signatures', ...args], { from: 'user' });

if (parentPid > 0) {
  setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch {
      process.exit(0);
    }
  }, 1000).unref();
}
