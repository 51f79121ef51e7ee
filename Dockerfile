# Multi-stage build: compile native modules and TypeScript in a build stage, ship only what runs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY projections ./projections
COPY schema ./schema
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/schema ./schema
# The dashboard's browser sources: bundled by esbuild when the service starts.
COPY --from=build --chown=node:node /app/src/dashboard/client ./src/dashboard/client
COPY --chown=node:node package.json ./
RUN mkdir -p /var/lib/registry && chown node:node /var/lib/registry
USER node
EXPOSE 4000
CMD ["node", "--max-semi-space-size=64", "--initial-old-space-size=1024", "dist/src/main.js"]
