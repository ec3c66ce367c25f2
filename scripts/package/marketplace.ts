import type { ElementTemplate } from '../publish/template-checks';
import type { ReleaseTemplates } from './release-templates';
import type { ReleaseInfo } from './release-version';
import { renderTemplateDoc } from './template-doc';

const ICON_EXTENSIONS: Record<string, string> = { 'image/svg+xml': 'svg', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/**
 * The Marketplace folder: one folder per template holding the template (one
 * per file, as Web Modeler and the Marketplace require), its icon as an
 * image file, and a generated README.md; plus an index README.md.
 */
export function buildMarketplace(release: ReleaseInfo, templates: ReleaseTemplates): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  const index = [`# ServiceNow element templates ${release.version}`, '', `${templates.current.length} templates for the Camunda 8 REST connector, one per ServiceNow table.`, ''];
  for (const { fileName, text, template } of templates.current) {
    const base = fileName.replace(/\.json$/, '');
    files.set(`${base}/${fileName}`, text);
    const icon = iconFile(template);
    if (icon) files.set(`${base}/icon.${icon.extension}`, icon.bytes);
    files.set(`${base}/README.md`, renderTemplateDoc(template, { version: release.version, ...(icon ? { iconFile: `icon.${icon.extension}` } : {}) }));
    index.push(`- [${template.name}](${base}/README.md): \`${template.id}\` version ${template.version ?? 'none'}`);
  }
  index.push('');
  files.set('README.md', index.join('\n'));
  return files;
}

/** Decodes an inline (data URI) icon; icons given as http(s) URLs stay where they are. */
export function iconFile(template: ElementTemplate): { extension: string; bytes: Uint8Array } | undefined {
  const contents = template.icon?.contents;
  if (typeof contents !== 'string') return undefined;
  const match = /^data:([^;,]+)((?:;[^;,]*)*),(.*)$/s.exec(contents);
  if (!match) return undefined;
  const [, mime = '', params = '', data = ''] = match;
  const extension = ICON_EXTENSIONS[mime.toLowerCase()];
  if (!extension) return undefined;
  const bytes = params.split(';').includes('base64') ? Buffer.from(data, 'base64') : Buffer.from(decodeURIComponent(data), 'utf8');
  return { extension, bytes: new Uint8Array(bytes) };
}
