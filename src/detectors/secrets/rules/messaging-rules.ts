import type { SecretRule } from '../secret-rule.js';
import { afterContext, mixedCaseRandom, UUID } from './boundaries.js';
import { joinedPattern } from '../../joined-pattern.js';

/**
 * Messaging and e-mail: Slack, Discord, Telegram, Twilio, SendGrid, Mailgun,
 * Resend, Brevo, Postmark, Meta and peers.
 */
export const MESSAGING_RULES: readonly SecretRule[] = [
  {
    id: 'slack-token',
    description: 'Slack bot, user, app, refresh or configuration token',
    family: 'messaging',
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe', 'xapp-'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_-])(?<secret>(?:xox[baprs]-|xoxe(?:\.xox[bp])?-\d-|xapp-\d-)`,
      String.raw`[A-Za-z0-9-]{20,})(?![A-Za-z0-9_-])`),
    entropy: 3,
  },
  {
    id: 'slack-webhook-url',
    description: 'Slack incoming webhook URL',
    family: 'messaging',
    keywords: ['hooks.slack.com'],
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9+/_-]{40,})/d,
    entropy: 3.5,
  },
  {
    id: 'discord-webhook-url',
    description: 'Discord webhook URL',
    family: 'messaging',
    keywords: ['discord'],
    pattern: /discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/(?<secret>[A-Za-z0-9_-]{60,70})/d,
    entropy: 4,
  },
  {
    id: 'discord-bot-token',
    description: 'Discord bot token',
    family: 'messaging',
    keywords: ['discord', 'bot_token', 'bottoken', 'bot-token'],
    pattern: afterContext(String.raw`discord|bot[_.-]?token`,
      String.raw`[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}`),
    entropy: 4,
  },
  {
    id: 'telegram-bot-token',
    description: 'Telegram bot token',
    family: 'messaging',
    keywords: [':aa'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/d,
    entropy: 3.5,
  },
  {
    id: 'twilio-api-key',
    description: 'Twilio API key SID or auth token',
    family: 'messaging',
    keywords: ['twilio'],
    pattern: afterContext('twilio', '(?:SK)?[0-9a-fA-F]{32}'),
    entropy: 3,
  },
  {
    id: 'sendgrid-api-key',
    description: 'SendGrid API key',
    family: 'messaging',
    keywords: ['sg.'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})`,
      String.raw`(?![A-Za-z0-9_-])`),
    entropy: 4,
  },
  {
    id: 'mailgun-api-key',
    description: 'Mailgun API key',
    family: 'messaging',
    keywords: ['key-', 'mailgun'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_-])(?<secret>key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8`,
      String.raw`})(?![A-Za-z0-9_-])`),
    entropy: 3,
  },
  {
    id: 'mailchimp-api-key',
    description: 'Mailchimp API key',
    family: 'messaging',
    keywords: ['-us'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>[0-9a-f]{32}-us\d{1,2})(?![A-Za-z0-9_-])/d,
    entropy: 3,
  },
  {
    id: 'microsoft-teams-webhook-url',
    description: 'Microsoft Teams incoming webhook URL',
    family: 'messaging',
    keywords: ['webhook.office.com'],
    pattern: joinedPattern('d',
      String.raw`webhook\.office\.com\/webhookb2\/(?<secret>[A-Za-z0-9@/-]{60,}\/IncomingWebhook`,
      String.raw`\/[A-Za-z0-9]{32}\/[A-Za-z0-9-]{36})`),
    entropy: 3.5,
  },
  {
    // `re_` + key id + `_` + secret; `re_` also starts many regex names.
    id: 'resend-api-key',
    description: 'Resend API key',
    family: 'messaging',
    keywords: ['re_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})(?![A-Za-z0-9_])/d,
    entropy: 4,
    validate: mixedCaseRandom,
  },
  {
    id: 'brevo-api-key',
    description: 'Brevo (Sendinblue) API v3 key or SMTP key',
    family: 'messaging',
    keywords: ['xkeysib-', 'xsmtpsib-'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_-])(?<secret>x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16})`,
      String.raw`(?![A-Za-z0-9_-])`),
    entropy: 3,
  },
  {
    // A UUID: only next to a Postmark token or key name, as Postmark's
    // message ids are UUIDs too.
    id: 'postmark-server-token',
    description: 'Postmark server or account API token',
    family: 'messaging',
    keywords: ['postmark'],
    pattern: afterContext(String.raw`postmark[\w.-]{0,20}?(?:token|key)`, UUID),
    entropy: 3,
  },
  {
    // `EAA` and letters and digits, 100 to 250 characters in practice; Square
    // tokens (`EAAA` + 60) are shorter. `eaa` itself is no keyword: source
    // maps hold it a million times in node_modules, and scanning them took
    // 1.6 times as long. The token is sought near the names it is kept under
    // instead (`access_token=`, `FB_`, `META_`, `Bearer`, "facebook token").
    id: 'meta-access-token',
    description: 'Meta (Facebook, Instagram, WhatsApp) Graph API access token',
    family: 'messaging',
    keywords: [
      'access_token', 'accesstoken', 'access-token', 'bearer', 'facebook', 'fb_', 'meta_',
      'instagram', 'whatsapp',
    ],
    pattern: /(?<![A-Za-z0-9+/_-])(?<secret>EAA[A-Za-z0-9]{90,500})(?![A-Za-z0-9+/=_-])/d,
    entropy: 4,
  },
];
