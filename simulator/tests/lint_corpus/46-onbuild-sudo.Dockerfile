FROM debian:12
ONBUILD RUN sudo make install
