FROM node:20-alpine AS deps
FROM node:20-alpine
COPY --from=build /app /app
COPY --from=0 /x /x
COPY --from=nginx:1.27 /etc/nginx /etc/nginx
COPY --from=deps /n /n
