# hadolint global ignore=DL3006
FROM ubuntu
RUN apt install -y vim
