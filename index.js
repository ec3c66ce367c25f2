'use strict';

/**
 * Camunda Desktop Modeler plugin manifest. The Modeler `require`s this file
 * and loads `script` and `style` into its window; `npm run bundle` builds the
 * script from client/.
 */
module.exports = {
  name: 'ServiceNow',
  script: './dist/client.js',
  style: './style/style.css'
};
