/**
 * Runs ServiceNow server scripts in a node:vm context with minimal
 * stand-ins for the platform APIs they use. RESTMessageV2.execute() is
 * synchronous in ServiceNow; here it posts the request to the main thread
 * (which owns the loopback servers) and blocks on Atomics.wait until the
 * real HTTP response is written back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createHmac } from 'node:crypto';
import vm from 'node:vm';
import { parse } from 'acorn';

const RESPONSE_BYTES = 1 << 20;
const logs = [];

function httpSync(request) {
  const shared = new SharedArrayBuffer(8 + RESPONSE_BYTES);
  const flag = new Int32Array(shared, 0, 2);
  parentPort.postMessage({ kind: 'http', request, shared });
  Atomics.wait(flag, 0, 0);
  const length = flag[1];
  return JSON.parse(Buffer.from(new Uint8Array(shared, 8, length)).toString('utf8'));
}

/**
 * sn_ws.RESTMessageV2 as the scripts use it (setters, then a synchronous execute()), and the RESTResponseV2 it returns
 * (ServiceNow/ServiceNowDocs markdown/api-reference/server-api-reference/c_RESTMessageV2API.md, c_RESTResponseV2API.md).
 */
function RESTMessageV2() {
  this.method = 'get';
  this.endpoint = '';
  this.headers = {};
  this.body = undefined;
  this.timeoutMs = 60000;
}
RESTMessageV2.prototype.setHttpMethod = function (method) { this.method = String(method); };
RESTMessageV2.prototype.setEndpoint = function (url) { this.endpoint = String(url); };
RESTMessageV2.prototype.setHttpTimeout = function (ms) { this.timeoutMs = Number(ms); };
RESTMessageV2.prototype.setRequestHeader = function (name, value) { this.headers[String(name)] = String(value); };
RESTMessageV2.prototype.setRequestBody = function (body) { this.body = String(body); };
RESTMessageV2.prototype.execute = function () {
  const answer = httpSync({ method: this.method.toUpperCase(), url: this.endpoint, headers: this.headers, body: this.body, timeoutMs: this.timeoutMs });
  // c_RESTMessageV2API.md on execute(): "Might throw exception if http connection timed out".
  if (answer.status === 0 && /TimeoutError/.test(answer.error ?? '')) throw new Error(`Read timed out after ${this.timeoutMs} ms`);
  return {
    getStatusCode: () => answer.status,
    getBody: () => answer.body,
    getHeader: (name) => answer.headers[String(name).toLowerCase()] ?? null,
    haveError: () => answer.status === 0 || answer.status >= 400,
    getErrorMessage: () => answer.error ?? '',
    // c_RESTResponseV2API.md: a platform code, "such as 1 for socket timeout", not the HTTP status.
    getErrorCode: () => (answer.status === 0 ? 1 : 0)
  };
};

/** A Java ArrayList as a global script sees it: size() and get(i), no length and no index access. */
function javaArrayList(items) {
  return { size: () => items.length, get: (index) => items[index] };
}

/**
 * A global GlideRecord holding one record's stored values (what an async Business Rule's `current` reads), with the
 * methods the global API documents (ServiceNow/ServiceNowDocs markdown/api-reference/server-api-reference/c_GlideRecordAPI.md):
 * getFields() "Retrieves a Java ArrayList of fields in the current record"; getElements() is documented for the scoped
 * GlideRecord only (an Array there), so a global script has no such method here. Each element's getED().getInternalType()
 * answers its column type from `types` (default string).
 */
function glideRecord(table, values, types = {}) {
  return {
    getTableName: () => table,
    getUniqueValue: () => values.sys_id,
    getValue: (name) => (name in values ? values[name] : null),
    getFields: () => javaArrayList(Object.keys(values).map((name) => ({
      getName: () => name,
      toString: () => String(values[name]),
      getED: () => ({ getInternalType: () => types[name] ?? 'string' })
    })))
  };
}

