/** The FEEL grammar's entry for the plugin's `servicenow-feel` chunk (lezer-feel is most of the script otherwise). */
export { parseFeelExpression as default } from '../../core/feel/parse';
