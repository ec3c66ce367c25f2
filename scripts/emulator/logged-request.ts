/** One request as the emulator saw it; authorization headers are never kept. Its own module: the server and the admin routes both use it. */
export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  table?: string;
  auth: 'basic' | 'bearer' | 'none';
  status: number;
  contentType?: string;
  /** The JSON body of table requests (token requests carry secrets and are not kept). */
  body?: unknown;
  /** The grant_type of a /oauth_token.do request. */
  grantType?: string;
}