const { scripts, entry, properties, current } = workerData;
const context = vm.createContext({
  gs: {
    getProperty: (name, fallback) => (name in properties ? properties[name] : fallback),
    error: (message) => logs.push(['error', String(message)]),
    warn: (message) => logs.push(['warn', String(message)]),
    info: (message) => logs.push(['info', String(message)])
  },
  // Prototype.js's Class.create, which ServiceNow's Script Includes use.
  Class: { create: () => function () { this.initialize.apply(this, arguments); } },
  sn_ws: { RESTMessageV2 },
  // generateMac(key "Must be Base64 encoded", algorithm, data) returns the "MAC in base64 format"
  // (ServiceNow/ServiceNowDocs markdown/api-reference/server-api-reference/c_GlideCertificateEncryptionAPI.md).
  GlideCertificateEncryption: function () {
    this.generateMac = (key, algorithm, data) => {
      if (algorithm !== 'HmacSHA256') throw new Error(`stand-in supports HmacSHA256 only, got ${algorithm}`);
      return createHmac('sha256', Buffer.from(String(key), 'base64')).update(String(data), 'utf8').digest('base64');
    };
  },
  current: current ? glideRecord(current.table, current.values, current.types) : undefined,
  // "Asynchronous business rules do not have access to the previous version of a record"
  // (ServiceNow/ServiceNowDocs markdown/build-workflows/business-rules-classic/c_BusinessRules.md).
  previous: null
});

/**
 * A global Script Include runs in ES5 Standards mode (the default for global applications; ES2021 mode "doesn't ...
 * work with global scripts": ServiceNow docs api-reference/scripts/c_JS_modes). The built-ins that mode marks "Not
 * Supported" or "Disallowed" (ServiceNow/ServiceNowDocs markdown/api-reference/scripts/javascript-engine-feature-support.md)
 * are taken out of the context, so a script that needs one fails here as on the instance. What the table lists as
 * supported stays: String.prototype.includes/startsWith/endsWith/repeat/codePointAt/normalize/replaceAll, trimLeft/Right.
 */
const NOT_IN_ES5_MODE = {
  globals: ['Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Promise', 'Proxy', 'Reflect', 'Symbol', 'BigInt',
    'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
    'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'AggregateError'],
  Object: ['assign', 'is', 'getOwnPropertySymbols', 'setPrototypeOf', 'values', 'entries', 'fromEntries', 'getOwnPropertyDescriptors'],
  Array: ['from', 'of'],
  'Array.prototype': ['copyWithin', 'find', 'findIndex', 'fill', 'keys', 'values', 'entries', 'includes', 'flat', 'flatMap', 'at'],
  String: ['raw', 'fromCodePoint'],
  'String.prototype': ['padStart', 'padEnd', 'trimStart', 'trimEnd', 'at'],
  Number: ['isFinite', 'isInteger', 'isSafeInteger', 'isNaN', 'parseFloat', 'parseInt']
};
vm.runInContext(`(function (strip) {
  var global = this;
  for (var owner in strip) {
    var target = owner === 'globals' ? global : owner.split('.').reduce(function (object, key) { return object[key]; }, global);
    strip[owner].forEach(function (name) { delete target[name]; });
  }
  delete global.globalThis;
}).call(this, ${JSON.stringify(NOT_IN_ES5_MODE)})`, context);

/** ES5 syntax only (same source as above: arrows, let, template literals, classes ... are "Not Supported" in the mode). */
function es5(source, filename) {
  try {
    parse(source, { ecmaVersion: 5, sourceType: 'script' });
  } catch (error) {
    throw new Error(`${filename} is not ES5, which a global script runs as: ${error.message}`, { cause: error });
  }
  return source;
}

let outcome;
try {
  for (const script of scripts) vm.runInContext(es5(script, 'servicenow-script.js'), context, { filename: 'servicenow-script.js' });
  const value = vm.runInContext(es5(entry, 'entry.js'), context, { filename: 'entry.js' });
  outcome = { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
} catch (error) {
  outcome = { ok: false, error: String(error && error.message ? error.message : error) };
}
parentPort.postMessage({ kind: 'done', outcome, logs });
