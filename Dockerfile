# bot-analytics-mock as a Docker sidecar.
#   docker build -t bot-analytics-mock . && docker run --rm -p 4010:4010 -e MOCK_SEED=42 bot-analytics-mock
# Configuration: the CLI's environment variables (PORT, HOST, MOCK_SEED, MOCK_NOW, MOCK_SCENARIO,
# MOCK_SCENARIO_DIR, MOCK_LATENCY, MOCK_APIS, MOCK_CORS_ORIGIN, LOG_LEVEL, MOCK_ADMIN, MOCK_ADMIN_TOKEN)
# or flags after the image name. Mount your own scenario files and set MOCK_SCENARIO_DIR to use them.
# The base image is a build argument: CI builds on a local image (scripts/check-docker.sh).
ARG BASE_IMAGE=node:lts-alpine

# Stage 1: compile TypeScript with every dependency.
FROM ${BASE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The build precompiles the specs and built-in scenarios (dist/precompiled/) for a fast start.
COPY specs ./specs
COPY scenarios ./scenarios
RUN npm run build

# Stage 2: production dependencies only.
FROM ${BASE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# Stage 3: the runtime image: the build, the production dependencies, the specs and scenarios.
FROM ${BASE_IMAGE}
LABEL org.opencontainers.image.title="bot-analytics-mock" \
      org.opencontainers.image.description="Deterministic emulator of five chatbot-analytics APIs"
ENV NODE_ENV=production \
    PORT=4010 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json README.md ./
COPY specs ./specs
COPY scenarios ./scenarios
# The `node` user of the official images; numeric so that runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 4010
HEALTHCHECK --interval=5s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4010) + '/__mock/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself; the CLI drains in-flight requests, then exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/server/cli/cli.js"]
