import type { SecretRule } from '../secret-rule.js';
import { afterContext } from './boundaries.js';
import { joinedPattern } from '../../joined-pattern.js';

/** Payments and commerce: Stripe, Square, PayPal / Braintree, Shopify. */
export const PAYMENT_RULES: readonly SecretRule[] = [
  {
    id: 'stripe-secret-key',
    description: 'Stripe secret or restricted key',
    family: 'payments',
    keywords: ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_])(?<secret>[sr]k_(?:live|test|prod)_[A-Za-z0-9]{16,247})`,
      String.raw`(?![A-Za-z0-9_])`),
    entropy: 3.5,
  },
  {
    id: 'stripe-webhook-secret',
    description: 'Stripe webhook signing secret',
    family: 'payments',
    keywords: ['whsec_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9+/]{32,})(?![A-Za-z0-9_])/d,
    entropy: 3.5,
  },
  {
    id: 'square-access-token',
    description: 'Square access token',
    family: 'payments',
    keywords: ['eaaa', 'sq0atp-'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9+/_-])(?<secret>(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})`,
      String.raw`)(?![A-Za-z0-9+/=_-])`),
    entropy: 3.5,
  },
  {
    id: 'square-application-secret',
    description: 'Square OAuth application secret',
    family: 'payments',
    keywords: ['sq0csp-'],
    pattern: /(?<secret>sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/d,
    entropy: 3.5,
  },
  {
    id: 'braintree-access-token',
    description: 'PayPal Braintree access token',
    family: 'payments',
    keywords: ['access_token$production$', 'access_token$sandbox$'],
    pattern: /(?<secret>access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})/d,
    entropy: 3,
  },
  {
    id: 'paypal-client-secret',
    description: 'PayPal REST API client secret',
    family: 'payments',
    keywords: ['paypal'],
    pattern: afterContext(String.raw`paypal[\w.-]{0,20}?secret`, '[A-Za-z0-9_-]{80}'),
    entropy: 4,
  },
  {
    id: 'shopify-token',
    description: 'Shopify access token, custom app token or shared secret',
    family: 'payments',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: /(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})(?![A-Za-z0-9])/d,
    entropy: 3,
  },
];
