FROM node:20-alpine
RUN npm install -g @angular/cli
RUN npm install --save-dev jest@29.7.0 ./local-pkg
