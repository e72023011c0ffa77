# syntax=docker/dockerfile:1
FROM debian:12
RUN <<EOF
apt-get update
apt-get install -y --no-install-recommends curl=7.88.1-10
rm -rf /var/lib/apt/lists/*
EOF
