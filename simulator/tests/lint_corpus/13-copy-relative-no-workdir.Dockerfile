FROM node:20-alpine
COPY package.json .
WORKDIR /app
COPY . .
