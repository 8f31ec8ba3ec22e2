// Parse GIFT files with gift-pegjs (the npm parser) and print {file: questions} as JSON.
// A file it cannot parse is reported as  file:line:column: message  with exit code 1.
//   node tests/tools/parse_gift.cjs a.gift.txt b.gift.txt
"use strict";
const fs = require("fs");
const path = require("path");
const { parse } = require(path.join(__dirname, "..", "..", "node_modules", "gift-pegjs"));

const parsed = {};
let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    parsed[file] = parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    const where = error.location ? `${error.location.start.line}:${error.location.start.column}` : "1:1";
    process.stderr.write(`${file}:${where}: ${error.message}\n`);
    failed = true;
  }
}
// exitCode, not exit(): exit() can cut off a large JSON still being written to a pipe
process.stdout.write(JSON.stringify(parsed));
process.exitCode = failed ? 1 : 0;
