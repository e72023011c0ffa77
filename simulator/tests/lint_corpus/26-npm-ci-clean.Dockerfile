FROM node:20-alpine
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm install -g nodemon@3.1.0
CMD ["node", "app.js"]
