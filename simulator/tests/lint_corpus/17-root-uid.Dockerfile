FROM debian:12
USER 0:0
