FROM nginx:1.27-alpine
LABEL org.opencontainers.image.authors="ana@example.com"
COPY nginx.conf /etc/nginx/nginx.conf
COPY site/ /usr/share/nginx/html/
EXPOSE 80
VOLUME ["/var/cache/nginx"]
HEALTHCHECK --interval=30s CMD wget -q -O /dev/null http://localhost/ || exit 1
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
