import type { ProviderConfig } from '../config/schema.js';
import { TokenwardenError } from '../errors/tokenwarden-error.js';
import type { ApiKind } from './api-kind.js';
import { compileModelPattern } from './model-pattern.js';

interface Route {
  provider: ProviderConfig;
  matches: (model: string) => boolean;
}

/**
 * Picks the provider for a model: the first provider, in configuration
 * order, with a pattern that matches. A provider with no patterns serves
 * every model of its API kind, so it belongs last.
 */
export class ProviderRouter {
  readonly #routes: Route[];

  constructor(providers: readonly ProviderConfig[]) {
    this.#routes = providers.map((provider) => {
      const tests = provider.models.map(compileModelPattern);
      return {
        provider,
        matches: tests.length === 0 ? () => true : (model) => tests.some((test) => test(model)),
      };
    });
  }

  /**
   * The provider that serves `model` through the `api` wire format.
   *
   * @throws TokenwardenError `model_not_found` when no provider matches, or
   *   `model_wrong_api` when only a provider of the other kind does.
   */
  route(model: string, api: ApiKind): ProviderConfig {
    const match = this.#routes.find((route) => route.provider.kind === api
      && route.matches(model));
    if (match) return match.provider;

    const other = this.#routes.find((route) => route.matches(model));
    if (other) {
      const path = other.provider.kind === 'anthropic' ? '/v1/messages' : '/v1/chat/completions';
      throw new TokenwardenError('model_wrong_api',
        `Model "${model}" is served by provider "${other.provider.name}", `
        + `which speaks the ${other.provider.kind} API: call ${path}`);
    }
    throw new TokenwardenError('model_not_found',
      `No provider is configured for model "${model}"`);
  }

  /** Whether `provider` has a pattern matching `model` (or no patterns). */
  serves(provider: ProviderConfig, model: string): boolean {
    return this.#routes.some((route) => route.provider === provider && route.matches(model));
  }

  /** Every configured provider, in order. */
  get providers(): ProviderConfig[] {
    return this.#routes.map((route) => route.provider);
  }
}
