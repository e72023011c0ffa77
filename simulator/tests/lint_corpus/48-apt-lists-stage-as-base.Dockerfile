FROM debian:12 AS base
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10
FROM base
CMD ["curl", "--version"]
