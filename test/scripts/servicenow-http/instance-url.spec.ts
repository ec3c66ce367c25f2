import { describe, expect, it } from 'vitest';
import { instanceName, parseInstanceUrl } from '../../../scripts/servicenow-http/instance-url';

describe('scripts/servicenow-http - instance-url', () => {
  it.each([
    ['acme', 'https://acme.service-now.com'],
    ['acme.service-now.com', 'https://acme.service-now.com'],
    ['https://acme.service-now.com/', 'https://acme.service-now.com'],
    ['https://snow.example.org/proxy/', 'https://snow.example.org/proxy'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080']
  ])('reads %j as %j', (input, expected) => {
    expect(parseInstanceUrl(input)).toBe(expected);
  });

  it.each([
    ['https://admin:secret@acme.service-now.com', /must not contain credentials/],
    ['http://acme.service-now.com', /plain http/],
    ['ftp://acme', /https:\/\//],
    ['', /missing --instance/]
  ])('refuses %j', (input, message) => {
    expect(() => parseInstanceUrl(input)).toThrow(message);
  });

  it.each(['https://admin:secret@acme.service-now.com', 'https://admin:secret@acme .service-now.com', 'http://admin:secret@[::1', 'admin:se/cret@acme.service-now.com'])(
    'refuses credentials in %j without repeating them, even when the URL does not parse',
    (input) => {
      expect(() => parseInstanceUrl(input)).toThrow(expect.objectContaining({ message: expect.stringContaining('must not contain credentials') }));
      expect(() => parseInstanceUrl(input)).toThrow(expect.objectContaining({ message: expect.not.stringContaining('secret') }));
    }
  );

  it('quotes a URL that does not parse without its query', () => {
    expect(() => parseInstanceUrl('https://acme .service-now.com/?token=secret')).toThrow('--instance "https://acme .service-now.com/" is not a URL');
  });

  it('names the output folder after the instance', () => {
    expect(instanceName('https://acme.service-now.com')).toBe('acme');
    expect(instanceName('http://127.0.0.1:8080')).toBe('127.0.0.1');
  });
});
