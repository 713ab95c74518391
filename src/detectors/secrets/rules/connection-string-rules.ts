import type { SecretRule } from '../secret-rule.js';
import { joinedPattern } from '../../joined-pattern.js';
import { WELL_KNOWN_PASSWORDS } from './value-shapes.js';

/** URL schemes whose `user:password@host` part carries a real credential. */
const SCHEMES = [
  'postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss',
  'amqp', 'amqps', 'mssql', 'sqlserver', 'oracle', 'cockroachdb', 'clickhouse', 'nats',
  'ldap', 'ldaps', 'smtp', 'smtps', 'ftp', 'sftp', 'couchdb', 'neo4j', 'neo4j+s', 'cassandra',
  'memcached', 'snowflake', 'jdbc:postgresql', 'jdbc:mysql', 'jdbc:sqlserver', 'http', 'https',
  'mqtt', 'mqtts', 'kafka', 'stomp', 'imap', 'imaps', 'pop3', 'pop3s', 'ssh', 'svn', 'rtsp',
  'socks4', 'socks5', 'socks5h', 'redshift', 'db2', 'influxdb', 'elasticsearch', 'opensearch',
  'couchbase', 'vertica', 'trino', 'presto',
];

/** `git` only with a transport after `+` (`git+https://`): `git://` itself carries no login. */
const SCHEME_SOURCE = [...SCHEMES, 'git'].map((s) => s.replace(/[+.]/g, '\\$&')).join('|');

/**
 * Schemes written with a driver after `+` (SQLAlchemy's
 * `postgresql+psycopg2://`, `mysql+pymysql://`; pip's `git+https://`).
 */
const DRIVER_SCHEMES = [
  'postgres', 'postgresql', 'mysql', 'mariadb', 'mssql', 'oracle', 'cockroachdb', 'clickhouse',
  'redshift', 'snowflake', 'git',
];

/** Default or example passwords that are not secrets in a URL. */
const URL_PLACEHOLDERS = WELL_KNOWN_PASSWORDS;

/** Connection strings and URLs that embed a password. */
export const CONNECTION_STRING_RULES: readonly SecretRule[] = [
  {
    id: 'url-password',
    description: 'Database, broker or service URL with an embedded password',
    family: 'connection string',
    keywords: [
      ...SCHEMES.filter((s) => !s.startsWith('jdbc:')).map((s) => `${s}://`),
      ...DRIVER_SCHEMES.map((s) => `${s}+`),
    ],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9+.-])(?:${SCHEME_SOURCE})(?:\+[a-z][a-z0-9_]{0,20})?://` +
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
    // Forms with no `scheme://`: Go's MySQL driver (`user:pass@tcp(db:3306)/app`)
    // and Oracle's `user/pass@db` in JDBC thin URLs and on tool command lines.
    id: 'dsn-password',
    description: 'Database DSN with a password (Go `user:pass@tcp(...)`, Oracle `user/pass@db`)',
    family: 'connection string',
    keywords: ['@tcp(', '@tcp6(', '@unix(', 'jdbc:oracle:', 'sqlplus', 'sqlldr', 'expdp', 'impdp'],
    pattern: joinedPattern('di',
      String.raw`(?<![\w.-])[\w.-]{1,64}:(?<secret>[^\s@/:'"\x60]{3,128})@(?:tcp6?|unix)\(|`,
      String.raw`(?:jdbc:oracle:(?:thin|oci8?):|\b(?:sqlplus|sqlldr|expdp|impdp)\s+(?:-\w+\s+)*)`,
      String.raw`[\w$#]{1,30}/(?<secretOracle>[^\s@/'"\x60]{3,128})@`),
    window: { before: 200, after: 300 },
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
