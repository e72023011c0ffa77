FROM debian:12 AS a
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo a | cat
FROM debian:12
RUN echo b | cat
