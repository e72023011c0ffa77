FROM node:16-alpine
WORKDIR /app
ENV API_KEY=secret123
RUN echo "password=secret" > /app/config
COPY . .
CMD node server.js
