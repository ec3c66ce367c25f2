/**
 * The templates' own icon: a table card with a connector arrow (not
 * ServiceNow's or Camunda's marks). Kept far below Web Modeler's 8 KB limit.
 */
const SVG = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
  '<rect x="1" y="1" width="30" height="30" rx="7" fill="#1b4d3e"/>',
  '<rect x="6" y="8" width="14" height="16" rx="2" fill="none" stroke="#8fe3a5" stroke-width="2"/>',
  '<path d="M6 13h14M6 18h14M12 13v11" stroke="#8fe3a5" stroke-width="2"/>',
  '<path d="M22 16h6m-3-3 3 3-3 3" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>',
  '</svg>'
].join('');

export const ICON = { contents: `data:image/svg+xml,${encodeURIComponent(SVG)}` };
