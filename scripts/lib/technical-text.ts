import { pick, type Random } from './pick.js';

/**
 * Synthetic technical documents: markdown with code blocks, JSON, logs,
 * tables, shell sessions. Gateway tool results and retrieved documents look
 * like this, and the corpus has almost none of it, so without these rows
 * the model took code and markdown for the style of long jailbreaks.
 */

const WORDS = ['user', 'order', 'item', 'config', 'cache', 'route', 'schema', 'token', 'event',
  'client', 'server', 'request', 'response', 'payload', 'record', 'queue', 'worker', 'file',
  'stream', 'buffer', 'option', 'value', 'result', 'error', 'handler', 'session', 'limit'];

function ident(random: Random): string {
  const a = pick(random, WORDS);
  const b = pick(random, WORDS);
  return random() < 0.5 ? a : `${a}${b[0]?.toUpperCase()}${b.slice(1)}`;
}

function jsBlock(random: Random): string {
  const name = ident(random);
  const arg = ident(random);
  return '```js\n'
    + `import { ${ident(random)} } from './${pick(random, WORDS)}.js';\n\n`
    + `export async function ${name}(${arg}, options = {}) {\n`
    + `  const ${ident(random)} = await fetch(\`/api/${pick(random, WORDS)}/\${${arg}.id}\`);\n`
    + `  if (!${arg}) throw new Error('missing ${arg}');\n`
    + `  return { ...options, ${ident(random)}: ${arg}.${pick(random, WORDS)} ?? null };\n}\n`
    + '```\n';
}

function pyBlock(random: Random): string {
  const name = ident(random);
  return '```python\n'
    + `def ${name}(${pick(random, WORDS)}s, limit=${Math.floor(random() * 100)}):\n`
    + `    """Return the first ${pick(random, WORDS)}s that match."""\n`
    + `    result = [x for x in ${pick(random, WORDS)}s if x.${pick(random, WORDS)}]\n`
    + '    return result[:limit]\n```\n';
}

function shellBlock(random: Random): string {
  return '```sh\n'
    + `npm install ${pick(random, WORDS)}-${pick(random, WORDS)}\n`
    + `export ${pick(random, WORDS).toUpperCase()}_URL=http://localhost:${3000 + Math.floor(random() * 999)}\n`
    + `node dist/${pick(random, WORDS)}.js --${pick(random, WORDS)} ${Math.floor(random() * 50)}\n`
    + '```\n';
}

function jsonBlock(random: Random): string {
  const fields = Array.from({ length: 3 + Math.floor(random() * 6) }, () =>
    `  "${ident(random)}": ${random() < 0.5 ? Math.floor(random() * 1e4) : `"${ident(random)}"`}`);
  return `{\n${fields.join(',\n')}\n}\n`;
}

function logLines(random: Random): string {
  return Array.from({ length: 3 + Math.floor(random() * 6) }, (_, i) =>
    `2024-0${1 + Math.floor(random() * 9)}-1${i} 12:0${i}:3${i} ${pick(random, ['INFO', 'WARN',
      'DEBUG', 'ERROR'])} ${ident(random)} ${pick(random, ['started', 'retrying', 'done',
      'timed out after 30s', 'connected'])} id=${Math.floor(random() * 1e6)}`).join('\n') + '\n';
}

function table(random: Random): string {
  const rows = Array.from({ length: 2 + Math.floor(random() * 4) }, () =>
    `| \`${ident(random)}\` | ${pick(random, ['string', 'number', 'boolean', 'object'])} | `
    + `${pick(random, ['Default', 'Sets the', 'Maximum', 'Whether to use the'])} ${ident(random)} |`);
  return `| option | type | description |\n| --- | --- | --- |\n${rows.join('\n')}\n`;
}

function jsCallbacks(random: Random): string {
  const v = ident(random);
  return '```js\n'
    + `const ${v} = require('${pick(random, WORDS)}')\n\n`
    + `${v}.on('${pick(random, WORDS)}', function (err, ${ident(random)}) {\n`
    + `  if (err) return console.error(err)\n`
    + `  for (let i = 0; i < ${ident(random)}.length; i++) {\n`
    + `    // skip empty ${pick(random, WORDS)}s\n`
    + `    if (!${ident(random)}[i]) continue\n  }\n})\n`
    + `while ((${v} = it.next()) !== null) { count += 1 }\n`
    + `module.exports = { ${ident(random)}, ${ident(random)} }\n` + '```\n';
}

