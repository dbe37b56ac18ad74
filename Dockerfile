# Build: install every workspace, build the web app.
FROM node:20-bookworm-slim AS build
RUN npm i -g pnpm@10.34.9
WORKDIR /app
COPY pnpm-workspace.yaml pnpm-lock.yaml package.json ./
# pnpm applies these fixes to dependencies while installing (see docs/operations.md, Faults).
COPY patches/ patches/
COPY server/package.json server/
COPY web/package.json web/
COPY shared/package.json shared/
COPY db/package.json db/
COPY bench/package.json bench/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @synergies/web build \
  && pnpm deploy --filter @synergies/server --prod --legacy /deploy

# Runtime: production dependencies, the server sources (run by tsx), migrations and the
# built web app; no compilers, no dev tools; runs as the unprivileged `node` user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /deploy /app/server
COPY --from=build --chown=node:node /app/shared /app/shared
COPY --from=build --chown=node:node /app/db /app/db
COPY --from=build --chown=node:node /app/web/dist /app/web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch('http://127.0.0.1:3000/api/v1/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# tini-like signal handling is node's own: SIGTERM starts the graceful shutdown.
CMD ["node", "--import", "tsx", "server/src/main.ts"]
