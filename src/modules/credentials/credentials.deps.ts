import type { ConnectorLog } from '../../connectors/sdk.ts';
import type { AuditLog } from '../../platform/audit-log/audit-log.service.ts';
import type { SecretBox } from '../../platform/auth/secret-box.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { GuardedHttpClient } from '../../platform/http-client/guarded-client.ts';

/** What the credentials service is built from (see src/app.ts). */
export interface CredentialsDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  /** Seals credential values at rest (createSecretBox(config.secretKey)). */
  secretBox: SecretBox;
  /** For credential tests: the guarded HTTP client, the files folder and a log. */
  http: GuardedHttpClient;
  filesRoot: string;
  log?: ConnectorLog;
  /** Deadline of a credential test (default 20 s). */
  testTimeoutMs?: number;
}
