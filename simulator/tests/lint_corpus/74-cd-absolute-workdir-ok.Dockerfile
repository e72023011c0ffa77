FROM debian:12
WORKDIR /src
RUN make -C /src/lib
