'use strict';

/**
 * Webpack loader for the plugin's metadata chunk: turns the snapshot
 * directory next to the requested manifest.json into the packed form
 * (core/metadata/packed.ts), so the chunk holds no Table API verbosity and
 * the bundle has one copy of the packing code's counterpart, unpackSnapshot.
 */
const { readdirSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { require: tsxRequire } = require('tsx/cjs/api');

module.exports = function metadataChunkLoader() {
  const dir = dirname(this.resourcePath);
  const { packSnapshot } = tsxRequire('../../core/metadata/packed.ts', __filename);
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort().map((name) => {
    const path = join(dir, name);
    this.addDependency(path);
    return { path: name, text: readFileSync(path, 'utf8') };
  });
  const json = JSON.stringify(packSnapshot(files));
  // JSON.parse of a string literal parses faster than the same object literal (V8), and keeps the chunk as small.
  return `export default JSON.parse(${JSON.stringify(json)});\n`;
};
