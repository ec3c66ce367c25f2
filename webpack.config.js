'use strict';

/**
 * Bundles the Desktop Modeler plugin (client/) into the script the manifest
 * (index.js) names. CamundaModelerWebpackPlugin aliases React, preact and the
 * properties panel to camunda-modeler-plugin-helpers' vendor modules, so the
 * bundle uses the Modeler's own copies (a second preact breaks hooks).
 *
 * The bundled snapshot (metadata/) is packed into a chunk of its own,
 * servicenow-metadata.js next to the script, which the plugin fetches the
 * first time it needs table metadata, with the code reading it
 * (servicenow-metadata-reader.js, which runs only then): Desktop loads the script from
 * app-plugins://<name>/dist/client.js, and publicPath 'auto' resolves the
 * chunk against that URL. The FEEL grammar (lezer-feel) comes the same way,
 * in servicenow-feel.js, fetched with the snapshot.
 */
const path = require('node:path');
const CamundaModelerWebpackPlugin = require('camunda-modeler-webpack-plugin');
const manifest = require('./index.js');

const outputFile = path.resolve(__dirname, process.env.SERVICENOW_BUNDLE_OUTPUT || manifest.script);

module.exports = {
  mode: 'production',
  // Desktop Modeler runs the plugin in Electron's Chromium: webpack's own runtime may use the syntax esbuild emits (es2022).
  target: ['web', 'es2022'],
  entry: './client/index.ts',
  output: {
    path: path.dirname(outputFile),
    filename: path.basename(outputFile),
    chunkFilename: '[name].js',
    publicPath: 'auto'
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.json']
  },
  module: {
    rules: [
      // core/ is pure (no module runs code on import): what the plugin does not call is dropped with its imports.
      { test: /[\\/]core[\\/].*\.ts$/, include: path.resolve(__dirname, 'core'), sideEffects: false },
      // The snapshot directory, packed (core/metadata/packed.ts) and unpacked by the plugin for the same loader as in Node.
      { test: /[\\/]metadata[\\/]manifest\.json$/, resourceQuery: /packed/, type: 'javascript/auto', use: path.resolve(__dirname, 'scripts/bundle/metadata-chunk-loader.cjs') },
      {
        test: /\.tsx?$/,
        loader: 'esbuild-loader',
        options: {
          target: 'es2022',
          jsx: 'automatic',
          jsxImportSource: '@bpmn-io/properties-panel/preact'
        }
      }
    ]
  },
  // Each lazy chunk keeps the name it is imported with (servicenow-feel.js holds lezer-feel): no vendors chunk split off by path.
  optimization: { splitChunks: { cacheGroups: { defaultVendors: false } } },
  plugins: [new CamundaModelerWebpackPlugin({ devtool: 'source-map' })],
  performance: { hints: false },
  stats: 'errors-warnings'
};
