FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
COPY a.js b.js /srv
