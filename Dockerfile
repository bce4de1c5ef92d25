# The API image (docker compose up --build). Built from the sources with the locked dependencies; the runtime stage
# has only production packages and the compiled output.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json codegen.yml schema.graphql ./
COPY src ./src
# tsconfig compiles src and test together (test/ holds the typed documents the tests send); `npm run build` also
# builds the fleet page (web/ -> dist/web), which the API serves at /.
COPY test ./test
COPY web ./web
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=development PORT=4000 HOST=0.0.0.0
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
EXPOSE 4000
# /readyz answers 200 once the database is reachable.
HEALTHCHECK --interval=5s --timeout=3s --start-period=20s --retries=10 CMD ["node", "-e", "fetch('http://127.0.0.1:4000/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
