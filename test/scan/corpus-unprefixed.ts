/**
 * Test corpus for credentials without a vendor prefix: found by the shape
 * of the code, command or file around them (a typed declaration, a
 * command-line flag, a `.netrc` entry, a Kubernetes Secret, a SQL
 * statement), and their look-alikes. Values are random, built at run time.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type Plant, random } from './corpus.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';

const alnum = (n: number) => random(ALNUM, n);
const hex = (n: number) => random(HEX, n);
const base64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * A random key of letters and digits, both cases and a digit present, and
 * no two runs of four lower-case letters: the generic rules take such runs
 * for words in unquoted values (`nmNbeluppqDzzrqamiekx`), a rare draw the
 * corpus avoids as `random` avoids placeholder words.
 */
function mixed(n: number): string {
  for (;;) {
    const value = alnum(n);
    if (!/[0-9]/.test(value) || !/[a-z]/.test(value) || !/[A-Z]/.test(value)) continue;
    if ((value.match(/[a-z]{4,}/g) ?? []).length < 2) return value;
  }
}

/** A password as people make them: both cases, digits and a symbol. */
function password(): string {
  return random(UPPER, 2) + random(LOWER, 4) + random(DIGITS, 3) + random('%&*@!?', 1) +
    random(LOWER + UPPER, 3);
}

/**
 * A Django-style secret key: lower-case letters, digits and symbols, with a
 * parenthesis inside (most real ones have one). It starts with a digit and
 * holds one `(` only, so it never reads as a call such as `ENC(...)`.
 */
function djangoKey(): string {
  const symbols = LOWER + DIGITS + '!@#%^&*-_=+';
  for (;;) {
    const key = random(DIGITS, 1) + random(symbols, 20) + '(' + random(symbols, 20) +
      random(DIGITS, 1);
    // `***` and `####` are redaction marks to the placeholder filter.
    if (!/\*{3}|#{4}/.test(key)) return key;
  }
}

/** An EC private key in PEM. */
function ecKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return privateKey.export({ type: 'sec1', format: 'pem' }).toString();
}

/** A bcrypt hash's shape: `$2y$10$` and 53 characters of its alphabet. */
const bcryptHash = () => `$2y$10$${random(ALNUM + './', 53)}`;

function plant(ruleId: string, secret: string, template: (s: string) => string): Plant {
  return { ruleId, secret, text: template(secret) };
}

