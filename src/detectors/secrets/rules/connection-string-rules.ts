import type { SecretRule } from '../secret-rule.js';
import { joinedPattern } from '../../joined-pattern.js';

/** URL schemes whose `user:password@host` part carries a real credential. */
const SCHEMES = [
  'postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss',
  'amqp', 'amqps', 'mssql', 'sqlserver', 'oracle', 'cockroachdb', 'clickhouse', 'nats',
  'ldap', 'ldaps', 'smtp', 'smtps', 'ftp', 'sftp', 'couchdb', 'neo4j', 'neo4j+s', 'cassandra',
  'memcached', 'snowflake', 'jdbc:postgresql', 'jdbc:mysql', 'jdbc:sqlserver', 'http', 'https',
];

const SCHEME_SOURCE = SCHEMES.map((s) => s.replace(/[+.]/g, '\\$&')).join('|');

/** Default or example passwords that are not secrets in a URL. */
const URL_PLACEHOLDERS = [
  /^(?:pass(?:word)?|passwd|pwd|secret|user(?:name)?|root|admin|test|guest|postgres|mysql)$/i,
  /^(?:redis|mongo|rabbit|rabbitmq|default|demo|none|null|empty|\*+|x+|p@ssw0rd)$/i,
  // Whole words only: `pwd` or `pass` also occur by chance inside random passwords.
  /password|passwd|secret/i,
];

/** Connection strings and URLs that embed a password. */
export const CONNECTION_STRING_RULES: readonly SecretRule[] = [
  {
    id: 'url-password',
    description: 'Database, broker or service URL with an embedded password',
    family: 'connection string',
    keywords: SCHEMES.filter((s) => !s.startsWith('jdbc:')).map((s) => `${s}://`),
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9+.-])(?:${SCHEME_SOURCE})://` +
        String.raw`[^\s:@/'"\x60<>{}]{0,128}:(?<secret>[^\s@/'"\x60<>]{3,256})@` +
        String.raw`[A-Za-z0-9_.\[\]-]+`,
      'di',
    ),
    window: { before: 40, after: 600 },
    // Human-chosen passwords score low (`S3cr3tP4ss` is 2.9); this floor
    // only drops short sample words such as `flabada`.
    entropy: 2.5,
    allow: URL_PLACEHOLDERS,
  },
  {
    id: 'url-query-password',
    description: 'Password in the query of a JDBC or service URL',
    family: 'connection string',
    keywords: ['password=', 'pwd='],
    pattern: joinedPattern('di',
      String.raw`(?:jdbc:[a-z0-9]+:|[a-z][a-z0-9+.-]{1,20}:\/\/)[^\s'"\x60<>]{0,300}?[?&;](?:pass`,
      String.raw`word|pwd)=(?<secret>[^&;'"\x60\s#<>]{3,128})`),
    window: { before: 400, after: 200 },
    entropy: 2.5,
    allow: URL_PLACEHOLDERS,
  },
  {
    id: 'ado-connection-string-password',
    description: 'ADO.NET / ODBC connection string with a password',
    family: 'connection string',
    keywords: ['password=', 'pwd='],
    pattern: joinedPattern('di',
      String.raw`(?:server|data source|host|address)\s*=[^;'"\n]{1,200};[^'"\n]{0,300}?(?:passwor`,
      String.raw`d|pwd)\s*=\s*(?<secret>[^;'"\s]{4,128})`),
    window: { before: 500, after: 200 },
    entropy: 2.5,
    allow: URL_PLACEHOLDERS,
  },
];
