import { defineConnector } from '../sdk.ts';
import { httpAuthCredential } from './http-auth.credential.ts';
import { httpRequestAction } from './request.action.ts';

export const httpConnector = defineConnector({
  key: 'http',
  title: 'HTTP',
  description:
    'Call any HTTP API, with bearer-token, basic or API-key authentication. Requests go through the guarded client (SSRF rules).',
  credentials: [httpAuthCredential],
  actions: [httpRequestAction],
  triggers: [],
});