/** A maker per form; each call yields a fresh random credential. */
export const UNPREFIXED_MAKERS: Record<string, () => Plant> = {
  // Assignments the older patterns missed, by language.
  pythonAnnotated: () => plant('generic-secret', mixed(36),
    (s) => `SERVICE_SECRET: Final[str] = "${s}"`),
  jsSubscript: () => plant('generic-secret', mixed(32),
    (s) => `process.env["WEBHOOK_SECRET"] = '${s}';`),
  rubyHashRocket: () => plant('generic-secret', mixed(30), (s) => `  :api_token => "${s}",`),
  goSetenv: () => plant('generic-secret', mixed(32), (s) => `os.Setenv("UPLOAD_TOKEN", "${s}")`),
  goBytes: () => plant('generic-secret', mixed(40), (s) => `var hmacSecret = []byte("${s}")`),
  rustStatic: () => plant('generic-secret', mixed(40),
    (s) => `pub static SIGNING_SECRET: &'static str = "${s}";`),
  objcLiteral: () => plant('generic-secret', mixed(32),
    (s) => `static NSString *const kClientSecret = @"${s}";`),
  cDefine: () => plant('generic-secret', mixed(32), (s) => `#define OAUTH_CLIENT_SECRET "${s}"`),
  xmlEntry: () => plant('generic-secret', mixed(28),
    (s) => `<entry key="upload.token">${s}</entry>`),
  djangoKey: () => plant('generic-secret', djangoKey(), (s) => `SECRET_KEY = '${s}'`),
  hexKeyName: () => plant('generic-secret', hex(64), (s) => `HMAC_KEY=${s}`),
  // Shells and command lines.
  envPrefix: () => plant('generic-secret', mixed(40),
    (s) => `DEPLOY_HOOK_TOKEN=${s} ./release.sh --prod`),
  flagWithSpace: () => plant('generic-secret', hex(64),
    (s) => `backup-tool --encryption-key ${s} --target s3://bkp`),
  quotedEnvPair: () => plant('generic-secret', mixed(32),
    (s) => `docker run -e "SIGNING_SECRET=${s}" app:latest`),
  flagPassword: () => plant('password-assignment', password(),
    (s) => `./migrate --db-password=${s} --dry-run`),
  shortPassName: () => plant('password-assignment', password(), (s) => `SMTP_PASS=${s}`),
  pySubscript: () => plant('password-assignment', password(),
    (s) => `config["smtp_password"] = "${s}"`),
  xmlAttribute: () => plant('name-value-secret', password(),
    (s) => `<setting name="ServicePassword" value="${s}" />`),
  gradleSpaced: () => plant('password-assignment', password(), (s) => `    password '${s}'`),
  goTyped: () => plant('password-assignment', password(),
    (s) => `var adminPassword string = "${s}"`),
  mysqlFlag: () => plant('cli-password', mixed(14),
    (s) => `mysqldump -u backup -p${s} --all-databases > all.sql`),
  curlUser: () => plant('cli-password', password(),
    (s) => `curl --user "ci:${s}" https://ci.internal/api`),
  registryLogin: () => plant('cli-password', mixed(16),
    (s) => `make push && docker login registry.internal -u ci -p ${s}`),
  opensslPass: () => plant('cli-password', mixed(14),
    (s) => `openssl pkcs12 -in id.p12 -nodes -passin pass:${s}`),
  sqlcmdFlag: () => plant('cli-password', mixed(14),
    (s) => `sqlcmd -S db -U sa -P ${s} -i init.sql`),
  npmConfigSet: () => plant('cli-password', mixed(36),
    (s) => `npm config set //npm.internal/:_authToken ${s}`),
  // Files and statements that tie a user to a password.
  netrc: () => plant('netrc-password', mixed(16),
    (s) => `machine ftp.internal login mirror password ${s}`),
  sqlRole: () => plant('sql-password', password(),
    (s) => `ALTER ROLE reporting WITH LOGIN PASSWORD '${s}';`),
  networkCredential: () => plant('credential-call', password(),
    (s) => `var creds = new NetworkCredential("backup", "${s}");`),
  goMysqlDsn: () => plant('dsn-password', mixed(14),
    (s) => `dsn := "svc:${s}@tcp(mysql.internal:3306)/orders"`),
  oracleThin: () => plant('dsn-password', mixed(16),
    (s) => `url = "jdbc:oracle:thin:app/${s}@db:1521/XE"`),
  sqlalchemyUrl: () => plant('url-password', mixed(16),
    (s) => `engine = create_engine("postgresql+psycopg://svc:${s}@db/orders")`),
  mqttUrl: () => plant('url-password', mixed(14),
    (s) => `BROKER=mqtts://sensor:${s}@broker.internal:8883`),
  basicHeaderCall: () => plant('authorization-header', base64(`svc:${mixed(20)}`),
    (s) => `req.setRequestHeader('Authorization', 'Basic ${s}');`),
  nginxHeader: () => plant('authorization-header', mixed(40),
    (s) => `    proxy_set_header Authorization "Bearer ${s}";`),
  // Structured and encoded files.
  base64PemKey: () => plant('private-key-base64', base64(ecKeyPem()),
    (s) => `    client-key-data: ${s}`),
  kubernetesSecretUrl: () => plant('kubernetes-secret-data',
    base64(`postgres://svc:${mixed(16)}@db.internal/app`),
    (s) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n` +
      `  DATABASE_URL: ${s}\n---`),
  terraformDefault: () => plant('terraform-variable-default', password(),
    (s) => `variable "smtp_password" {\n  type    = string\n  default = "${s}"\n}`),
  kubernetesEnv: () => plant('name-value-secret', password(),
    (s) => `    env:\n      - name: SMTP_PASSWORD\n        value: "${s}"`),
  ecsEnvironment: () => plant('name-value-secret', mixed(32),
    (s) => `{"name": "PARTNER_API_KEY", "value": "${s}"}`),
  awsSessionToken: () => plant('aws-session-token', `FwoGZXIvYXdzE${alnum(300)}`,
    (s) => `aws_session_token = ${s}`),
  // Messages.
  proseChangedTo: () => plant('password-assignment', password(),
    (s) => `FYI the vpn password was changed to ${s} today`),
  proseApiKey: () => plant('generic-secret', mixed(32), (s) => `our staging api key: ${s}`),
};

/** Lines that look like the credentials above but are not; none may be reported. */
export function unprefixedLookAlikes(): string[] {
  const unsignedJwt = [{ alg: 'none' }, { sub: alnum(8) }]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.');
  return [
    // Hashes, cursors, stand-ins and encrypted values under secret names.
    `user.password_hash = "${bcryptHash()}"`,
    `  "password": "${bcryptHash()}",`,
    `  "nextPageToken": "${randomBytes(40).toString('base64')}",`,
    `const MOCK_API_KEY = "${alnum(32)}";`,
    `EXAMPLE_CLIENT_SECRET=${alnum(32)}`,
    `encrypted_password: "${randomBytes(32).toString('base64')}"`,
    `password: ENC(${randomBytes(24).toString('base64')})`,
    `db_password: '{cipher}${hex(64)}'`,
    `secret: vault:v1:${randomBytes(48).toString('base64')}`,
    `<input type="hidden" name="authenticity_token" value="${alnum(43)}">`,
    `tokenIcon: "data:image/png;base64,${randomBytes(60).toString('base64')}"`,
    `"token": "${unsignedJwt}."`,
    // Code that names secrets without holding one.
    '#define TOKEN_ALIAS realTokenImplementation',
    '#define SESSION_KEY_LEN 0x20UL',
    '#define SECRET_MASK 0xFFFF0000UL',
    "const fields = ['admin.password', 'replica.password'];",
    '{"names":["token","parseBearerHeaderValue"],"mappings":"AAAA"}',
    'const TOKEN_CHARS = "[A-Za-z0-9-._~+/]+=*";',
    'botToken: "123456:QRS-TUV5678wxYza-bcd12E3f4g567hi89"',
    'PWD=/srv/app/releases/20240611',
    'the password was changed to something stronger',
    // Commands that read the password from elsewhere or ask for it.
    'mysql -u root -p"$DB_PASS" shop',
    'curl -u "$CI_USER:$CI_TOKEN" https://ci.internal/api',
    'mongosh -u admin -p --tls',
    'sqlcmd -S db -U sa -P "$SA_PASSWORD"',
    'keytool -list -keystore app.jks -storepass changeit',
    'machine files.internal login mirror password $(pass show mirror)',
    "CREATE ROLE app WITH LOGIN PASSWORD 'postgres';",
    `GET /cb?oauth_token=${random(LOWER + DIGITS, 20)}&oauth_verifier=${random(LOWER, 12)}`,
    `Authorization: Basic ${base64('admin:admin')}`,
    // Structure without a value.
    'variable "db_password" {\n  type      = string\n  sensitive = true\n}',
    '  - name: SMTP_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: smtp\n' +
      '        key: password',
    '{"key": "Accept", "value": "application/json"}',
    `kind: Secret\ndata:\n  username: ${base64('operator')}\n  host: ${base64('db.internal')}`,
  ];
}
