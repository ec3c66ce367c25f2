'use strict';

/**
 * Bundles the Desktop Modeler plugin (client/) into the script the manifest
 * (index.js) names. CamundaModelerWebpackPlugin aliases React, preact and the
 * properties panel to camunda-modeler-plugin-helpers' vendor modules, so the
 * bundle uses the Modeler's own copies (a second preact breaks hooks).
 *
 * `SERVICENOW_EMBED_METADATA=false` leaves the bundled snapshot out (used to
 * report the size of the metadata in the bundle).
 */
const path = require('node:path');
const CamundaModelerWebpackPlugin = require('camunda-modeler-webpack-plugin');
const manifest = require('./index.js');

const embedMetadata = process.env.SERVICENOW_EMBED_METADATA !== 'false';
const outputFile = path.resolve(__dirname, process.env.SERVICENOW_BUNDLE_OUTPUT || manifest.script);

module.exports = {
  mode: 'production',
  entry: './client/index.ts',
  output: {
    path: path.dirname(outputFile),
    filename: path.basename(outputFile)
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.json'],
    alias: embedMetadata ? {} : { [path.resolve(__dirname, 'client/shared/bundled-snapshot.ts')]: path.resolve(__dirname, 'client/shared/no-snapshot.ts') }
  },
  module: {
    rules: [
      // The bundled snapshot is embedded as raw text and parsed by the same loader as in Node.
      { test: /[\\/]metadata[\\/][^\\/]+\.json$/, type: 'asset/source' },
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
  plugins: [new CamundaModelerWebpackPlugin({ devtool: 'source-map' })],
  performance: { hints: false },
  stats: 'errors-warnings'
};
