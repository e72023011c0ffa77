FROM debian:12
RUN apt-get update \
    # fetch curl
    && apt-get install -y --no-install-recommends curl=7.88.1-10 \
    && rm -rf /var/lib/apt/lists/*
