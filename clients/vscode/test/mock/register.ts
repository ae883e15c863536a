// Loaded with `node --require` before the tests: makes `require('vscode')` return the mock below, so the
// extension's modules (and vscode-languageclient) load without VS Code.
import Module = require('module');
import * as path from 'path';

const mockPath = path.join(__dirname, 'vscode.js');
const M = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = M._resolveFilename;
M._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === 'vscode') {
    return mockPath;
  }
  return original.call(this, request, ...rest);
};
