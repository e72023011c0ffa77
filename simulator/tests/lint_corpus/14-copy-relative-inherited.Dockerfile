FROM node:20-alpine AS base
WORKDIR /app
FROM base AS dev
COPY . .
FROM node:20-alpine
COPY --from=dev /app/dist dist/
