/**
 * The configuration `serve` runs on when there is no file: the public OpenAI
 * and Anthropic APIs (keys from the usual environment variables) and a local
 * Ollama server. Written as the YAML a user would write, so it goes through
 * the same validation.
 */
export const DEFAULT_CONFIG_INPUT = {
  providers: [
    {
      name: 'openai', kind: 'openai', base_url: 'https://api.openai.com/v1',
      api_key_env: 'OPENAI_API_KEY', region: 'USA',
      models: ['gpt-*', 'chatgpt-*', 'o1*', 'o3*', 'o4*', 'text-embedding-*',
        'davinci-*', 'babbage-*', 'omni-*'],
    },
    {
      name: 'anthropic', kind: 'anthropic', base_url: 'https://api.anthropic.com',
      api_key_env: 'ANTHROPIC_API_KEY', region: 'USA', models: ['claude-*'],
    },
    {
      name: 'ollama', kind: 'openai', base_url: 'http://127.0.0.1:11434/v1',
      models: ['llama*', 'qwen*', 'mistral*', 'gemma*', 'phi*', 'deepseek*'],
    },
  ],
} as const;
