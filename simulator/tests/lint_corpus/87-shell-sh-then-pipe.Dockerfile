FROM debian:12
SHELL ["/bin/sh", "-c"]
RUN echo hi | gzip > /tmp/hi.gz