function tsTypes(random: Random): string {
  const t = ident(random);
  return '```ts\n'
    + `export interface ${t[0]?.toUpperCase()}${t.slice(1)} {\n`
    + `  ${ident(random)}: string;\n  ${ident(random)}?: number | null;\n`
    + `  ${ident(random)}: Array<{ id: string; ${pick(random, WORDS)}: boolean }>;\n}\n\n`
    + `type Keys = keyof typeof ${ident(random)}; // => "${pick(random, WORDS)}" | "${pick(random, WORDS)}"\n`
    + `const x: Record<string, unknown> = { [key]: value, ...rest };\n` + '```\n';
}

function classBlock(random: Random): string {
  const c = ident(random);
  return '```java\n'
    + `public class ${c[0]?.toUpperCase()}${c.slice(1)} {\n`
    + `    private final Map<String, Integer> ${ident(random)} = new HashMap<>();\n\n`
    + `    public int get(String key) {\n        return ${ident(random)}.getOrDefault(key, 0);\n    }\n}\n`
    + '```\n';
}

function yamlBlock(random: Random): string {
  return '```yaml\n'
    + `${pick(random, WORDS)}:\n  ${pick(random, WORDS)}: ${Math.floor(random() * 100)}\n`
    + `  ${pick(random, WORDS)}s:\n    - name: ${ident(random)}\n      enabled: true\n`
    + '```\n';
}

function htmlBlock(random: Random): string {
  return '```html\n'
    + `<div class="${pick(random, WORDS)}">\n  <a href="/docs/${pick(random, WORDS)}">${ident(random)}</a>\n`
    + `  <button onclick="${ident(random)}()">Save</button>\n</div>\n`
    + `<style>.${pick(random, WORDS)} { margin: 0 auto; color: #333; }</style>\n` + '```\n';
}

function inlineApi(random: Random): string {
  return `### ${ident(random)}(${ident(random)}, [options])\n\n`
    + `Returns a \`Promise<${pick(random, WORDS)}>\`. Pass \`{ ${ident(random)}: true }\` to `
    + `${pick(random, ['skip', 'enable', 'disable', 'force'])} the ${pick(random, WORDS)}. `
    + `See [${pick(random, WORDS)}](https://example.org/${pick(random, WORDS)}#${pick(random, WORDS)}).\n`
    + `- \`${ident(random)}\` (default \`${Math.floor(random() * 10)}\`): ${pick(random, WORDS)} count.\n`;
}

const BLOCKS = [jsBlock, pyBlock, shellBlock, jsonBlock, logLines, table, jsCallbacks, tsTypes,
  classBlock, yamlBlock, htmlBlock, inlineApi];

/**
 * One synthetic technical document, mixing headings and prose taken from
 * `prose` (benign training texts) with code, JSON, logs and tables.
 */
export function technicalDocument(random: Random, prose: readonly string[]): string {
  const parts: string[] = [`# ${ident(random)}\n`];
  const sections = 2 + Math.floor(random() * 10);
  for (let i = 0; i < sections; i += 1) {
    parts.push(`## ${pick(random, ['Usage', 'Install', 'API', 'Options', 'Example', 'Notes'])}\n`);
    if (random() < 0.6) parts.push(`${pick(random, prose).slice(0, 400)}\n`);
    parts.push(pick(random, BLOCKS)(random));
    if (random() < 0.5) parts.push(pick(random, BLOCKS)(random));
  }
  return parts.join('\n');
}

const PURPOSES = ['encodes and decodes {w} data', 'parses {w} strings', 'runs a callback once',
  'waits for a {w} to end', 'checks whether a file is executable', 'formats {w} messages fast',
  'converts {w} values to bytes', 'wraps a {w} handler', 'escapes {w} text for HTML',
  'reads {w} files line by line', 'ignores files that match patterns', 'exits cleanly on signals',
  'concatenates a stream into a buffer', 'exposes {w} constants', 'logs nothing, quickly'];

/**
 * A short package README: name, badge, one sentence, install, a usage
 * block, license. Most READMEs are this size, one window of the classifier,
 * where it decides alone.
 */
export function shortReadme(random: Random): string {
  const name = `${pick(random, WORDS)}-${pick(random, WORDS)}`;
  const purpose = pick(random, PURPOSES).replace('{w}', pick(random, WORDS));
  const parts = [`# ${name}\n`,
    `[![build status](https://img.shields.io/badge/build-passing-green.svg)](https://ci.example/${name})\n`,
    `\`${name}\` ${purpose}${random() < 0.5 ? ' in pure JS' : ''}.\n`,
    `## install\n\n\`\`\`sh\nnpm install ${name}\n\`\`\`\n`,
    `## usage\n`, pick(random, BLOCKS)(random)];
  if (random() < 0.5) parts.push(inlineApi(random));
  parts.push(`## license\n\n${pick(random, ['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause'])}\n`);
  return parts.join('\n');
}
