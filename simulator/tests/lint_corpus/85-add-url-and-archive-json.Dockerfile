FROM debian:12
ADD ["https://example.com/a.tgz", "/opt/"]
ADD ["conf/", "/etc/app/"]
