FROM alpine:3.20
ARG DB_PASSWORD=changeme
RUN echo building
