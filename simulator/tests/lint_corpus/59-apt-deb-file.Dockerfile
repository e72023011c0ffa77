FROM debian:12
COPY pkg.deb /tmp/
RUN apt-get install -y --no-install-recommends /tmp/pkg.deb
