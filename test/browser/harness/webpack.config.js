'use strict';

/**
 * Bundles the browser harness (test/browser/harness/harness.ts) into
 * dist/harness/. It bundles the Modeler libraries the plugin must NOT bundle,
 * and hands them to the plugin through the globals Desktop provides.
 */
const path = require('node:path');
const { EsbuildPlugin } = require('esbuild-loader');

// One preact, as in Desktop: diagram-js's popup menus render through
// @bpmn-io/diagram-js-ui with its preact 10, but its `html` comes from
// htm/preact, which resolves the hoisted `preact` (11, pulled in by
// preact-markup's open peer range). Vnodes of one preact render as nothing in
// the other, so every popup menu was an empty box. Resolve every `preact`
// import to the copy diagram-js-ui itself depends on.
const diagramJsUi = path.dirname(require.resolve('@bpmn-io/diagram-js-ui/package.json'));
const preact = path.dirname(require.resolve('preact/package.json', { paths: [diagramJsUi] }));

module.exports = {
  mode: 'production',
  entry: path.resolve(__dirname, 'harness.ts'),
  output: { path: path.resolve(__dirname, '../../../dist/harness'), filename: 'harness.js' },
  devtool: false,
  // esbuild minifies in a few seconds where terser takes half a minute.
  optimization: { minimizer: [new EsbuildPlugin({ target: 'es2022' })] },
  resolve: { extensions: ['.ts', '.tsx', '.js', '.json'], alias: { preact } },
  module: {
    // One file: @camunda/linting imports its compat rules dynamically, and the server serves harness.js only.
    parser: { javascript: { dynamicImportMode: 'eager' } },
    rules: [{ test: /\.tsx?$/, loader: 'esbuild-loader', options: { target: 'es2022' } }]
  },
  performance: { hints: false },
  stats: 'errors-warnings'
};
