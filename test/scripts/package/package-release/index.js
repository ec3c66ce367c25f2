'use strict';

module.exports = {
  name: 'Fixture ServiceNow',
  script: './build/client.js',
  style: './style/style.css'
};
