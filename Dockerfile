FROM node:20-bookworm-slim
RUN npm i -g pnpm@10
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm --filter @synergies/web build
ENV NODE_ENV=production
EXPOSE 3000
CMD ["pnpm", "--filter", "@synergies/server", "start"]
