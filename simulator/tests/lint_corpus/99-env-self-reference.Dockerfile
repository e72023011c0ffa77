FROM alpine:3.20
ENV APP=/app BIN=$APP/bin
ENV PATH=$PATH:/x
