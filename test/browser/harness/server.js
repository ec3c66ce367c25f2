'use strict';

/**
 * A tiny static server for the browser harness, bound to 127.0.0.1 only.
 *
 * - `/` the harness page, `/harness.js` its bundle (dist/harness/)
 * - `/assets/<pkg>/...` the Modeler's CSS from node_modules (allow-listed)
 * - `/plugin/manifest.json?dir=<folder>` reads `<folder>/index.js` as Desktop
 *   does (name, script, style) and answers with URLs under `/plugin/files`;
 *   the folder defaults to `$HARNESS_PLUGIN_DIR`, else the repository root
 * - `/templates/ours.json`, `/templates/official.json` the element templates
 *   (read on each request, so tests see freshly generated files)
 * - `/fixtures/<file>` test/browser/fixtures, else dist/fixtures (built by global-setup)
 *
 * Usage: node test/browser/harness/server.js [port]   (default 4173)
 */
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const port = Number(process.argv[2] || process.env.HARNESS_PORT || 4173);
const defaultPluginDir = path.resolve(process.env.HARNESS_PLUGIN_DIR || root);

const assetRoots = {
  'camunda-bpmn-js': path.join(root, 'node_modules/camunda-bpmn-js/dist/assets'),
  'properties-panel': path.join(root, 'node_modules/@bpmn-io/properties-panel/dist/assets'),
  'element-templates': path.join(root, 'node_modules/bpmn-js-element-templates/dist/assets')
};

const officialTemplateDir = path.join(root, 'node_modules/@camunda/connectors-element-templates/src/element-templates');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.bpmn': 'application/xml', '.svg': 'image/svg+xml', '.map': 'application/json', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject' };

/** Resolves `relative` inside `base`, or null when it escapes. */
function inside(base, relative) {
  const resolved = path.resolve(base, '.' + path.sep + relative);
  return resolved === base || resolved.startsWith(base + path.sep) ? resolved : null;
}

function send(response, status, body, type = 'text/plain') {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

function sendFile(response, file) {
  fs.readFile(file, (error, data) => {
    if (error) return send(response, 404, `not found: ${path.relative(root, file)}`);
    send(response, 200, data, types[path.extname(file)] || 'application/octet-stream');
  });
}

function readManifest(dir) {
  const file = path.join(dir, 'index.js');
  delete require.cache[require.resolve(file)];
  const manifest = require(file);
  const url = (relative) => relative && `/plugin/files/${encodeURIComponent(dir)}/${relative.replace(/^\.\//, '')}`;
  return { name: manifest.name, script: url(manifest.script), style: url(manifest.style) };
}

function readJsonTemplates(dir, filter = () => true) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((file) => file.endsWith('.json') && filter(file)).sort()
    .flatMap((file) => [JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))].flat());
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  const route = decodeURIComponent(url.pathname);
  try {
    if (route === '/') return sendFile(response, path.join(__dirname, 'index.html'));
    if (route === '/harness.js' || route === '/harness.js.map') return sendFile(response, path.join(root, 'dist/harness', route.slice(1)));
    if (route.startsWith('/assets/')) {
      const [, , pkg, ...rest] = route.split('/');
      const base = assetRoots[pkg];
      const file = base && inside(base, rest.join('/'));
      return file ? sendFile(response, file) : send(response, 404, 'unknown asset');
    }
    if (route === '/plugin/manifest.json') {
      const dir = path.resolve(url.searchParams.get('dir') || defaultPluginDir);
      return send(response, 200, JSON.stringify(readManifest(dir)), 'application/json');
    }
    if (route.startsWith('/plugin/files/')) {
      const [dir, ...rest] = url.pathname.slice('/plugin/files/'.length).split('/');
      const file = inside(path.resolve(decodeURIComponent(dir)), rest.map(decodeURIComponent).join('/'));
      return file ? sendFile(response, file) : send(response, 404, 'outside the plugin folder');
    }
    if (route === '/templates/ours.json') {
      return send(response, 200, JSON.stringify(readJsonTemplates(path.join(root, 'templates'))), 'application/json');
    }
    if (route === '/templates/official.json') {
      return send(response, 200, JSON.stringify(readJsonTemplates(officialTemplateDir, (file) => file.startsWith('servicenow-'))), 'application/json');
    }
    if (route.startsWith('/fixtures/')) {
      // Hand-written fixtures first, then those global-setup builds (dist/fixtures).
      const name = route.slice('/fixtures/'.length);
      const file = [path.join(root, 'test/browser/fixtures'), path.join(root, 'dist/fixtures')]
        .map((dir) => inside(dir, name)).find((candidate) => candidate && fs.existsSync(candidate));
      return file ? sendFile(response, file) : send(response, 404, 'unknown fixture');
    }
    return send(response, 404, 'not found');
  } catch (error) {
    return send(response, 500, String(error && error.stack || error));
  }
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`harness on http://127.0.0.1:${port}/ (plugin: ${defaultPluginDir})\n`);
});
