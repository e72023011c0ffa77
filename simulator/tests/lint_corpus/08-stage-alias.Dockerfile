FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /app .
FROM build AS test
RUN go test ./...
FROM gcr.io/distroless/static-debian12
COPY --from=build /app /app
ENTRYPOINT ["/app"]
