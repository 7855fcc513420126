import { chatConnector } from './chat/chat.connector.ts';
import { csvConnector } from './csv/csv.connector.ts';
import { datetimeConnector } from './datetime/datetime.connector.ts';
import { emailConnector } from './email/email.connector.ts';
import { filesConnector } from './files/files.connector.ts';
import { httpConnector } from './http/http.connector.ts';
import { imapConnector } from './imap/imap.connector.ts';
import {
  type ActionDefinition,
  type ConnectorDefinition,
  type CredentialType,
  credentialJsonSchema,
  type TriggerDefinition,
  toJsonSchema,
} from './sdk.ts';
import { spreadsheetConnector } from './spreadsheet/spreadsheet.connector.ts';
import { sqlConnector } from './sql/sql.connector.ts';

/** Every installed connector. The engine exposes actions as `connector.<connector>.<action>` and triggers as `trigger.<connector>.<trigger>`. */
export const connectors: readonly ConnectorDefinition[] = [
  httpConnector,
  emailConnector,
  imapConnector,
  csvConnector,
  spreadsheetConnector,
  sqlConnector,
  chatConnector,
  filesConnector,
  datetimeConnector,
];

const byKey = new Map(connectors.map((c) => [c.key, c]));
const credentialTypes = new Map<string, CredentialType>();
for (const c of connectors) {
  for (const type of c.credentials) {
    if (credentialTypes.has(type.key)) throw new Error(`Credential type "${type.key}" is defined by two connectors`);
    credentialTypes.set(type.key, type);
  }
}
if (byKey.size !== connectors.length) throw new Error('Two connectors share a key');

export function findConnector(connectorKey: string): ConnectorDefinition | undefined {
  return byKey.get(connectorKey);
}

export function findAction(connectorKey: string, actionKey: string): ActionDefinition | undefined {
  return byKey.get(connectorKey)?.actions.find((a) => a.key === actionKey);
}

export function findTrigger(connectorKey: string, triggerKey: string): TriggerDefinition | undefined {
  return byKey.get(connectorKey)?.triggers.find((t) => t.key === triggerKey);
}

export function findCredentialType(key: string): CredentialType | undefined {
  return credentialTypes.get(key);
}

export const allCredentialTypes = (): CredentialType[] => [...credentialTypes.values()];

/**
 * The action or trigger behind a node type (`connector.csv.parse`, `trigger.imap.new_email`), or
 * undefined for other node types and unknown ones.
 */
export function findNodeType(
  nodeType: string,
): { kind: 'action'; action: ActionDefinition } | { kind: 'trigger'; trigger: TriggerDefinition } | undefined {
  const [prefix, connectorKey, key, ...rest] = nodeType.split('.');
  if (!connectorKey || !key || rest.length > 0) return undefined;
  if (prefix === 'connector') {
    const action = findAction(connectorKey, key);
    return action ? { kind: 'action', action } : undefined;
  }
  if (prefix === 'trigger') {
    const trigger = findTrigger(connectorKey, key);
    return trigger ? { kind: 'trigger', trigger } : undefined;
  }
  return undefined;
}

const credentialRef = (c: { type: string; required: boolean } | undefined) => (c ? { type: c.type, required: c.required } : null);

/** The catalogue for the API and the editor: keys, node types, titles, descriptions and JSON Schemas. */
export function describeConnectors() {
  return connectors.map((c) => ({
    key: c.key,
    title: c.title,
    description: c.description,
    credentialTypes: c.credentials.map((t) => ({
      key: t.key,
      title: t.title,
      secretFields: [...t.secretFields],
      schema: credentialJsonSchema(t),
    })),
    actions: c.actions.map((a) => ({
      key: a.key,
      nodeType: `connector.${c.key}.${a.key}`,
      title: a.title,
      description: a.description,
      credential: credentialRef(a.credential),
      inputSchema: toJsonSchema(a.input, { io: 'input' }),
      outputSchema: toJsonSchema(a.output, { io: 'output' }),
    })),
    triggers: c.triggers.map((t) => ({
      key: t.key,
      nodeType: `trigger.${c.key}.${t.key}`,
      title: t.title,
      description: t.description,
      credential: credentialRef(t.credential),
      configSchema: toJsonSchema(t.config, { io: 'input' }),
    })),
  }));
}

export type ConnectorCatalogue = ReturnType<typeof describeConnectors>;
