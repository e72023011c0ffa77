FROM debian:12
RUN apt-get install -y --no-install-recommends -t bookworm-backports curl=8.0
