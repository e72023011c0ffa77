FROM debian:12
RUN --mount=type=cache,target=/root/.cache echo a
RUN echo b
