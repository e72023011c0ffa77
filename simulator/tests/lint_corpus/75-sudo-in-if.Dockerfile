FROM debian:12
RUN if [ -d /x ]; then sudo rm -rf /x; fi
