FROM node:latest
WORKDIR /app
COPY . .
CMD ["node", "app.js"]
