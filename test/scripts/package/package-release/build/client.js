/* fixture bundle */
globalThis.fixturePluginLoaded = true;
