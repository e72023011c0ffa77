FROM debian:12
ONBUILD RUN apt-get install -y curl
