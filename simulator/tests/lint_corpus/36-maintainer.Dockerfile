FROM alpine:3.20
MAINTAINER Ana <ana@example.com>
