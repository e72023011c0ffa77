FROM debian:12
RUN echo a && echo b && echo c
RUN echo d
