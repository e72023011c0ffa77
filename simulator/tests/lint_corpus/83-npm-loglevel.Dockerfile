FROM node:20-alpine
RUN npm install --loglevel warn express@4.19.2
