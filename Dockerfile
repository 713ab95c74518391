# tokenwarden gateway on its embedded SQLite storage.
#   docker build -t tokenwarden .
#   docker run -p 8080:8080 -v tokenwarden-data:/data \
#     -e OPENAI_API_KEY -e ANTHROPIC_API_KEY -e TOKENWARDEN_ADMIN_TOKEN tokenwarden
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY bin bin
COPY src src
COPY data data
COPY docker docker
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
ENV NODE_ENV=production
EXPOSE 8080
VOLUME ["/data"]
# Mount your configuration over /app/docker/tokenwarden.yaml to replace it.
# The bin is run itself, so the Node flags on its first line apply.
CMD ["/app/bin/tokenwarden.js", "serve", "--config", "/app/docker/tokenwarden.yaml"]
