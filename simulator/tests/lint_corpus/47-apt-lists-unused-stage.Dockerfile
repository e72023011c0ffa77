FROM debian:12 AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc=4:12.2.0-3
FROM debian:12
COPY --from=build /usr/bin/gcc /usr/bin/gcc
